import Foundation
import Testing

@testable import AsciiArt

/// The shape matcher on pictures whose right glyphs are plain to see: lines drawn through
/// cells of 10 × 20 pixels, the proportions of a terminal cell. A white line 3 pixels wide
/// carries about the ink of a vertical stroke (white is the densest glyph's ink, about a
/// quarter of its cell), a line 2 pixels high that of a horizontal one.
@Suite struct ShapeMatchTests {
    /// A bright line `width` pixels wide on black, where `distance(x, y)` is a pixel centre's
    /// distance from the line's centre, drawn on a grid of `columns` × `rows` cells.
    static func line(columns: Int, rows: Int, width: Double = 3, distance: @escaping (Double, Double) -> Double) -> Image {
        Pictures.make(width: columns * 10, height: rows * 20) { x, y in
            let value: UInt8 = distance(Double(x) + 0.5, Double(y) + 0.5) <= width / 2 ? 255 : 0
            return [value, value, value, 255]
        }
    }

    /// The art of `image` on its whole `columns` × `rows` grid, nothing removed or trimmed.
    static func art(_ image: Image, columns: Int, rows: Int, configure: (inout ArtOptions) -> Void = { _ in }) -> Grid<Character> {
        var options = ArtOptions()
        options.columns = columns
        options.rows = rows
        options.background = .none
        options.margin = nil
        configure(&options)
        return Pipeline.art(from: image, options: options).glyphs
    }

    @Test func diagonalLinesDrawSlashes() {
        // Corner to corner of each cell on the diagonal: 10 pixels across for every 20 down.
        let rising = Self.line(columns: 4, rows: 4) { x, y in abs(2 * x + y - 80) / 5.0.squareRoot() }
        let falling = Self.line(columns: 4, rows: 4) { x, y in abs(2 * x - y) / 5.0.squareRoot() }
        let up = Self.art(rising, columns: 4, rows: 4), down = Self.art(falling, columns: 4, rows: 4)
        for cell in 0 ..< 4 {
            #expect(up[cell, 3 - cell] == "/", "\(String(up.values))")
            #expect(down[cell, cell] == "\\", "\(String(down.values))")
        }
    }

    @Test func verticalAndHorizontalLines() {
        let vertical = Self.art(Self.line(columns: 3, rows: 3) { x, _ in abs(x - 15) }, columns: 3, rows: 3)
        #expect((0 ..< 3).allSatisfy { vertical[1, $0] == "|" }, "\(String(vertical.values))")
        #expect((0 ..< 3).allSatisfy { vertical[0, $0] == " " && vertical[2, $0] == " " })
        let low = Self.art(Self.line(columns: 3, rows: 3, width: 2) { _, y in abs(y - 38) }, columns: 3, rows: 3)
        #expect((0 ..< 3).allSatisfy { low[$0, 1] == "_" }, "\(String(low.values))")
        let middle = Self.art(Self.line(columns: 3, rows: 3, width: 2) { _, y in abs(y - 31) }, columns: 3, rows: 3)
        #expect((0 ..< 3).allSatisfy { middle[$0, 1] == "-" }, "\(String(middle.values))")
    }

    @Test func smoothGradientKeepsARampMonotonicInInk() {
        // Left to right from black to white, 40 cells: each glyph has at least the ink of the one before.
        let gradient = Pictures.make(width: 400, height: 20) { x, _ in
            let value = UInt8(x * 255 / 399)
            return [value, value, value, 255]
        }
        let glyphs = Self.art(gradient, columns: 40, rows: 1).values
        let ink = Dictionary(uniqueKeysWithValues: GlyphShape.ascii.map { ($0.glyph, $0.ink.sum()) })
        let levels = glyphs.map { ink[$0]! }
        #expect(zip(levels, levels.dropFirst()).allSatisfy { $0 <= $1 + 0.05 }, "\(String(glyphs))")
        #expect(glyphs.first == " " && Set(glyphs).count >= 10, "\(String(glyphs))")
    }

    @Test func invertDrawsDarkLinesOnLight() {
        // Dark ink on a light terminal: a black line on white is drawn, the white left blank.
        let picture = Self.line(columns: 3, rows: 3) { x, _ in abs(x - 15) }
        let negative = Image(width: picture.width, height: picture.height, pixels: picture.pixels.enumerated().map {
            $0.offset % 4 == 3 ? $0.element : 255 - $0.element
        })
        let art = Self.art(negative, columns: 3, rows: 3) { $0.invert = true }
        #expect((0 ..< 3).allSatisfy { art[1, $0] == "|" && art[0, $0] == " " }, "\(String(art.values))")
    }

    @Test func charsRestrictTheCandidates() {
        let picture = Self.line(columns: 4, rows: 4) { x, y in abs(2 * x + y - 80) / 5.0.squareRoot() }
        let art = Self.art(picture, columns: 4, rows: 4) { options in
            options.ramp = Ramp(" .oO")!
            options.restrictsShapes = true
        }
        #expect(Set(art.values).isSubset(of: Set(" .oO")), "\(String(art.values))")
        // Fewer than two glyphs with a known shape: tone matching on the ramp.
        let unknown = Self.art(picture, columns: 4, rows: 4) { options in
            options.ramp = Ramp("éè")!
            options.restrictsShapes = true
        }
        #expect(Set(unknown.values).isSubset(of: Set("éè")))
    }

