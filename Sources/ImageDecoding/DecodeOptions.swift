import AsciiArt

/// What the caller needs from a decode: how many pixels, at most how many, how strict.
public struct DecodeOptions: Sendable, Equatable {
    /// The fewest pixels across the caller can use; a JPEG is decoded at the coarsest DCT scale
    /// that still gives this many. 0 means any.
    public var minimumWidth = 0
    /// The fewest pixels down the caller can use; 0 means any.
    public var minimumHeight = 0
    /// The largest width × height a header may declare (for an animation, its canvas); checked
    /// before any large allocation.
    public var maxPixels = 100_000_000
    /// The most frames an animation may have.
    public var maxFrames = 1000
    /// Which frames of an animation to decode.
    public var frames = FrameSelection.single(0)
    /// Accept files that decode only with warnings (truncated, corrupt data), and animations
    /// over a limit (drawn up to it), instead of refusing them.
    public var lenient = false

    /// Full-size decoding of the first frame within the default budget of 100 megapixels, strict.
    public init() {}
}

/// Which frames of an animation a decode returns. A still picture has one frame, whatever is asked.
public enum FrameSelection: Sendable, Equatable {
    /// One frame, by its 0-based index: frames before it are composited but not kept, and the
    /// file is not read past it. An index past the end gives the last frame.
    case single(Int)
    /// Every frame, up to the frame cap.
    case all
}

/// One frame of a decoded picture and how long it is shown.
public struct Frame: Sendable, Equatable {
    /// The frame as it appears on screen (composited onto what came before).
    public var image: Image
    /// How long the frame is shown, in milliseconds (100 for a still picture).
    public var delay: Int

    /// Makes a frame.
    public init(image: Image, delay: Int) {
        self.image = image
        self.delay = delay
    }
}

/// A decoded picture, one frame or many, with what was learned on the way.
public struct DecodedImage: Sendable {
    /// The frames asked for, in order: one for a still picture or a single-frame request.
    public var frames: [Frame]
    /// The format the bytes were in.
    public var format: ImageFormat
    /// True when the file is an animation (holds more than one frame), whatever was decoded.
    public var isAnimated: Bool
    /// How many times the animation plays: `nil` forever.
    public var loopCount: Int?
    /// The warnings the decoder raised (only when decoding was lenient; strict decoding throws).
    public var warnings: [String]

    /// The first decoded frame's pixels, possibly at a reduced scale: the picture of a still.
    public var image: Image { frames[0].image }
}
