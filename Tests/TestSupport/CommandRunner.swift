import Foundation

/// What a finished command printed and how it exited.
public struct CommandResult: Sendable {
    /// Everything written to standard output.
    public var standardOutput: String
    /// Everything written to standard error.
    public var standardError: String
    /// The exit status.
    public var status: Int32
}

/// Runs the built `pushin` binary, as end-to-end tests do.
public enum Pushin {
    /// The package's root folder.
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `pushin` binary beside the test bundle (`swift test` builds both into one folder).
    public static let binary = URL(fileURLWithPath: CommandLine.arguments[0])
        .deletingLastPathComponent().appendingPathComponent("pushin")

    /// Runs pushin with `arguments` in `directory`, feeding `input` on standard input.
    public static func run(
        _ arguments: [String], input: [UInt8] = [], environment: [String: String] = [:],
        in directory: URL = packageRoot
    ) throws -> CommandResult {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var variables = ProcessInfo.processInfo.environment
        for key in Self.environmentThatChangesOutput { variables.removeValue(forKey: key) }
        process.environment = variables.merging(environment) { $1 }
        let output = Pipe(), error = Pipe(), standardInput = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = standardInput
        try process.run()
        // Read both pipes while the process runs, so a large output cannot fill a pipe and stall it.
        let outputData = LockedData(), errorData = LockedData()
        let group = DispatchGroup()
        for (pipe, sink) in [(output, outputData), (error, errorData)] {
            DispatchQueue.global().async(group: group) { sink.set(pipe.fileHandleForReading.readDataToEndOfFile()) }
        }
        standardInput.fileHandleForWriting.write(Data(input))
        try standardInput.fileHandleForWriting.close()
        process.waitUntilExit()
        group.wait()
        return CommandResult(
            standardOutput: String(decoding: outputData.get(), as: UTF8.self),
            standardError: String(decoding: errorData.get(), as: UTF8.self),
            status: process.terminationStatus)
    }

    /// Variables the test runner may set (SwiftPM sets NO_COLOR, for one) that change what
    /// pushin prints; every test starts without them and adds what it means to test.
    public static let environmentThatChangesOutput = [
        "COLUMNS", "LINES", "NO_COLOR", "CLICOLOR_FORCE", "FORCE_COLOR", "COLORTERM", "COLORFGBG",
        "PUSHIN_CACHE", "XDG_CACHE_HOME",
    ]

    /// A new empty folder under the system's temporary folder.
    public static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pushin-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Data written by one thread and read by another.
private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func set(_ value: Data) { lock.withLock { data = value } }
    func get() -> Data { lock.withLock { data } }
}
