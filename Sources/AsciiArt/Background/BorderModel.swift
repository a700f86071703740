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

    /// Fits the model to the ring of border pixels, robustly: each of four rounds drops the 40 %
    /// of pixels that fit worst, so a subject touching the border does not pull the fit.
    init(_ image: LabImage) {
        width = image.width
        height = image.height
        let ring = Self.ringIndices(width: image.width, height: image.height)
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
        (0 ..< image.width * image.height).map { index in
            image.distance(index, to: colour(x: index % width, y: index / width))
        }
    }

    static func ringIndices(width: Int, height: Int) -> [Int] {
        (0 ..< width * height).filter { index in
            let x = index % width, y = index / width
            return x < ringWidth || y < ringWidth || x >= width - ringWidth || y >= height - ringWidth
        }
    }

    private static func distance(
        _ image: LabImage, _ index: Int, _ c: [(Float, Float, Float)], width: Int, height: Int
    ) -> Float {
        let u = Float(index % width) / Float(width), v = Float(index / width) / Float(height)
        return image.distance(index, to: (
            c[0].0 + c[0].1 * u + c[0].2 * v, c[1].0 + c[1].1 * u + c[1].2 * v, c[2].0 + c[2].1 * u + c[2].2 * v))
    }

    /// Least-squares plane through the values at `indices`: solves the 3 × 3 normal equations.
    private static func planeFit(_ values: [Float], indices: [Int], width: Int, height: Int) -> (Float, Float, Float) {
        var s = [[Double]](repeating: [0, 0, 0, 0], count: 3)
        for index in indices {
            let row = [1, Double(index % width) / Double(width), Double(index / width) / Double(height)]
            let value = Double(values[index])
            for i in 0 ..< 3 {
                for j in 0 ..< 3 { s[i][j] += row[i] * row[j] }
                s[i][3] += row[i] * value
            }
        }
        // Gauss–Jordan elimination with partial pivoting; a degenerate system keeps the mean.
        for column in 0 ..< 3 {
            let pivot = (column ..< 3).max { abs(s[$0][column]) < abs(s[$1][column]) }!
            s.swapAt(column, pivot)
            guard abs(s[column][column]) > 1e-9 else {
                let mean = indices.isEmpty ? 0 : indices.reduce(0) { $0 + Double(values[$1]) } / Double(indices.count)
                return (Float(mean), 0, 0)
            }
            for row in 0 ..< 3 where row != column {
                let factor = s[row][column] / s[column][column]
                for k in column ..< 4 { s[row][k] -= factor * s[column][k] }
            }
        }
        return (Float(s[0][3] / s[0][0]), Float(s[1][3] / s[1][1]), Float(s[2][3] / s[2][2]))
    }

    static func quantile(_ values: [Float], _ q: Float) -> Float {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int(Float(sorted.count - 1) * q))]
    }
}
