import Testing

@testable import AsciiArt

/// The grid's max-flow finds a cut as cheap as the cheapest of all cuts.
struct GridCutTests {
    /// The capacity a cut crosses: source edges of sink-side pixels, sink edges of source-side
    /// pixels, and the edges between the sides.
    static func cost(_ grid: GridCut, _ sourceSide: [Bool]) -> Float {
        var total: Float = 0
        for index in 0 ..< grid.width * grid.height {
            total += sourceSide[index] ? grid.sink[index] : grid.source[index]
            let x = index % grid.width
            if x + 1 < grid.width && sourceSide[index] != sourceSide[index + 1] { total += grid.right[index] }
            if index + grid.width < grid.width * grid.height && sourceSide[index] != sourceSide[index + grid.width] {
                total += grid.down[index]
            }
        }
        return total
    }

    /// The capacity of the cheapest of every cut of `grid`, by trying them all.
    static func cheapestCost(_ grid: GridCut) -> Float {
        let count = grid.width * grid.height
        return (0 ..< 1 << count).map { bits in cost(grid, (0 ..< count).map { bits >> $0 & 1 == 1 }) }.min()!
    }

    @Test func cutIsAsCheapAsTheBestOfEveryCut() {
        var generator = SplitMix(seed: 5)
        for (width, height) in [(1, 1), (3, 1), (1, 4), (2, 2), (4, 3), (3, 4), (5, 2)] {
            for _ in 0 ..< 25 {
                var grid = GridCut(width: width, height: height)
                let count = width * height
                func random(_ range: ClosedRange<Int>) -> Float { Float(Int.random(in: range, using: &generator)) }
                grid.source = (0 ..< count).map { _ in random(0 ... 9) }
                grid.sink = (0 ..< count).map { _ in random(0 ... 9) }
                grid.right = (0 ..< count).map { _ in random(0 ... 6) }
                grid.down = (0 ..< count).map { _ in random(0 ... 6) }
                let best = Self.cheapestCost(grid)
                let found = Self.cost(grid, grid.sourceSide())
                #expect(abs(found - best) < 1e-3, "\(width) × \(height): cut \(found), best \(best)")
            }
        }
    }

    /// Cut again from the flow of an earlier cut, after the terminal capacities change, the
    /// grid gives the cut a fresh max-flow gives, as cheap as the best of every cut.
    @Test func cutAgainFromTheEarlierFlowIsTheFreshCut() {
        var generator = SplitMix(seed: 11)
        for (width, height) in [(4, 3), (2, 6), (1, 11), (9, 7), (16, 12)] {
            for _ in 0 ..< 20 {
                var grid = GridCut(width: width, height: height)
                let count = width * height
                func random(_ range: ClosedRange<Int>) -> [Float] { (0 ..< count).map { _ in Float(Int.random(in: range, using: &generator)) } }
                (grid.source, grid.sink, grid.right, grid.down) = (random(0 ... 9), random(0 ... 9), random(0 ... 6), random(0 ... 6))
                let terminals = [(random(0 ... 9), random(0 ... 9)), (random(0 ... 20), random(0 ... 3))]
                var sides: [[Bool]] = []
                let last = grid.sourceSide { side in
                    sides.append(side)
                    return sides.count <= terminals.count ? terminals[sides.count - 1] : nil
                }
                #expect(sides.count == 3 && sides[0] == grid.sourceSide())
                var fresh = grid
                (fresh.source, fresh.sink) = terminals[1]
                #expect(last == fresh.sourceSide(), "\(width) × \(height)")
                if count <= 12 {
                    #expect(abs(Self.cost(fresh, last) - Self.cheapestCost(fresh)) < 1e-3)
                }
            }
        }
    }

