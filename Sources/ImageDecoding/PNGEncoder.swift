import CImageCodecs

/// Writing gray pictures as PNG, for debug output.
public enum PNGEncoder {
    /// The PNG file of 8-bit gray pixels, rows top to bottom; `nil` if libpng refuses.
    public static func gray(_ pixels: [UInt8], width: Int, height: Int) -> [UInt8]? {
        precondition(pixels.count == width * height, "gray needs width × height bytes")
        var png: UnsafeMutablePointer<UInt8>?
        var size = 0
        guard pushin_png_encode_gray(pixels, UInt32(width), UInt32(height), &png, &size) != 0, let png else { return nil }
        defer { free(png) }
        return Array(UnsafeBufferPointer(start: png, count: size))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
