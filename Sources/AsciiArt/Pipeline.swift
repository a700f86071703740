/// Everything that decides how a picture becomes art, apart from where its bytes come from.
public struct ArtOptions: Sendable, Equatable {
    /// Cells across; `nil` derives it from `rows` or falls back to `defaultColumns`.
    public var columns: Int?
    /// Cells down; `nil` derives it from the picture's proportions.
    public var rows: Int?
    /// With both `columns` and `rows`: the largest grid inside them that keeps the picture's
    /// proportions, rather than exactly that grid.
    public var fitsInside = false
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
    /// How each cell's glyph is chosen.
    public var match = GlyphMatch.shape
    /// The glyphs the shape matcher draws with.
    public var symbols = SymbolSet.ascii
    /// The glyphs of tone matching, sparsest first; with `restrictsShapes`, also the only
    /// glyphs the shape matcher may use.
    public var ramp = Ramp.standard
    /// True when the ramp was given (`--ramp`, `--chars`): the shape matcher then draws with
    /// the ramp's glyphs only (tone matching when fewer than two of them have a known shape).
    public var restrictsShapes = false
    /// With `.blocks`: choose each block for two colours a cell (glyph and background), for
    /// colour output that paints both (`--color-mode both`), rather than for its ink alone.
    public var twoToneBlocks = false
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
        options.match = .tone
        return options
    }

    /// The glyphs the shape matcher chooses from, or `nil` when glyphs are chosen by tone.
    var shapeCandidates: [GlyphShape]? {
        guard match == .shape else { return nil }
        guard restrictsShapes else { return symbols.shapes }
        let allowed = Set(ramp.glyphs)
        let known = SymbolSet.allCases.flatMap(\.shapes).filter { allowed.contains($0.glyph) }
        return known.count >= 2 ? known : nil
    }

    /// What background cells are drawn with, by the shape matcher.
    var shapeFill: Character {
        restrictsShapes ? ramp.fill(fill) : symbols.fill(fill)
    }

    /// The grid a picture of this size is drawn on.
    public func gridSize(width: Int, height: Int) -> GridSize {
        if fitsInside, let columns, let rows {
            return GridSize.fitting(width: width, height: height, inside: GridSize(columns: columns, rows: rows), cellAspect: cellAspect)
        }
        return GridSize.fitting(
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
    /// With `twoToneBlocks`, the glyph's and the background's colour of every cell.
    public var twoTone: Grid<TwoTone>? = nil
    /// Which of the cells are background (`true`); `nil` when nothing was removed.
    public var mask: Grid<Bool>?
    /// The luma of every cell of the full grid, before trimming.
    public var fullLuma: Grid<Float>
    /// The background mask of the full grid, before trimming (`true` = background); `nil`
    /// when nothing was removed.
    public var fullMask: Grid<Bool>?

    /// The art as plain text, every line ending in a newline.
    public var plainText: String { Render.plainText(glyphs) }

    /// `plainText` as UTF-8 bytes.
    public var plainUTF8: [UInt8] { Render.plainUTF8(glyphs) }
}

/// The whole pipeline: resize, grayscale, background mask, trim, tone, glyphs.
public enum Pipeline {
    /// Draws `image` as art.
    public static func art(from image: Image, options: ArtOptions) -> Art {
        art(from: [image], options: options)[0]
    }

    /// Draws the frames of an animation (all of one size) as art on one grid with one crop.
    ///
    /// Every frame gets its own background mask, from one border model while the background
    /// stays put, and the crop keeps the union of every frame's subject, so the picture never
    /// jumps, flickers or changes size from frame to frame.
    public static func art(from frames: [Image], options: ArtOptions) -> [Art] {
        precondition(!frames.isEmpty, "an animation has at least one frame")
        let size = options.gridSize(width: frames[0].width, height: frames[0].height)
        var model: BorderModel? = nil  // shared by frames whose background stays put
        let measured = frames.map {
            MeasuredFrame($0, size: size, background: options.background, borderModel: &model, frames: frames.count)
        }
        let union = measured.dropFirst().reduce(measured[0].fullMask) { union, frame in
            // A cell is background in the union only where it is background in every frame.
            guard let union, let mask = frame.fullMask else { return nil }
            return Grid(columns: union.columns, rows: union.rows, values: zip(union.values, mask.values).map { $0 && $1 })
        }
        let bounds = options.margin.map {
            Trim.bounds(of: union, columns: size.columns, rows: size.rows, margin: $0)
        } ?? CellBounds(columns: 0 ..< size.columns, rows: 0 ..< size.rows)
        return measured.map { $0.art(croppedTo: bounds, options: options) }
    }

    /// One frame resized to the grid, with its luma and background mask: everything that comes
    /// before the crop.
    private struct MeasuredFrame {
        let image: Image
        let size: GridSize
        let cells: Grid<Cell>
        let luma: Grid<Float>
        let fullMask: Grid<Bool>?

        init(_ image: Image, size: GridSize, background: BackgroundMode, borderModel: inout BorderModel?, frames: Int) {
            self.image = image
            self.size = size
            cells = Resize.areaAverage(image, to: size)
            luma = Grayscale.luma(of: cells)
            fullMask = BackgroundMask.mask(
                background, image: image, cells: cells, luma: luma, sharing: &borderModel, frames: frames)
        }

        /// The frame's art inside `bounds`: tone and glyphs.
        func art(croppedTo bounds: CellBounds, options: ArtOptions) -> Art {
            let mask = fullMask?.cropped(to: bounds)
            let croppedLuma = luma.cropped(to: bounds)
            let mapping = Tone.mapping(luma: croppedLuma, mask: mask, contrast: options.contrast, curve: options.curve)
            let glyphs: Grid<Character>
            var twoTone: Grid<TwoTone>? = nil
            if options.twoToneBlocks && options.symbols == .blocks && options.match == .shape && !options.restrictsShapes {
                (glyphs, twoTone) = ShapeMatch.twoToneBlocks(of: image, size: size, bounds: bounds, mask: mask, fill: options.shapeFill)
            } else if let candidates = options.shapeCandidates {
                let patterns = ShapeMatch.patterns(of: image, size: size, bounds: bounds, mapping: mapping, invert: options.invert)
                glyphs = ShapeMatch.glyphs(patterns: patterns, mask: mask, candidates: candidates, fill: options.shapeFill)
            } else {
                glyphs = GlyphMap.glyphs(
                    levels: croppedLuma.map(mapping.level), mask: mask, ramp: options.ramp, invert: options.invert, fill: options.fill)
            }
            return Art(
                glyphs: glyphs, cells: cells.cropped(to: bounds), twoTone: twoTone, mask: mask, fullLuma: luma, fullMask: fullMask)
        }
    }
}