    /// With left and right columns whose sink capacity could take all the excess (as the ring
    /// of a scene's border has in `ColourCut`), the excess is first pushed toward them: the cut
    /// is still as cheap as the best of every cut, fresh and again from the earlier flow.
    @Test func cutWithASinkBorderIsAsCheapAsTheBestOfEveryCut() {
        var generator = SplitMix(seed: 23)
        for (width, height) in [(4, 3), (3, 4), (5, 2), (6, 2), (3, 3)] {
            for _ in 0 ..< 20 {
                var grid = GridCut(width: width, height: height)
                let count = width * height
                func random(_ range: ClosedRange<Int>) -> [Float] { (0 ..< count).map { _ in Float(Int.random(in: range, using: &generator)) } }
                func bordered(_ terminals: (source: [Float], sink: [Float])) -> (source: [Float], sink: [Float]) {
                    var (source, sink) = terminals
                    for index in 0 ..< count where index % width == 0 || index % width == width - 1 {
                        (source[index], sink[index]) = (0, .greatestFiniteMagnitude / 4)
                    }
                    return (source, sink)
                }
                (grid.right, grid.down) = (random(0 ... 6), random(0 ... 6))
                (grid.source, grid.sink) = bordered((random(0 ... 9), random(0 ... 4)))
                let again = bordered((random(0 ... 12), random(0 ... 6)))
                #expect(abs(Self.cost(grid, grid.sourceSide()) - Self.cheapestCost(grid)) < 1e-3, "\(width) × \(height)")
                var fresh = grid
                (fresh.source, fresh.sink) = again
                var cuts = 0
                let last = grid.sourceSide { _ in
                    cuts += 1
                    return cuts == 1 ? again : nil
                }
                #expect(last == fresh.sourceSide(), "\(width) × \(height), again")
                #expect(abs(Self.cost(fresh, last) - Self.cheapestCost(fresh)) < 1e-3, "\(width) × \(height), again")
            }
        }
    }

    @Test func strongEdgesKeepARegionTogether() {
        // A 6 × 6 grid: the centre 2 × 2 leans to the source, everything else to the sink, and
        // weak edges let the cut follow the centre's outline.
        var grid = GridCut(width: 6, height: 6)
        for index in 0 ..< 36 {
            let x = index % 6, y = index / 6
            let centre = (2 ... 3).contains(x) && (2 ... 3).contains(y)
            grid.source[index] = centre ? 10 : 0
            grid.sink[index] = centre ? 0 : 10
            grid.right[index] = 1
            grid.down[index] = 1
        }
        let side = grid.sourceSide()
        #expect(side == (0 ..< 36).map { (2 ... 3).contains($0 % 6) && (2 ... 3).contains($0 / 6) })
    }
}

/// The colour mixtures that `ColourCut` cuts between.
struct ColourMixtureTests {
    @Test func eachMixtureExplainsItsOwnColoursBest() {
        var generator = SplitMix(seed: 9)
        func around(_ centre: SIMD3<Float>) -> SIMD3<Float> {
            centre + SIMD3(Float.random(in: -3 ... 3, using: &generator), Float.random(in: -3 ... 3, using: &generator),
                           Float.random(in: -3 ... 3, using: &generator))
        }
        // The sky and the grass of a landscape; the subject red and white.
        let scene = (0 ..< 300).map { around($0 % 2 == 0 ? SIMD3(70, -10, -40) : SIMD3(50, -40, 40)) }
        let subject = (0 ..< 300).map { around($0 % 3 == 0 ? SIMD3(95, 0, 0) : SIMD3(50, 70, 50)) }
        let colours = scene + subject
        let sceneModel = ColourMixture(colours, pixels: Array(0 ..< 300))
        let subjectModel = ColourMixture(colours, pixels: Array(300 ..< 600))
        #expect(sceneModel.components.count >= 2 && subjectModel.components.count >= 2)
        let channels = ColourChannels(colours)
        let sceneCost = sceneModel.costs(channels).cost, subjectCost = subjectModel.costs(channels).cost
        for (index, colour) in colours.enumerated() {
            let prefersScene = sceneCost[index] < subjectCost[index]
            #expect(prefersScene == (index < 300), "colour \(index): \(colour)")
        }
        #expect(ColourMixture(colours, pixels: [3]).costs(channels).cost[3] == ColourMixture.unexplained, "one pixel fits no Gaussian")
        // Thirteen colours fill one vector and part of another: the padding changes nothing.
        let few = ColourChannels(Array(colours[290 ..< 303]))
        #expect(sceneModel.costs(few).cost == Array(sceneCost[290 ..< 303]))
        #expect(subjectModel.costs(few).component == Array(subjectModel.costs(channels).component[290 ..< 303]))
    }
}