    /// The search that stops at the tone bound and passes over candidates by their spread
    /// picks what trying every glyph picks, for every symbol set, on random patterns and on
    /// patterns that are some glyph's own shape (where ties are closest).
    @Test(arguments: SymbolSet.allCases)
    func prunedSearchPicksTheCheapestGlyph(symbols: SymbolSet) {
        let shapes = symbols.shapes
        var generator = SplitMix(seed: 13)
        let random = (0 ..< 3000).map { _ in SIMD8<Float>((0 ..< 8).map { _ in Float.random(in: 0 ... 1, using: &generator) }) }
        let patterns = random + shapes.map(\.ink)
        let grid = Grid(columns: patterns.count, rows: 1, values: patterns)
        let glyphs = ShapeMatch.glyphs(patterns: grid, mask: nil, candidates: shapes, fill: " ")
        for (pattern, glyph) in zip(patterns, glyphs.values) {
            func cost(_ shape: GlyphShape) -> Float {
                let difference = pattern - shape.ink, toneError = (pattern.sum() - shape.ink.sum()) / 8
                return (difference * difference).sum() + ShapeMatch.toneWeight * 8 * toneError * toneError
            }
            let cheapest = shapes.map(cost).min()!
            let chosen = cost(shapes.first { $0.glyph == glyph }!)
            #expect(chosen <= cheapest * 1.000_01 + 1e-6, "\(pattern): chose \(glyph) at \(chosen), the cheapest costs \(cheapest)")
        }
    }

    @Test(arguments: SymbolSet.allCases)
    func everySymbolIsOneSingleWidthGlyph(symbols: SymbolSet) {
        let shapes = symbols.shapes
        #expect(shapes.count == [SymbolSet.ascii: 95, .blocks: 32, .braille: 256][symbols])
        #expect(shapes.allSatisfy { Ramp.isSingleCell($0.glyph) })
        #expect(Set(shapes.map(\.glyph)).count == shapes.count)
        #expect(shapes.allSatisfy { (0 ... 1).contains($0.ink.min()) && (0 ... 1).contains($0.ink.max()) })
        #expect(Ramp.isSingleCell(symbols.fill(.faint)) && symbols.fill(.blank) == " ")
    }

    @Test func blocksAndBrailleDrawWithTheirOwnGlyphs() {
        let picture = Self.line(columns: 4, rows: 4) { x, y in abs(2 * x + y - 80) / 5.0.squareRoot() }
        for symbols in [SymbolSet.blocks, .braille] {
            let art = Self.art(picture, columns: 4, rows: 4) { $0.symbols = symbols }
            let allowed = Set(symbols.shapes.map(\.glyph))
            #expect(art.values.allSatisfy { allowed.contains($0) }, "\(symbols): \(String(art.values))")
            #expect(art.values.contains { $0 != " " && $0 != "\u{2800}" }, "the line is drawn")
        }
    }

    @Test func twoToneBlocksSplitACellBetweenTwoColours() throws {
        // Two cells of 10 × 20: the first red above blue, the second one flat green.
        let picture = Pictures.make(width: 20, height: 20) { x, y in
            x >= 10 ? [0, 200, 0, 255] : (y < 10 ? [250, 0, 0, 255] : [0, 0, 250, 255])
        }
        var options = ArtOptions()
        options.columns = 2
        options.rows = 1
        options.background = .none
        options.margin = nil
        options.symbols = .blocks
        options.twoToneBlocks = true
        let art = Pipeline.art(from: picture, options: options)
        let twoTone = try #require(art.twoTone)
        let split = twoTone[0, 0], flat = twoTone[1, 0]
        let red = Cell(red: 250, green: 0, blue: 0), blue = Cell(red: 0, green: 0, blue: 250)
        #expect((art.glyphs[0, 0] == "▀" && split == TwoTone(ink: red, paper: blue))
                || (art.glyphs[0, 0] == "▄" && split == TwoTone(ink: blue, paper: red)), "\(art.glyphs[0, 0]) \(split)")
        #expect(art.glyphs[1, 0] == "█" && flat.ink == Cell(red: 0, green: 200, blue: 0))
        let text = ANSIText.render(art, depth: .truecolor, mode: .both)
        #expect(text.contains("38;2;250;0;0;48;2;0;0;250m▀") || text.contains("38;2;0;0;250;48;2;250;0;0m▄"), "\(text)")
        #expect(text.contains("38;2;0;200;0;"), "\(text)")
        // In one colour a cell, the same art falls back to the cells' average colours.
        #expect(!ANSIText.render(art, depth: .truecolor, mode: .fg).contains("48;2;"))
    }

    /// The checked-in table is what Tools/make-glyph-shapes.py writes from the fonts today.
    @Test func glyphTableMatchesItsTool() throws {
        let fonts = ["/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"]
        guard fonts.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) else {
            print("ShapeMatchTests: skipped the glyph table check: DejaVu fonts are not installed (apt-get install fonts-dejavu-core)")
            return
        }
        let (status, said) = try Tools.check("make-glyph-shapes.py", table: "GlyphShapes.swift")
        #expect(status == 0, "\(said)")
    }
}
