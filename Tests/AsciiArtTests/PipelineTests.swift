import Testing

@testable import AsciiArt

@Suite struct PipelineTests {
    @Test func uniformPictureDrawsOneGlyphEverywhere() {
        let art = Pipeline.art(from: Pictures.uniform(width: 40, height: 40, gray: 255), options: options(columns: 8))
        #expect(art.glyphs.columns == 8 && art.glyphs.rows == 4)
        #expect(Set(art.glyphs.values) == ["M"], "white is the densest glyph of the standard ramp")
        var shape = options(columns: 8)
        shape.match = .shape
        let shaped = Pipeline.art(from: Pictures.uniform(width: 40, height: 40, gray: 255), options: shape)
        #expect(Set(shaped.glyphs.values).count == 1, "one glyph for one flat tone")
    }

    @Test func uniformPictureWithCornerRemovalKeepsTheFrameAndDoesNotCrash() {
        var options = options(columns: 8)
        options.background = .corners
        let art = Pipeline.art(from: Pictures.uniform(width: 40, height: 40, gray: 90), options: options)
        #expect(art.glyphs.columns == 8 && art.glyphs.rows == 4)
        #expect(Set(art.glyphs.values) == ["."], "all background: the faint fill")
    }

    @Test func brightSquareOnDarkFieldIsTrimmedToTheSquareAndMargin() {
        var options = options(columns: 30)
        options.cellAspect = 1
        options.background = .corners
        options.margin = Trim.Margin(rows: 2, columns: 4)
        let art = Pipeline.art(from: Pictures.brightSquare(size: 30), options: options)
        // The square spans cells 10..<20 both ways; plus the margins.
        #expect(art.glyphs.rows == 14 && art.glyphs.columns == 18)
        #expect(art.glyphs[9, 7] == "M")
        #expect(art.glyphs[0, 0] == ".")
        #expect(art.cells.columns == 18 && art.cells.rows == 14, "colours are cropped alike")
    }

    @Test func noTrimKeepsTheFullFrame() {
        var options = options(columns: 30)
        options.cellAspect = 1
        options.background = .corners
        options.margin = nil
        let art = Pipeline.art(from: Pictures.brightSquare(size: 30), options: options)
        #expect(art.glyphs.rows == 30 && art.glyphs.columns == 30)
    }

    @Test func gradientFollowsTheRamp() {
        // Ten columns of gray k·255/9 on the short ramp give its glyphs in order.
        let image = Pictures.make(width: 10, height: 2) { x, _ in
            let value = UInt8((x * 255 + 4) / 9)
            return [value, value, value, 255]
        }
        var options = options(columns: 10)
        options.rows = 1
        options.ramp = .short
        #expect(Pipeline.art(from: image, options: options).plainText == " .:-=+*#%@\n")
    }

    /// Tone matching, so the ramp's glyphs are what the tests look for.
    private func options(columns: Int) -> ArtOptions {
        var options = ArtOptions()
        options.columns = columns
        options.match = .tone
        return options
    }
}
