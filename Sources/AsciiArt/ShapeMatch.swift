/// How each cell's glyph is chosen.
public enum GlyphMatch: String, Sendable, CaseIterable {
    /// By the cell's brightness alone, from the ramp (`GlyphMap`).
    case tone
    /// By the pattern of brightness inside the cell and its brightness together (`ShapeMatch`).
    case shape
}

/// The glyphs the shape matcher draws with.
public enum SymbolSet: String, Sendable, CaseIterable {
    /// Printable ASCII, U+0020–007E.
    case ascii
    /// Block elements, U+2580–259F: halves, eighths, quadrants and shades.
    case blocks
    /// Braille patterns, U+2800–28FF: a 2 × 4 dot pattern per cell.
    case braille

    /// Every glyph of the set, with its shape.
    public var shapes: [GlyphShape] {
        switch self {
        case .ascii: return GlyphShape.ascii
        case .blocks: return GlyphShape.blocks
        case .braille: return GlyphShape.braille
        }
    }

    /// What a background cell is drawn with: blank, or the set's faintest mark. Blocks have no
    /// faint mark (the lightest shade is a quarter of the cell's ink; the thinnest bar ruled
    /// every row), so their background is always blank.
    public func fill(_ fill: BackgroundFill) -> Character {
        switch (self, fill) {
        case (_, .blank), (.blocks, .faint): return " "
        case (.ascii, .faint): return "."
        case (.braille, .faint): return "⠂"
        }
    }
}

/// One glyph's ink over the 2 × 4 sub-cells of its cell (left, right; top row first), where 1
/// is the ink of the densest glyph of its set: the glyph as seen from a little way off. Measured
/// from the font by Tools/make-glyph-shapes.py into GlyphShapes.swift.
public struct GlyphShape: Sendable, Equatable {
    /// The glyph.
    public let glyph: Character
    /// Its ink in each sub-cell, 0...1.
    public let ink: SIMD8<Float>

    init(_ glyph: Character, _ ink: [Float]) {
        self.glyph = glyph
        self.ink = SIMD8(ink)
    }
}

/// Choosing each cell's glyph by the shape of the picture inside the cell as well as its tone.
///
/// The picture is sampled 2 × 4 times per cell (square samples for a cell twice as tall as
/// wide), toned exactly as the cells are, and blurred as the glyph table is (a Gaussian of a
/// quarter of a cell's width). Each cell takes the glyph `g` of least
///
///     Σ (p − g)² + toneWeight × 8 × (mean p − mean g)²
///
/// over its 8 samples `p`: the squared difference of the patterns, plus the squared difference
/// of their means counted again. The first term alone already contains the tone once; counting
/// it a second time keeps a cell's brightness on its ink level, so a flat area keeps even glyphs
/// of the right density and an edge gets `/ \ | _ ( )` only where their ink also sums right.
/// Measured on the photos and cartoons in images/ at 80 columns (../shared/fidelity, SSIM at
/// the normal scale / at hvs0.25): weight 0 gave 0.89 / 0.54 on the photos, 1 gave 0.91 / 0.54,
/// 2 gave 0.91 / 0.53 and tone alone (the ramp) 0.89 / 0.34; 1 is also best on the cartoons.
public enum ShapeMatch {
    /// Samples per cell, across and down.
    public static let samples = (across: 2, down: 4)
    /// How much more the cell's mean counts than its pattern (see above).
    static let toneWeight: Float = 1

