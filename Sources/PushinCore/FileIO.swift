#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading and writing whole files with POSIX calls, so errors carry the system's own words.
public enum FileIO {
    /// Files larger than this are refused before reading: no PNG or JPEG within the pixel
    /// budget comes close.
    public static let maxFileSize = 1 << 30

    /// The bytes of the file at `path`, or of standard input for "-".
    public static func contents(of path: String) throws(FileError) -> [UInt8] {
        if path == "-" { return try readAll(from: STDIN_FILENO, path: "standard input") }
        let (descriptor, status) = try openForReading(path)
        defer { close(descriptor) }
        return try readAll(from: descriptor, path: path, expectedSize: Int(status.st_size))
    }

    /// The file at `path` open for reading, and what `fstat` says of it; a directory or a file
    /// larger than `maxFileSize` is refused. The caller closes the descriptor.
    static func openForReading(_ path: String) throws(FileError) -> (descriptor: Int32, status: stat) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw systemError(path) }
        var status = stat()
        do throws(FileError) {
            guard fstat(descriptor, &status) == 0 else { throw systemError(path) }
            if (status.st_mode & S_IFMT) == S_IFDIR { throw FileError(path: path, reason: "is a directory") }
            guard status.st_size <= maxFileSize else {
                throw FileError(path: path, reason: "file is larger than \(maxFileSize >> 20) MiB")
            }
        } catch {
            close(descriptor)
            throw error
        }
        return (descriptor, status)
    }

    /// Up to `count` bytes from the start of the file at `path`.
    public static func readPrefix(_ path: String, count: Int) throws(FileError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw systemError(path) }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: count)
        let got = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, count) }
        guard got >= 0 else { throw systemError(path) }
        return Array(bytes.prefix(got))
    }

    /// A file's size and modification time, the signature that tells whether it changed.
    public struct Signature: Sendable, Equatable, Codable {
        /// Size in bytes.
        public var size: Int64
        /// Modification time, nanoseconds since 1970.
        public var modified: Int64
    }

    /// The size and modification time of the file at `path`, or `nil` when it cannot be read.
    public static func signature(of path: String) -> Signature? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Signature(
            size: Int64(status.st_size),
            modified: Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec))
    }

    /// `path` made absolute against the current directory (unchanged when already absolute).
    public static func absolutePath(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        guard let current = getcwd(nil, 0) else { return path }
        defer { free(current) }
        let base = String(cString: current)
        let relative = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        return base == "/" ? "/" + relative : base + "/" + relative
    }

    /// True when `path` is a symbolic link.
    public static func isSymbolicLink(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFLNK
    }

    /// Creates a directory and its missing parents.
    public static func makeDirectory(_ path: String) throws(FileError) {
        if isDirectory(path) { return }
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            try makeDirectory(String(path[..<slash]))
        }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw systemError(path) }
    }

    /// Removes a file; a file that is already gone is no error.
    public static func remove(_ path: String) throws(FileError) {
        guard unlink(path) == 0 || errno == ENOENT else { throw systemError(path) }
    }

    /// Holds an exclusive lock on a file for as long as the returned descriptor stays open;
    /// `nil` when another process holds it.
    public static func lockExclusively(_ path: String) throws(FileError) -> Int32? {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw systemError(path) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            return nil
        }
        return descriptor
    }

    /// True when `path` names a directory.
    public static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// The names in a directory, sorted, without "." and "..".
    public static func entries(of directory: String) throws(FileError) -> [String] {
        guard let stream = opendir(directory) else { throw systemError(directory) }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Writes `bytes` to `path` so that readers see either the old file or the whole new one:
    /// a temporary file in the same directory, flushed, then renamed over the target.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(FileError) {
        try StagedFile(bytes, for: path).commit()
    }

    /// The first half of `writeAtomically`: the bytes of a file written under a temporary name
    /// beside its target, not yet flushed to the disk nor renamed; `commit` finishes the job,
    /// `discard` undoes it. Until one of them is called it holds an open descriptor.
    ///
    /// Staging many files before committing them lets the waits for the disk run on another
    /// thread than the work that makes the files.
    public struct StagedFile: Sendable {
        /// The file it becomes.
        public let path: String
        /// Its temporary name.
        let temporary: String
        /// The temporary file, open for writing.
        let descriptor: Int32

        /// Writes `bytes` to a new temporary file for `path`.
        public init(_ bytes: [UInt8], for path: String) throws(FileError) {
            var template = Array(temporaryName(for: path).utf8CString)
            let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard descriptor >= 0 else { throw systemError(path) }
            let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
            do throws(FileError) {
                try writeAll(bytes, to: descriptor, path: path)
                guard fchmod(descriptor, 0o644) == 0 else { throw systemError(path) }
            } catch {
                close(descriptor)
                unlink(temporary)
                throw error
            }
            (self.path, self.temporary, self.descriptor) = (path, temporary, descriptor)
        }

        /// Flushes the file to the disk and renames it over `path`; on failure removes it.
        public func commit() throws(FileError) {
            guard fsync(descriptor) == 0 else {
                let error = systemError(path)
                discard()
                throw error
            }
            guard close(descriptor) == 0, rename(temporary, path) == 0 else {
                let error = systemError(path)
                unlink(temporary)
                throw error
            }
        }

        /// Closes and removes the temporary file.
        public func discard() {
            close(descriptor)
            unlink(temporary)
        }
    }

    /// The pattern of the temporary files `writeAtomically` uses for `path`: hidden, beside it,
    /// and never ending like the target, so a glob for the target's kind never matches one.
    public static func temporaryName(for path: String) -> String {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        return path[..<slash] + "." + path[slash...] + temporarySuffix + "XXXXXX"
    }

    /// What every temporary file's name contains, so leftovers of a killed run can be found.
    public static let temporarySuffix = ".partial-"

    /// Writes all of `bytes` to an open descriptor, retrying short writes and interruptions.
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(FileError) {
        var failure: FileError?
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = systemError(path)
                    return
                }
                offset += written
            }
        }
        if let failure { throw failure }
    }

    /// Everything left to read from `descriptor`, at most `maxFileSize` bytes; `expectedSize` is
    /// how much room to make first.
    static func readAll(from descriptor: Int32, path: String, expectedSize: Int = 0) throws(FileError) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(expectedSize + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw systemError(path)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0 ..< count])
            if bytes.count > maxFileSize {
                throw FileError(path: path, reason: "input is larger than \(maxFileSize >> 20) MiB")
            }
        }
    }

    private static func systemError(_ path: String) -> FileError {
        FileError(path: path, reason: String(cString: strerror(errno)))
    }
}
