import AsciiArt
import CImageCodecs

/// One call into a C decoder of the shim, and the translation of its result into Swift.
enum CodecCall {
    /// The signature every decoder of the shim shares.
    typealias Decoder = (
        _ data: UnsafePointer<UInt8>?, _ size: Int, _ minimumWidth: UInt32, _ minimumHeight: UInt32,
        _ maxPixels: UInt64, _ result: UnsafeMutablePointer<pushin_decoded_image>?
    ) -> pushin_decode_status

    /// Runs `decoder` on `bytes` and returns its image, or the `DecodeError` its status means.
    ///
    /// Warnings make the image `.damaged` unless `options.lenient` is set, in which case they
    /// come back with it.
    static func decode(
        _ bytes: UnsafeRawBufferPointer, as format: ImageFormat, options: DecodeOptions, with decoder: Decoder
    ) throws(DecodeError) -> DecodedImage {
        var result = pushin_decoded_image()
        defer { pushin_decoded_image_release(&result) }
        let status = decoder(
            bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count,
            UInt32(clamping: options.minimumWidth), UInt32(clamping: options.minimumHeight),
            UInt64(options.maxPixels), &result)
        let message = withUnsafeBytes(of: result.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        switch status {
        case PUSHIN_DECODE_OK:
            break
        case PUSHIN_DECODE_TOO_LARGE:
            throw .tooLarge(
                width: Int(result.declared_width), height: Int(result.declared_height), maxPixels: options.maxPixels)
        case PUSHIN_DECODE_OUT_OF_MEMORY:
            throw .outOfMemory
        default:
            throw .corrupt(format, reason: message.isEmpty ? "unreadable \(format.rawValue) data" : message)
        }
        if result.warning_count > 0 && !options.lenient {
            throw .damaged(format, reason: message)
        }
        let width = Int(result.width), height = Int(result.height)
        let pixels = Array(UnsafeBufferPointer(start: result.pixels, count: width * height * 4))
        return DecodedImage(
            image: Image(width: width, height: height, pixels: pixels), format: format,
            warnings: result.warning_count > 0 ? [message] : [])
    }
}
