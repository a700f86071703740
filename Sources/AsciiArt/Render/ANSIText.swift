/// Which parts of a cell carry its colour.
public enum ColorMode: String, Sendable, CaseIterable {
    /// The glyph is drawn in the cell's colour.
    case fg
    /// The cell's background is its colour; the glyph is black or white, whichever shows.
    case bg
    /// The glyph in the cell's colour on the same colour at half brightness.
    case both
}

/// Text with ANSI colour escapes: each glyph in its cell's average colour.
public enum ANSIText {
    /// Colours closer than this (ΔE76) to the one in force are not worth an escape: the eye
    /// does not tell them apart in a glyph, and the output stays a few times the plain size.
    public static let unnoticeable: Float = 6

    /// The art with colour escapes. An escape is written only where the colour visibly changes
    /// (by `unnoticeable` or more; blank glyphs in `fg` mode change nothing), background cells
    /// are drawn in the terminal's own colours, and every line that set a colour ends with a
    /// reset (`ESC[0m`) before its newline.
    ///
    /// Art with two colours a cell (`Art.twoTone`) in `both` mode paints each glyph and its
    /// background in their own colours, an escape wherever either visibly changes.
    public static func render(_ art: Art, depth: ColorDepth, mode: ColorMode = .fg) -> String {
        if mode == .both, let twoTone = art.twoTone { return render(art, twoTone: twoTone, depth: depth) }
        let glyphs = art.glyphs
        let shown = art.cells.map { shownColour(RGB($0), depth: depth) }
        let lab = LabImage(shown.map { Cell(red: Float($0.red), green: Float($0.green), blue: Float($0.blue)) })
        var text = ""
        text.reserveCapacity(glyphs.values.count * 8)
        for row in 0 ..< glyphs.rows {
            var current: Int? = nil  // the cell whose colour is in force
            var coloured = false
            for column in 0 ..< glyphs.columns {
                let index = row * glyphs.columns + column
                let glyph = glyphs.values[index]
                if art.mask?.values[index] ?? false {
                    if current != nil { text += "\u{1B}[0m" }
                    current = nil
                } else if !(mode == .fg && glyph == " ") {
                    let inForce = current.map { lab.distance(index, to: (lab.l[$0], lab.a[$0], lab.b[$0])) < unnoticeable } ?? false
                    if !inForce {
                        text += escape(shown.values[index], depth: depth, mode: mode)
                        current = index
                        coloured = true
                    }
                }
                text.append(glyph)
            }
            if coloured && !text.hasSuffix("\u{1B}[0m") { text += "\u{1B}[0m" }
            text += "\n"
        }
        return text
    }

    /// `render` for art with two colours a cell.
    private static func render(_ art: Art, twoTone: Grid<TwoTone>, depth: ColorDepth) -> String {
        let ink = twoTone.map { shownColour(RGB($0.ink), depth: depth) }
        let paper = twoTone.map { shownColour(RGB($0.paper), depth: depth) }
        func lab(_ colours: Grid<RGB>) -> LabImage {
            LabImage(colours.map { Cell(red: Float($0.red), green: Float($0.green), blue: Float($0.blue)) })
        }
        let inkLab = lab(ink), paperLab = lab(paper)
        func same(_ image: LabImage, _ index: Int, _ other: Int) -> Bool {
            image.distance(index, to: (image.l[other], image.a[other], image.b[other])) < unnoticeable
        }
        var text = ""
        for row in 0 ..< art.glyphs.rows {
            var current: Int? = nil  // the cell whose colours are in force
            for column in 0 ..< art.glyphs.columns {
                let index = row * art.glyphs.columns + column
                if art.mask?.values[index] ?? false {
                    if current != nil { text += "\u{1B}[0m" }
                    current = nil
                } else if !(current.map { same(inkLab, index, $0) && same(paperLab, index, $0) } ?? false) {
                    text += "\u{1B}[" + code(ink.values[index], depth: depth, foreground: true) + ";"
                        + code(paper.values[index], depth: depth, foreground: false) + "m"
                    current = index
                }
                text.append(art.glyphs.values[index])
            }
            if current != nil { text += "\u{1B}[0m" }
            text += "\n"
        }
        return text
    }

    /// The colour a terminal of `depth` actually shows for `colour`.
    static func shownColour(_ colour: RGB, depth: ColorDepth) -> RGB {
        switch depth {
        case .truecolor: return colour
        case .ansi256: return Palette.xterm256[Palette.nearest(colour, depth: .ansi256)]
        case .ansi16: return Palette.xterm16[Palette.nearest(colour, depth: .ansi16)]
        }
    }

    /// The SGR escape that sets a cell's colours.
    static func escape(_ colour: RGB, depth: ColorDepth, mode: ColorMode) -> String {
        switch mode {
        case .fg:
            return "\u{1B}[" + code(colour, depth: depth, foreground: true) + "m"
        case .bg:
            let luma = 0.299 * Float(colour.red) + 0.587 * Float(colour.green) + 0.114 * Float(colour.blue)
            let ink = luma > 128 ? RGB(0, 0, 0) : RGB(255, 255, 255)
            return "\u{1B}[" + code(ink, depth: depth, foreground: true) + ";" + code(colour, depth: depth, foreground: false) + "m"
        case .both:
            let shade = RGB(colour.red / 2, colour.green / 2, colour.blue / 2)
            return "\u{1B}[" + code(colour, depth: depth, foreground: true) + ";" + code(shade, depth: depth, foreground: false) + "m"
        }
    }

    /// The SGR parameters for one colour.
    static func code(_ colour: RGB, depth: ColorDepth, foreground: Bool) -> String {
        switch depth {
        case .truecolor:
            return (foreground ? "38;2;" : "48;2;") + "\(colour.red);\(colour.green);\(colour.blue)"
        case .ansi256:
            return (foreground ? "38;5;" : "48;5;") + String(Palette.nearest(colour, depth: .ansi256))
        case .ansi16:
            let index = Palette.nearest(colour, depth: .ansi16)
            let base = index < 8 ? (foreground ? 30 : 40) : (foreground ? 90 : 100)
            return String(base + index % 8)
        }
    }
}
