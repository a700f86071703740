import Foundation

/// Runs real shells, interactive under a pseudo-terminal (util-linux `script`) or not.
public enum ShellRunner {
    /// What a shell printed, with the terminal's carriage returns and escape sequences removed.
    public struct Output: Sendable {
        /// The text, escape sequences removed.
        public var text: String
        /// The text as the terminal received it, carriage returns removed.
        public var raw: String
        /// The exit status.
        public var status: Int32
    }

    /// Runs `command` through `sh -c` under a pseudo-terminal of `columns` × `rows`, feeding
    /// `input` to it, with `environment` added to this process's.
    public static func underTerminal(
        _ command: String, columns: Int = 70, rows: Int = 40, input: String = "", environment: [String: String] = [:]
    ) throws -> Output {
        try run(["script", "-qec", "stty cols \(columns) rows \(rows); \(command)", "/dev/null"],
                input: input, environment: environment)
    }

    /// Runs a command line without a terminal.
    public static func run(_ arguments: [String], input: String = "", environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        var variables = ProcessInfo.processInfo.environment
        for key in Pushin.environmentThatChangesOutput + ["ZDOTDIR", "XDG_CONFIG_HOME"] {
            variables.removeValue(forKey: key)
        }
        variables["TERM"] = "xterm"
        process.environment = variables.merging(environment) { $1 }
        let output = Pipe(), standardInput = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = standardInput
        try process.run()
        standardInput.fileHandleForWriting.write(Data(input.utf8))
        try standardInput.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let received = String(decoding: data, as: UTF8.self)
        return Output(
            text: clean(received), raw: received.replacingOccurrences(of: "\r", with: ""), status: process.terminationStatus)
    }

    /// Drops carriage returns and terminal escape sequences.
    static func clean(_ text: String) -> String {
        text.replacingOccurrences(of: "\r", with: "")
            .replacingOccurrences(of: #"\x{1B}(\[[0-9;?=>]*[ -/]*[@-~]|\][^\x{07}\x{1B}]*(\x{07}|\x{1B}\\)|[()][0-9A-Za-z]|[=>78])"#,
                                  with: "", options: .regularExpression)
    }
}
