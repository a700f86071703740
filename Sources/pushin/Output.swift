import PushinCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Prints one line on standard error: "pushin: PATH: MESSAGE".
func report(_ path: String, _ message: String) {
    writeToStandardError("pushin: \(path): \(message)\n")
}

/// Writes text to standard error, unbuffered.
func writeToStandardError(_ text: String) {
    try? FileIO.writeAll(Array(text.utf8), to: STDERR_FILENO, path: "standard error")
}

/// Writes text to standard output unbuffered, so art appears as each file is drawn.
func writeToStandardOutput(_ text: String) {
    writeToStandardOutput(Array(text.utf8))
}

/// Writes bytes to standard output, unbuffered.
func writeToStandardOutput(_ bytes: [UInt8]) {
    try? FileIO.writeAll(bytes, to: STDOUT_FILENO, path: "standard output")
}

/// The process environment as a dictionary.
enum Environment {
    /// Read once, at first use: pushin never changes its own environment, and `convert` asks
    /// three or four times a run (each copy of the whole environment cost about 0.25 million
    /// instructions).
    static let current: [String: String] = {
        var values: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let pair = String(cString: pointer)
            if let equals = pair.firstIndex(of: "=") {
                values[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
            }
            entry += 1
        }
        return values
    }()
}
