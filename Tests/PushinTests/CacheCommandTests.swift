import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// `pushin cache` end to end: incremental runs, stable names, pruning, bad pictures, and a run
/// killed partway.
@Suite struct CacheCommandTests {
    let sources: URL
    let cache: URL

    init() throws {
        sources = try Pushin.temporaryFolder()
        cache = try Pushin.temporaryFolder().appendingPathComponent("cache")
        try FileManager.default.createDirectory(at: sources.appendingPathComponent("nested"), withIntermediateDirectories: true)
        try copySample("chelsea.png", to: "chelsea.png")
        try copySample("rocket.jpg", to: "nested/rocket.jpg")
        try copySample("robot.png", to: "robot.png")
    }

    func copySample(_ name: String, to target: String) throws {
        try FileManager.default.copyItem(
            at: Pushin.packageRoot.appendingPathComponent("images/\(name)"), to: sources.appendingPathComponent(target))
    }

    func runCache(_ extra: [String] = []) throws -> CommandResult {
        try Pushin.run(["cache", "--into", cache.path, "--widths", "20,30"] + extra + [sources.path])
    }

    /// Every plain art file in the cache, as "wWIDTH/NAME.txt", sorted; with `everything`,
    /// colour twins and leftovers too.
    func artFiles(everything: Bool = false) throws -> [String] {
        let manager = FileManager.default
        return try manager.contentsOfDirectory(atPath: cache.path).filter { $0.hasPrefix("w") }.flatMap { folder in
            try manager.contentsOfDirectory(atPath: cache.appendingPathComponent(folder).path).map { "\(folder)/\($0)" }
        }.filter { everything || $0.hasSuffix(".txt") }.sorted()
    }

    @Test func everyArtHasAColourTwin() throws {
        _ = try runCache()
        let all = try artFiles(everything: true)
        let plain = all.filter { $0.hasSuffix(".txt") }
        #expect(all.count == 2 * plain.count)
        for file in plain {
            let twin = String(file.dropLast(4)) + ".ansi"
            #expect(all.contains(twin))
            let colour = try String(contentsOf: cache.appendingPathComponent(twin), encoding: .utf8)
            #expect(colour.contains("\u{1B}[38;5;"), "256 colours")
            let stripped = colour.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
            #expect(stripped == (try String(contentsOf: cache.appendingPathComponent(file), encoding: .utf8)))
        }
    }

    @Test func firstRunRendersEverythingAndSecondRunNothing() throws {
        let first = try runCache()
        #expect(first.status == 0 && first.standardOutput == "")
        #expect(first.standardError.contains("rendered 3 (6 art files), 0 up to date"), "\(first.standardError)")
        let files = try artFiles()
        #expect(files.count == 6)
        #expect(files.allSatisfy { $0.range(of: #"^w(20|30)/(chelsea|rocket|robot)-[0-9a-f]{10}\.txt$"#, options: .regularExpression) != nil }, "\(files)")
        // At the widest width the picture is decoded exactly as convert decodes it.
        let art = try String(contentsOf: cache.appendingPathComponent(files.first { $0.hasPrefix("w30/chelsea") }!), encoding: .utf8)
        let expected = try Pushin.run(["-w", "30", sources.appendingPathComponent("chelsea.png").path]).standardOutput
        #expect(art == expected, "cached art is what convert draws")

        let second = try runCache()
        #expect(second.status == 0)
        #expect(second.standardError.contains("nothing to render, 3 up to date"), "\(second.standardError)")
        #expect(try artFiles() == files, "names are stable")
    }

    @Test func changedPictureChangedOptionsAndNewWidthRenderOnlyWhatChanged() throws {
        _ = try runCache()
        let before = try artFiles()
        // A changed picture: only it is rendered, and its old art goes.
        try FileManager.default.removeItem(at: sources.appendingPathComponent("robot.png"))
        try copySample("cartoon-cat.png", to: "robot.png")
        let changed = try runCache()
        #expect(changed.standardError.contains("rendered 1 (2 art files), 2 up to date"), "\(changed.standardError)")
        #expect(changed.standardError.contains("2 art files removed"))
        let after = try artFiles()
        #expect(after.count == 6 && after != before)
        #expect(Set(after).intersection(before).count == 4, "the other pictures kept their names")
        // New options: everything is drawn again.
        let restyled = try runCache(["--ramp", "short"])
        #expect(restyled.standardError.contains("rendered 3 (6 art files)"), "\(restyled.standardError)")
        // A new width: only that width is drawn.
        let widened = try Pushin.run(["cache", "--into", cache.path, "--widths", "20,30,25", "--ramp", "short", sources.path])
        #expect(widened.standardError.contains("rendered 3 (3 art files)"), "\(widened.standardError)")
        #expect(try artFiles().count == 9)
    }

