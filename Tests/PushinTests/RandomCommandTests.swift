import Foundation
import Testing
import TestSupport

/// `pushin random` and `pushin init`, end to end.
@Suite struct RandomCommandTests {
    let cache: URL

    init() throws {
        cache = try Pushin.temporaryFolder()
        for (path, label, width, rows) in [
            ("w40/small.txt", "forty", 40, 5), ("w60/tall.txt", "sixty tall", 60, 30),
            ("w60/short.txt", "sixty short", 60, 8), ("w80/wide.txt", "eighty", 80, 10),
        ] {
            let url = cache.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try ShellScriptTests.art(label, width: width, rows: rows).write(to: url, atomically: false, encoding: .utf8)
        }
    }

    @Test func printsTheWidestArtThatFitsTheWidth() throws {
        for _ in 0 ..< 5 {
            let result = try Pushin.run(["random", "--cache", cache.path, "--width", "79"])
            #expect(result.status == 0 && result.standardError == "")
            #expect(result.standardOutput.hasPrefix("sixty"), "\(result.standardOutput)")
        }
        let wide = try Pushin.run(["random", "--cache", cache.path], environment: ["COLUMNS": "200"])
        #expect(wide.standardOutput == ShellScriptTests.art("eighty", width: 80, rows: 10))
    }

    @Test func pathNamesTheFileOfTheArtItWouldPrint() throws {
        let result = try Pushin.run(["random", "--cache", cache.path, "--path"], environment: ["COLUMNS": "200"])
        #expect(result.status == 0 && result.standardOutput == cache.appendingPathComponent("w80/wide.txt").path + "\n")
        let art = try String(contentsOfFile: String(result.standardOutput.dropLast()), encoding: .utf8)
        #expect(art == ShellScriptTests.art("eighty", width: 80, rows: 10))
    }

    @Test func prefersArtNoTallerThanTheTerminal() throws {
        for _ in 0 ..< 5 {
            let result = try Pushin.run(["random", "--cache", cache.path, "--width", "70"], environment: ["LINES": "20"])
            #expect(result.standardOutput == ShellScriptTests.art("sixty short", width: 60, rows: 8))
        }
        // The terminal's height less two: 9 rows leave 7, and only "forty" (5 rows) fits.
        let nine = try Pushin.run(["random", "--cache", cache.path, "--width", "70"], environment: ["LINES": "9"])
        #expect(nine.standardOutput == ShellScriptTests.art("forty", width: 40, rows: 5))
        // Nothing fits 4 rows: nothing is printed rather than art taller than the limit.
        let cramped = try Pushin.run(["random", "--cache", cache.path, "--width", "70"], environment: ["LINES": "4"])
        #expect(cramped.status == 0 && cramped.standardOutput == "")
        let limited = try Pushin.run(["random", "--cache", cache.path, "--width", "70"], environment: ["PUSHIN_MAX_LINES": "6"])
        #expect(limited.standardOutput == ShellScriptTests.art("forty", width: 40, rows: 5))
        let flag = try Pushin.run(["random", "--cache", cache.path, "--width", "70", "--max-height", "0"], environment: ["LINES": "4"])
        #expect(flag.standardOutput.hasPrefix("sixty"), "0: no limit")
    }

    @Test func usesTheTerminalsSizeUnderATerminal() throws {
        let output = try ShellRunner.underTerminal(
            "'\(Pushin.binary.path)' random --cache '\(cache.path)'", columns: 70, rows: 20)
        #expect(output.text == ShellScriptTests.art("sixty short", width: 60, rows: 8))
    }

    @Test func emptyMissingOrTooNarrowIsSilent() throws {
        let empty = try Pushin.temporaryFolder()
        for arguments in [["--cache", empty.path], ["--cache", empty.path + "/missing"], ["--cache", cache.path, "--width", "30"]] {
            let result = try Pushin.run(["random"] + arguments)
            #expect(result.status == 0 && result.standardOutput == "" && result.standardError == "")
        }
    }

    @Test func honoursPushinCache() throws {
        let result = try Pushin.run(["random", "--width", "45"], environment: ["PUSHIN_CACHE": cache.path])
        #expect(result.standardOutput == ShellScriptTests.art("forty", width: 40, rows: 5))
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func initLineGreetsInAnInteractiveShellOnly(shell: String) throws {
        let snippet = try Pushin.run(["init", shell])
        #expect(snippet.status == 0 && snippet.standardOutput.hasPrefix("# pushin"))
        let home = try Pushin.temporaryFolder()
        var environment = [
            "HOME": home.path, "PUSHIN_CACHE": cache.path,
            "PATH": Pushin.binary.deletingLastPathComponent().path + ":/usr/bin:/bin",
        ]
        let command: String
        switch shell {
        case "bash":
            try snippet.standardOutput.write(to: home.appendingPathComponent(".bashrc"), atomically: false, encoding: .utf8)
            command = "bash -i -c exit"
        case "zsh":
            try snippet.standardOutput.write(to: home.appendingPathComponent(".zshrc"), atomically: false, encoding: .utf8)
            environment["ZDOTDIR"] = home.path
            command = "zsh -i -c exit"
        default:
            let config = home.appendingPathComponent("config/fish")
            try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
            try snippet.standardOutput.write(to: config.appendingPathComponent("config.fish"), atomically: false, encoding: .utf8)
            environment["XDG_CONFIG_HOME"] = home.appendingPathComponent("config").path
            command = "fish -i"
        }
        let greeted = try ShellRunner.underTerminal(command, columns: 50, input: "exit\n", environment: environment)
        #expect(greeted.text.contains(ShellScriptTests.art("forty", width: 40, rows: 5)), "\(greeted.text)")
        let quiet = try ShellRunner.underTerminal("\(shell) -c 'echo done'", environment: environment)
        #expect(quiet.text == "done\n")
    }
}
