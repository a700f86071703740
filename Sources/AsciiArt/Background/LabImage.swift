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
        self.init(width: cells.columns, height: cells.rows) { linear, convert in
            for (index, cell) in cells.values.enumerated() { convert(index, Self.linear(cell, linear)) }
        }
    }

    /// Converts the cells of an area-average resize as they are averaged, without keeping them.
    init(_ sampler: Resize.AreaSampler) {
        self.init(width: sampler.size.columns, height: sampler.size.rows) { linear, convert in
            OpaqueLinear(areas: sampler.hasCells(ofAreaUpTo: OpaqueLinear.maximumArea), linear: linear).withLookup { opaque in
                sampler.forEachSum { index, sum in convert(index, opaque.linear(sum) ?? Self.linear(sum.cell, linear)) }
            }
        }
    }

    /// Converts only the cells at `indices`, in that order, into a picture one row high.
    init(_ sampler: Resize.AreaSampler, at indices: [Int]) {
        self.init(width: indices.count, height: 1) { linear, convert in
            for (position, index) in indices.enumerated() { convert(position, Self.linear(sampler.cell(index), linear)) }
        }
    }

    /// A picture `width` × `height` whose pixels `colours` hands, with their indices and in
    /// linear light, to the converter it is given, with the sRGB-to-linear table at hand.
    @inline(__always)
    private init(
        width: Int, height: Int,
        colours: (_ linear: UnsafeBufferPointer<Float>, _ convert: (Int, (Float, Float, Float)) -> Void) -> Void
    ) {
        self.width = width
        self.height = height
        let count = width * height
        // Three arrays, not copies of one: a copy would be copied again when written.
        var l = [Float](repeating: 0, count: count), a = [Float](repeating: 0, count: count)
        var b = [Float](repeating: 0, count: count)
        Self.linearTable.withUnsafeBufferPointer { linear in
            Self.compandedTable.withUnsafeBufferPointer { companded in
                l.withUnsafeMutableBufferPointer { l in
                    a.withUnsafeMutableBufferPointer { a in
                        b.withUnsafeMutableBufferPointer { b in
                            colours(linear) { index, colour in
                                (l[index], a[index], b[index]) = Self.lab(colour.0, colour.1, colour.2, companded: companded)
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

    /// A cell's colour in linear light, from the table in quarter steps: cells are averages, so
    /// their channels fall between whole values.
    @inline(__always)
    private static func linear(_ cell: Cell, _ linear: UnsafeBufferPointer<Float>) -> (Float, Float, Float) {
        func toLinear(_ value: Float) -> Float { linear[Int(min(max(value, 0), 255) * 4 + 0.5)] }
        return (toLinear(cell.red), toLinear(cell.green), toLinear(cell.blue))
    }

    /// The linear light of each channel of an opaque cell of a few pixels, looked up by the
    /// channel's sum: the value `linear` gives the cell's mean, computed once for every sum a
    /// cell of that area can have, instead of a division, a clamp and a rounding to quarter
    /// steps a channel and cell.
    private struct OpaqueLinear {
        /// The largest area with a table (255 × 16 + 1 entries).
        static let maximumArea = 16
        /// For each area up to `maximumArea`, where its table starts in `values`; -1 for none.
        private var starts = [Int](repeating: -1, count: maximumArea + 1)
        private var values: [Float] = []

        /// Tables for the areas up to `maximumArea` that `areas` marks.
        init(areas: [Bool], linear: UnsafeBufferPointer<Float>) {
            for area in 1 ... Self.maximumArea where areas[area] {
                starts[area] = values.count
                for total in 0 ... 255 * area {
                    let sum = Resize.PixelSum(red: 255 * total, alpha: 255 * area, area: area)
                    values.append(LabImage.linear(sum.cell, linear).0)
                }
            }
        }

        /// Calls `body` with a lookup into these tables, valid only inside `body`.
        func withLookup<Result>(_ body: (Lookup) -> Result) -> Result {
            starts.withUnsafeBufferPointer { starts in
                values.withUnsafeBufferPointer { values in body(Lookup(starts: starts, values: values)) }
            }
        }

        /// The tables' storage, read without bounds checks.
        struct Lookup {
            let starts: UnsafeBufferPointer<Int>, values: UnsafeBufferPointer<Float>

            /// The linear light of the cell of `sum`; `nil` when it is not opaque or its area has
            /// no table. Opaque, each pixel's colour is weighted by 255, so a channel's sum is 255
            /// times the sum of its values.
            @inline(__always)
            func linear(_ sum: Resize.PixelSum) -> (Float, Float, Float)? {
                guard sum.area <= OpaqueLinear.maximumArea, sum.alpha == 255 &* sum.area else { return nil }
                let start = starts[sum.area]
                guard start >= 0 else { return nil }
                // The sums are not negative: dividing them unsigned is a multiplication and a shift.
                func value(_ total: Int) -> Float { values[start &+ Int(bitPattern: UInt(bitPattern: total) / 255)] }
                return (value(sum.red), value(sum.green), value(sum.blue))
            }
        }
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
