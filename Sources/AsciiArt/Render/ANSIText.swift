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
        String(decoding: utf8(art, depth: depth, mode: mode), as: UTF8.self)
    }

    /// `render` as UTF-8 bytes, the form a file receives.
    ///
    /// Gathered as bytes: building the text as a `String` of interpolated escapes took about
    /// 1,400 instructions a cell.
    public static func utf8(_ art: Art, depth: ColorDepth, mode: ColorMode = .fg) -> [UInt8] {
        if mode == .both, let twoTone = art.twoTone { return utf8(art, twoTone: twoTone, depth: depth) }
        let glyphs = art.glyphs
        let shown = art.cells.values.map { Palette.shown(RGB($0), depth: depth) }
        var text = EscapedText(capacity: glyphs.values.count * 8)
        for row in 0 ..< glyphs.rows {
            var current: Int? = nil  // the cell whose colour is in force
            var coloured = false
            for column in 0 ..< glyphs.columns {
                let index = row * glyphs.columns + column
                let glyph = glyphs.values[index]
                if art.mask?.values[index] ?? false {
                    if current != nil { text.reset() }
                    current = nil
                } else if !(mode == .fg && glyph == " ") {
                    let inForce = current.map { Palette.difference(shown[index].lab, shown[$0].lab) < unnoticeable } ?? false
                    if !inForce {
                        text.escape(shown[index].colour, depth: depth, mode: mode)
                        current = index
                        coloured = true
                    }
                }
                text.append(glyph)
            }
            if coloured && !text.endsWithReset { text.reset() }
            text.bytes.append(UInt8(ascii: "\n"))
        }
        return text.bytes
    }

    /// `utf8` for art with two colours a cell.
    private static func utf8(_ art: Art, twoTone: Grid<TwoTone>, depth: ColorDepth) -> [UInt8] {
        let ink = twoTone.values.map { Palette.shown(RGB($0.ink), depth: depth) }
        let paper = twoTone.values.map { Palette.shown(RGB($0.paper), depth: depth) }
        func same(_ index: Int, _ other: Int) -> Bool {
            Palette.difference(ink[index].lab, ink[other].lab) < unnoticeable
                && Palette.difference(paper[index].lab, paper[other].lab) < unnoticeable
        }
        var text = EscapedText(capacity: art.glyphs.values.count * 8)
        for row in 0 ..< art.glyphs.rows {
            var current: Int? = nil  // the cell whose colours are in force
            for column in 0 ..< art.glyphs.columns {
                let index = row * art.glyphs.columns + column
                if art.mask?.values[index] ?? false {
                    if current != nil { text.reset() }
                    current = nil
                } else if !(current.map { same(index, $0) } ?? false) {
                    text.escape(ink: ink[index].colour, paper: paper[index].colour, depth: depth)
                    current = index
                }
                text.append(art.glyphs.values[index])
            }
            if current != nil { text.reset() }
            text.bytes.append(UInt8(ascii: "\n"))
        }
        return text.bytes
    }
}

/// Text with SGR escapes, gathered as UTF-8 bytes.
private struct EscapedText {
    /// The text so far.
    var bytes: [UInt8] = []

    /// Empty text with room for `capacity` bytes.
    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// True when the text ends with a reset (`ESC[0m`).
    var endsWithReset: Bool {
        bytes.count >= 4 && bytes[bytes.count - 4] == 0x1B && bytes[bytes.count - 3] == UInt8(ascii: "[")
            && bytes[bytes.count - 2] == UInt8(ascii: "0") && bytes[bytes.count - 1] == UInt8(ascii: "m")
    }

    /// Appends a glyph's UTF-8.
    mutating func append(_ glyph: Character) {
        let utf8 = glyph.utf8
        if utf8.count == 1 { bytes.append(utf8.first!) } else { bytes.append(contentsOf: utf8) }
    }

    /// Appends a reset, `ESC[0m`.
    mutating func reset() { bytes.append(contentsOf: [0x1B, UInt8(ascii: "["), UInt8(ascii: "0"), UInt8(ascii: "m")]) }

    /// Appends the SGR escape that sets a cell's colours.
    mutating func escape(_ colour: RGB, depth: ColorDepth, mode: ColorMode) {
        bytes.append(contentsOf: [0x1B, UInt8(ascii: "[")])
        switch mode {
        case .fg:
            code(colour, depth: depth, foreground: true)
        case .bg:
            let luma = 0.299 * Float(colour.red) + 0.587 * Float(colour.green) + 0.114 * Float(colour.blue)
            code(luma > 128 ? RGB(0, 0, 0) : RGB(255, 255, 255), depth: depth, foreground: true)
            bytes.append(UInt8(ascii: ";"))
            code(colour, depth: depth, foreground: false)
        case .both:
            code(colour, depth: depth, foreground: true)
            bytes.append(UInt8(ascii: ";"))
            code(RGB(colour.red / 2, colour.green / 2, colour.blue / 2), depth: depth, foreground: false)
        }
        bytes.append(UInt8(ascii: "m"))
    }

    /// Appends the SGR escape that sets a glyph's and its background's colours.
    mutating func escape(ink: RGB, paper: RGB, depth: ColorDepth) {
        bytes.append(contentsOf: [0x1B, UInt8(ascii: "[")])
        code(ink, depth: depth, foreground: true)
        bytes.append(UInt8(ascii: ";"))
        code(paper, depth: depth, foreground: false)
        bytes.append(UInt8(ascii: "m"))
    }

    /// Appends the SGR parameters for one colour.
    mutating func code(_ colour: RGB, depth: ColorDepth, foreground: Bool) {
        let lead = UInt8(ascii: foreground ? "3" : "4")
        switch depth {
        case .truecolor:
            bytes.append(contentsOf: [lead, UInt8(ascii: "8"), UInt8(ascii: ";"), UInt8(ascii: "2"), UInt8(ascii: ";")])
            decimal(Int(colour.red))
            bytes.append(UInt8(ascii: ";"))
            decimal(Int(colour.green))
            bytes.append(UInt8(ascii: ";"))
            decimal(Int(colour.blue))
        case .ansi256:
            bytes.append(contentsOf: [lead, UInt8(ascii: "8"), UInt8(ascii: ";"), UInt8(ascii: "5"), UInt8(ascii: ";")])
            decimal(Palette.nearest(colour, depth: .ansi256))
        case .ansi16:
            let index = Palette.nearest(colour, depth: .ansi16)
            decimal((index < 8 ? (foreground ? 30 : 40) : (foreground ? 90 : 100)) + index % 8)
        }
    }

    /// Appends a number from 0 to 999 in decimal.
    mutating func decimal(_ value: Int) {
        if value >= 100 { bytes.append(UInt8(ascii: "0") + UInt8(value / 100)) }
        if value >= 10 { bytes.append(UInt8(ascii: "0") + UInt8(value / 10 % 10)) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}
