import AsciiArt
import CImageCodecs

/// JPEG through libjpeg(-turbo), by way of the C shim that owns libjpeg's setjmp.
enum JPEGDecoder {
    /// Decodes baseline, progressive, grayscale and CMYK/YCCK JPEGs into 8-bit RGBA, at the
    /// coarsest DCT scale that still gives the pixels `options` asks for.
    ///
    /// A file that libjpeg can only finish with warnings throws `.damaged` unless
    /// `options.lenient` is set, in which case the warnings come back with the image.
    static func decode(_ bytes: UnsafeRawBufferPointer, options: DecodeOptions) throws(DecodeError) -> DecodedImage {
        var result = pushin_jpeg_result()
        defer { pushin_jpeg_release(&result) }
        let status = pushin_jpeg_decode(
            bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count,
            UInt32(clamping: options.minimumWidth), UInt32(clamping: options.minimumHeight),
            UInt64(options.maxPixels), &result)
        let message = CString.decode(result.message)
        switch status {
        case PUSHIN_JPEG_OK:
            break
        case PUSHIN_JPEG_TOO_LARGE:
            throw .tooLarge(
                width: Int(result.declared_width), height: Int(result.declared_height), maxPixels: options.maxPixels)
        case PUSHIN_JPEG_OUT_OF_MEMORY:
            throw .outOfMemory
        default:
            throw .corrupt(.jpeg, reason: message.isEmpty ? "unreadable JPEG data" : message)
        }
        if result.warning_count > 0 && !options.lenient {
            throw .damaged(.jpeg, reason: message)
        }
        let width = Int(result.width), height = Int(result.height)
        let pixels = Array(UnsafeBufferPointer(start: result.pixels, count: width * height * 4))
        return DecodedImage(
            image: Image(width: width, height: height, pixels: pixels), format: .jpeg,
            warnings: result.warning_count > 0 ? [message] : [])
    }
}
