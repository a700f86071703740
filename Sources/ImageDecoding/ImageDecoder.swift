import AsciiArt

/// The entry point of decoding: sniffs the format from the bytes and hands them to its decoder.
public enum ImageDecoder {
    /// Decodes a PNG or JPEG held in memory.
    ///
    /// Throws a `DecodeError` for anything that is not a well-formed image within the budget;
    /// never prints, never aborts.
    public static func decode(_ bytes: [UInt8], options: DecodeOptions = DecodeOptions()) throws(DecodeError) -> DecodedImage {
        guard !bytes.isEmpty else { throw .empty }
        guard let format = ImageFormat.sniff(bytes) else { throw .unknownFormat }
        let decoded = bytes.withUnsafeBytes { raw in
            Result { () throws(DecodeError) -> DecodedImage in
                switch format {
                case .png: return try PNGDecoder.decode(raw, options: options)
                case .jpeg: return try JPEGDecoder.decode(raw, options: options)
                default: throw .unsupportedFormat(format)
                }
            }
        }
        return try decoded.get()
    }
}
