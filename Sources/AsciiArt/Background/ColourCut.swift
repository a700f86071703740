#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Subject and background told apart by their colours, for a border too varied to flood from
/// (a photo behind the subject): GrabCut's idea, with the border as the known background.
///
/// Each side's colours are a Gaussian mixture; each pixel pays for the side whose mixture
/// explains it worse, neighbours pay for being split (less across a strong colour edge), and a
/// minimum cut (`GridCut`) settles every pixel at once. The mixtures are refitted to the new
/// sides and the cut made again, each cut starting from the flow of the one before.
///
/// The first round has no smoothness: each pixel goes to the mixture that explains it better.
/// The subject's first mixture knows only "not the border" (it is fitted to everything inside
/// the ring, background too), so its colour terms are weak, and a cut that smooths them lets the
/// ring's certainty spread over whole regions: on the development set's photo backgrounds a
/// first cut at full smoothness scored 0.770 mean IoU, at a quarter of it 0.790, an eighth
/// 0.797, without any 0.833 (the JPEG copies: 0.789 before, 0.786 now; single pictures move
/// both ways, see the README). And the smoothed first cut was the costliest of three: about
/// 15 ms of the 17 to 24 ms they then took on a 160 × 100 grid, moving flow from every pixel
/// that leaned to the subject to the ring, over long paths (three rounds then took 8 to 11 ms:
/// see `GridCut`'s sweep toward the sinks).
enum ColourCut {
    /// Rounds of fit-and-label at most: the first pixel by pixel, the others cut, until a cut
    /// leaves every pixel where the round before put it (GrabCut's iteration to convergence).
    /// On the development set's photo backgrounds (PNG / JPEG copies, mean IoU): 3 rounds
    /// scored 0.837 / 0.789, 4 0.838 / 0.790, 5 0.842 / 0.803, 7 0.841 / 0.809, the same as
    /// 10: a few pictures settle only after a cut that moves a whole region (a folder's body,
    /// a disc's rim), two or three cuts after cuts that barely moved. Each cut after the
    /// second costs about 1 ms on a 1280 × 800 scene at 80 columns: with 5, `--background
    /// subject` (border model, cut and all) adds 8.6 to 12.1 ms to `--background none` on
    /// `Benchmarks/background.sh`'s scenes.
    static let maximumRounds = 5
    /// How much a split between two neighbours of the same colour costs, against the colour
    /// terms (GrabCut's γ). On the development set's photo backgrounds, cut at 3 × 5 pixels per
    /// cell: 25 scored 0.59 mean IoU, 50 0.67, 100 0.74, 150 to 300 0.76, 500 0.72.
    static let smoothness: Float = 200

    /// `true` for the background pixels of `lab`, given that the `ring` pixels are background.
    static func background(_ lab: LabImage, ring: [Int]) -> [Bool] {
        let count = lab.width * lab.height
        var isRing = [Bool](repeating: false, count: count)
        for index in ring { isRing[index] = true }
        guard isRing.contains(false) else { return isRing }
        let colours = (0 ..< count).map { SIMD3(lab.l[$0], lab.a[$0], lab.b[$0]) }
        let channels = ColourChannels(colours)
        var background = ColourMixture(colours, pixels: ring)
        var subject = ColourMixture(colours, pixels: (0 ..< count).filter { !isRing[$0] })
        var backgroundCost = background.costs(channels), subjectCost = subject.costs(channels)
        /// How much each pixel leans to the subject; the ring is background whatever it costs.
        func leaning() -> [Float] {
            (0 ..< count).map { isRing[$0] ? -.greatestFiniteMagnitude / 4 : backgroundCost.cost[$0] - subjectCost.cost[$0] }
        }
        /// Refits both mixtures to the sides of `isSubject`, their components kept from the
        /// costs, and prices every pixel again.
        func refit(_ isSubject: [Bool]) {
            let backgroundPixels = (0 ..< count).filter { !isSubject[$0] }, subjectPixels = (0 ..< count).filter { isSubject[$0] }
            background = ColourMixture(colours, pixels: backgroundPixels, clusters: backgroundPixels.map { backgroundCost.component[$0] })
            subject = ColourMixture(colours, pixels: subjectPixels, clusters: subjectPixels.map { subjectCost.component[$0] })
            backgroundCost = background.costs(channels)
            subjectCost = subject.costs(channels)
        }
        var isSubject = leaning().map { $0 > 0 }
        guard isSubject.contains(true) else { return [Bool](repeating: true, count: count) }
        refit(isSubject)
        var grid = GridCut(width: lab.width, height: lab.height)
        (grid.right, grid.down) = edgeWeights(lab)
        (grid.source, grid.sink) = GridCut.terminalCapacities(leaning())
        var round = 1
        var previous = isSubject
        isSubject = grid.sourceSide { cut in
            round += 1
            guard round < maximumRounds, cut.contains(true), cut != previous else { return nil }
            previous = cut
            refit(cut)
            return GridCut.terminalCapacities(leaning())
        }
        return isSubject.map { !$0 }
    }

