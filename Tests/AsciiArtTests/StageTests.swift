import Testing

@testable import AsciiArt

@Suite struct GridSizeTests {
    @Test func rowsFollowTheProportionsAndTheCellAspect() {
        // 400 × 200 at 80 columns: 80 × (200 / 400) / 2 = 20 rows.
        #expect(GridSize.fitting(width: 400, height: 200, columns: 80, rows: nil, cellAspect: 2) == GridSize(columns: 80, rows: 20))
        #expect(GridSize.fitting(width: 400, height: 200, columns: 80, rows: nil, cellAspect: 1) == GridSize(columns: 80, rows: 40))
        #expect(GridSize.fitting(width: 400, height: 200, columns: nil, rows: 20, cellAspect: 2) == GridSize(columns: 80, rows: 20))
        #expect(GridSize.fitting(width: 400, height: 200, columns: 7, rows: 9, cellAspect: 2) == GridSize(columns: 7, rows: 9))
        #expect(GridSize.fitting(width: 400, height: 200, columns: nil, rows: nil, cellAspect: 2, defaultColumns: 40).columns == 40)
        #expect(GridSize.fitting(width: 1000, height: 1, columns: 10, rows: nil, cellAspect: 2).rows == 1, "never zero rows")
    }

    /// `--size`: the largest grid inside the box that keeps the picture's proportions.
    @Test(arguments: [
        // picture, box → grid (cells twice as tall as wide)
        ((400, 200), (30, 10), (30, 8)),   // wide: the box's 30 columns need 30 × 200 / 400 / 2 = 7.5 rows
        ((451, 300), (30, 10), (30, 10)),  // 30 × 300 / 451 / 2 = 9.98 rows: fits
        ((451, 300), (80, 10), (30, 10)),  // too tall at 80 columns: 10 rows, 10 × 451 / 300 × 2 = 30 columns
        ((100, 400), (40, 40), (20, 40)),  // tall: 40 rows, 40 / (400 / 100 / 2) = 20 columns
        ((1000, 10), (40, 40), (40, 1)),   // a strip: the box's width, at least one row
        ((300, 300), (1, 1), (1, 1)),
    ])
    func sizeFitsInsideTheBox(picture: (Int, Int), box: (Int, Int), grid: (Int, Int)) {
        let fitted = GridSize.fitting(
            width: picture.0, height: picture.1, inside: GridSize(columns: box.0, rows: box.1), cellAspect: 2)
        #expect(fitted == GridSize(columns: grid.0, rows: grid.1))
        #expect(fitted.columns <= box.0 && fitted.rows <= box.1)
    }

    @Test func extremeProportionsGiveACountRatherThanATrap() {
        // 1,000,000 × 1 at 40 rows asks 80 million columns × 40: counted, and over the limit.
        let wide = GridSize.fitting(width: 1_000_000, height: 1, columns: nil, rows: 40, cellAspect: 2)
        #expect(wide.columns == 80_000_000 && wide.cellCount > GridSize.maximumCells)
        // A picture a thousand million times taller than wide asks more rows than an Int32 holds.
        let tall = GridSize.fitting(width: 1, height: 1_000_000_000, columns: 1_000_000, rows: nil, cellAspect: 0.001)
        #expect(tall.rows == Int(Int32.max))
    }
}

@Suite struct ResizeTests {
    @Test func areaAverageOfExactBlocks() {
        // 4 × 2 pixels into 2 × 1 cells: the left cell averages 0, 100, 0, 100; the right 200s.
        let image = Pictures.make(width: 4, height: 2) { x, _ in
            let value: UInt8 = x < 2 ? (x == 0 ? 0 : 100) : 200
            return [value, value, value, 255]
        }
        let cells = Resize.areaAverage(image, to: GridSize(columns: 2, rows: 1))
        #expect(cells.values.map(\.red) == [50, 200])
        #expect(cells.values.map(\.alpha) == [1, 1])
    }

    @Test func transparentPixelsAddNoColour() {
        // Left pixel: opaque red. Right pixel: fully transparent green. One cell.
        let image = Image(width: 2, height: 1, pixels: [255, 0, 0, 255, 0, 255, 0, 0])
        let cell = Resize.areaAverage(image, to: GridSize(columns: 1, rows: 1)).values[0]
        #expect(cell == Cell(red: 255, green: 0, blue: 0, alpha: 0.5))
    }

    @Test func enlargingGivesEachCellThePixelUnderIt() {
        let image = Image(width: 2, height: 1, pixels: [10, 10, 10, 255, 90, 90, 90, 255])
        let cells = Resize.areaAverage(image, to: GridSize(columns: 4, rows: 2))
        #expect(cells.values.map(\.green) == [10, 10, 90, 90, 10, 10, 90, 90])
    }

    @Test func spansCoverEveryPixelOnceWhenShrinking() {
        let spans = Resize.spans(count: 7, over: 100)
        #expect(spans.first?.lowerBound == 0 && spans.last?.upperBound == 100)
        #expect(zip(spans, spans.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
    }
}

