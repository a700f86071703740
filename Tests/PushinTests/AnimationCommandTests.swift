import Foundation
import Testing
import TestSupport

/// Animated GIF and WebP end to end: stills of a frame, playback in a real terminal, HTML, the
/// cache and the greeting's `random --animate`, and hostile animations.
@Suite struct AnimationCommandTests {
    static let cat = "images/cat-wave.gif"
    static let balloon = "images/balloon-float.webp"
    static let fixtures = "Tests/ImageDecodingTests/Fixtures/animation/"

    @Test func withoutATerminalOneFrameIsPrinted() throws {
        let auto = try Pushin.run(["-w", "40", Self.cat])
        let never = try Pushin.run(["-w", "40", "--animate", "never", Self.cat])
        let first = try Pushin.run(["-w", "40", "--frame", "1", Self.cat])
        #expect(auto.status == 0 && auto.standardError == "")
        #expect(!auto.standardOutput.contains("\u{1B}"), "no cursor movement, no colour")
        #expect(auto.standardOutput == never.standardOutput && auto.standardOutput == first.standardOutput)
        let later = try Pushin.run(["-w", "40", "--frame", "4", Self.cat])
        #expect(later.status == 0 && later.standardOutput != first.standardOutput, "frame 4 waves its paw")
    }

    @Test func aFramePastTheEndIsTheLastAndFrameZeroIsAUsageError() throws {
        let last = try Pushin.run(["-w", "30", "--frame", "12", Self.balloon])
        let beyond = try Pushin.run(["-w", "30", "--frame", "500", Self.balloon])
        #expect(beyond.status == 0 && beyond.standardOutput == last.standardOutput)
        #expect(try Pushin.run(["--frame", "0", Self.cat]).status == 64)
    }

    @Test func htmlAnimatesWithCSSAloneUnlessAskedForAStill() throws {
        let page = try Pushin.run(["-w", "40", "--format", "html", Self.cat])
        #expect(page.status == 0)
        #expect(page.standardOutput.matches(of: /<pre class="p1f\d+">/).count == 12, "one <pre> per frame")
        #expect(page.standardOutput.contains("@keyframes p1f12") && page.standardOutput.contains("1200ms step-end infinite"))
        #expect(!page.standardOutput.contains("<script"))
        let still = try Pushin.run(["-w", "40", "--format", "html", "--animate", "never", Self.cat])
        #expect(!still.standardOutput.contains("@keyframes") && still.standardOutput.matches(of: /<pre>/).count == 1)
    }

    @Test func playbackLeavesOneCopyOfTheLastFrameAndTheCursorShowing() throws {
        let last = try Pushin.run(["-w", "40", "--no-trim", "--frame", "12", Self.cat])
        let terminal = try TerminalSession()
        try terminal.type("cd '\(Pushin.packageRoot.path)' && clear && '\(Pushin.binary.path)' -w 40 --no-trim --loop 1 \(Self.cat); echo status=$?")
        #expect(try terminal.waitFor { $0 == "status=0" })
        let screen = try terminal.screen()
        let art = last.standardOutput.split(separator: "\n").map(String.init)
        let start = try #require(screen.firstIndex(of: art[0]))
        #expect(Array(screen[start ..< start + art.count]) == art, "the last frame, drawn in place")
        #expect(screen.filter { $0 == art[art.count / 2] }.count == 1, "exactly one copy of the art")
        #expect(screen[start + art.count] == "status=0", "the cursor ends below the art")
        #expect(try terminal.cursorIsVisible())
    }

    @Test func controlCMidAnimationRestoresTheCursor() throws {
        let terminal = try TerminalSession()
        try terminal.type("cd '\(Pushin.packageRoot.path)' && '\(Pushin.binary.path)' -w 40 --match tone \(Self.cat); echo status=$?")
        // A run of the cat's fur, which no path on the command line can contain (CI's clone
        // was once under a folder whose name held "kk", and the test pressed Ctrl-C too soon).
        let fur = String(repeating: "k", count: 8)
        #expect(try terminal.waitFor { !$0.hasPrefix("$") && $0.contains(fur) }, "the cat is on screen")
        usleep(400_000)
        #expect(try !terminal.cursorIsVisible(), "hidden while playing")
        try terminal.press("C-c")
        // The shell drops the rest of the line on Ctrl-C and prompts again, below the art, and
        // the command line above the art is still there.
        #expect(try terminal.waitFor { $0 == "$" })
        let screen = try terminal.screen(), shown = screen.joined(separator: "\n")
        #expect(screen.last { !$0.isEmpty } == "$", "the new prompt comes last:\n\(shown)")
        #expect(screen.contains { $0.hasPrefix("$ cd ") }, "the command line is not drawn over:\n\(shown)")
        #expect(!screen.contains { $0.hasPrefix("status=") }, "the shell dropped the rest of the line:\n\(shown)")
        #expect(try terminal.cursorIsVisible())
    }

