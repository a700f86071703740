import ImageDecoding

/// Expands the paths a user typed into the files to convert.
public enum InputFiles {
    /// File name endings taken to mean an image, so a broken one in a folder is reported
    /// rather than silently passed over.
    static let imageExtensions: Set<String> = ["png", "apng", "jpg", "jpeg", "jpe", "jfif", "gif", "webp"]

    /// The files to convert, in order: "-" and files as given; for a folder, the images in it
    /// by name (and, when `recursive`, in its subfolders, not following links to folders). An
    /// image is a file whose first bytes are a PNG, JPEG, GIF or WebP signature, or whose name ends in an
    /// image extension. Hidden files and folders are skipped; a folder with no images is an error.
    public static func expand(_ paths: [String], recursive: Bool = false) -> [Result<String, FileError>] {
        paths.flatMap { path -> [Result<String, FileError>] in
            guard path != "-", FileIO.isDirectory(path) else { return [.success(path)] }
            let found = images(in: path, recursive: recursive)
            if found.isEmpty {
                return [.failure(FileError(path: path, reason: "no PNG, JPEG, GIF or WebP images in this folder"))]
            }
            return found
        }
    }

    private static func images(in folder: String, recursive: Bool) -> [Result<String, FileError>] {
        let names: [String]
        do throws(FileError) { names = try FileIO.entries(of: folder) } catch { return [.failure(error)] }
        return names.filter { !$0.hasPrefix(".") }.flatMap { name -> [Result<String, FileError>] in
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            if FileIO.isDirectory(path) {
                return recursive && !FileIO.isSymbolicLink(path) ? images(in: path, recursive: true) : []
            }
            return looksLikeImage(path) ? [.success(path)] : []
        }
    }

    /// True when the file's name or its first bytes say it is an image.
    public static func looksLikeImage(_ path: String) -> Bool {
        if let dot = path.lastIndex(of: "."), imageExtensions.contains(path[path.index(after: dot)...].lowercased()) {
            return true
        }
        guard let head = try? FileIO.readPrefix(path, count: 12) else { return false }
        return ImageFormat.sniff(head)?.isSupported ?? false
    }
}
