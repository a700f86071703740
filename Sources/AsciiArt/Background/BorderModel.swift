/// The background as the picture's border sees it: a colour that may change linearly across the
/// picture (a flat colour, or a gradient), and how much the border strays from it.
struct BorderModel {
    /// For L, a and b: the colour at (x, y) is `c0 + c1·x/width + c2·y/height`.
    let coefficients: [(Float, Float, Float)]
    /// Median + 4 × MAD of the border's distances from the model: how far a background pixel
    /// may stray. Large when the border is not one background (a photo filled edge to edge).
    let spread: Float
    let width: Int
    let height: Int

    /// How wide the border ring is, in work pixels.
    static let ringWidth = 2

    /// Fits the model to the border's colours, robustly: each of four rounds drops the 40 % of
    /// pixels that fit worst, so a subject touching the border does not pull the fit.
    ///
    /// `colours` holds, in order, the colours of the `ring` pixels (`ringIndices`) of a picture
    /// `width` × `height`: a picture filled edge to edge costs the conversion of its border only.
    init(_ colours: LabImage, ring: [Int], width: Int, height: Int) {
        self.width = width
        self.height = height
        let positions = ring.map { (x: Float($0 % width) / Float(width), y: Float($0 / width) / Float(height)) }
        var kept = Array(ring.indices)
        var coefficients = [(Float, Float, Float)](repeating: (0, 0, 0), count: 3)
        var distances: [Float] = []
        for round in 0 ..< 4 {
            coefficients = [colours.l, colours.a, colours.b].map { Self.planeFit($0, at: kept, positions: positions) }
            distances = positions.indices.map { k in
                colours.distance(k, to: Self.colour(coefficients, u: positions[k].x, v: positions[k].y))
            }
            if round < 3 {
                let cutoff = Self.quantile(distances, 0.6)
                kept = distances.indices.filter { distances[$0] <= cutoff }
            }
        }
        self.coefficients = coefficients
        let median = Self.quantile(distances, 0.5)
        let deviation = Self.quantile(distances.map { abs($0 - median) }, 0.5)
        spread = median + 4 * deviation
    }

    /// The model's colour at a pixel.
    func colour(x: Int, y: Int) -> (Float, Float, Float) {
        Self.colour(coefficients, u: Float(x) / Float(width), v: Float(y) / Float(height))
    }

    /// The colour of the planes `c` at (u, v), both in 0...1.
    private static func colour(_ c: [(Float, Float, Float)], u: Float, v: Float) -> (Float, Float, Float) {
        (c[0].0 + c[0].1 * u + c[0].2 * v, c[1].0 + c[1].1 * u + c[1].2 * v, c[2].0 + c[2].1 * u + c[2].2 * v)
    }

    /// Every pixel's colour distance from the model.
    func distances(_ image: LabImage) -> [Float] {
        var distances = [Float](repeating: 0, count: width * height)
        var index = 0
        for y in 0 ..< height {
            for x in 0 ..< width {
                distances[index] = image.distance(index, to: colour(x: x, y: y))
                index += 1
            }
        }
        return distances
    }

    /// The pixels within `ringWidth` of the picture's edge, in order.
    static func ringIndices(width: Int, height: Int) -> [Int] {
        var ring: [Int] = []
        for y in 0 ..< height {
            let row = y * width
            if y < ringWidth || y >= height - ringWidth {
                ring.append(contentsOf: row ..< row + width)
            } else {
                let left = min(ringWidth, width)
                ring.append(contentsOf: row ..< row + left)
                ring.append(contentsOf: row + max(left, width - ringWidth) ..< row + width)
            }
        }
        return ring
    }

    /// Least-squares plane through `values[k]` at `positions[k]` for the `k` in `kept`: solves
    /// the 3 × 3 normal equations by Cramer's rule; a degenerate system (all points on a line)
    /// keeps the mean.
    private static func planeFit(
        _ values: [Float], at kept: [Int], positions: [(x: Float, y: Float)]
    ) -> (Float, Float, Float) {
        var n = 0.0, sx = 0.0, sy = 0.0, sxx = 0.0, sxy = 0.0, syy = 0.0, sv = 0.0, sxv = 0.0, syv = 0.0
        values.withUnsafeBufferPointer { values in
            for k in kept {
                let x = Double(positions[k].x), y = Double(positions[k].y), v = Double(values[k])
                n += 1; sx += x; sy += y; sxx += x * x; sxy += x * y; syy += y * y
                sv += v; sxv += x * v; syv += y * v
            }
        }
        func determinant(_ a: Double, _ b: Double, _ c: Double, _ d: Double, _ e: Double, _ f: Double,
                         _ g: Double, _ h: Double, _ i: Double) -> Double {
            a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g)
        }
        let whole = determinant(n, sx, sy, sx, sxx, sxy, sy, sxy, syy)
        guard abs(whole) > 1e-12 else { return (n > 0 ? Float(sv / n) : 0, 0, 0) }
        return (
            Float(determinant(sv, sx, sy, sxv, sxx, sxy, syv, sxy, syy) / whole),
            Float(determinant(n, sv, sy, sx, sxv, sxy, sy, syv, syy) / whole),
            Float(determinant(n, sx, sv, sx, sxx, sxv, sy, sxy, syv) / whole))
    }

    /// The value at quantile `q` (0...1) of `values`, found by selection rather than a sort.
    static func quantile(_ values: [Float], _ q: Float) -> Float {
        guard !values.isEmpty else { return 0 }
        var values = values
        let rank = min(values.count - 1, Int(Float(values.count - 1) * q))
        var low = 0, high = values.count - 1
        while low < high {
            // Hoare partition around the middle value, then keep the side that holds `rank`.
            let pivot = values[(low + high) / 2]
            var i = low, j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if rank <= j { high = j } else if rank >= i { low = i } else { break }
        }
        return values[rank]
    }
}