    /// The capacities between each pixel and its right and lower neighbours: γ·exp(−β·ΔE²),
    /// β = 1 / (2 · mean ΔE²), so a split costs little across the picture's stronger edges.
    static func edgeWeights(_ lab: LabImage) -> (right: [Float], down: [Float]) {
        let width = lab.width, count = lab.width * lab.height
        func squared(_ i: Int, _ j: Int) -> Float {
            let l = lab.l[i] - lab.l[j], a = lab.a[i] - lab.a[j], b = lab.b[i] - lab.b[j]
            return l * l + a * a + b * b
        }
        var right = [Float](repeating: 0, count: count), down = right
        var sum: Float = 0, pairs = 0
        for index in 0 ..< count {
            if index % width + 1 < width { right[index] = squared(index, index + 1); sum += right[index]; pairs += 1 }
            if index + width < count { down[index] = squared(index, index + width); sum += down[index]; pairs += 1 }
        }
        let beta = sum > 0 ? Float(pairs) / (2 * sum) : 0
        return (right.map { smoothness * exp(-beta * $0) }, down.map { smoothness * exp(-beta * $0) })
    }
}

/// A Gaussian mixture over CIELAB colours.
struct ColourMixture {
    /// One Gaussian: its mean, its inverse covariance (rows), and −log(weight) + ½·log det Σ.
    struct Component {
        var mean: SIMD3<Float>
        var inverse: (SIMD3<Float>, SIMD3<Float>, SIMD3<Float>)
        var offset: Float
    }

    /// How many Gaussians a mixture has at most.
    static let size = 5
    /// Added to each covariance's diagonal (ΔE²): keeps a flat region's Gaussian from being
    /// infinitely sharp.
    static let ridge: Float = 1

    /// The Gaussians, at most `size`, in the order of their groups.
    var components: [Component]

    /// The cost of a colour under a mixture with no component (too few pixels to fit one).
    static let unexplained: Float = 1e6

    /// Fits the colours at `pixels`: grouped by k-means from seeds spread over their
    /// lightness, or by `clusters` when given (one label in `0 ..< size` per pixel).
    init(_ colours: [SIMD3<Float>], pixels: [Int], clusters: [UInt8]? = nil) {
        let labels = clusters ?? Self.kMeans(colours, pixels: pixels)
        let (counts, means, rows) = Self.moments(colours, pixels: pixels, labels: labels)
        components = (0 ..< Self.size).compactMap { k in
            Self.gaussian(count: counts[k], mean: means[k], rows: rows[k], share: Float(counts[k]) / Float(max(pixels.count, 1)))
        }
    }

