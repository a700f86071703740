import ImageDecoding

/// Expands the paths a user typed into the files to convert.
public enum InputFiles {
    /// File name endings taken to mean an image, so a broken one in a folder is reported
    /// rather than silently passed over.
    static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "jpe", "jfif"]

    /// The files to convert, in order: "-" and files as given; for a folder, the images
    /// directly in it, by name. An image is a file whose first bytes are a PNG or JPEG
    /// signature, or whose name ends in an image extension. Hidden files are skipped; a folder
    /// with no images is an error.
    public static func expand(_ paths: [String]) -> [Result<String, FileError>] {
        paths.flatMap { path -> [Result<String, FileError>] in
            guard path != "-", FileIO.isDirectory(path) else { return [.success(path)] }
            do throws(FileError) {
                let images = try FileIO.entries(of: path)
                    .filter { !$0.hasPrefix(".") }
                    .map { path.hasSuffix("/") ? path + $0 : path + "/" + $0 }
                    .filter { !FileIO.isDirectory($0) && looksLikeImage($0) }
                guard !images.isEmpty else {
                    return [.failure(FileError(path: path, reason: "no PNG or JPEG images in this folder"))]
                }
                return images.map { .success($0) }
            } catch {
                return [.failure(error)]
            }
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
