/// Everything that decides how a picture becomes art, apart from where its bytes come from.
public struct ArtOptions: Sendable, Equatable {
    /// Cells across; `nil` derives it from `rows` or falls back to `defaultColumns`.
    public var columns: Int?
    /// Cells down; `nil` derives it from the picture's proportions.
    public var rows: Int?
    /// The width used when neither `columns` nor `rows` is set.
    public var defaultColumns = 80
    /// How many times taller than wide a terminal cell is.
    public var cellAspect = 2.0
    /// How the background is found.
    public var background = BackgroundMode.auto
    /// What background cells are drawn with.
    public var fill = BackgroundFill.faint
    /// Blank rows and columns kept around the subject; `nil` keeps the full frame.
    public var margin: Trim.Margin? = Trim.Margin(rows: 2, columns: 4)
    /// The contrast stretch.
    public var contrast = Tone.Contrast.none
    /// The tone curve.
    public var curve = Tone.Curve.power(1)
    /// The glyphs.
    public var ramp = Ramp.standard
    /// Dense glyphs for dark cells, for dark text on a light terminal.
    public var invert = false

    /// pushin's defaults: the most faithful art, as measured with the fidelity scorer.
    public init() {}

    /// The look of the original script: its ramp, its curve, a min–max stretch and its
    /// corner-sampling background removal.
    public static var seed: ArtOptions {
        var options = ArtOptions()
        options.ramp = .seed
        options.curve = .seed(0.2)
        options.contrast = .stretch(clipPercent: 0)
        options.background = .corners
        return options
    }

    /// The grid a picture of this size is drawn on.
    public func gridSize(width: Int, height: Int) -> GridSize {
        GridSize.fitting(
            width: width, height: height, columns: columns, rows: rows,
            cellAspect: cellAspect, defaultColumns: defaultColumns)
    }
}

/// A finished piece of art: its glyphs and, cell for cell, the colours they stand for.
public struct Art: Sendable, Equatable {
    /// The glyph of every cell.
    public var glyphs: Grid<Character>
    /// The average colour of every cell, for colour output.
    public var cells: Grid<Cell>
    /// Which of the cells are background (`true`); `nil` when nothing was removed.
    public var mask: Grid<Bool>?
    /// The luma of every cell of the full grid, before trimming.
    public var fullLuma: Grid<Float>
    /// The background mask of the full grid, before trimming (`true` = background); `nil`
    /// when nothing was removed.
    public var fullMask: Grid<Bool>?

    /// The art as plain text, every line ending in a newline.
    public var plainText: String { Render.plainText(glyphs) }
}

/// The whole pipeline: resize, grayscale, background mask, trim, tone, glyphs.
public enum Pipeline {
    /// Draws `image` as art.
    public static func art(from image: Image, options: ArtOptions) -> Art {
        let cells = Resize.areaAverage(image, to: options.gridSize(width: image.width, height: image.height))
        let luma = Grayscale.luma(of: cells)
        let fullMask = BackgroundMask.mask(options.background, image: image, cells: cells, luma: luma)
        let bounds = options.margin.map {
            Trim.bounds(of: fullMask, columns: cells.columns, rows: cells.rows, margin: $0)
        } ?? CellBounds(columns: 0 ..< cells.columns, rows: 0 ..< cells.rows)
        let mask = fullMask?.cropped(to: bounds)
        let keptLuma = luma.cropped(to: bounds)
        let levels = Tone.levels(luma: keptLuma, mask: mask, contrast: options.contrast, curve: options.curve)
        let glyphs = GlyphMap.glyphs(
            levels: levels, mask: mask, ramp: options.ramp, invert: options.invert, fill: options.fill)
        return Art(glyphs: glyphs, cells: cells.cropped(to: bounds), mask: mask, fullLuma: luma, fullMask: fullMask)
    }
}
