import Foundation
import Testing
import TestSupport

/// The startup scripts in shell/, run by real bash, zsh and fish: interactive under a
/// pseudo-terminal, and not.
@Suite struct ShellScriptTests {
    static let scripts = Pushin.packageRoot.appendingPathComponent("shell")
    let home: URL
    let cache: URL

    /// Art whose text says where it came from, so the output tells which file was printed.
    static func art(_ label: String, width: Int, rows: Int) -> String {
        (0 ..< rows).map { row in String("\(label) row \(row) ".padding(toLength: width, withPad: "#", startingAt: 0)) + "\n" }.joined()
    }

    init() throws {
        home = try Pushin.temporaryFolder()
        cache = home.appendingPathComponent("art cache")  // a space in the path, on purpose
        try put("w40/small.txt", Self.art("forty", width: 40, rows: 5))
        try put("w60/tall one.txt", Self.art("sixty tall", width: 60, rows: 30))
        try put("w60/short\none.txt", Self.art("sixty short", width: 60, rows: 8))
        try put("w80/wide.txt", Self.art("eighty", width: 80, rows: 10))
        try put("w60/.hidden.txt.partial-abc123", "half written")
    }

    func put(_ path: String, _ text: String) throws {
        let url = cache.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: false, encoding: .utf8)
    }

    /// Writes a startup file that sources the script, after `preamble`.
    func rcFile(_ name: String, sourcing script: String, preamble: String = "") throws -> String {
        let path = home.appendingPathComponent(name).path
        try "\(preamble)\nsource '\(Self.scripts.appendingPathComponent(script).path)'\n".write(
            toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    /// Runs an interactive shell that sources the script and exits at once.
    func interactive(_ shell: String, columns: Int = 70, rows: Int = 40, cache: String? = nil, preamble: String = "") throws -> ShellRunner.Output {
        let environment = ["HOME": home.path, "PUSHIN_CACHE": cache ?? self.cache.path]
        switch shell {
        case "bash":
            let rc = try rcFile("bashrc", sourcing: "pushin.bash", preamble: preamble)
            return try ShellRunner.underTerminal("bash --rcfile '\(rc)' -i -c exit", columns: columns, rows: rows, environment: environment)
        case "zsh":
            _ = try rcFile(".zshrc", sourcing: "pushin.zsh", preamble: preamble)
            return try ShellRunner.underTerminal(
                "zsh -i -c exit", columns: columns, rows: rows, environment: environment.merging(["ZDOTDIR": home.path]) { $1 })
        default:
            let config = home.appendingPathComponent("config/fish")
            try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
            try "\(preamble)\nsource '\(Self.scripts.appendingPathComponent("pushin.fish").path)'\n".write(
                to: config.appendingPathComponent("config.fish"), atomically: false, encoding: .utf8)
            return try ShellRunner.underTerminal(
                "fish -i", columns: columns, rows: rows, input: "exit\n",
                environment: environment.merging(["XDG_CONFIG_HOME": home.appendingPathComponent("config").path]) { $1 })
        }
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func interactiveShellPrintsTheWidestArtThatFits(shell: String) throws {
        let output = try interactive(shell, columns: 70, rows: 40)
        #expect(output.text.contains(Self.art("sixty tall", width: 60, rows: 30))
                || output.text.contains(Self.art("sixty short", width: 60, rows: 8)), "\(output.text)")
        #expect(!output.text.contains("eighty") && !output.text.contains("forty") && !output.text.contains("half written"))
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func artTallerThanTheTerminalIsAvoided(shell: String) throws {
        for _ in 0 ..< 4 {
            let output = try interactive(shell, columns: 70, rows: 20)
            #expect(output.text.contains(Self.art("sixty short", width: 60, rows: 8)), "\(output.text)")
        }
    }

    /// The art never takes more than the terminal's height less two rows, or $PUSHIN_MAX_LINES.
    @Test(arguments: ["bash", "zsh", "fish"])
    func greetingNeverTakesMoreThanTheLimit(shell: String) throws {
        // 10 rows leave 8: "sixty short" (8 rows) still fits; 9 leave 7: only "forty" (5) does.
        #expect(try interactive(shell, columns: 70, rows: 10).text.contains(Self.art("sixty short", width: 60, rows: 8)))
        #expect(try interactive(shell, columns: 70, rows: 9).text.contains(Self.art("forty", width: 40, rows: 5)))
        // Nothing fits 4 rows: nothing is printed rather than art the prompt would push away.
        #expect(!(try interactive(shell, columns: 70, rows: 6).text.contains("row")))
        let limited = try interactive(shell, columns: 70, rows: 40, preamble: shell == "fish" ? "set PUSHIN_MAX_LINES 6" : "PUSHIN_MAX_LINES=6")
        #expect(limited.text.contains(Self.art("forty", width: 40, rows: 5)), "\(limited.text)")
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func narrowTerminalFallsBackToNarrowerArt(shell: String) throws {
        let output = try interactive(shell, columns: 50)
        #expect(output.text.contains(Self.art("forty", width: 40, rows: 5)), "\(output.text)")
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func emptyOrMissingCacheIsSilent(shell: String) throws {
        let empty = try Pushin.temporaryFolder()
        for cache in [empty.path, empty.appendingPathComponent("missing").path] {
            let output = try interactive(shell, cache: cache)
            #expect(!output.text.contains("row"), "\(output.text)")
            #expect(!output.text.lowercased().contains("error") && !output.text.contains("no such") && !output.text.contains("No match"),
                    "\(output.text)")
        }
    }

    @Test(arguments: [("bash", "set -u; set -e"), ("zsh", "setopt nounset errexit")])
    func strictUserSettingsCauseNoError(shell: String, preamble: String) throws {
        let output = try interactive(shell, preamble: preamble)
        #expect(!output.text.contains("unbound") && !output.text.contains("parameter not set"), "\(output.text)")
        #expect(output.text.contains("sixty"), "\(output.text)")
        let empty = try interactive(shell, cache: "/nonexistent/pushin", preamble: preamble)
        #expect(!empty.text.contains("unbound") && !empty.text.contains("parameter not set"), "\(empty.text)")
    }

    @Test(arguments: [
        ["bash", "-c", "source \"$0\"; echo done"],
        ["zsh", "-c", "source \"$0\"; echo done"],
        ["fish", "-c", "source $argv[0]; echo done"],
    ])
    func nonInteractiveShellPrintsNothing(command: [String]) throws {
        let script = Self.scripts.appendingPathComponent("pushin.\(command[0])").path
        let arguments = command[0] == "fish" ? [command[0], "-c", "source '\(script)'; echo done"] : command + [script]
        let output = try ShellRunner.run(arguments, environment: ["PUSHIN_CACHE": cache.path])
        #expect(output.text == "done\n")
        // Under a terminal, too: `bash -c` over ssh -t is not interactive.
        let underTerminal = try ShellRunner.underTerminal(
            arguments.map { "'\($0)'" }.joined(separator: " "), environment: ["PUSHIN_CACHE": cache.path])
        #expect(underTerminal.text == "done\n")
    }

    @Test(arguments: ["bash", "zsh"])
    func interactiveShellWritingToAPipePrintsNothing(shell: String) throws {
        let rc = shell == "bash" ? try rcFile("bashrc", sourcing: "pushin.bash") : try rcFile(".zshrc", sourcing: "pushin.zsh")
        let command = shell == "bash" ? "bash --rcfile '\(rc)' -i -c 'echo done' | cat" : "zsh -i -c 'echo done' | cat"
        let output = try ShellRunner.underTerminal(
            command, environment: ["PUSHIN_CACHE": cache.path, "ZDOTDIR": home.path, "HOME": home.path])
        #expect(!output.text.contains("row"), "\(output.text)")
        #expect(output.text.contains("done"))
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func namesWithSpacesAndNewlinesArePrinted(shell: String) throws {
        let odd = try Pushin.temporaryFolder()
        let url = odd.appendingPathComponent("w30/a b\nc.txt")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Self.art("odd name", width: 30, rows: 3).write(to: url, atomically: false, encoding: .utf8)
        let output = try interactive(shell, cache: odd.path)
        #expect(output.text.contains(Self.art("odd name", width: 30, rows: 3)), "\(output.text)")
    }
}
