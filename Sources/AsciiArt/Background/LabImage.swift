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

    /// Converts averaged sRGB cells (0...255 a channel) to CIELAB; with `only`, just those
    /// pixels (the others read as black).
    init(_ cells: Grid<Cell>, only indices: [Int]? = nil) {
        width = cells.columns
        height = cells.rows
        let count = cells.values.count
        var l = [Float](repeating: 0, count: count), a = l, b = l
        let linear = Self.linearTable
        cells.values.withUnsafeBufferPointer { cells in
            linear.withUnsafeBufferPointer { linear in
            l.withUnsafeMutableBufferPointer { l in
                a.withUnsafeMutableBufferPointer { a in
                    b.withUnsafeMutableBufferPointer { b in
                        for index in indices ?? Array(0 ..< count) {
                            let cell = cells[index]
                            // sRGB to linear light, from a table in quarter steps: cells are
                            // averages, so their channels fall between whole values.
                            func toLinear(_ value: Float) -> Float { linear[Int(min(max(value, 0), 255) * 4 + 0.5)] }
                            let red = toLinear(cell.red), green = toLinear(cell.green), blue = toLinear(cell.blue)
                            let x = Self.f((0.4124 * red + 0.3576 * green + 0.1805 * blue) * (1 / 0.950_47))
                            let y = Self.f(0.2126 * red + 0.7152 * green + 0.0722 * blue)
                            let z = Self.f((0.0193 * red + 0.1192 * green + 0.9505 * blue) * (1 / 1.088_83))
                            l[index] = 116 * y - 16
                            a[index] = 500 * (x - y)
                            b[index] = 200 * (y - z)
                        }
                    }
                }
            }
            }
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

    /// sRGB (0...255, in quarter steps) to linear light (0...1).
    private static let linearTable: [Float] = (0 ... 1020).map { step in
        let c = Double(step) / 1020
        return Float(c <= 0.040_45 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4))
    }

    /// CIELAB's companding function: a cube root above the linear toe. The root starts from
    /// an exponent-dividing guess (within 5 %) and takes two Newton steps (relative error
    /// below 10⁻⁵), several times faster than `cbrtf`.
    @inline(__always)
    private static func f(_ t: Float) -> Float {
        guard t > 0.008_856 else { return 7.787 * t + 16.0 / 116.0 }
        var y = Float(bitPattern: t.bitPattern / 3 &+ 0x2A51_4067)
        y = (2 * y + t / (y * y)) * (1 / 3)
        y = (2 * y + t / (y * y)) * (1 / 3)
        return y
    }
}
