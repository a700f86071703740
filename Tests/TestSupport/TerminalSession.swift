import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Why a terminal session could not start.
public enum TerminalSessionError: Error {
    /// The shell never showed its prompt.
    case noPrompt
}

/// A real terminal emulator (tmux, on a private server) running a shell, for tests that must
/// see the screen as a person would: what is on it, and whether the cursor shows.
public final class TerminalSession {
    private let socket = "pushin-test-\(UUID().uuidString.prefix(8))"

    /// Starts `sh` in a detached tmux session of `columns` × `rows`, with `environment` set,
    /// and waits for its first prompt: keys sent before it are echoed by the terminal first,
    /// and the prompt then lands at the end of the typed line (`…; echo status=$?$ `), which is
    /// how the Ctrl-C test once failed in CI under load.
    public init(columns: Int = 100, rows: Int = 40, environment: [String: String] = [:]) throws {
        let exports = environment.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        try tmux(["new-session", "-d", "-x", "\(columns)", "-y", "\(rows)", "env -u NO_COLOR TERM=xterm-256color \(exports) PS1='$ ' sh"])
        guard try waitFor({ $0 == "$" }) else { throw TerminalSessionError.noPrompt }
    }

    deinit { _ = try? tmux(["kill-server"]) }

    /// Types `line` and presses Enter.
    public func type(_ line: String) throws { try tmux(["send-keys", "-t", "0", "-l", line]); try tmux(["send-keys", "-t", "0", "Enter"]) }

    /// Presses a key by tmux's name for it, such as "C-c".
    public func press(_ key: String) throws { try tmux(["send-keys", "-t", "0", key]) }

    /// The screen's text, one string per row, trailing blanks removed.
    public func screen() throws -> [String] {
        try tmux(["capture-pane", "-p", "-t", "0"]).split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.reversed().drop { $0 == " " }.reversed())
        }
    }

    /// True when the terminal shows its cursor.
    public func cursorIsVisible() throws -> Bool {
        try tmux(["display-message", "-p", "-t", "0", "#{cursor_flag}"]).hasPrefix("1")
    }

    /// Waits until some row of the screen satisfies `predicate`, for at most `timeout` seconds.
    @discardableResult
    public func waitFor(timeout: Double = 20, _ predicate: (String) -> Bool) throws -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try screen().contains(where: predicate) { return true }
            usleep(50_000)
        }
        return false
    }

    /// Runs a tmux command and returns what it printed. Spawned and waited for by hand: the
    /// tmux server that the first command starts keeps running and inherits what its client
    /// had open, which Foundation's `Process` waits on forever.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("pushin-tmux-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        // Through bash, which closes every descriptor past the standard three first: the tmux
        // server would otherwise keep other tests' pipes open for good, and their readers would
        // never see the end of them.
        let closeAndRun = #"for fd in /proc/$$/fd/*; do fd=${fd##*/}; ((fd > 2)) && eval "exec $fd>&-"; done; exec tmux "$@""#
        let pid = try Spawn.start(
            ["bash", "-c", closeAndRun, "tmux", "-L", socket, "-f", "/dev/null"] + arguments,
            standardOutput: output.path, standardError: "/dev/null")
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    }
}
