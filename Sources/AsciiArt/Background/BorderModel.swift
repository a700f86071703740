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

    /// Fits the model to the `ring` of border pixels (`ringIndices`), robustly: each of four
    /// rounds drops the 40 % of pixels that fit worst, so a subject touching the border does not
    /// pull the fit. Only the ring's pixels of `image` are read.
    init(_ image: LabImage, ring: [Int]) {
        width = image.width
        height = image.height
        var kept = ring
        var coefficients = [(Float, Float, Float)](repeating: (0, 0, 0), count: 3)
        var distances: [Float] = []
        for round in 0 ..< 4 {
            let channels = [image.l, image.a, image.b]
            coefficients = channels.map { Self.planeFit($0, indices: kept, width: image.width, height: image.height) }
            distances = ring.map { Self.distance(image, $0, coefficients, width: image.width, height: image.height) }
            if round < 3 {
                let cutoff = Self.quantile(distances, 0.6)
                kept = zip(ring, distances).filter { $0.1 <= cutoff }.map(\.0)
            }
        }
        self.coefficients = coefficients
        let median = Self.quantile(distances, 0.5)
        let deviation = Self.quantile(distances.map { abs($0 - median) }, 0.5)
        spread = median + 4 * deviation
    }

    /// The model's colour at a pixel.
    func colour(x: Int, y: Int) -> (Float, Float, Float) {
        let u = Float(x) / Float(width), v = Float(y) / Float(height)
        let c = coefficients
        return (c[0].0 + c[0].1 * u + c[0].2 * v, c[1].0 + c[1].1 * u + c[1].2 * v, c[2].0 + c[2].1 * u + c[2].2 * v)
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

    private static func distance(
        _ image: LabImage, _ index: Int, _ c: [(Float, Float, Float)], width: Int, height: Int
    ) -> Float {
        let u = Float(index % width) / Float(width), v = Float(index / width) / Float(height)
        return image.distance(index, to: (
            c[0].0 + c[0].1 * u + c[0].2 * v, c[1].0 + c[1].1 * u + c[1].2 * v, c[2].0 + c[2].1 * u + c[2].2 * v))
    }

    /// Least-squares plane through the values at `indices`: solves the 3 × 3 normal equations
    /// by Cramer's rule; a degenerate system (all points on a line) keeps the mean.
    private static func planeFit(_ values: [Float], indices: [Int], width: Int, height: Int) -> (Float, Float, Float) {
        var n = 0.0, sx = 0.0, sy = 0.0, sxx = 0.0, sxy = 0.0, syy = 0.0, sv = 0.0, sxv = 0.0, syv = 0.0
        let scaleX = 1 / Double(width), scaleY = 1 / Double(height)
        values.withUnsafeBufferPointer { values in
            for index in indices {
                let x = Double(index % width) * scaleX, y = Double(index / width) * scaleY, v = Double(values[index])
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

    static func quantile(_ values: [Float], _ q: Float) -> Float {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int(Float(sorted.count - 1) * q))]
    }
}
