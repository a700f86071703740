import AsciiArt
import ImageDecoding

/// Everything that turns a file's bytes into art: how to decode and how to draw.
public struct ConversionOptions: Sendable, Equatable {
    /// How the picture is drawn.
    public var art = ArtOptions()
    /// The largest width × height a header may declare.
    public var maxPixels = DecodeOptions().maxPixels
    /// The most frames an animation may have.
    public var maxFrames = DecodeOptions().maxFrames
    /// The most cells the art of all the frames drawn may hold together (one frame may hold
    /// at most `GridSize.maximumCells`): every stage after decoding, and every rendering,
    /// costs time and memory by the cell.
    public var maxCells = 4_000_000
    /// Which frames of an animation to draw.
    public var frames = FrameSelection.single(0)
    /// Draw files that decode only with warnings, and animations over a limit (up to it),
    /// instead of refusing them.
    public var lenient = false

    /// The defaults: pushin's standard look, a 100-megapixel budget, strict decoding.
    public init() {}

    /// What to ask of the decoder: enough pixels for the grid, within the budget.
    var decodeOptions: DecodeOptions {
        var decode = DecodeOptions()
        decode.maxPixels = maxPixels
        decode.maxFrames = maxFrames
        decode.frames = frames
        decode.lenient = lenient
        // DCT scaling and PNG block averaging never go below what the pipeline asks per cell.
        let samples = BackgroundMask.samplesPerCell(for: art.background)
        let columns = art.columns ?? (art.rows == nil ? art.defaultColumns : 0)
        decode.minimumWidth = columns * samples.across
        decode.minimumHeight = (art.rows ?? 0) * samples.down
        return decode
    }

    /// Everything about these options that changes how art looks at a given width, as one line:
    /// equal fingerprints mean equal art. The cache compares it to know what to render again.
    /// Its first word is the drawing's own version, raised when the same options draw other art
    /// (v7: the subject cut iterates until it settles, up to five rounds).
    public var fingerprint: String {
        let ramp = art.ramp.glyphs.map { String($0.unicodeScalars.first!.value, radix: 16) }.joined(separator: ",")
        return [
            "v7", "match=\(art.match.rawValue)", "symbols=\(art.symbols.rawValue)", "restricted=\(art.restrictsShapes)",
            "aspect=\(art.cellAspect)", "background=\(art.background.rawValue)", "fill=\(art.fill.rawValue)",
            "margin=\(art.margin.map { "\($0.rows),\($0.columns)" } ?? "none")", "contrast=\(art.contrast)",
            "curve=\(art.curve)", "ramp=\(ramp)", "invert=\(art.invert)", "maxPixels=\(maxPixels)", "maxFrames=\(maxFrames)",
            "maxCells=\(maxCells)", "lenient=\(lenient)",
        ].joined(separator: " ")
    }

    /// The same options at another width, the height following the picture's proportions.
    func atWidth(_ columns: Int) -> ConversionOptions {
        var options = self
        options.art.columns = columns
        options.art.rows = nil
        return options
    }
}

/// One frame of art and how long it is shown.
public struct ArtFrame: Sendable, Equatable {
    /// The frame's art.
    public var art: Art
    /// How long it is shown, in milliseconds.
    public var delay: Int
}

/// The art of a picture (one frame, or every frame asked for of an animation), the picture
/// it was drawn from, and the decoder's warnings.
public struct Conversion: Sendable {
    /// The frames of art, in order: one for a still picture or a single-frame request, all
    /// on one grid with one crop.
    public var frames: [ArtFrame]
    /// The first decoded frame's picture (at the scale it was decoded at).
    public var image: Image
    /// True when the source is an animation, whether or not every frame was drawn.
    public var isAnimated: Bool
    /// How many times the animation plays: `nil` forever.
    public var loopCount: Int?
    /// Warnings the decoder raised and lenient decoding let through.
    public var warnings: [String]

    /// The art of the first frame drawn: the picture of a still.
    public var art: Art { frames[0].art }
}

/// The same picture drawn at several widths, and the decoder's warnings.
public struct MultiWidthConversion: Sendable {
    /// The frames of art at each width, in the order the widths were asked for.
    public var arts: [(width: Int, frames: [ArtFrame])]
    /// True when the source is an animation.
    public var isAnimated: Bool
    /// How many times the animation plays: `nil` forever.
    public var loopCount: Int?
    /// Warnings the decoder raised and lenient decoding let through.
    public var warnings: [String]
}

