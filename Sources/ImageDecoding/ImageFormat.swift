/// The file formats pushin can tell apart by their first bytes.
public enum ImageFormat: String, Sendable, Equatable {
    /// Portable Network Graphics (and APNG's default image): decoded.
    case png = "PNG"
    /// JPEG/JFIF: decoded.
    case jpeg = "JPEG"
    /// GIF87a and GIF89a, still or animated: decoded.
    case gif = "GIF"
    /// WebP, lossy or lossless, still or animated: decoded.
    case webp = "WebP"
    /// Recognised so the error can name them, but not decoded.
    case bmp = "BMP", tiff = "TIFF"

    /// True for the formats pushin decodes.
    public var isSupported: Bool { self != .bmp && self != .tiff }

    /// How many first bytes `sniff` looks at.
    public static let signatureLength = 12

    /// The format whose signature `bytes` start with, or `nil` when none matches.
    ///
    /// Decided by magic bytes alone, never by the file's name.
    public static func sniff<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> ImageFormat? {
        let head = Array(bytes.prefix(signatureLength))
        func starts(with signature: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + signature.count && Array(head[offset ..< offset + signature.count]) == signature
        }
        if starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts(with: Array("GIF8".utf8)) { return .gif }
        if starts(with: Array("BM".utf8)) { return .bmp }
        if starts(with: Array("RIFF".utf8)) && starts(with: Array("WEBP".utf8), at: 8) { return .webp }
        if starts(with: [0x49, 0x49, 0x2A, 0x00]) || starts(with: [0x4D, 0x4D, 0x00, 0x2A]) { return .tiff }
        return nil
    }
}
