import ArgumentParser
import AsciiArt
import ArtCache
import PushinCore

/// `pushin random`: prints one cached art that fits the terminal.
struct RandomCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "random",
        abstract: "Print a random cached art that fits the terminal.",
        discussion: """
            Chooses the widest cached width that fits and, among those, art no taller than \
            the terminal when it can. Prints nothing and exits 0 when the cache is empty or \
            missing. Never decodes a picture. With --animate, a cached animation plays once \
            (for at most --duration seconds) and leaves its last frame on screen.
            """)

    @Option(help: "The cache folder (default: $PUSHIN_CACHE, else $XDG_CACHE_HOME/pushin, else ~/.cache/pushin).")
    var cache: String?

    @Option(name: [.short, .long], help: "The widest art to print (default: the terminal's width, else $COLUMNS, else 80).")
    var width: Int?

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
    }

    func run() throws {
        let environment = Environment.current
        let layout = CacheLayout(directory: cache ?? CacheLayout.defaultDirectory(environment: environment))
        let columns = width ?? Terminal.defaultColumns(environment: environment)
        var generator = SystemRandomNumberGenerator()
        let colour = ColorPolicy.depth(
            choice: color, depth: nil, environment: environment, outputIsTerminal: Terminal.outputIsTerminal) != nil
        guard let picked = RandomArt.pickFile(
            from: layout, columns: columns, rows: Terminal.rows(environment: environment), colour: colour,
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

/// `pushin init SHELL`: prints the line that greets every new terminal.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Print the line to add to your shell's startup file.",
        discussion: """
            pushin init bash >> ~/.bashrc, pushin init zsh >> ~/.zshrc, or \
            pushin init fish >> ~/.config/fish/config.fish. The line runs pushin random in \
            interactive terminals only. Sourcing shell/pushin.SHELL instead prints without \
            starting any program, a few milliseconds sooner.
            """)

    /// The shells pushin greets in.
    enum Shell: String, ExpressibleByArgument, CaseIterable {
        case bash, zsh, fish

        /// The startup line: silent unless the shell is interactive and writes to a terminal.
        var snippet: String {
            switch self {
            case .bash: return "[[ $- == *i* && -t 1 ]] && command -v pushin >/dev/null && pushin random"
            case .zsh: return "[[ -o interactive && -t 1 ]] && (( $+commands[pushin] )) && pushin random"
            case .fish:
                return "function fish_greeting; isatty stdout; and command -q pushin; and pushin random; end"
            }
        }
    }

    @Argument(help: "bash, zsh or fish.")
    var shell: Shell

    func run() throws {
        writeToStandardOutput("# pushin: a random picture on every new terminal\n\(shell.snippet)\n")
    }
}
