/// The characters art is drawn with, from no ink to the most ink.
public struct Ramp: Sendable, Equatable {
    /// The glyphs, sparsest first.
    public let glyphs: [Character]

    /// A ramp from a string of at least two distinct, printable, single-width characters.
    ///
    /// Returns `nil` for anything else (control characters, combining marks, wide characters,
    /// repeats), since a cell must hold exactly one glyph of one column.
    public init?(_ characters: String) {
        let glyphs = Array(characters)
        guard glyphs.count >= 2, Set(glyphs).count == glyphs.count,
              glyphs.allSatisfy(Ramp.isSingleCell) else { return nil }
        self.glyphs = glyphs
    }

    private init(known: String) {
        glyphs = Array(known)
    }

    /// Printable and one column wide: plain ASCII, Latin-1 letters, the block elements and the
    /// braille patterns.
    static func isSingleCell(_ glyph: Character) -> Bool {
        guard glyph.unicodeScalars.count == 1, let scalar = glyph.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x20 ... 0x7E, 0xA1 ... 0xFF, 0x2580 ... 0x259F, 0x2800 ... 0x28FF: return true
        default: return false
        }
    }

    /// What a background cell is drawn with: the ramp's first glyph (blank) or its second.
    public func fill(_ fill: BackgroundFill) -> Character {
        fill == .blank ? glyphs[0] : glyphs[1]
    }

    /// pushin's default: 16 glyphs whose ink coverage in DejaVu Sans Mono is evenly spaced from
    /// none to the densest letter, preferring glyphs that spread their ink evenly over the cell
    /// (measured by Tools/measure-glyph-coverage.py), so level maps linearly to ink.
    public static let standard = Ramp(known: " .:_;=c]C2k60RBM")
    /// The seed's 23-character ramp, as the original used it.
    public static let seed = Ramp(known: " .,:;irsXA253hMHGS#9B&@")
    /// The common 10-character ramp.
    public static let short = Ramp(known: " .:-=+*#%@")
    /// The common 70-character ramp.
    public static let long = Ramp(known: #" .'`^",:;Il!i><~+_-?][}{1)(|\/tfjrxnuvczXYUJCLQ0OZmwqpdbkhao*#MW&8%B@$"#)
}

/// What background cells are drawn with.
public enum BackgroundFill: String, Sendable, CaseIterable {
    /// The ramp's faintest visible glyph, so the subject stands out against a faint, even field
    /// (the seed's look).
    case faint
    /// Blank cells.
    case blank
}

/// The mapping from ink levels to glyphs.
public enum GlyphMap {
    /// The glyph for every cell.
    ///
    /// A subject cell at level `v` gets glyph `round(v × (count − 1))` of the ramp, or of the
    /// reversed ramp when `invert` is set (dark text on a light terminal). Background cells get
    /// the fill, whatever `invert` says.
    public static func glyphs(
        levels: Grid<Float>, mask: Grid<Bool>?, ramp: Ramp, invert: Bool, fill: BackgroundFill
    ) -> Grid<Character> {
        let last = Float(ramp.glyphs.count - 1)
        let fillGlyph = ramp.fill(fill)
        var glyphs = levels.map { level in
            let ink = invert ? 1 - level : level
            return ramp.glyphs[Int((ink * last).rounded())]
        }
        if let mask {
            for index in mask.values.indices where mask.values[index] {
                glyphs.values[index] = fillGlyph
            }
        }
        return glyphs
    }
}
