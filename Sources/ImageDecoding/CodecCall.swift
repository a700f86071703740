import AsciiArt
import CImageCodecs

/// One call into a C decoder of the shim, and the translation of its result into Swift.
enum CodecCall {
    /// The signature of the shim's still-picture decoders (PNG, JPEG), which read from memory
    /// or from a file.
    typealias StillDecoder = (
        _ input: UnsafePointer<pushin_input>?, _ minimumWidth: UInt32, _ minimumHeight: UInt32,
        _ maxPixels: UInt64, _ result: UnsafeMutablePointer<pushin_decoded_image>?
    ) -> pushin_decode_status

    /// The signature of the shim's frame-by-frame decoders (GIF, WebP).
    typealias AnimationDecoder = (
        _ data: UnsafePointer<UInt8>?, _ size: Int, _ request: UnsafePointer<pushin_animation_request>?,
        _ result: UnsafeMutablePointer<pushin_decoded_animation>?
    ) -> pushin_decode_status

    /// Runs a still-picture `decoder` on `input` (bytes that stay valid during the call, or a
    /// file) and returns its image, or the `DecodeError` its status means.
    ///
    /// Warnings make the image `.damaged` unless `options.lenient` is set, in which case they
    /// come back with it.
    static func decode(
        _ input: pushin_input, as format: ImageFormat, options: DecodeOptions, with decoder: StillDecoder
    ) throws(DecodeError) -> DecodedImage {
        var input = input
        var result = pushin_decoded_image()
        defer { pushin_decoded_image_release(&result) }
        let status = decoder(
            &input, UInt32(clamping: options.minimumWidth), UInt32(clamping: options.minimumHeight),
            UInt64(options.maxPixels), &result)
        let message = text(of: result.message)
        try check(status, format: format, message: message, declared: (result.declared_width, result.declared_height), options: options)
        let warnings = try accepted(warnings: Int(result.warning_count), message: message, format: format, options: options)
        let image = Image(width: Int(result.width), height: Int(result.height), pixels: pixels(result.pixels, result.width, result.height))
        return DecodedImage(frames: [Frame(image: image, delay: 100)], format: format, isAnimated: false, loopCount: 1, warnings: warnings)
    }

    /// Runs a frame-by-frame `decoder` on `bytes` and returns the frames `options.frames` asks
    /// for, or the `DecodeError` its status means.
    ///
    /// An animation over the frame cap or the work bound is refused unless `options.lenient`
    /// is set, which keeps the frames before the limit and says so in a warning; so is one cut
    /// short by damage.
    static func decode(
        _ bytes: UnsafeRawBufferPointer, as format: ImageFormat, options: DecodeOptions, with decoder: AnimationDecoder
    ) throws(DecodeError) -> DecodedImage {
        var request = pushin_animation_request()
        request.min_width = UInt32(clamping: options.minimumWidth)
        request.min_height = UInt32(clamping: options.minimumHeight)
        request.max_pixels = UInt64(options.maxPixels)
        request.max_frames = UInt32(clamping: options.maxFrames)
        switch options.frames {
        case .single(let index):
            request.first_frame = UInt32(clamping: index)
            request.keep_frames = 1
        case .all:
            request.keep_frames = UInt32.max
        }
        var result = pushin_decoded_animation()
        defer { pushin_decoded_animation_release(&result) }
        let status = decoder(bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count, &request, &result)
        let message = text(of: result.message)
        try check(status, format: format, message: message, declared: (result.declared_width, result.declared_height), options: options)
        var warnings = try accepted(warnings: Int(result.warning_count), message: message, format: format, options: options)
        let frameCount = Int(result.frames_read)
        switch result.limit_reached {
        case PUSHIN_LIMIT_FRAMES:
            guard options.lenient else { throw .tooManyFrames(maxFrames: options.maxFrames) }
            warnings.append("more than \(options.maxFrames) frames: drawing the first \(frameCount)")
        case PUSHIN_LIMIT_WORK:
            guard options.lenient else {
                throw .tooLongToComposite(width: Int(result.declared_width), height: Int(result.declared_height), frames: frameCount)
            }
            warnings.append("too many frames to composite in time: drawing the first \(frameCount)")
        default:
            break
        }
        var frames = (0 ..< Int(result.frame_count)).map { index in
            let frame = result.frames[index]
            return Frame(
                image: Image(width: Int(result.width), height: Int(result.height), pixels: pixels(frame.pixels, result.width, result.height)),
                delay: Int(frame.delay_ms))
        }
        if frames.isEmpty, case .single(let index) = options.frames, index > 0, frameCount > 0 {
            // Past the last frame: the last one, as asked for by the selection's contract.
            var last = options
            last.frames = .single(frameCount - 1)
            return try decode(bytes, as: format, options: last, with: decoder)
        }
        guard !frames.isEmpty else { throw .corrupt(format, reason: message.isEmpty ? "no frame could be read" : message) }
        if !(result.animated != 0) { frames[0].delay = 100 }
        return DecodedImage(
            frames: frames, format: format, isAnimated: result.animated != 0,
            loopCount: result.loop_count == 0 ? nil : Int(result.loop_count), warnings: warnings)
    }

    /// Throws the error a failed status means.
    private static func check(
        _ status: pushin_decode_status, format: ImageFormat, message: String, declared: (UInt32, UInt32), options: DecodeOptions
    ) throws(DecodeError) {
        switch status {
        case PUSHIN_DECODE_OK:
            return
        case PUSHIN_DECODE_TOO_LARGE:
            throw .tooLarge(width: Int(declared.0), height: Int(declared.1), maxPixels: options.maxPixels)
        case PUSHIN_DECODE_OUT_OF_MEMORY:
            throw .outOfMemory
        case PUSHIN_DECODE_OVER_LIMIT:
            throw .overLimit(format, reason: message)
        case PUSHIN_DECODE_READ_FAILED:
            throw .readFailed(reason: message)
        default:
            throw .corrupt(format, reason: message.isEmpty ? "unreadable \(format.rawValue) data" : message)
        }
    }

    /// The warnings a lenient decode lets through; a strict one throws `.damaged` for any.
    private static func accepted(
        warnings: Int, message: String, format: ImageFormat, options: DecodeOptions
    ) throws(DecodeError) -> [String] {
        guard warnings > 0 else { return [] }
        guard options.lenient else { throw .damaged(format, reason: message) }
        return [message]
    }

    /// A C string held in a fixed-size array.
    private static func text<Buffer>(of buffer: Buffer) -> String {
        withUnsafeBytes(of: buffer) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
    }

    /// A copy of `width × height` RGBA pixels the shim owns.
    private static func pixels(_ start: UnsafeMutablePointer<UInt8>?, _ width: UInt32, _ height: UInt32) -> [UInt8] {
        Array(UnsafeBufferPointer(start: start, count: Int(width) * Int(height) * 4))
    }
}
