import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What a finished command printed on standard error, how it exited, and what it cost.
public struct MeasuredResult: Sendable {
    /// Everything written to standard error (standard output is thrown away).
    public var standardError: String
    /// The exit status, or 128 + the signal that ended it.
    public var status: Int32
    /// Wall-clock seconds from start to exit.
    public var seconds: Double
    /// The child's peak resident memory, in bytes (its own, from wait4).
    public var peakResidentBytes: Int
}

extension Pushin {
    /// Runs the built binary with `arguments`, standard output to /dev/null, and measures its
    /// time and its own peak resident memory; kills it after `timeout` seconds.
    public static func measure(_ arguments: [String], timeout: Double = 30) throws -> MeasuredResult {
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("pushin-stderr-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: errors) }
        let start = Date()
        let pid = try Spawn.start([binary.path] + arguments, standardOutput: "/dev/null", standardError: errors.path)
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, WNOHANG, &usage) == 0 {
            if Date().timeIntervalSince(start) > timeout { kill(pid, SIGKILL) }
            usleep(2000)
        }
        let seconds = Date().timeIntervalSince(start)
        let exited = status & 0x7F == 0
        return MeasuredResult(
            standardError: (try? String(contentsOf: errors, encoding: .utf8)) ?? "",
            status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F),
            seconds: seconds, peakResidentBytes: Int(usage.ru_maxrss) * 1024)
    }
}
