#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A picture in CIELAB (D65), where distance matches how different two colours look.
struct LabImage {
    let width: Int
    let height: Int
    /// Lightness 0...100, then the a and b axes, each `width * height` values row after row.
    var l: [Float], a: [Float], b: [Float]

    /// Converts averaged sRGB cells (0...255 a channel) to CIELAB.
    init(_ cells: Grid<Cell>) {
        width = cells.columns
        height = cells.rows
        let count = cells.values.count
        var l = [Float](repeating: 0, count: count), a = l, b = l
        for (index, cell) in cells.values.enumerated() {
            let red = Self.linear(cell.red), green = Self.linear(cell.green), blue = Self.linear(cell.blue)
            let x = Self.f((0.4124 * red + 0.3576 * green + 0.1805 * blue) / 0.950_47)
            let y = Self.f(0.2126 * red + 0.7152 * green + 0.0722 * blue)
            let z = Self.f((0.0193 * red + 0.1192 * green + 0.9505 * blue) / 1.088_83)
            l[index] = 116 * y - 16
            a[index] = 500 * (x - y)
            b[index] = 200 * (y - z)
        }
        self.l = l
        self.a = a
        self.b = b
    }

    /// The colour difference (CIE76 ΔE) between pixel `index` and a colour.
    func distance(_ index: Int, to colour: (Float, Float, Float)) -> Float {
        let dl = l[index] - colour.0, da = a[index] - colour.1, db = b[index] - colour.2
        return (dl * dl + da * da + db * db).squareRoot()
    }

    /// sRGB (0...255) to linear light (0...1), from a table in quarter steps: cells are
    /// averages, so their channels fall between whole values.
    private static func linear(_ value: Float) -> Float {
        linearTable[Int(min(max(value, 0), 255) * 4 + 0.5)]
    }

    private static let linearTable: [Float] = (0 ... 1020).map { step in
        let c = Double(step) / 1020
        return Float(c <= 0.040_45 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4))
    }

    /// CIELAB's companding function: a cube root above the linear toe. The root starts from
    /// an exponent-halving guess and takes three Newton steps (relative error below 10⁻⁶),
    /// several times faster than `cbrtf`.
    private static func f(_ t: Float) -> Float {
        guard t > 0.008_856 else { return 7.787 * t + 16.0 / 116.0 }
        var y = Float(bitPattern: t.bitPattern / 3 &+ 0x2A51_4067)
        for _ in 0 ..< 3 { y -= (y * y * y - t) / (3 * y * y) }
        return y
    }
}