    /// Each group's size, mean, and the sum of its deviations' outer products (the rows of its
    /// scatter matrix), for the colours at `pixels` grouped by `labels`: two passes over the
    /// pixels, without gathering any group's colours.
    static func moments(
        _ colours: [SIMD3<Float>], pixels: [Int], labels: [UInt8]
    ) -> (counts: [Int], means: [SIMD3<Float>], rows: [(SIMD3<Float>, SIMD3<Float>, SIMD3<Float>)]) {
        var sums = [SIMD3<Float>](repeating: SIMD3(), count: size), counts = [Int](repeating: 0, count: size)
        // The rows summed in SIMD registers (not in nested arrays, which allocate).
        var rows = [(SIMD3<Float>, SIMD3<Float>, SIMD3<Float>)](repeating: (SIMD3(), SIMD3(), SIMD3()), count: size)
        colours.withUnsafeBufferPointer { colours in
            sums.withUnsafeMutableBufferPointer { sums in
                counts.withUnsafeMutableBufferPointer { counts in
                    for (pixel, label) in zip(pixels, labels) {
                        sums[Int(label)] += colours[pixel]
                        counts[Int(label)] += 1
                    }
                }
            }
        }
        let means = (0 ..< size).map { sums[$0] / Float(counts[$0]) }
        colours.withUnsafeBufferPointer { colours in
            rows.withUnsafeMutableBufferPointer { rows in
                for (pixel, label) in zip(pixels, labels) {
                    let d = colours[pixel] - means[Int(label)]
                    rows[Int(label)].0 += d * d.x
                    rows[Int(label)].1 += d * d.y
                    rows[Int(label)].2 += d * d.z
                }
            }
        }
        return (counts, means, rows)
    }

    /// The cost of each of `colours` under the mixture: −log of its cheapest component's
    /// weighted density, up to a constant (`unexplained` when the mixture has no component),
    /// and which component that is.
    func costs(_ colours: ColourChannels) -> (cost: [Float], component: [UInt8]) {
        var cost = [Float](repeating: Self.unexplained, count: colours.paddedCount)
        var cheapest = [Int32](repeating: 0, count: colours.paddedCount)
        colours.withVectors { l, a, b, vectors in
            cost.withUnsafeMutableBufferPointer { cost in
                cheapest.withUnsafeMutableBufferPointer { cheapest in
                    for (k, component) in components.enumerated() {
                        Self.lower(cost.baseAddress!, cheapest.baseAddress!, to: component, labelled: Int32(k), l, a, b, vectors: vectors)
                    }
                }
            }
        }
        return (Array(cost[..<colours.count]), cheapest[..<colours.count].map { UInt8(truncatingIfNeeded: $0) })
    }

    /// Lowers each of the first `vectors` × 8 costs to its colour's cost under `component`
    /// where that is lower (strictly: the first of equal components keeps a colour), and sets
    /// its label to `k` there. The colours are the channels `l`, `a`, `b`.
    ///
    /// Eight colours a step in vector registers, in the order of operations a colour at a time
    /// would take, so the costs are the same to the bit: 15 instructions a colour and
    /// component, where a colour at a time took 48.
    private static func lower(
        _ cost: UnsafeMutablePointer<Float>, _ label: UnsafeMutablePointer<Int32>, to component: Component, labelled k: Int32,
        _ l: UnsafePointer<Float>, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, vectors: Int
    ) {
        let (row0, row1, row2) = component.inverse
        let i00 = Lanes(repeating: row0.x), i01 = Lanes(repeating: row0.y), i02 = Lanes(repeating: row0.z)
        let i10 = Lanes(repeating: row1.x), i11 = Lanes(repeating: row1.y), i12 = Lanes(repeating: row1.z)
        let i20 = Lanes(repeating: row2.x), i21 = Lanes(repeating: row2.y), i22 = Lanes(repeating: row2.z)
        let meanL = Lanes(repeating: component.mean.x), meanA = Lanes(repeating: component.mean.y)
        let meanB = Lanes(repeating: component.mean.z), offset = Lanes(repeating: component.offset)
        let half = Lanes(repeating: 0.5), labels = SIMD8<Int32>(repeating: k)
        for vector in 0 ..< vectors {
            let start = vector * Lanes.scalarCount
            let d0 = Lanes.load(l + start) - meanL, d1 = Lanes.load(a + start) - meanA, d2 = Lanes.load(b + start) - meanB
            let m0 = i00 * d0 + i01 * d1 + i02 * d2
            let m1 = i10 * d0 + i11 * d1 + i12 * d2
            let m2 = i20 * d0 + i21 * d1 + i22 * d2
            let value = offset + half * (d0 * m0 + d1 * m1 + d2 * m2)
            let old = Lanes.load(cost + start), cheaper = value .< old
            (cost + start).store(old.replacing(with: value, where: cheaper))
            (label + start).store(SIMD8<Int32>.load(label + start).replacing(with: labels, where: cheaper))
        }
    }

