#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ImageDecoding

/// A picture opened for conversion. A regular PNG or JPEG file stays open, and its decoder reads
/// it in pieces as it goes, so the compressed file never sits in memory whole (about 4 MB of the
/// peak for a 5120 × 2880 wallpaper); standard input, pipes and the other formats are read whole,
/// as before: their decoders take bytes, and an animation fitted to the terminal is decoded
/// again from the bytes read once.
///
/// The file is closed when the value goes away.
public struct PictureFile: ~Copyable {
    /// What the converter reads: the bytes, or the open file.
    public let source: ImageSource
    /// The descriptor `source` reads, or -1 when it holds bytes.
    private let descriptor: Int32

    /// Opens the file at `path`, or standard input for "-".
    public init(path: String) throws(FileError) {
        if path == "-" {
            (source, descriptor) = (.bytes(try FileIO.contents(of: path)), -1)
            return
        }
        let (descriptor, status) = try FileIO.openForReading(path)
        if (status.st_mode & S_IFMT) == S_IFREG, let file = ImageFile(descriptor: descriptor) {
            (source, self.descriptor) = (.file(file), descriptor)
            return
        }
        defer { close(descriptor) }
        (source, self.descriptor) = (.bytes(try FileIO.readAll(from: descriptor, path: path, expectedSize: Int(status.st_size))), -1)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }
}
