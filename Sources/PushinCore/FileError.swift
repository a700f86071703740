/// Why a file could not be read or written, as one line for the user.
public struct FileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's path as the user gave it.
    public var path: String
    /// What went wrong, for example "No such file or directory".
    public var reason: String

    /// Makes an error for `path`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