    /// The ink pattern every cell of `bounds` asks for: the picture resampled to 2 × 4 samples
    /// a cell, toned by `mapping`, inverted for dark ink on a light terminal, and blurred.
    public static func patterns(
        of image: Image, size: GridSize, bounds: CellBounds, mapping: Tone.Mapping, invert: Bool
    ) -> Grid<SIMD8<Float>> {
        let fine = GridSize(columns: size.columns * samples.across, rows: size.rows * samples.down)
        let width = bounds.columns.count * samples.across
        let count = width * bounds.rows.count * samples.down
        // forEachCell hands every index of the bounds once, so every level is set.
        let levels = [Float](unsafeUninitializedCapacity: count) { levels, initialized in
            Resize.AreaSampler(image, size: fine).forEachCell(in: sampleBounds(of: bounds)) { index, cell in
                let level = mapping.level(Grayscale.luma(red: cell.red, green: cell.green, blue: cell.blue))
                levels[index] = invert ? 1 - level : level
            }
            initialized = count
        }
        let ink = blurred(levels, width: width)
        let columns = bounds.columns.count, rows = bounds.rows.count
        let values = [SIMD8<Float>](unsafeUninitializedCapacity: columns * rows) { patterns, initialized in
            ink.withUnsafeBufferPointer { ink in
                for row in 0 ..< rows {
                    for column in 0 ..< columns {
                        let topLeft = row * samples.down * width + column * samples.across
                        patterns[row * columns + column] = SIMD8(
                            ink[topLeft], ink[topLeft + 1], ink[topLeft + width], ink[topLeft + width + 1],
                            ink[topLeft + 2 * width], ink[topLeft + 2 * width + 1], ink[topLeft + 3 * width],
                            ink[topLeft + 3 * width + 1])
                    }
                }
            }
            initialized = columns * rows
        }
        return Grid(columns: columns, rows: rows, values: values)
    }

    /// The samples of the cells inside `bounds`.
    static func sampleBounds(of bounds: CellBounds) -> CellBounds {
        CellBounds(
            columns: bounds.columns.lowerBound * samples.across ..< bounds.columns.upperBound * samples.across,
            rows: bounds.rows.lowerBound * samples.down ..< bounds.rows.upperBound * samples.down)
    }

    /// The glyph of every cell: the best of `candidates` for its pattern, or `fill` where the
    /// mask says background.
    ///
    /// A glyph whose mean is `d` away from the cell's costs at least (1 + toneWeight) × 8 × d²
    /// (the pattern term is never below its mean's share), so candidates are tried outward from
    /// the cell's mean and the search stops where that bound passes the best cost: a few
    /// glyphs a cell instead of all of them. Beyond its mean's share, the pattern term is the
    /// squared distance of the two patterns' deviations from their means, at least the squared
    /// difference of their spreads (the deviations' lengths); a candidate whose bound with that
    /// term added already loses is passed over without its full cost. The bound is loosened by
    /// `boundSlack` so that rounding never passes over a candidate that would win.
    public static func glyphs(
        patterns: Grid<SIMD8<Float>>, mask: Grid<Bool>?, candidates: [GlyphShape], fill: Character
    ) -> Grid<Character> {
        precondition(!candidates.isEmpty, "the shape matcher needs glyphs to choose from")
        let sorted = candidates.sorted { $0.ink.sum() < $1.ink.sum() }
        let inks = sorted.map(\.ink), means = inks.map { $0.sum() / 8 }
        let spreads = zip(inks, means).map { spread($0, mean: $1) }
        let bound = (1 + toneWeight) * 8
        // The chosen candidate of every cell, -1 for background.
        var chosen = [Int](repeating: -1, count: patterns.values.count)
        inks.withUnsafeBufferPointer { inks in
            means.withUnsafeBufferPointer { means in
                spreads.withUnsafeBufferPointer { spreads in
                    for index in patterns.values.indices where !(mask?.values[index] ?? false) {
                        chosen[index] = best(for: patterns.values[index], inks: inks, means: means, spreads: spreads, bound: bound)
                    }
                }
            }
        }
        let glyphs = sorted.map(\.glyph)
        return Grid(columns: patterns.columns, rows: patterns.rows, values: chosen.map { $0 < 0 ? fill : glyphs[$0] })
    }