/// Why a file's bytes could not become art. Descriptions are one line, meant to follow the
/// file's name in an error message.
public enum ConversionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bytes could not be decoded.
    case decode(DecodeError)
    /// The picture's proportions (or the size asked) call for more cells than pushin draws.
    case tooManyCells(GridSize)
    /// The animation's frames at this grid hold more cells in all than `maxCells`; `fitting`
    /// frames fit.
    case tooManyCellsInAll(GridSize, frames: Int, maxCells: Int, fitting: Int)

    public var description: String {
        switch self {
        case .decode(let error):
            return error.description
        case .tooManyCells(let size):
            return "art of \(size.columns) × \(size.rows) cells is over the limit of \(GridSize.maximumCells) cells "
                + "(give a smaller --width or --height)"
        case let .tooManyCellsInAll(size, frames, maxCells, fitting):
            return "animation of \(frames) frames of \(size.columns) × \(size.rows) cells is over the limit of \(maxCells) "
                + "cells in all (give a smaller --width; --lenient draws the first \(fitting))"
        }
    }
}

/// The one sequence from bytes to art (sniff, decode at the right scale, run the pipeline);
/// `pushin convert` and `pushin cache` both go through it.
public enum Converter {
    /// Decodes `bytes` and draws the frames `options.frames` asks for.
    public static func convert(_ bytes: [UInt8], options: ConversionOptions) throws(ConversionError) -> Conversion {
        try convert(.bytes(bytes), options: options)
    }

    /// Decodes the picture in memory or in a file (see `PictureFile`) and draws the frames
    /// `options.frames` asks for.
    public static func convert(_ source: ImageSource, options: ConversionOptions) throws(ConversionError) -> Conversion {
        let decoded = try decode(source, options: options.decodeOptions)
        var warnings = decoded.warnings
        return Conversion(
            frames: try draw(decoded, options: options, warnings: &warnings), image: decoded.image,
            isAnimated: decoded.isAnimated, loopCount: decoded.loopCount, warnings: warnings)
    }

    /// Decodes `bytes` once, at the scale the widest art needs, and draws them at each width.
    public static func convert(
        _ bytes: [UInt8], options: ConversionOptions, widths: [Int]
    ) throws(ConversionError) -> MultiWidthConversion {
        let decoded = try decode(.bytes(bytes), options: options.atWidth(widths.max() ?? 1).decodeOptions)
        var arts: [(width: Int, frames: [ArtFrame])] = []
        var warnings = decoded.warnings
        for width in widths { arts.append((width, try draw(decoded, options: options.atWidth(width), warnings: &warnings))) }
        return MultiWidthConversion(
            arts: arts, isAnimated: decoded.isAnimated, loopCount: decoded.loopCount, warnings: warnings)
    }

    /// The decoded picture, its errors wrapped.
    private static func decode(_ source: ImageSource, options: DecodeOptions) throws(ConversionError) -> DecodedImage {
        do { return try ImageDecoder.decode(source, options: options) } catch { throw .decode(error) }
    }

    /// The decoded frames drawn on one grid with one crop, each with its delay, unless the grid
    /// is over `GridSize.maximumCells`, or the frames over `options.maxCells` in all (with
    /// `options.lenient`, the frames that fit are drawn, with a warning).
    private static func draw(
        _ decoded: DecodedImage, options: ConversionOptions, warnings: inout [String]
    ) throws(ConversionError) -> [ArtFrame] {
        let size = options.art.gridSize(width: decoded.image.width, height: decoded.image.height)
        guard size.cellCount <= min(GridSize.maximumCells, options.maxCells) else { throw .tooManyCells(size) }
        var frames = decoded.frames
        let fitting = options.maxCells / size.cellCount
        if frames.count > fitting {
            guard options.lenient else {
                throw .tooManyCellsInAll(size, frames: frames.count, maxCells: options.maxCells, fitting: fitting)
            }
            warnings.append("more than \(options.maxCells) cells of art in all: drawing the first \(fitting) frames")
            frames = Array(frames.prefix(fitting))
        }
        let arts = Pipeline.art(from: frames.map(\.image), options: options.art)
        return zip(arts, frames).map { ArtFrame(art: $0, delay: $1.delay) }
    }
}