    @Test func anotherMatchOrSymbolSetDrawsEverythingAgain() throws {
        _ = try runCache()
        for options in [["--match", "tone"], ["--symbols", "braille"], []] {
            let again = try runCache(options)
            #expect(again.standardError.contains("rendered 3 (6 art files)"), "\(options): \(again.standardError)")
        }
        #expect(try runCache().standardError.contains("3 up to date"))
    }

    @Test func sourcesThatAreGoneArePruned() throws {
        _ = try runCache()
        try FileManager.default.removeItem(at: sources.appendingPathComponent("nested/rocket.jpg"))
        let pruned = try runCache()
        #expect(pruned.standardError.contains("2 art files removed"), "\(pruned.standardError)")
        #expect(try artFiles().allSatisfy { !$0.contains("rocket") })
        // --no-prune keeps the art of pictures not among this run's sources.
        let single = try Pushin.run(["cache", "--into", cache.path, "--widths", "20,30", "--no-prune",
                                     sources.appendingPathComponent("robot.png").path])
        #expect(single.status == 0)
        #expect(try artFiles().count == 4)
    }

    @Test func badPictureIsReportedAndTheOthersAreCached() throws {
        try Data("definitely not a picture".utf8).write(to: sources.appendingPathComponent("broken.jpg"))
        let result = try runCache()
        #expect(result.status == 1)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 2, "one line for the bad file, one summary: \(lines)")
        #expect(lines.first == "pushin: \(sources.path)/broken.jpg: not a PNG, JPEG, GIF or WebP image (unrecognised signature)")
        #expect(lines.last?.contains("rendered 3 (6 art files), 0 up to date, 1 failed") == true)
        #expect(try artFiles().count == 6)
    }

    @Test func killedRunLeavesOnlyWholeArtAndTheNextRunFinishes() throws {
        for index in 0 ..< 30 { try copySample("astronaut.png", to: "copy\(index).png") }
        let process = Process()
        process.executableURL = Pushin.binary
        process.arguments = ["cache", "--into", cache.path, "--widths", "60,120", "--jobs", "1", sources.path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while (try? artFiles().count) ?? 0 < 6 && Date() < deadline {
            usleep(2_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        let survivors = try artFiles()
        #expect(survivors.count >= 6 && survivors.count < 66, "killed partway: \(survivors.count)")
        for file in survivors { try expectWholeArt(file) }
        #expect(try artFiles(everything: true).allSatisfy { !$0.contains("/.") || $0.contains(".partial-") }, "only hidden leftovers")
        for file in survivors {
            #expect(try artFiles(everything: true).contains(String(file.dropLast(4)) + ".ansi"), "a visible art has its twin")
        }

        let resumed = try runCache(["--widths", "60,120"])
        #expect(resumed.status == 0, "\(resumed.standardError)")
        let finished = try artFiles()
        #expect(finished.count == 66, "complete")
        #expect(try artFiles(everything: true).allSatisfy { !$0.contains("/.") }, "leftovers cleaned")
        for file in finished { try expectWholeArt(file) }
    }

    /// An art file is whole when every line is as wide as its folder says and ends in a newline.
    func expectWholeArt(_ file: String) throws {
        let width = Int(file.dropFirst().prefix { $0 != "/" })!
        let text = try String(contentsOf: cache.appendingPathComponent(file), encoding: .utf8)
        #expect(text.hasSuffix("\n"), "\(file) ends in a newline")
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= width } && !text.isEmpty, "\(file)")
        #expect(text.split(separator: "\n").count >= 3, "\(file) has all its rows")
    }
}