    /// The candidate of least cost for `pattern` (see `glyphs`), given the candidates' inks,
    /// means and spreads in ascending order of mean, and the tone bound's factor.
    @inline(__always)
    private static func best(
        for pattern: SIMD8<Float>, inks: UnsafeBufferPointer<SIMD8<Float>>, means: UnsafeBufferPointer<Float>,
        spreads: UnsafeBufferPointer<Float>, bound: Float
    ) -> Int {
        let mean = pattern.sum() / 8, patternSpread = spread(pattern, mean: mean)
        func cost(_ candidate: Int) -> Float {
            let difference = pattern - inks[candidate]
            let toneError = mean - means[candidate]
            return (difference * difference).sum() + toneWeight * 8 * toneError * toneError
        }
        // The first candidate whose mean is not below the cell's, and the one before it.
        var above = firstIndex(in: means, notBelow: mean), below = above - 1
        var best = above < means.count ? above : below, bestCost = cost(best)
        while below >= 0 || above < means.count {
            let belowGap = below >= 0 ? mean - means[below] : .infinity
            let aboveGap = above < means.count ? means[above] - mean : .infinity
            let candidate: Int
            if belowGap <= aboveGap {
                candidate = below
                below -= 1
            } else {
                candidate = above
                above += 1
            }
            let gap = min(belowGap, aboveGap)
            if bound * gap * gap >= bestCost { break }
            let spreadGap = patternSpread - spreads[candidate]
            if (bound * gap * gap + spreadGap * spreadGap) * boundSlack >= bestCost { continue }
            let candidateCost = cost(candidate)
            if candidateCost < bestCost {
                best = candidate
                bestCost = candidateCost
            }
        }
        return best
    }

    /// How much of the spread bound of `glyphs` is trusted: rounding in the costs is a few
    /// parts in ten million, far inside this.
    static let boundSlack: Float = 0.999

    /// The length of `pattern`'s deviation from its `mean`: √Σ (p − mean)².
    static func spread(_ pattern: SIMD8<Float>, mean: Float) -> Float {
        let deviation = pattern - SIMD8(repeating: mean)
        return (deviation * deviation).sum().squareRoot()
    }