    /// The Gaussian of `count` colours about their `mean`, whose deviations' outer products
    /// sum to `rows`, weighted by `share`; `nil` for fewer than two colours.
    static func gaussian(count: Int, mean: SIMD3<Float>, rows: (SIMD3<Float>, SIMD3<Float>, SIMD3<Float>), share: Float) -> Component? {
        guard count >= 2 else { return nil }
        let n = Float(count)
        let c = (rows.0 / n + SIMD3(ridge, 0, 0), rows.1 / n + SIMD3(0, ridge, 0), rows.2 / n + SIMD3(0, 0, ridge))
        let cofactor00 = c.1[1] * c.2[2] - c.1[2] * c.2[1]
        let cofactor01 = c.1[2] * c.2[0] - c.1[0] * c.2[2]
        let cofactor02 = c.1[0] * c.2[1] - c.1[1] * c.2[0]
        let determinant = c.0[0] * cofactor00 + c.0[1] * cofactor01 + c.0[2] * cofactor02
        guard determinant > 0 else { return nil }
        let inverse = (
            SIMD3(cofactor00, c.0[2] * c.2[1] - c.0[1] * c.2[2], c.0[1] * c.1[2] - c.0[2] * c.1[1]) / determinant,
            SIMD3(cofactor01, c.0[0] * c.2[2] - c.0[2] * c.2[0], c.0[2] * c.1[0] - c.0[0] * c.1[2]) / determinant,
            SIMD3(cofactor02, c.0[1] * c.2[0] - c.0[0] * c.2[1], c.0[0] * c.1[1] - c.0[1] * c.1[0]) / determinant)
        return Component(mean: mean, inverse: inverse, offset: -log(share) + 0.5 * log(determinant))
    }

    /// k-means labels for the colours at `pixels`: seeds at evenly spaced lightness ranks
    /// (ties in pixel order), then a few rounds of assigning to the nearest mean and moving the
    /// means.
    ///
    /// The seeds come from `ranked` rather than a sort of every pixel; the colours are measured
    /// against the means eight at a time (`nearer`).
    static func kMeans(_ colours: [SIMD3<Float>], pixels: [Int], rounds: Int = 5) -> [UInt8] {
        guard !pixels.isEmpty else { return [] }
        let count = pixels.count
        let members = ColourChannels(pixels.map { colours[$0] })
        let seeds = ranked(pixels.map { colours[$0].x }, at: (0 ..< size).map { k in (k * 2 + 1) * (count - 1) / (2 * size) })
        var means = seeds.map { colours[pixels[$0]] }
        var labels = [Int32](repeating: 0, count: members.paddedCount)
        var distances = [Float](repeating: 0, count: members.paddedCount)
        members.withVectors { l, a, b, vectors in
            labels.withUnsafeMutableBufferPointer { labels in
                distances.withUnsafeMutableBufferPointer { distances in
                    for _ in 0 ..< rounds {
                        distances.update(repeating: .greatestFiniteMagnitude)
                        for (k, mean) in means.enumerated() {
                            nearer(distances.baseAddress!, labels.baseAddress!, to: mean, labelled: Int32(k), l, a, b, vectors: vectors)
                        }
                        var sums = [SIMD3<Float>](repeating: SIMD3(), count: size), counts = [Float](repeating: 0, count: size)
                        sums.withUnsafeMutableBufferPointer { sums in
                            counts.withUnsafeMutableBufferPointer { counts in
                                for position in 0 ..< count {
                                    let label = Int(labels[position])
                                    sums[label] += SIMD3(l[position], a[position], b[position])
                                    counts[label] += 1
                                }
                            }
                        }
                        for k in 0 ..< size where counts[k] > 0 { means[k] = sums[k] / counts[k] }
                    }
                }
            }
        }
        return labels[..<count].map { UInt8(truncatingIfNeeded: $0) }
    }

