import ArgumentParser
import AsciiArt
import ArtCache
import PushinCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `pushin random`: prints one cached art that fits the terminal.
struct RandomCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "random",
        abstract: "Print a random cached art that fits the terminal.",
        discussion: """
            Chooses the widest cached width that fits and, among those, art no taller than \
            --max-height rows (default: $PUSHIN_MAX_LINES, else the terminal's height less two, so \
            the prompt stays in view). Prints nothing and exits 0 when the cache is empty or \
            missing, or nothing fits. Never decodes a picture. With --animate, a cached animation plays once \
            (for at most --duration seconds) and leaves its last frame on screen.
            """)

    @Option(help: "The cache folder (default: $PUSHIN_CACHE, else $XDG_CACHE_HOME/pushin, else ~/.cache/pushin).")
    var cache: String?

    @Option(name: [.short, .long], help: "The widest art to print (default: the terminal's width, else $COLUMNS, else 80).")
    var width: Int?

    @Option(help: "The most rows the art may take (default: $PUSHIN_MAX_LINES, else the terminal's height less two; 0: no limit).")
    var maxHeight: Int?

    @Option(help: ColorArguments.colorHelp)
    var color: ColorChoice = .auto

    @Flag(help: "Play the art once when it is a cached animation (on a terminal).")
    var animate = false

    @Option(help: "Stop an animation after this many seconds.")
    var duration: Double = 3

    @Flag(help: """
        Print the path of the picked art's file instead of the art (plain text, or its colour twin when colour is on), \
        for greeters that read a logo from a file: fastfetch --logo "$(pushin random --path)" --logo-type file-raw.
        """)
    var path = false

    mutating func validate() throws {
        if !(duration > 0 && duration < 1e6) { throw ValidationError("--duration must be a positive number of seconds") }
        if let maxHeight, maxHeight < 0 { throw ValidationError("--max-height must be 0 or more") }
    }

    func run() throws {
        let environment = Environment.current
        let layout = CacheLayout(directory: cache ?? CacheLayout.defaultDirectory(environment: environment))
        let columns = width ?? Terminal.defaultColumns(environment: environment)
        var generator = SystemRandomNumberGenerator()
        let colour = ColorPolicy.depth(
            choice: color, depth: nil, environment: environment, outputIsTerminal: Terminal.outputIsTerminal) != nil
        guard let picked = RandomArt.pickFile(
            from: layout, columns: columns, rows: Self.rowLimit(maxHeight, environment: environment), colour: colour,
            using: &generator)
        else { return }
        if path {
            let twin = CacheLayout.colourTwin(of: picked.path)
            writeToStandardOutput((colour && FileIO.signature(of: twin) != nil ? twin : picked.path) + "\n")
        } else if animate, Terminal.outputIsTerminal,
           let bytes = try? FileIO.contents(of: CacheLayout.animation(of: picked.path, colour: colour)),
           let animation = AnimationFile.decode(bytes) {
            Playback.play(animation.frames, loops: 1, duration: duration, endOnLastFrame: true)
        } else {
            writeToStandardOutput(picked.art)
        }
    }
}

extension RandomCommand {
    /// The most rows the art may take, as the startup scripts decide it: `--max-height`, else
    /// `$PUSHIN_MAX_LINES`, else the terminal's height less two (at least one); `nil` (no limit)
    /// for 0 or when nothing says.
    static func rowLimit(_ maxHeight: Int?, environment: [String: String]) -> Int? {
        let limit = maxHeight ?? environment["PUSHIN_MAX_LINES"].flatMap { Int($0) }.flatMap { $0 >= 0 ? $0 : nil }
            ?? Terminal.rows(environment: environment).map { $0 > 3 ? $0 - 2 : 1 }
        return limit == 0 ? nil : limit
    }
}

/// `pushin init SHELL`: prints the line that greets every new terminal.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Print the line to add to your shell's startup file.",
        discussion: """
            pushin init bash >> ~/.bashrc, pushin init zsh >> ~/.zshrc, or \
            pushin init fish >> ~/.config/fish/config.fish. When pushin is installed (scripts/install), \
            this is one line that sources the installed startup script, share/pushin/pushin.SHELL beside the \
            binary; otherwise it is the startup script itself. Either way the greeting starts no program: \
            it picks and prints a cached art with the shell's builtins, in interactive terminals only.
            """)

    /// The shells pushin greets in.
    enum Shell: String, NamedChoice {
        case bash, zsh, fish

        /// The line that sources an installed startup script (the script itself prints only in
        /// interactive terminals).
        func sourcing(_ path: String) -> String {
            "source '" + path.split(separator: "'", omittingEmptySubsequences: false).joined(separator: #"'\''"#) + "'"
        }
    }

    @Argument(help: "bash, zsh or fish.")
    var shell: Shell

    func run() throws {
        if let installed = Self.installedScript(for: shell) {
            writeToStandardOutput("# pushin: a random picture on every new terminal\n\(shell.sourcing(installed))\n")
        } else {
            writeToStandardOutput(shell.startupScript + "\n")
        }
    }

    /// The startup script installed beside this binary (`PREFIX/share/pushin/pushin.SHELL` for
    /// `PREFIX/bin/pushin`, found from the binary's real path), if there is one.
    static func installedScript(for shell: Shell) -> String? {
        guard let resolved = realpath("/proc/self/exe", nil) else { return nil }
        defer { free(resolved) }
        let binary = String(cString: resolved).split(separator: "/")
        guard binary.count >= 2 else { return nil }
        let script = "/" + (binary.dropLast(2) + ["share", "pushin", "pushin.\(shell.rawValue)"]).joined(separator: "/")
        return access(script, R_OK) == 0 ? script : nil
    }
}
