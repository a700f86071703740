/// A decoded picture: 8-bit RGBA, rows top to bottom, straight (not premultiplied) alpha.
///
/// Every decoder fills this one type, so the pipeline never needs to know where pixels came from.
public struct Image: Sendable, Equatable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// `width * height * 4` bytes: red, green, blue and alpha of each pixel, row after row.
    public let pixels: [UInt8]

    /// Wraps pixels that are already laid out as RGBA; the count must match the size.
    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(width > 0 && height > 0, "an image has at least one pixel")
        precondition(pixels.count == width * height * 4, "RGBA needs width × height × 4 bytes")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// True when some pixel is not fully opaque.
    public var hasTransparency: Bool {
        pixels.withUnsafeBufferPointer { bytes in
            var index = 3
            while index < bytes.count {
                if bytes[index] != 255 { return true }
                index &+= 4
            }
            return false
        }
    }
}
