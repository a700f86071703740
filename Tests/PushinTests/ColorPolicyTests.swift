import AsciiArt
import Foundation
import PushinCore
import Testing
import TestSupport

/// The colour decision table, and colour end to end through a real pseudo-terminal.
@Suite struct ColorPolicyTests {
    @Test(arguments: [
        // choice, environment, terminal → depth
        (ColorChoice.auto, ["TERM": "xterm-256color"], true, ColorDepth?.some(.ansi256)),
        (.auto, ["TERM": "xterm-256color"], false, nil),
        (.auto, ["TERM": "xterm", "COLORTERM": "truecolor"], true, .truecolor),
        (.auto, ["TERM": "xterm", "COLORTERM": "24bit"], true, .truecolor),
        (.auto, ["TERM": "xterm"], true, .ansi16),
        (.auto, ["TERM": "dumb"], true, nil),
        (.auto, ["TERM": "xterm-256color", "NO_COLOR": "1"], true, nil),
        (.auto, ["TERM": "xterm-256color", "NO_COLOR": ""], true, .ansi256),
        (.auto, ["TERM": "xterm-256color", "CLICOLOR_FORCE": "1"], false, .ansi256),
        (.auto, ["TERM": "dumb", "FORCE_COLOR": "1"], false, .ansi16),
        (.auto, ["TERM": "xterm", "FORCE_COLOR": "0"], false, nil),
        (.auto, ["NO_COLOR": "1", "CLICOLOR_FORCE": "1"], false, nil),
        (.always, ["TERM": "dumb", "NO_COLOR": "1"], false, .ansi16),
        (.never, ["TERM": "xterm-256color", "CLICOLOR_FORCE": "1"], true, nil),
    ])
    func decisionTable(choice: ColorChoice, environment: [String: String], terminal: Bool, expected: ColorDepth?) {
        #expect(ColorPolicy.depth(choice: choice, depth: nil, environment: environment, outputIsTerminal: terminal) == expected)
    }

    @Test func explicitDepthWins() {
        #expect(ColorPolicy.depth(choice: .always, depth: .truecolor, environment: ["TERM": "xterm"], outputIsTerminal: false) == .truecolor)
    }

    @Test(arguments: [("15;0", false), ("0;15", true), ("0;default;7", true), ("7;8", false), ("", false)])
    func themeFromColorFGBG(value: String, light: Bool) {
        #expect(Theme.auto.isLight(environment: ["COLORFGBG": value]) == light)
        #expect(Theme.light.isLight(environment: [:]) && !Theme.dark.isLight(environment: ["COLORFGBG": "0;15"]))
    }

    static let escape = "\u{1B}["

    @Test func autoColoursATerminalOnly() throws {
        let command = "'\(Pushin.binary.path)' -w 30 '\(Pushin.packageRoot.path)/images/robot.png'"
        let terminal = try ShellRunner.run(["script", "-qec", command, "/dev/null"], environment: ["TERM": "xterm-256color"])
        #expect(terminal.raw.contains("38;5;"), "256 colours on a 256-colour terminal")
        let noColor = try ShellRunner.run(["script", "-qec", command, "/dev/null"], environment: ["TERM": "xterm-256color", "NO_COLOR": "1"])
        #expect(!noColor.raw.contains(Self.escape + "38"))
        let dumb = try ShellRunner.run(["script", "-qec", command, "/dev/null"], environment: ["TERM": "dumb"])
        #expect(!dumb.raw.contains(Self.escape + "38"))
        let piped = try Pushin.run(["-w", "30", "images/robot.png"], environment: ["TERM": "xterm-256color"])
        #expect(!piped.standardOutput.contains(Self.escape))
        let forced = try Pushin.run(["-w", "30", "images/robot.png"], environment: ["TERM": "xterm-256color", "CLICOLOR_FORCE": "1"])
        #expect(forced.standardOutput.contains(Self.escape + "38;5;"), "\(forced.standardOutput.debugDescription.prefix(600))")
    }

