import AsciiArt

/// What the caller needs from a decode: how many pixels, at most how many, how strict.
public struct DecodeOptions: Sendable, Equatable {
    /// The fewest pixels across the caller can use; a JPEG is decoded at the coarsest DCT scale
    /// that still gives this many. 0 means any.
    public var minimumWidth = 0
    /// The fewest pixels down the caller can use; 0 means any.
    public var minimumHeight = 0
    /// The largest width × height a header may declare; checked before any large allocation.
    public var maxPixels = 100_000_000
    /// Accept files that decode only with warnings (truncated, corrupt entropy data).
    public var lenient = false

    /// Full-size decoding within the default budget of 100 megapixels, strict.
    public init() {}
}

/// A decoded image with what was learned on the way.
public struct DecodedImage: Sendable {
    /// The pixels, possibly at a reduced scale.
    public var image: Image
    /// The format the bytes were in.
    public var format: ImageFormat
    /// The warnings the decoder raised (only when decoding was lenient; strict decoding throws).
    public var warnings: [String]
}