    @Test func animationTallerThanTheTerminalIsDrawnToFit() throws {
        let terminal = try TerminalSession(columns: 120, rows: 20)
        // From standard input, which can be read only once: the refit draws from memory.
        try terminal.type("cd '\(Pushin.packageRoot.path)' && clear && cat \(Self.balloon) | '\(Pushin.binary.path)' -w 100 --loop 1 -; echo status=$?")
        #expect(try terminal.waitFor { $0 == "status=0" })
        let screen = try terminal.screen()
        // Nothing scrolled: the command line was cleared away, the art starts on the first row
        // and ends above the status line, within 20 rows.
        #expect(!screen[0].isEmpty && !screen[0].contains("status"))
        let status = try #require(screen.firstIndex(of: "status=0"))
        #expect(status <= 19)
    }

    @Test func cacheStoresTheFramesAndRandomPlaysThemOnce() throws {
        let sources = try Pushin.temporaryFolder()
        let cache = try Pushin.temporaryFolder().appendingPathComponent("cache")
        try FileManager.default.copyItem(
            at: Pushin.packageRoot.appendingPathComponent(Self.cat), to: sources.appendingPathComponent("cat-wave.gif"))
        let built = try Pushin.run(["cache", "--into", cache.path, "--widths", "30,40", sources.path])
        #expect(built.status == 0, "\(built.standardError)")
        let folder = cache.appendingPathComponent("w40")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names.count == 4 && names.filter { $0.hasSuffix(".anim") || $0.hasSuffix(".anim.ansi") }.count == 2, "\(names)")
        let animation = try String(contentsOf: folder.appendingPathComponent(try #require(names.first { $0.hasSuffix(".anim") })), encoding: .utf8)
        #expect(animation.hasPrefix("pushin-animation 1 frames=12 rows="))
        #expect(animation.hasSuffix("\n") && animation.contains("loop=forever"))
        let still = try String(contentsOf: folder.appendingPathComponent(try #require(names.first { $0.hasSuffix(".txt") })), encoding: .utf8)
        let rows = still.filter { $0 == "\n" }.count
        // The still art is the first frame, and the last frame's lines end the animation file.
        let lines = animation.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines[2 ... rows + 1].joined(separator: "\n") + "\n" == still)
        let lastFrame = lines.suffix(rows).map(String.init)

        let terminal = try TerminalSession(environment: ["NO_COLOR": "1"])
        try terminal.type("clear; '\(Pushin.binary.path)' random --cache '\(cache.path)' -w 40 --animate --duration 5; echo status=$?")
        #expect(try terminal.waitFor { $0 == "status=0" })
        let screen = try terminal.screen()
        let start = try #require(screen.firstIndex(of: lastFrame[0].trimmingSuffix()))
        #expect(Array(screen[start ..< start + rows]) == lastFrame.map { $0.trimmingSuffix() }, "played once, resting on the last frame")
        #expect(try terminal.cursorIsVisible())
    }

    @Test(arguments: [
        ("truncated.gif", ["--animate", "always"], "damaged GIF"),
        ("corrupt-lzw.gif", ["--animate", "always"], "damaged GIF: Image is defective"),
        ("truncated.webp", ["--animate", "always"], "damaged WebP: file ends before the animation does"),
        ("huge-canvas.gif", [], "65535 × 65535 pixels"),
        ("too-many-frames.gif", ["--animate", "always"], "more than 1000 frames"),
    ])
    func hostileAnimationsFailInOneLineQuickly(name: String, options: [String], reason: String) throws {
        let path = Self.fixtures + name
        let result = try Pushin.measure(["-w", "80"] + options + [path])
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("pushin: \(path): ") && result.standardError.contains(reason), "\(result.standardError)")
        #expect(result.standardError.filter { $0 == "\n" }.count == 1)
        #expect(result.seconds < HostileFileTests.timeLimit)
        if HostileFileTests.resourcesAreMeaningful { #expect(result.peakResidentBytes < 400 << 20) }
    }

    @Test func lenientDrawsAnAnimationUpToTheCapWithAWarning() throws {
        // As HTML every frame is decoded, and none is waited for.
        let result = try Pushin.run(
            ["-w", "20", "--format", "html", "--lenient", "--background", "none", Self.fixtures + "too-many-frames.gif"])
        #expect(result.status == 0)
        #expect(result.standardOutput.matches(of: /<pre class=/).count == 1000)
        #expect(result.standardError.contains("warning: more than 1000 frames: drawing the first 1000"))
    }
}

extension String {
    /// The string without trailing blanks, as a terminal's screen shows a line.
    func trimmingSuffix() -> String { String(reversed().drop { $0 == " " }.reversed()) }
}
