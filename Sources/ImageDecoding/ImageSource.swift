#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A picture's bytes as a decoder takes them: held in memory, or in a file read as it goes.
public enum ImageSource: Sendable {
    /// The whole file, in memory.
    case bytes([UInt8])
    /// A PNG or JPEG file, read in pieces as it is decoded.
    case file(ImageFile)
}

/// A PNG or JPEG in a regular file open for reading, which its decoder reads from the first byte
/// in pieces of 64 KB (with `pread`, whatever the descriptor's offset) as it goes, so the
/// compressed file never sits in memory whole: about 4 MB of a 5120 × 2880 wallpaper's peak.
///
/// It does not own the descriptor: keep it open while decoding, and close it when done.
public struct ImageFile: Sendable {
    /// The open file.
    public let descriptor: Int32
    /// What its first bytes say it is: `.png` or `.jpeg`.
    public let format: ImageFormat

    /// The regular file open as `descriptor` when its first bytes are a PNG's or a JPEG's
    /// signature; `nil` for any other format (whose decoder takes the file whole, from memory)
    /// or when they cannot be read.
    public init?(descriptor: Int32) {
        var head = [UInt8](repeating: 0, count: ImageFormat.signatureLength)
        let got = head.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard got > 0, let format = ImageFormat.sniff(head.prefix(got)), format == .png || format == .jpeg else { return nil }
        (self.descriptor, self.format) = (descriptor, format)
    }
}