    /// The first index of ascending `values` whose value is at least `value` (the count when none is).
    static func firstIndex(in values: UnsafeBufferPointer<Float>, notBelow value: Float) -> Int {
        var low = 0, high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// `levels` (`width` across) blurred with a Gaussian of half a sample (a quarter of a
    /// cell's width), edges repeated outward.
    static func blurred(_ levels: [Float], width: Int) -> [Float] {
        // exp(−1 / (2 × 0.5²)) for the neighbours; the taps two samples away are 0.0003 and left out.
        let side: Float = 0.1353
        let centre = 1 / (1 + 2 * side), neighbour = side / (1 + 2 * side)
        let height = levels.count / max(width, 1)
        let across = [Float](unsafeUninitializedCapacity: levels.count) { across, initialized in
            levels.withUnsafeBufferPointer { levels in
                for y in 0 ..< height {
                    let row = y * width
                    for x in 0 ..< width {
                        across[row + x] = centre * levels[row + x]
                            + neighbour * (levels[row + max(x - 1, 0)] + levels[row + min(x + 1, width - 1)])
                    }
                }
            }
            initialized = height * width
        }
        return [Float](unsafeUninitializedCapacity: levels.count) { out, initialized in
            across.withUnsafeBufferPointer { across in
                for y in 0 ..< height {
                    let up = max(y - 1, 0) * width, here = y * width, down = min(y + 1, height - 1) * width
                    for x in 0 ..< width {
                        out[here + x] = centre * across[here + x] + neighbour * (across[up + x] + across[down + x])
                    }
                }
            }
            initialized = height * width
        }
    }
}

/// The two colours of a cell drawn with a block element: its glyph's and its background's.
public struct TwoTone: Sendable, Equatable {
    /// The colour of the glyph's ink (the terminal's foreground).
    public var ink: Cell
    /// The colour of the rest of the cell (the terminal's background).
    public var paper: Cell
}

extension ShapeMatch {
    /// Block elements for two colours a cell (`--symbols blocks --color-mode both`): for every
    /// cell of `bounds`, the block and the two colours that best paint its 2 × 4 sub-cells.
    ///
    /// A block covers a share `w` of each sub-cell, which shows `paper × (1 − w) + ink × w`;
    /// for each block the two colours are fitted by least squares to the sub-cells' average
    /// colours, and the block of least squared error wins. A cell of one flat colour (or one
    /// that no block splits better) is a full block in its mean colour. Background cells get
    /// `fill`, and their colours are not used.
    public static func twoToneBlocks(
        of image: Image, size: GridSize, bounds: CellBounds, mask: Grid<Bool>?, fill: Character
    ) -> (glyphs: Grid<Character>, colours: Grid<TwoTone>) {
        let fine = GridSize(columns: size.columns * samples.across, rows: size.rows * samples.down)
        var sampled: [Cell] = []
        Resize.AreaSampler(image, size: fine).forEachCell(in: sampleBounds(of: bounds)) { _, cell in sampled.append(cell) }
        let black = Cell(red: 0, green: 0, blue: 0)
        var glyphs = Grid(columns: bounds.columns.count, rows: bounds.rows.count, repeating: fill)
        var colours = Grid(columns: glyphs.columns, rows: glyphs.rows, repeating: TwoTone(ink: black, paper: black))
        for row in 0 ..< glyphs.rows {
            for column in 0 ..< glyphs.columns where !(mask?[column, row] ?? false) {
                var red = SIMD8<Float>(), green = SIMD8<Float>(), blue = SIMD8<Float>()
                for sample in 0 ..< 8 {
                    let x = column * samples.across + sample % samples.across, y = row * samples.down + sample / samples.across
                    let cell = sampled[y * glyphs.columns * samples.across + x]
                    (red[sample], green[sample], blue[sample]) = (cell.red, cell.green, cell.blue)
                }
                let mean = Cell(red: red.sum() / 8, green: green.sum() / 8, blue: blue.sum() / 8)
                var best = (glyph: Character("█"), colours: TwoTone(ink: mean, paper: mean))
                var bestError = [red - mean.red, green - mean.green, blue - mean.blue].map { ($0 * $0).sum() }.reduce(0, +)
                for block in GlyphShape.blockCoverage {
                    guard let fit = fit(block.ink, red: red, green: green, blue: blue), fit.error < bestError else { continue }
                    best = (block.glyph, fit.colours)
                    bestError = fit.error
                }
                glyphs[column, row] = best.glyph
                colours[column, row] = best.colours
            }
        }
        return (glyphs, colours)
    }

    /// The least-squares ink and paper colours for coverage `share` over the sub-cell colours,
    /// each clamped to 0...255, and the squared error they leave; `nil` when the coverage is
    /// even (a shade or a full block: only the mean colour is determined).
    static func fit(
        _ share: SIMD8<Float>, red: SIMD8<Float>, green: SIMD8<Float>, blue: SIMD8<Float>
    ) -> (colours: TwoTone, error: Float)? {
        let rest = 1 - share
        let paperPaper = (rest * rest).sum(), paperInk = (rest * share).sum(), inkInk = (share * share).sum()
        let determinant = paperPaper * inkInk - paperInk * paperInk
        guard determinant > 1e-3 else { return nil }
        var error: Float = 0
        var ink: [Float] = [], paper: [Float] = []
        for channel in [red, green, blue] {
            let onPaper = (rest * channel).sum(), onInk = (share * channel).sum()
            let paperValue = min(max((inkInk * onPaper - paperInk * onInk) / determinant, 0), 255)
            let inkValue = min(max((paperPaper * onInk - paperInk * onPaper) / determinant, 0), 255)
            let difference = channel - (rest * paperValue + share * inkValue)
            error += (difference * difference).sum()
            ink.append(inkValue)
            paper.append(paperValue)
        }
        return (TwoTone(ink: Cell(red: ink[0], green: ink[1], blue: ink[2]), paper: Cell(red: paper[0], green: paper[1], blue: paper[2])), error)
    }
}
