/// An 8-bit sRGB colour.
public struct RGB: Sendable, Equatable, Hashable {
    /// The channels, 0...255.
    public var red, green, blue: UInt8

    /// Makes a colour from its channels.
    public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// The colour of a cell, rounded to 8 bits a channel.
    public init(_ cell: Cell) {
        func channel(_ value: Float) -> UInt8 { UInt8(min(255, max(0, value.rounded()))) }
        self.init(channel(cell.red), channel(cell.green), channel(cell.blue))
    }

    /// "#rrggbb".
    public var hex: String {
        String(unsafeUninitializedCapacity: 7) { text in
            let digits: StaticString = "0123456789abcdef"
            text[0] = UInt8(ascii: "#")
            for (index, channel) in [red, green, blue].enumerated() {
                text[1 + 2 * index] = digits.utf8Start[Int(channel >> 4)]
                text[2 + 2 * index] = digits.utf8Start[Int(channel & 15)]
            }
            return 7
        }
    }
}

/// How many colours a terminal shows.
public enum ColorDepth: String, Sendable, CaseIterable {
    /// The 16 ANSI colours (their exact shades are the terminal's; xterm's are assumed).
    case ansi16 = "16"
    /// xterm's 256: the 16, a 6 × 6 × 6 cube and 24 grays.
    case ansi256 = "256"
    /// 24-bit colour.
    case truecolor
}

/// The xterm palettes, and the nearest entry to a colour as the eye judges it (CIELAB), not
/// by RGB distance.
public enum Palette {
    /// xterm's default 16 colours.
    public static let xterm16: [RGB] = [
        RGB(0, 0, 0), RGB(205, 0, 0), RGB(0, 205, 0), RGB(205, 205, 0),
        RGB(0, 0, 238), RGB(205, 0, 205), RGB(0, 205, 205), RGB(229, 229, 229),
        RGB(127, 127, 127), RGB(255, 0, 0), RGB(0, 255, 0), RGB(255, 255, 0),
        RGB(92, 92, 255), RGB(255, 0, 255), RGB(0, 255, 255), RGB(255, 255, 255),
    ]

    /// xterm's 256 colours, in index order.
    public static let xterm256: [RGB] = xterm16 + (0 ..< 216).map { index in
        let steps: [UInt8] = [0, 95, 135, 175, 215, 255]
        return RGB(steps[index / 36], steps[(index / 6) % 6], steps[index % 6])
    } + (0 ..< 24).map { index in
        let value = UInt8(8 + index * 10)
        return RGB(value, value, value)
    }

    /// The CIELAB coordinates of the entries.
    private static let lab16 = xterm16.map(LabImage.lab)
    private static let lab256 = xterm256.map(LabImage.lab)

    /// The index of the palette entry nearest to `colour` in CIELAB (ΔE76): among the 256,
    /// only entries 16 and up count (the first 16 are the terminal's own, which themes change;
    /// every xterm-compatible terminal keeps the cube's and the grays' shades). Answers as
    /// `nearestBySearch` for every colour, from a table of the entries nearest to each box of
    /// colours, so that most colours need no conversion and the rest compare a few entries.
    public static func nearest(_ colour: RGB, depth: ColorDepth) -> Int {
        depth == .ansi16
            ? PaletteTable.ansi16.nearest(colour, lab: lab16) : PaletteTable.ansi256.nearest(colour, lab: lab256)
    }

    /// The colour a terminal of `depth` shows for `colour`, with its CIELAB coordinates (those
    /// `LabImage` gives a cell of that colour).
    static func shown(_ colour: RGB, depth: ColorDepth) -> (colour: RGB, lab: (Float, Float, Float)) {
        switch depth {
        case .truecolor: return (colour, LabImage.lab(colour))
        case .ansi256:
            let index = nearest(colour, depth: .ansi256)
            return (xterm256[index], lab256[index])
        case .ansi16:
            let index = nearest(colour, depth: .ansi16)
            return (xterm16[index], lab16[index])
        }
    }

    /// The CIE76 colour difference (ΔE) of two CIELAB colours, as `LabImage.distance` takes it.
    @inline(__always)
    static func difference(_ one: (Float, Float, Float), _ other: (Float, Float, Float)) -> Float {
        let dl = one.0 - other.0, da = one.1 - other.1, db = one.2 - other.2
        return (dl * dl + da * da + db * db).squareRoot()
    }

    /// `nearest` by searching the whole palette (of equally near entries, the lowest index): the
    /// reference that Tools/make-palette-table.py repeats to make the table and the tests check it by.
    static func nearestBySearch(_ colour: RGB, depth: ColorDepth) -> Int {
        let target = LabImage.lab(colour)
        let candidates = depth == .ansi16 ? lab16 : lab256
        var best = 0, bestDistance = Float.infinity
        for index in (depth == .ansi16 ? 0 : 16) ..< candidates.count {
            let distance = distance(candidates[index], target)
            if distance < bestDistance { (best, bestDistance) = (index, distance) }
        }
        return best
    }

    /// The squared CIE76 colour difference of two CIELAB colours, summed in the order the
    /// table's tool repeats.
    @inline(__always)
    static func distance(_ entry: (Float, Float, Float), _ target: (Float, Float, Float)) -> Float {
        (entry.0 - target.0) * (entry.0 - target.0) + (entry.1 - target.1) * (entry.1 - target.1)
            + (entry.2 - target.2) * (entry.2 - target.2)
    }
}