    /// The lightness ranks `ranks` (ascending) of `lightness`, ties in order: which positions of
    /// `lightness` would stand there were it sorted stably.
    ///
    /// Counts the values into buckets a fortieth of a lightness unit wide and sorts only the
    /// bucket that holds each rank: a fraction of sorting them all, and the same positions.
    static func ranked(_ lightness: [Float], at ranks: [Int]) -> [Int] {
        let buckets = 4096
        func bucket(_ value: Float) -> Int { value > 0 ? min(Int(value * 40), buckets - 1) : 0 }
        var starts = [Int](repeating: 0, count: buckets + 1)
        for value in lightness { starts[bucket(value) + 1] += 1 }
        for index in 0 ..< buckets { starts[index + 1] += starts[index] }
        var current = 0
        return ranks.map { rank in
            while starts[current + 1] <= rank { current += 1 }
            let members = lightness.indices.filter { bucket(lightness[$0]) == current }
            // Stable: of equal values the earlier position first.
            return members.sorted { lightness[$0] < lightness[$1] || lightness[$0] == lightness[$1] && $0 < $1 }[rank - starts[current]]
        }
    }

    /// Lowers each of the first `vectors` × 8 squared distances to its colour's from `mean`
    /// where that is lower (strictly: the first of equal means keeps a colour), and sets its
    /// label to `k` there, eight colours a step as in `lower`.
    private static func nearer(
        _ distance: UnsafeMutablePointer<Float>, _ label: UnsafeMutablePointer<Int32>, to mean: SIMD3<Float>, labelled k: Int32,
        _ l: UnsafePointer<Float>, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, vectors: Int
    ) {
        let meanL = Lanes(repeating: mean.x), meanA = Lanes(repeating: mean.y), meanB = Lanes(repeating: mean.z)
        let labels = SIMD8<Int32>(repeating: k)
        for vector in 0 ..< vectors {
            let start = vector * Lanes.scalarCount
            let dl = Lanes.load(l + start) - meanL, da = Lanes.load(a + start) - meanA, db = Lanes.load(b + start) - meanB
            let value = dl * dl + da * da + db * db
            let old = Lanes.load(distance + start), closer = value .< old
            (distance + start).store(old.replacing(with: value, where: closer))
            (label + start).store(SIMD8<Int32>.load(label + start).replacing(with: labels, where: closer))
        }
    }
}

/// Eight floats in vector registers: the colour terms' unit of work.
typealias Lanes = SIMD8<Float>

/// Colours as one array per CIELAB channel, each padded with zeros to a whole number of
/// `Lanes`: the layout the colour terms read eight colours at a time.
struct ColourChannels {
    /// How many colours there are.
    let count: Int
    /// `count` rounded up to a whole number of `Lanes`: the length of each channel.
    let paddedCount: Int
    private let l: [Float], a: [Float], b: [Float]

    /// The channels of `colours`.
    init(_ colours: [SIMD3<Float>]) {
        count = colours.count
        paddedCount = (count + Lanes.scalarCount - 1) / Lanes.scalarCount * Lanes.scalarCount
        let padding = repeatElement(Float(0), count: paddedCount - count)
        l = colours.map { $0.x } + padding
        a = colours.map { $0.y } + padding
        b = colours.map { $0.z } + padding
    }

    /// Calls `body` with the three channels' storage and how many whole `Lanes` each holds;
    /// the pointers are valid only inside `body`.
    func withVectors<Result>(
        _ body: (UnsafePointer<Float>, UnsafePointer<Float>, UnsafePointer<Float>, Int) -> Result
    ) -> Result {
        l.withUnsafeBufferPointer { l in
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    body(l.baseAddress!, a.baseAddress!, b.baseAddress!, paddedCount / Lanes.scalarCount)
                }
            }
        }
    }
}

extension SIMD8 {
    /// The eight values from `pointer` on.
    @inline(__always)
    static func load(_ pointer: UnsafePointer<Scalar>) -> Self {
        UnsafeRawPointer(pointer).loadUnaligned(as: Self.self)
    }
}

extension UnsafeMutablePointer {
    /// Stores the eight values of `vector` from here on.
    @inline(__always)
    func store<Vector: SIMD>(_ vector: Vector) where Vector.Scalar == Pointee {
        UnsafeMutableRawPointer(self).storeBytes(of: vector, as: Vector.self)
    }
}
