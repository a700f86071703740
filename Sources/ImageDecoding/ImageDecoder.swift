import AsciiArt
import CImageCodecs

/// The entry point of decoding: sniffs the format from the bytes and hands them to its decoder.
public enum ImageDecoder {
    /// Decodes a PNG, JPEG, GIF or WebP held in memory.
    ///
    /// PNG: every colour type, bit depth and interlacing (an APNG's default image); 16-bit
    /// samples scaled to 8 bits without gamma conversion; rows box-averaged while reading when
    /// fewer pixels are asked for. JPEG: baseline, progressive, grayscale and CMYK/YCCK, at the
    /// coarsest DCT scale that gives the pixels asked for. GIF and WebP, still or animated: the
    /// frames `options.frames` selects, composited as browsers show them, box-averaged (WebP
    /// stills: scaled by libwebp) to the pixels asked for. Throws a `DecodeError` for anything that is not a
    /// well-formed image within the budget; never prints, never aborts.
    public static func decode(_ bytes: [UInt8], options: DecodeOptions = DecodeOptions()) throws(DecodeError) -> DecodedImage {
        guard !bytes.isEmpty else { throw .empty }
        guard let format = ImageFormat.sniff(bytes) else { throw .unknownFormat }
        let decoded = bytes.withUnsafeBytes { raw in
            Result { () throws(DecodeError) -> DecodedImage in
                let memory = pushin_input(data: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), size: raw.count, descriptor: -1)
                switch format {
                case .png, .jpeg: return try decodeStill(memory, as: format, options: options)
                case .gif: return try CodecCall.decode(raw, as: .gif, options: options, with: pushin_gif_decode)
                case .webp: return try CodecCall.decode(raw, as: .webp, options: options, with: pushin_webp_decode)
                default: throw .unsupportedFormat(format)
                }
            }
        }
        return try decoded.get()
    }

    /// Decodes a picture held in memory, as `decode(_:options:)` does, or a PNG or JPEG file,
    /// read in pieces as it goes, to the image, warnings and errors its bytes would give; a file
    /// that cannot be read throws `.readFailed`.
    public static func decode(_ source: ImageSource, options: DecodeOptions = DecodeOptions()) throws(DecodeError) -> DecodedImage {
        switch source {
        case .bytes(let bytes):
            return try decode(bytes, options: options)
        case .file(let file):
            return try decodeStill(pushin_input(data: nil, size: 0, descriptor: file.descriptor), as: file.format, options: options)
        }
    }

    /// Decodes a PNG (for `.png`) or else a JPEG from `input`, bytes in memory or an open file.
    private static func decodeStill(
        _ input: pushin_input, as format: ImageFormat, options: DecodeOptions
    ) throws(DecodeError) -> DecodedImage {
        if format == .png { return try CodecCall.decode(input, as: .png, options: options, with: pushin_png_decode) }
        return try CodecCall.decode(input, as: .jpeg, options: options, with: pushin_jpeg_decode)
    }
}
