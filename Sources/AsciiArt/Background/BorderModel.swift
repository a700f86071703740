/// The background as the picture's border sees it: a colour that may change smoothly across the
/// picture (a flat colour, or a gradient), and how much the border strays from it.
///
/// The colour is a plane in CIELAB, or a quadratic surface when the border is nearly flat yet
/// clearly curved: a gradient drawn evenly in sRGB (as design tools and ImageMagick draw them)
/// bends in CIELAB by 2–3 ΔE mid-way, more than a flat background's tolerance, and a plane then
/// leaves bands of background standing. The surface is not used on busier borders, where its
/// extra freedom follows texture and subjects touching the border rather than the background.
struct BorderModel {
    /// For L, a and b: the coefficients of `surfaceTerms(u, v)`, with u = x/width and
    /// v = y/height (the last three zero for a plane).
    let coefficients: [SIMD8<Float>]
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
        let plane = Self.robustFit(colours, positions: positions, terms: 3)
        var coefficients = plane.coefficients
        var spread = Self.spread(plane.distances)
        if spread <= Self.curvedSpread {
            // How much better the surface fits the border pixels the plane already calls
            // background (a subject on the border must not pass for curvature).
            let curved = Self.robustFit(colours, positions: positions, terms: 6)
            let inliers = plane.distances.indices.filter { plane.distances[$0] <= Self.curvedInlier }
            let gain = Self.quantile(inliers.map { plane.distances[$0] }, 0.95)
                - Self.quantile(inliers.map { curved.distances[$0] }, 0.95)
            if gain > Self.curvedGain { (coefficients, spread) = (curved.coefficients, Self.spread(curved.distances)) }
        }
        self.coefficients = coefficients
        self.spread = spread
    }

    /// The curved surface is tried only on borders whose spread from the plane is at most this
    /// (ΔE), judged on border pixels within `curvedInlier` of the plane, and taken when it cuts
    /// their 95th-percentile distance by more than `curvedGain`. On the development set this
    /// moves the mean IoU by less than 0.001; an sRGB gradient behind a subject goes from bands
    /// of "subject" right across the picture to a clean mask.
    static let curvedSpread: Float = 5, curvedInlier: Float = 4, curvedGain: Float = 0.5

    /// Median + 4 × MAD of distances.
    static func spread(_ distances: [Float]) -> Float {
        let statistics = Self.statistics(distances)
        return statistics.median + 4 * statistics.deviation
    }

    /// The median of `distances` and their median absolute deviation (MAD) from it.
    static func statistics(_ distances: [Float]) -> (median: Float, deviation: Float) {
        let median = Self.quantile(distances, 0.5)
        return (median, Self.quantile(distances.map { abs($0 - median) }, 0.5))
    }

    /// Fits the first `terms` of `surfaceTerms` robustly: each of four rounds drops the 40 % of
    /// pixels that fit worst. Returns the coefficients and every ring pixel's distance.
    private static func robustFit(
        _ colours: LabImage, positions: [(x: Float, y: Float)], terms: Int
    ) -> (coefficients: [SIMD8<Float>], distances: [Float]) {
        var kept = Array(positions.indices)
        var coefficients: [SIMD8<Float>] = []
        var distances: [Float] = []
        for round in 0 ..< 4 {
            coefficients = surfaceFit([colours.l, colours.a, colours.b], at: kept, positions: positions, terms: terms)
            distances = positions.indices.map { k in
                colours.distance(k, to: colour(coefficients, u: positions[k].x, v: positions[k].y))
            }
            if round < 3 {
                let cutoff = quantile(distances, 0.6)
                kept = distances.indices.filter { distances[$0] <= cutoff }
            }
        }
        return (coefficients, distances)
    }

    /// True when the model explains the border `colours` (of the `ring` pixels, as for `init`)
    /// as well as its own: their spread from it (median + 4 × MAD) is within the flood's
    /// tolerance for it. An animation whose background stays put keeps its first frame's model.
    func explains(_ colours: LabImage, ring: [Int]) -> Bool {
        let distances = ring.indices.map { k in colours.distance(k, to: colour(x: ring[k] % width, y: ring[k] / width)) }
        return Self.spread(distances) <= FloodMask.tolerance(for: spread)
    }

    /// The model's colour at a pixel.
    func colour(x: Int, y: Int) -> (Float, Float, Float) {
        Self.colour(coefficients, u: Float(x) / Float(width), v: Float(y) / Float(height))
    }

    /// The colour of the surfaces `c` at (u, v), both in 0...1.
    private static func colour(_ c: [SIMD8<Float>], u: Float, v: Float) -> (Float, Float, Float) {
        let terms = surfaceTerms(u, v)
        return ((c[0] * terms).sum(), (c[1] * terms).sum(), (c[2] * terms).sum())
    }

    /// The terms of a quadratic surface at (u, v): 1, u, v, u², uv, v² (and two unused zeros).
    @inline(__always)
    private static func surfaceTerms(_ u: Float, _ v: Float) -> SIMD8<Float> {
        SIMD8(1, u, v, u * u, u * v, v * v, 0, 0)
    }

    /// Every pixel's colour distance from the model.
    func distances(_ image: LabImage) -> [Float] {
        // Along a row the surface is a parabola in u for each channel, constant + u · (linear +
        // u · quadratic), worked out for eight pixels at a time in SIMD lanes (the same
        // operations, in the same order, as for one pixel).
        let c = coefficients
        let us = (0 ..< width).map { Float($0) / Float(width) }
        let (lq, aq, bq) = (c[0][3], c[1][3], c[2][3])
        return [Float](unsafeUninitializedCapacity: width * height) { distances, initialized in
            image.l.withUnsafeBufferPointer { l in
                image.a.withUnsafeBufferPointer { a in
                    image.b.withUnsafeBufferPointer { b in
                        us.withUnsafeBufferPointer { us in
                            for y in 0 ..< height {
                                let v = Float(y) / Float(height)
                                func lane(_ k: Int) -> (Float, Float) { (c[k][0] + c[k][2] * v + c[k][5] * v * v, c[k][1] + c[k][4] * v) }
                                let (l0, l1) = lane(0), (a0, a1) = lane(1), (b0, b1) = lane(2)
                                let row = y &* width
                                var x = 0
                                while x &+ 8 <= width {
                                    func load(_ values: UnsafeBufferPointer<Float>, _ at: Int) -> SIMD8<Float> {
                                        UnsafeRawPointer(values.baseAddress! + at).loadUnaligned(as: SIMD8<Float>.self)
                                    }
                                    let u = load(us, x)
                                    let dl = load(l, row &+ x) - (l0 + u * (l1 + u * lq))
                                    let da = load(a, row &+ x) - (a0 + u * (a1 + u * aq))
                                    let db = load(b, row &+ x) - (b0 + u * (b1 + u * bq))
                                    let squares: SIMD8<Float> = dl * dl + da * da + db * db
                                    UnsafeMutableRawPointer(distances.baseAddress! + (row &+ x))
                                        .storeBytes(of: squares.squareRoot(), as: SIMD8<Float>.self)
                                    x &+= 8
                                }
                                while x < width {
                                    let u = us[x], index = row &+ x
                                    let dl = l[index] - (l0 + u * (l1 + u * lq))
                                    let da = a[index] - (a0 + u * (a1 + u * aq))
                                    let db = b[index] - (b0 + u * (b1 + u * bq))
                                    distances.initializeElement(at: index, to: (dl * dl + da * da + db * db).squareRoot())
                                    x &+= 1
                                }
                            }
                        }
                    }
                }
            }
            initialized = width * height
        }
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

    /// Least-squares fit of the first `size` terms of `surfaceTerms` through each channel's
    /// `values[k]` at `positions[k]` for the `k` in `kept`: the normal equations (one matrix, a
    /// right-hand side per channel), with a ridge too small to bias a real fit that keeps them
    /// solvable when the points cannot pin every term down (a picture one pixel high), solved
    /// by Gaussian elimination with partial pivoting.
    private static func surfaceFit(
        _ channels: [[Float]], at kept: [Int], positions: [(x: Float, y: Float)], terms size: Int
    ) -> [SIMD8<Float>] {
        var matrix = [SIMD8<Double>](repeating: SIMD8(), count: size)
        var right = [SIMD8<Double>](repeating: SIMD8(), count: channels.count)
        for k in kept {
            let terms = SIMD8<Double>(surfaceTerms(positions[k].x, positions[k].y))
            for row in 0 ..< size { matrix[row] += terms[row] * terms }
            for channel in channels.indices { right[channel] += Double(channels[channel][k]) * terms }
        }
        for row in 1 ..< size { matrix[row][row] += 1e-6 * Double(max(kept.count, 1)) }
        // Row operations act on the matrix and on every right-hand side at once: column `c` of
        // `sides` holds the right-hand sides' entries for row `c`.
        var sides = [SIMD8<Double>](repeating: SIMD8(), count: size)
        for row in 0 ..< size {
            for channel in channels.indices { sides[row][channel] = right[channel][row] }
        }
        for pivot in 0 ..< size {
            let best = (pivot ..< size).max { abs(matrix[$0][pivot]) < abs(matrix[$1][pivot]) }!
            matrix.swapAt(pivot, best)
            sides.swapAt(pivot, best)
            guard abs(matrix[pivot][pivot]) > 1e-12 else { continue }
            for row in pivot + 1 ..< size {
                let factor = matrix[row][pivot] / matrix[pivot][pivot]
                matrix[row] -= factor * matrix[pivot]
                sides[row] -= factor * sides[pivot]
            }
        }
        var solution = [SIMD8<Double>](repeating: SIMD8(), count: size)
        for row in stride(from: size - 1, through: 0, by: -1) {
            var sum = sides[row]
            for column in row + 1 ..< size { sum -= matrix[row][column] * solution[column] }
            solution[row] = abs(matrix[row][row]) > 1e-12 ? sum / matrix[row][row] : SIMD8()
        }
        return channels.indices.map { channel in
            var coefficients = SIMD8<Float>()
            for term in 0 ..< size { coefficients[term] = Float(solution[term][channel]) }
            return coefficients
        }
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