    @Test func ansiAndHTMLFormats() throws {
        let ansi = try Pushin.run(["-w", "30", "--format", "ansi", "--color-depth", "truecolor", "images/robot.png"])
        #expect(ansi.standardOutput.contains(Self.escape + "38;2;"))
        #expect(ansi.standardOutput.split(separator: "\n").allSatisfy { !$0.contains(Self.escape) || $0.hasSuffix(Self.escape + "0m") })
        let html = try Pushin.run(["-w", "30", "--format", "html", "images/robot.png"])
        #expect(html.standardOutput.hasPrefix("<!DOCTYPE html>") && html.standardOutput.contains("<title>robot.png</title>"))
        #expect(!html.standardOutput.contains(Self.escape))
        let page = try Pushin.run(["-w", "30", "--format", "html", "images/robot.png", "images/balloon.png"])
        #expect(page.standardOutput.split(separator: "<html", omittingEmptySubsequences: false).count == 2, "several inputs make one page")
        #expect(page.standardOutput.contains("<h2>robot.png</h2>") && page.standardOutput.contains("<h2>balloon.png</h2>"))
        #expect(page.standardOutput.contains("<title>pushin: 2 pictures</title>"))
    }

    @Test func closedPipeIsQuiet() throws {
        let result = try ShellRunner.run(
            ["sh", "-c", "'\(Pushin.binary.path)' -w 80 '\(Pushin.packageRoot.path)/images/astronaut.png' | head -3"])
        #expect(result.text.split(separator: "\n").count == 3, "three lines and no complaint: \(result.text)")
    }

    @Test func randomPrintsTheColourTwinOnlyWhenColourIsAllowed() throws {
        let cache = try Pushin.temporaryFolder()
        _ = try Pushin.run(["cache", "--into", cache.path, "--widths", "30", "images/robot.png"])
        let command = "'\(Pushin.binary.path)' random --cache '\(cache.path)'"
        let coloured = try ShellRunner.underTerminal(command, environment: ["TERM": "xterm-256color"])
        #expect(coloured.raw.contains("38;5;"))
        let plain = try ShellRunner.underTerminal(command, environment: ["TERM": "xterm-256color", "NO_COLOR": "1"])
        let robot = try Self.middleLineOfRobot()
        #expect(!plain.raw.contains("38;5;") && plain.text.contains(robot))
        let piped = try Pushin.run(["random", "--cache", cache.path], environment: ["TERM": "xterm-256color"])
        #expect(!piped.standardOutput.contains(Self.escape))
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func shellScriptsPickColourOrPlainByTheSameRules(shell: String) throws {
        let cache = try Pushin.temporaryFolder()
        _ = try Pushin.run(["cache", "--into", cache.path, "--widths", "30", "images/robot.png"])
        let home = try Pushin.temporaryFolder()
        let script = Pushin.packageRoot.appendingPathComponent("shell/pushin.\(shell)").path
        var environment = ["HOME": home.path, "PUSHIN_CACHE": cache.path, "TERM": "xterm-256color"]
        let command: String
        switch shell {
        case "bash":
            try "source '\(script)'\n".write(to: home.appendingPathComponent("rc"), atomically: false, encoding: .utf8)
            command = "bash --rcfile '\(home.path)/rc' -i -c exit"
        case "zsh":
            try "source '\(script)'\n".write(to: home.appendingPathComponent(".zshrc"), atomically: false, encoding: .utf8)
            environment["ZDOTDIR"] = home.path
            command = "zsh -i -c exit"
        default:
            let config = home.appendingPathComponent("config/fish")
            try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
            try "source '\(script)'\n".write(to: config.appendingPathComponent("config.fish"), atomically: false, encoding: .utf8)
            environment["XDG_CONFIG_HOME"] = home.appendingPathComponent("config").path
            command = "fish -i"
        }
        let input = shell == "fish" ? "exit\n" : ""
        let coloured = try ShellRunner.run(["script", "-qec", command, "/dev/null"], input: input, environment: environment)
        #expect(coloured.raw.contains("38;5;"), "\(coloured.raw)")
        environment["NO_COLOR"] = "1"
        let plain = try ShellRunner.run(["script", "-qec", command, "/dev/null"], input: input, environment: environment)
        let robot = try Self.middleLineOfRobot()
        #expect(!plain.raw.contains("38;5;") && plain.text.contains(robot), "\(plain.text)")
    }

    /// A line from the middle of the robot's art at 30 columns, as the cache holds it.
    static func middleLineOfRobot() throws -> String {
        let lines = try Pushin.run(["-w", "30", "images/robot.png"]).standardOutput.split(separator: "\n")
        return String(lines[lines.count / 2])
    }
}
