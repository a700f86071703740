import AsciiArt
import CImageCodecs

/// PNG through libpng, by way of the C shim that owns libpng's setjmp.
enum PNGDecoder {
    /// Decodes every PNG colour type, bit depth and interlace method into 8-bit RGBA, averaging
    /// blocks of pixels while reading when `options` asks for fewer than the file holds.
    static func decode(_ bytes: UnsafeRawBufferPointer, options: DecodeOptions) throws(DecodeError) -> DecodedImage {
        var result = pushin_png_result()
        defer { pushin_png_release(&result) }
        let status = pushin_png_decode(
            bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count,
            UInt32(clamping: options.minimumWidth), UInt32(clamping: options.minimumHeight),
            UInt64(options.maxPixels), &result)
        switch status {
        case PUSHIN_PNG_OK:
            let width = Int(result.width), height = Int(result.height)
            let pixels = Array(UnsafeBufferPointer(start: result.pixels, count: width * height * 4))
            return DecodedImage(image: Image(width: width, height: height, pixels: pixels), format: .png, warnings: [])
        case PUSHIN_PNG_TOO_LARGE:
            throw .tooLarge(
                width: Int(result.declared_width), height: Int(result.declared_height), maxPixels: options.maxPixels)
        case PUSHIN_PNG_OUT_OF_MEMORY:
            throw .outOfMemory
        default:
            let message = CString.decode(result.message)
            throw .corrupt(.png, reason: message.isEmpty ? "unreadable PNG data" : message)
        }
    }
}

/// Reading the fixed-size C character arrays the shims fill.
enum CString {
    /// The text before the first NUL of a C `char[N]`, which Swift sees as a tuple.
    static func decode<Tuple>(_ characters: Tuple) -> String {
        withUnsafeBytes(of: characters) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
    }
}
