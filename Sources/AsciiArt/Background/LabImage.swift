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
        self.init(width: cells.columns, height: cells.rows) { convert in
            for (index, cell) in cells.values.enumerated() { convert(index, cell) }
        }
    }

    /// Converts the cells of an area-average resize as they are averaged, without keeping them.
    init(_ sampler: Resize.AreaSampler) {
        self.init(width: sampler.size.columns, height: sampler.size.rows, cells: sampler.forEachCell)
    }

    /// Converts only the cells at `indices`, in that order, into a picture one row high.
    init(_ sampler: Resize.AreaSampler, at indices: [Int]) {
        self.init(width: indices.count, height: 1) { convert in
            for (position, index) in indices.enumerated() { convert(position, sampler.cell(index)) }
        }
    }

    /// A picture `width` × `height` whose pixels `cells` hands, with their indices, to the
    /// converter it is given.
    private init(width: Int, height: Int, cells: ((Int, Cell) -> Void) -> Void) {
        self.width = width
        self.height = height
        let count = width * height
        var l = [Float](repeating: 0, count: count), a = l, b = l
        Self.linearTable.withUnsafeBufferPointer { linear in
            Self.compandedTable.withUnsafeBufferPointer { companded in
                l.withUnsafeMutableBufferPointer { l in
                    a.withUnsafeMutableBufferPointer { a in
                        b.withUnsafeMutableBufferPointer { b in
                            cells { index, cell in
                                (l[index], a[index], b[index]) = Self.lab(cell, linear: linear, companded: companded)
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

    /// The CIELAB coordinates of an 8-bit sRGB colour: those of a cell of that colour, without
    /// the cell's clamping and rounding to quarter steps, which whole values do not need.
    static func lab(_ colour: RGB) -> (Float, Float, Float) {
        linearTable.withUnsafeBufferPointer { linear in
            compandedTable.withUnsafeBufferPointer { companded in
                lab(linear[4 * Int(colour.red)], linear[4 * Int(colour.green)], linear[4 * Int(colour.blue)], companded: companded)
            }
        }
    }

    /// The CIELAB coordinates of a cell's colour, with the conversion tables at hand.
    @inline(__always)
    private static func lab(
        _ cell: Cell, linear: UnsafeBufferPointer<Float>, companded: UnsafeBufferPointer<Float>
    ) -> (Float, Float, Float) {
        // sRGB to linear light, from a table in quarter steps: cells are averages, so their
        // channels fall between whole values.
        func toLinear(_ value: Float) -> Float { linear[Int(min(max(value, 0), 255) * 4 + 0.5)] }
        return lab(toLinear(cell.red), toLinear(cell.green), toLinear(cell.blue), companded: companded)
    }

    /// The CIELAB coordinates of a colour in linear light (0...1 a channel).
    @inline(__always)
    private static func lab(
        _ red: Float, _ green: Float, _ blue: Float, companded: UnsafeBufferPointer<Float>
    ) -> (Float, Float, Float) {
        // CIELAB's companding function, from a table with linear interpolation.
        func f(_ t: Float) -> Float {
            let position = min(max(t, 0), 1) * Float(compandedSteps)
            let step = min(Int(position), compandedSteps - 1)
            return companded[step] + (companded[step + 1] - companded[step]) * (position - Float(step))
        }
        let x = f((0.4124 * red + 0.3576 * green + 0.1805 * blue) * (1 / 0.950_47))
        let y = f(0.2126 * red + 0.7152 * green + 0.0722 * blue)
        let z = f((0.0193 * red + 0.1192 * green + 0.9505 * blue) * (1 / 1.088_83))
        return (116 * y - 16, 500 * (x - y), 200 * (y - z))
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

    /// How many steps the companding table has between 0 and 1.
    private static let compandedSteps = 4096

    /// CIELAB's companding function at `compandedSteps` + 1 points from 0 to 1: a cube root
    /// above the linear toe. Interpolated linearly, it is within 10⁻⁵ of the function (the
    /// toe keeps its slope finite), a few times faster than computing the root.
    private static let compandedTable: [Float] = (0 ... compandedSteps).map { step in
        let t = Double(step) / Double(compandedSteps)
        return Float(t > 0.008_856 ? cbrt(t) : 7.787 * t + 16.0 / 116.0)
    }
}
