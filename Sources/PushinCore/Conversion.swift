import AsciiArt
import ImageDecoding

/// Everything that turns a file's bytes into art: how to decode and how to draw.
public struct ConversionOptions: Sendable, Equatable {
    /// How the picture is drawn.
    public var art = ArtOptions()
    /// The largest width × height a header may declare.
    public var maxPixels = DecodeOptions().maxPixels
    /// Draw files that decode only with warnings instead of refusing them.
    public var lenient = false

    /// The defaults: pushin's standard look, a 100-megapixel budget, strict decoding.
    public init() {}

    /// What to ask of the decoder: enough pixels for the grid, within the budget.
    var decodeOptions: DecodeOptions {
        var decode = DecodeOptions()
        decode.maxPixels = maxPixels
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
    public var fingerprint: String {
        let ramp = art.ramp.glyphs.map { String($0.unicodeScalars.first!.value, radix: 16) }.joined(separator: ",")
        return [
            "v1", "aspect=\(art.cellAspect)", "background=\(art.background.rawValue)", "fill=\(art.fill.rawValue)",
            "margin=\(art.margin.map { "\($0.rows),\($0.columns)" } ?? "none")", "contrast=\(art.contrast)",
            "curve=\(art.curve)", "ramp=\(ramp)", "invert=\(art.invert)", "maxPixels=\(maxPixels)", "lenient=\(lenient)",
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

/// A piece of art, the picture it was drawn from, and the decoder's warnings.
public struct Conversion: Sendable {
    /// The art.
    public var art: Art
    /// The decoded picture (at the scale it was decoded at).
    public var image: Image
    /// Warnings the decoder raised and lenient decoding let through.
    public var warnings: [String]
}

/// The same picture drawn at several widths, and the decoder's warnings.
public struct MultiWidthConversion: Sendable {
    /// The art at each width, in the order the widths were asked for.
    public var arts: [(width: Int, art: Art)]
    /// Warnings the decoder raised and lenient decoding let through.
    public var warnings: [String]
}

/// The one sequence from bytes to art (sniff, decode at the right scale, run the pipeline);
/// `pushin convert` and `pushin cache` both go through it.
public enum Converter {
    /// Decodes `bytes` and draws them.
    public static func convert(_ bytes: [UInt8], options: ConversionOptions) throws(DecodeError) -> Conversion {
        let decoded = try ImageDecoder.decode(bytes, options: options.decodeOptions)
        return Conversion(
            art: Pipeline.art(from: decoded.image, options: options.art), image: decoded.image, warnings: decoded.warnings)
    }

    /// Decodes `bytes` once, at the scale the widest art needs, and draws them at each width.
    public static func convert(
        _ bytes: [UInt8], options: ConversionOptions, widths: [Int]
    ) throws(DecodeError) -> MultiWidthConversion {
        let decoded = try ImageDecoder.decode(bytes, options: options.atWidth(widths.max() ?? 1).decodeOptions)
        let arts = widths.map { width in
            (width, Pipeline.art(from: decoded.image, options: options.atWidth(width).art))
        }
        return MultiWidthConversion(arts: arts, warnings: decoded.warnings)
    }
}