@Suite struct GrayscaleTests {
    @Test func lumaUsesBT601Weights() {
        #expect(Grayscale.luma(red: 255, green: 255, blue: 255) == 255)
        #expect(abs(Grayscale.luma(red: 255, green: 0, blue: 0) - 76.245) < 0.001)
        #expect(abs(Grayscale.luma(red: 0, green: 255, blue: 0) - 149.685) < 0.001)
        #expect(abs(Grayscale.luma(red: 0, green: 0, blue: 255) - 29.07) < 0.001)
    }

    @Test func integerLumaOfPixels() {
        let image = Image(width: 3, height: 1, pixels: [255, 0, 0, 255, 0, 255, 0, 255, 255, 255, 255, 255])
        // (77·255 + 128) >> 8 = 77, (150·255 + 128) >> 8 = 149, (256·255 + 128) >> 8 = 255.
        #expect(Grayscale.luma(of: image) == [77, 149, 255])
    }
}

@Suite struct CornerMaskTests {
    @Test func uniformPictureIsAllBackgroundWithoutDividingByZero() {
        let mask = BackgroundMask.corners(luma: Grid(columns: 20, rows: 10, repeating: 128))
        #expect(mask.values.allSatisfy { $0 })
    }

    @Test func darkFieldKeepsTheBrightSquare() {
        let image = Pictures.brightSquare(size: 30)
        let luma = Grayscale.luma(of: Resize.areaAverage(image, to: GridSize(columns: 30, rows: 30)))
        let mask = BackgroundMask.corners(luma: luma)
        #expect(mask[15, 15] == false, "the square is subject")
        #expect(mask[0, 0] && mask[29, 29] && mask[5, 15], "the dark field is background")
    }

    @Test func brightBackgroundIsEverythingAboveMeanMinusSigma() {
        // 20 × 20: the corner squares are 2 × 2. Half their cells 200, half 220 (mean 210,
        // σ 10), so the threshold is 200: a 200 cell is background, a 199 one subject.
        var rows = Array(repeating: Array(repeating: Float(200), count: 20), count: 20)
        for row in [0, 18] { for column in [0, 1, 18, 19] { rows[row][column] = 220 } }
        rows[10][10] = 150; rows[8][8] = 199
        let mask = BackgroundMask.corners(luma: Pictures.luma(rows))
        #expect(mask[10, 10] == false && mask[8, 8] == false)
        #expect(mask[5, 5] == true && mask[0, 0] == true)
    }

    /// The seed summed its corners as bytes, so four corners of 200 wrapped to 32 and made the
    /// background "dark". Averaged properly, a white-ish field is bright.
    @Test func cornersAreAveragedNotWrapped() {
        var rows = Array(repeating: Array(repeating: Float(200), count: 10), count: 10)
        rows[5][5] = 10
        let mask = BackgroundMask.corners(luma: Pictures.luma(rows))
        #expect(mask[5, 5] == false)
        #expect(mask[2, 2] == true)
    }

    @Test func cornerSquaresAreTenPercent() {
        let samples = BackgroundMask.cornerSamples(Grid(columns: 40, rows: 20, repeating: 1))
        #expect(samples.count == 4 * 4 * 2)
    }
}

@Suite struct TrimTests {
    /// A 10 × 10 mask whose subject fills rows 4...5 and columns 3...6.
    static let mask = Grid(columns: 10, rows: 10, values: (0 ..< 100).map { index in
        !((4 ... 5).contains(index / 10) && (3 ... 6).contains(index % 10))
    })

    @Test func keepsTheMarginAroundTheSubject() {
        let bounds = Trim.bounds(of: Self.mask, columns: 10, rows: 10, margin: Trim.Margin(rows: 2, columns: 1))
        #expect(bounds == CellBounds(columns: 2 ..< 8, rows: 2 ..< 8))
    }

    @Test func marginStopsAtTheEdges() {
        let bounds = Trim.bounds(of: Self.mask, columns: 10, rows: 10, margin: Trim.Margin(rows: 9, columns: 9))
        #expect(bounds == CellBounds(columns: 0 ..< 10, rows: 0 ..< 10))
    }

    @Test func noSubjectOrNoMaskKeepsEverything() {
        let all = CellBounds(columns: 0 ..< 10, rows: 0 ..< 10)
        #expect(Trim.bounds(of: Grid(columns: 10, rows: 10, repeating: true), columns: 10, rows: 10, margin: .init(rows: 0, columns: 0)) == all)
        #expect(Trim.bounds(of: nil, columns: 10, rows: 10, margin: .init(rows: 0, columns: 0)) == all)
    }

    @Test func croppingKeepsTheBoundsValues() {
        let grid = Grid(columns: 3, rows: 3, values: Array(0 ..< 9))
        #expect(grid.cropped(to: CellBounds(columns: 1 ..< 3, rows: 0 ..< 2)).values == [1, 2, 4, 5])
    }
}

