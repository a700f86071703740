import Testing

@testable import AsciiArt

@Suite struct ColorTests {
    /// Two cells, red and blue, drawn as "M" and "k".
    static let art = Art(
        glyphs: Grid(columns: 2, rows: 1, values: ["M", "k"]),
        cells: Grid(columns: 2, rows: 1, values: [Cell(red: 255, green: 0, blue: 0), Cell(red: 0, green: 0, blue: 255)]),
        mask: nil, fullLuma: Grid(columns: 2, rows: 1, repeating: 0), fullMask: nil)

    @Test func goldenEscapesInEachDepth() {
        #expect(ANSIText.render(Self.art, depth: .truecolor) == "\u{1B}[38;2;255;0;0mM\u{1B}[38;2;0;0;255mk\u{1B}[0m\n")
        #expect(ANSIText.render(Self.art, depth: .ansi256) == "\u{1B}[38;5;196mM\u{1B}[38;5;21mk\u{1B}[0m\n")
        #expect(ANSIText.render(Self.art, depth: .ansi16) == "\u{1B}[91mM\u{1B}[34mk\u{1B}[0m\n")
        #expect(ANSIText.render(Self.art, depth: .ansi256, mode: .bg) == "\u{1B}[38;5;231;48;5;196mM\u{1B}[38;5;231;48;5;21mk\u{1B}[0m\n")
        #expect(ANSIText.render(Self.art, depth: .truecolor, mode: .both)
                == "\u{1B}[38;2;255;0;0;48;2;127;0;0mM\u{1B}[38;2;0;0;255;48;2;0;0;127mk\u{1B}[0m\n")
    }

    @Test func escapeOnlyWhenTheColourChangesAndResetAtEveryLineEnd() {
        let grey = Cell(red: 120, green: 120, blue: 120)
        let art = Art(
            glyphs: Grid(columns: 4, rows: 2, values: Array("ab dwxyz")),
            cells: Grid(columns: 4, rows: 2, values: [grey, grey, Cell(red: 0, green: 255, blue: 0), Cell(red: 121, green: 120, blue: 120),
                                                       grey, grey, grey, grey]),
            mask: Grid(columns: 4, rows: 2, values: [false, false, false, false, false, false, true, false]),
            fullLuma: Grid(columns: 4, rows: 2, repeating: 0), fullMask: nil)
        let text = ANSIText.render(art, depth: .truecolor)
        // Row 1: one escape for "ab", the blank keeps it, "d" is unnoticeably different.
        // Row 2: "wx", then a background cell (reset), then "z" needs its colour again.
        #expect(text == "\u{1B}[38;2;120;120;120mab d\u{1B}[0m\n\u{1B}[38;2;120;120;120mwx\u{1B}[0my\u{1B}[38;2;120;120;120mz\u{1B}[0m\n")
    }

    @Test func paletteMappingOfKnownColours() {
        #expect(Palette.nearest(RGB(255, 0, 0), depth: .ansi256) == 196)
        #expect(Palette.nearest(RGB(95, 135, 175), depth: .ansi256) == 67)
        #expect(Palette.nearest(RGB(128, 128, 128), depth: .ansi256) == 244)
        #expect(Palette.nearest(RGB(255, 255, 255), depth: .ansi256) == 231)
        #expect(Palette.nearest(RGB(180, 0, 0), depth: .ansi16) == 1)
        #expect(Palette.nearest(RGB(255, 255, 255), depth: .ansi16) == 15)
        // A dark saturated blue: by RGB distance black (0, 0, 0) is the nearest entry; to the
        // eye it is a blue.
        #expect([4, 12].contains(Palette.nearest(RGB(0, 0, 110), depth: .ansi16)))
    }

    /// The table `Palette.nearest` answers from gives the search's answer: for every entry's own
    /// colour and for 300,000 others spread over the cube (a fixed pseudo-random sequence).
    @Test(arguments: [ColorDepth.ansi256, .ansi16]) func paletteTableAnswersAsTheSearch(depth: ColorDepth) {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let colours = Palette.xterm256 + (0 ..< 300_000).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return RGB(UInt8(truncatingIfNeeded: state >> 40), UInt8(truncatingIfNeeded: state >> 48), UInt8(truncatingIfNeeded: state >> 56))
        }
        let wrong = colours.filter { Palette.nearest($0, depth: depth) != Palette.nearestBySearch($0, depth: depth) }
        #expect(wrong.isEmpty, "\(wrong.count) colours, the first \(wrong.prefix(5).map(\.hex))")
        for (index, colour) in (depth == .ansi16 ? Palette.xterm16 : Palette.xterm256).enumerated() where depth == .ansi16 || index >= 16 {
            #expect(Palette.nearest(colour, depth: depth) == index)
        }
    }

    /// The checked-in palette tables are what Tools/make-palette-table.py writes, and they answer
    /// as the search for all 16,777,216 colours (the tool repeats LabImage's conversion in Float).
    @Test func paletteTableMatchesItsTool() throws {
        let (status, said) = try Tools.check("make-palette-table.py", table: "Render/PaletteTableData.swift")
        #expect(status == 0, "\(said)")
    }

    @Test func htmlEscapesMergesRunsAndTitles() {
        let grey = Cell(red: 200, green: 200, blue: 200)
        let art = Art(
            glyphs: Grid(columns: 4, rows: 1, values: ["<", "&", ">", "x"]),
            cells: Grid(columns: 4, rows: 1, values: [grey, grey, grey, Cell(red: 0, green: 0, blue: 255)]),
            mask: nil, fullLuma: Grid(columns: 4, rows: 1, repeating: 0), fullMask: nil)
        let dark = HTMLPage.render(art, title: "a<b>.png", light: false)
        #expect(dark.contains("<pre>\n<span style=\"color:#c8c8c8\">&lt;&amp;&gt;</span><span style=\"color:#0000ff\">x</span>\n</pre>"))
        #expect(dark.contains("<title>a&lt;b&gt;.png</title>"))
        #expect(dark.contains("background: #000000"))
        #expect(HTMLPage.render(art, title: "x", light: true).contains("background: #ffffff"))
        #expect(dark.split(separator: "<pre>", omittingEmptySubsequences: false).count == 2, "one <pre>")
    }

    @Test func severalPicturesShareOnePageWithCaptions() {
        let art = Art(
            glyphs: Grid(columns: 1, rows: 1, values: ["#"]), cells: Grid(columns: 1, rows: 1, values: [Cell(red: 9, green: 9, blue: 9)]),
            mask: nil, fullLuma: Grid(columns: 1, rows: 1, repeating: 0), fullMask: nil)
        let page = HTMLPage.render([.init(caption: "one.png", art: art), .init(caption: "t<w>o.png", art: art)], title: "both", light: false)
        #expect(page.split(separator: "<!DOCTYPE html>", omittingEmptySubsequences: false).count == 2, "one document")
        #expect(page.split(separator: "<pre>", omittingEmptySubsequences: false).count == 3, "a <pre> for each picture")
        #expect(page.contains("<h2>one.png</h2>\n<pre>") && page.contains("<h2>t&lt;w&gt;o.png</h2>\n<pre>"))
        #expect(page.hasSuffix("</body>\n</html>\n"))
        #expect(!HTMLPage.render(art, title: "alone.png", light: false).contains("<h2>"), "a lone picture needs no caption")
    }
}