@Suite struct ToneTests {
    func close(_ actual: [Float], _ expected: [Float]) -> Bool {
        actual.count == expected.count && zip(actual, expected).allSatisfy { abs($0 - $1) < 1e-5 }
    }

    @Test func withoutStretchLevelIsLumaOver255() {
        let levels = levels(luma: Pictures.luma([[0, 51, 255]]), mask: nil, contrast: .none, curve: .power(1))
        #expect(close(levels.values, [0, 0.2, 1]))
    }

    @Test func stretchUsesTheSubjectRangeOnly() {
        // The background cell (255) does not count: the subject's 50...150 becomes 0...1.
        let luma = Pictures.luma([[50, 100, 150, 255]])
        let mask = Grid(columns: 4, rows: 1, values: [false, false, false, true])
        let levels = levels(luma: luma, mask: mask, contrast: .stretch(clipPercent: 0), curve: .power(1))
        #expect(levels.values == [0, 0.5, 1, 1])
    }

    @Test func flatSubjectIsNotStretched() {
        let levels = levels(luma: Pictures.luma([[102, 102]]), mask: nil, contrast: .stretch(clipPercent: 0), curve: .power(1))
        #expect(close(levels.values, [0.4, 0.4]))
    }

    @Test func clippingIgnoresOutliers() {
        // 100 cells 0...99 with 1 % clipped at each end: 1 → 0 and 98 → 1.
        let luma = Grid(columns: 100, rows: 1, values: (0 ..< 100).map(Float.init))
        let levels = levels(luma: luma, mask: nil, contrast: .stretch(clipPercent: 1), curve: .power(1))
        #expect(close([levels.values[0], levels.values[1], levels.values[98], levels.values[99]], [0, 0, 1, 1]))
    }

    @Test func curves() {
        #expect(abs(Tone.Curve.power(2).apply(0.5) - 0.25) < 1e-6)
        // The seed's 1 − (1 − v)^0.2 at v = 0.5: 1 − 0.5^0.2 ≈ 0.129.
        #expect(abs(Tone.Curve.seed(0.2).apply(0.5) - 0.12945) < 1e-4)
        #expect(Tone.Curve.seed(0.2).apply(0) == 0 && Tone.Curve.seed(0.2).apply(1) == 1)
    }
}

@Suite struct RampTests {
    @Test func gradientMapsToComputableIndices() {
        // Levels k / 9 on the 10-glyph ramp land exactly on glyph k.
        let levels = Grid(columns: 10, rows: 1, values: (0 ..< 10).map { Float($0) / 9 })
        let glyphs = GlyphMap.glyphs(levels: levels, mask: nil, ramp: .short, invert: false, fill: .faint)
        #expect(String(glyphs.values) == " .:-=+*#%@")
        let inverted = GlyphMap.glyphs(levels: levels, mask: nil, ramp: .short, invert: true, fill: .faint)
        #expect(String(inverted.values) == "@%#*+=-:. ")
    }

    @Test func backgroundGetsTheFill() {
        let levels = Grid(columns: 2, rows: 1, values: [Float(1), 1])
        let mask = Grid(columns: 2, rows: 1, values: [true, false])
        #expect(String(GlyphMap.glyphs(levels: levels, mask: mask, ramp: .short, invert: false, fill: .faint).values) == ".@")
        #expect(String(GlyphMap.glyphs(levels: levels, mask: mask, ramp: .short, invert: false, fill: .blank).values) == " @")
        #expect(String(GlyphMap.glyphs(levels: levels, mask: mask, ramp: .short, invert: true, fill: .faint).values) == ". ")
    }

    @Test func customRampsAreValidated() {
        #expect(Ramp(" #")?.glyphs == [" ", "#"])
        #expect(Ramp("#") == nil, "one glyph is no ramp")
        #expect(Ramp("aa") == nil, "repeats")
        #expect(Ramp("a\tb") == nil, "control characters")
        #expect(Ramp("a漢") == nil, "wide characters")
        #expect(Ramp(" ░▒▓█") != nil, "block elements are one cell wide")
    }

    @Test func namedRampsAreWhatTheyClaim() {
        #expect(Ramp.seed.glyphs.count == 23)
        #expect(Ramp.short.glyphs.count == 10)
        #expect(Ramp.long.glyphs.count == 70)
        #expect(Ramp.standard.glyphs.count == 16)
        for ramp in [Ramp.standard, .seed, .short, .long] { #expect(ramp.glyphs.first == " ") }
    }
}

@Suite struct RenderTests {
    @Test func everyLineEndsWithANewline() {
        let glyphs = Grid(columns: 2, rows: 2, values: Array("ab" + "cd"))
        #expect(Render.plainText(glyphs) == "ab\ncd\n")
    }
}

/// Every cell's level, as the pipeline tones them.
func levels(luma: Grid<Float>, mask: Grid<Bool>?, contrast: Tone.Contrast, curve: Tone.Curve) -> Grid<Float> {
    luma.map(Tone.mapping(luma: luma, mask: mask, contrast: contrast, curve: curve).level)
}
