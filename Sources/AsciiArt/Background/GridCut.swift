/// A minimum s–t cut of a 4-connected grid, by Boykov and Kolmogorov's max-flow algorithm
/// (search trees grown from both terminals, reused after each augmentation).
///
/// Every pixel is a node with a capacity from the source and one to the sink; neighbouring
/// pixels are joined by an edge of the same capacity both ways. The cut separates the pixels
/// left joined to the source from the rest, at the least total capacity.
struct GridCut {
    let width: Int
    let height: Int
    /// Capacity from the source to each pixel.
    var source: [Float]
    /// Capacity from each pixel to the sink.
    var sink: [Float]
    /// Capacity between each pixel and the one to its right (the last column's is unused).
    var right: [Float]
    /// Capacity between each pixel and the one below it (the last row's is unused).
    var down: [Float]

    /// A grid with no capacities yet.
    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        let zeros = [Float](repeating: 0, count: width * height)
        source = zeros
        sink = zeros
        right = zeros
        down = zeros
    }

    /// Capacities from the source and to the sink for pixels that lean toward the source by
    /// `leaning` (toward the sink when negative).
    static func terminalCapacities(_ leaning: [Float]) -> (source: [Float], sink: [Float]) {
        (leaning.map { max($0, 0) }, leaning.map { max(-$0, 0) })
    }

    /// Which pixels stay joined to the source after a minimum cut.
    func sourceSide() -> [Bool] {
        sourceSide { _ in nil }
    }

    /// Which pixels stay joined to the source after a minimum cut, and after each further cut
    /// for as long as `next`, shown the last cut's source side, gives new terminal capacities
    /// (source, sink). Each further cut starts from the flow already found: the edges between
    /// pixels keep their residual capacities, and a pixel's terminal capacity moves by the
    /// change in its source less sink, which leaves that flow valid (the cut only counts the
    /// difference between a pixel's two terminal capacities).
    func sourceSide(then next: ([Bool]) -> (source: [Float], sink: [Float])?) -> [Bool] {
        var solver = Solver(self)
        defer { solver.deallocate() }
        var leaning = zip(source, sink).map { $0 - $1 }
        var shift = [Float](repeating: 0, count: leaning.count)
        while true {
            solver.maximumFlow()
            let side = solver.tree.map { $0 == Solver.sourceTree }
            guard let (source, sink) = next(side) else { return side }
            for index in leaning.indices {
                let newLeaning = source[index] - sink[index]
                shift[index] = newLeaning - leaning[index]
                leaning[index] = newLeaning
            }
            solver.restart(shiftingTerminals: shift)
        }
    }

    /// The working state of one max-flow run, in buffers it allocates and `deallocate` frees:
    /// the search touches them millions of times on a 160 × 100 grid, and arrays checked each
    /// access for bounds and sharing took twice as long.
    ///
    /// Nodes and places in `capacity` are kept in 32 bits, and the search's index arithmetic
    /// wraps rather than checks for overflow: a grid has fewer than 2²⁹ pixels.
    private struct Solver {
        static let free: UInt8 = 0, sourceTree: UInt8 = 1, sinkTree: UInt8 = 2
        /// No parent: a free node, or an orphan.
        static let none = -1
        /// The parent is the tree's terminal.
        static let terminal = -2

        let width: Int, count: Int
        /// Each node's column, so that finding a neighbour needs no division.
        let column: UnsafeMutableBufferPointer<Int32>
        /// Residual capacity from the terminals: positive toward the source tree's excess,
        /// negative toward the sink's.
        let terminalCapacity: UnsafeMutableBufferPointer<Float>
        /// Residual capacity from each node to its neighbour in direction 0 (left), 1 (right),
        /// 2 (up), 3 (down); `count * 4` values.
        let capacity: UnsafeMutableBufferPointer<Float>
        /// Which tree each node is in: `free`, `sourceTree` or `sinkTree`.
        let tree: UnsafeMutableBufferPointer<UInt8>
        /// The neighbour a node hangs from, or `none` / `terminal`.
        let parent: UnsafeMutableBufferPointer<Int32>
        /// Where the residual capacity of the edge between a node and its parent is kept, in the
        /// direction flow travels in its tree (toward the sink): set when the node is attached,
        /// so that an augmenting path's walk reads it rather than working it out.
        let treeEdge: UnsafeMutableBufferPointer<Int32>
        /// How far apart in `capacity` an edge between a node and the one below it is kept from
        /// the same edge the other way: 4 × width − 1.
        let rowStep: Int
        /// When a node was last found to hang from its terminal (see `rooted`): within one
        /// round of adoption, that stays true.
        let checked: UnsafeMutableBufferPointer<Int32>
        var round: Int32 = 0
        /// The active nodes, first in first out, in a ring of `count` places: a node is in it
        /// at most once at a time (`isActive`).
        let active: UnsafeMutableBufferPointer<Int32>
        var activeHead = 0, activeCount = 0
        let isActive: UnsafeMutableBufferPointer<Bool>
        /// The orphans, a stack: a node is orphaned at most once until it is adopted or freed.
        let orphans: UnsafeMutableBufferPointer<Int32>
        var orphanCount = 0
        /// For `pushTowardSinks`: each node's distance from a sink that can take all the
        /// excess, and the nodes in order of that distance.
        let distance: UnsafeMutableBufferPointer<Int32>
        let byDistance: UnsafeMutableBufferPointer<Int32>

        init(_ grid: GridCut) {
            width = grid.width
            count = grid.width * grid.height
            precondition(count < 1 << 29, "a grid of \(count) pixels is too large to cut")
            column = .allocate(capacity: count)
            terminalCapacity = .allocate(capacity: count)
            capacity = .allocate(capacity: count * 4)
            tree = .allocate(capacity: count)
            parent = .allocate(capacity: count)
            treeEdge = .allocate(capacity: count)
            rowStep = 4 * grid.width - 1
            checked = .allocate(capacity: count)
            active = .allocate(capacity: max(count, 1))
            isActive = .allocate(capacity: count)
            orphans = .allocate(capacity: count)
            distance = .allocate(capacity: count)
            byDistance = .allocate(capacity: count)
            capacity.initialize(repeating: 0)
            treeEdge.initialize(repeating: 0)
            checked.initialize(repeating: -1)
            for index in 0 ..< count {
                column[index] = Int32(index % grid.width)
                let x = index % grid.width
                if x + 1 < grid.width {
                    capacity[index * 4 + 1] = grid.right[index]
                    capacity[(index + 1) * 4 + 0] = grid.right[index]
                }
                if index + grid.width < count {
                    capacity[index * 4 + 3] = grid.down[index]
                    capacity[(index + grid.width) * 4 + 2] = grid.down[index]
                }
                terminalCapacity[index] = grid.source[index] - grid.sink[index]
            }
            pushTowardSinks()
            plantTrees()
        }

        /// Pushes each node's excess (terminal capacity toward the source) down the shortest
        /// paths of edges with capacity left to the nodes whose sink capacity could take all
        /// the excess there is (a scene's border ring), in one sweep from the farthest nodes
        /// in, as far as the edges let it and the deficits on the way do not absorb it.
        ///
        /// Moving flow from a node to a neighbour, its terminal capacity down by what the
        /// neighbour's goes up, changes every cut's capacity by the same amount, so the
        /// minimum cut stays the one it was; it only leaves the search less to do. On a
        /// 160 × 100 scene, where the first cut's excess lies in every part of the background
        /// and must travel to the border, the search took 21,000 augmenting paths of 75 edges
        /// on average without the sweep and 4,600 of 54 after it.
        mutating func pushTowardSinks() {
            var excess: Float = 0
            for node in 0 ..< count where terminalCapacity[node] > 0 { excess += terminalCapacity[node] }
            guard excess > 0 else { return }
            var reached = 0
            for node in 0 ..< count {
                let isSink = terminalCapacity[node] <= -excess
                distance[node] = isSink ? 0 : -1
                if isSink {
                    byDistance[reached] = Int32(truncatingIfNeeded: node)
                    reached &+= 1
                }
            }
            // Breadth first out from those sinks, along edges with capacity toward them.
            var next = 0
            while next < reached {
                let node = Int(byDistance[next])
                next &+= 1
                for direction in 0 ..< 4 {
                    guard let other = neighbour(node, direction), distance[other] < 0,
                          capacity[other &* 4 &+ Self.opposite(direction)] > 0 else { continue }
                    distance[other] = distance[node] &+ 1
                    byDistance[reached] = Int32(truncatingIfNeeded: other)
                    reached &+= 1
                }
            }
            // Farthest first: what a node passes on is pushed again when its neighbour's turn comes.
            for position in stride(from: reached - 1, to: 0, by: -1) {
                let node = Int(byDistance[position])
                for direction in 0 ..< 4 where terminalCapacity[node] > 0 {
                    guard let other = neighbour(node, direction), distance[other] == distance[node] &- 1 else { continue }
                    let flow = min(terminalCapacity[node], capacity[node &* 4 &+ direction])
                    guard flow > 0 else { continue }
                    move(flow, from: node, to: other, direction: direction)
                }
            }
        }

        /// Starts the two trees afresh: every node with terminal capacity left hangs from its
        /// terminal and is active, every other node is free.
        mutating func plantTrees() {
            round += 1
            activeHead = 0
            activeCount = 0
            orphanCount = 0
            for index in 0 ..< count {
                tree[index] = terminalCapacity[index] > 0 ? Self.sourceTree : terminalCapacity[index] < 0 ? Self.sinkTree : Self.free
                parent[index] = Int32(truncatingIfNeeded: tree[index] == Self.free ? Self.none : Self.terminal)
                isActive[index] = tree[index] != Self.free
                if isActive[index] {
                    active[activeCount] = Int32(truncatingIfNeeded: index)
                    activeCount &+= 1
                }
            }
        }

        /// Moves `flow` from `node` to its neighbour `other` (in `direction`) along their edge:
        /// the node's terminal capacity goes down by what the neighbour's goes up, and every
        /// cut's capacity changes by the same amount.
        @inline(__always)
        func move(_ flow: Float, from node: Int, to other: Int, direction: Int) {
            capacity[node &* 4 &+ direction] -= flow
            capacity[other &* 4 &+ Self.opposite(direction)] += flow
            terminalCapacity[node] -= flow
            terminalCapacity[other] += flow
        }

        /// Lets each node with excess give what it can straight to its neighbours with deficits,
        /// in one pass: the paths of one edge the search would otherwise find one at a time,
        /// each with its orphans to adopt (on a 160 × 100 scene, the cut after a refit found
        /// 4,800 paths without this pass and 1,400 with it). Only when the search starts again:
        /// before the first search the sweep toward the sinks does better with the deficits it
        /// passes left in place (on the development set's scenes, 1 % fewer instructions).
        mutating func cancelWithNeighbours() {
            for node in 0 ..< count where terminalCapacity[node] > 0 {
                for direction in 0 ..< 4 where terminalCapacity[node] > 0 {
                    guard let other = neighbour(node, direction), terminalCapacity[other] < 0 else { continue }
                    let flow = min(terminalCapacity[node], -terminalCapacity[other], capacity[node &* 4 &+ direction])
                    guard flow > 0 else { continue }
                    move(flow, from: node, to: other, direction: direction)
                }
            }
        }

        /// Moves each node's terminal capacity by `shift` and plants the trees anew, keeping the
        /// flow between nodes.
        mutating func restart(shiftingTerminals shift: [Float]) {
            for index in 0 ..< count { terminalCapacity[index] += shift[index] }
            cancelWithNeighbours()
            pushTowardSinks()
            plantTrees()
        }

        /// Frees the buffers.
        func deallocate() {
            column.deallocate()
            checked.deallocate()
            terminalCapacity.deallocate()
            capacity.deallocate()
            tree.deallocate()
            parent.deallocate()
            treeEdge.deallocate()
            active.deallocate()
            isActive.deallocate()
            orphans.deallocate()
            distance.deallocate()
            byDistance.deallocate()
        }

        /// The neighbour of `node` in `direction`, or `nil` off the grid.
        @inline(__always)
        func neighbour(_ node: Int, _ direction: Int) -> Int? {
            switch direction {
            case 0: return column[node] > 0 ? node &- 1 : nil
            case 1: return Int(column[node]) < width &- 1 ? node &+ 1 : nil
            case 2: return node >= width ? node &- width : nil
            default: return node &+ width < count ? node &+ width : nil
            }
        }

        /// The direction from `to` back to `node`.
        static func opposite(_ direction: Int) -> Int { direction ^ 1 }

        /// The direction from `node` to its neighbour `other`.
        func direction(from node: Int, to other: Int) -> Int {
            // Vertical first: on a grid one pixel wide, the pixel above is also `node - 1`.
            if other == node - width { return 2 }
            if other == node + width { return 3 }
            return other == node - 1 ? 0 : 1
        }

        /// The place in `capacity` of the edge at `edge`, the other way.
        @inline(__always)
        func reverse(_ edge: Int) -> Int {
            // Across a row the same edge the other way is 3 places off, across a column
            // 4 × width − 1; below for the edges left and up (directions 0 and 2).
            let step = edge & 2 == 0 ? 3 : rowStep
            return edge & 1 == 0 ? edge &- step : edge &+ step
        }

        /// Hangs `node`, already in its tree, from its neighbour `up` in direction `toParent`.
        func attach(_ node: Int, to up: Int, direction toParent: Int) {
            parent[node] = Int32(truncatingIfNeeded: up)
            treeEdge[node] = Int32(truncatingIfNeeded: tree[node] == Self.sourceTree ? up &* 4 &+ Self.opposite(toParent) : node &* 4 &+ toParent)
            checked[node] = checked[up]
        }

        /// Puts `node` at the back of the active queue, unless it is in it.
        mutating func activate(_ node: Int) {
            guard !isActive[node] else { return }
            isActive[node] = true
            // The ring's next place, wrapped without a division.
            let place = activeHead &+ activeCount
            active[place < count ? place : place &- count] = Int32(truncatingIfNeeded: node)
            activeCount &+= 1
        }

        /// Makes `node` an orphan: it no longer hangs from anything.
        mutating func orphan(_ node: Int) {
            parent[node] = Int32(truncatingIfNeeded: Self.none)
            orphans[orphanCount] = Int32(truncatingIfNeeded: node)
            orphanCount &+= 1
        }

        /// Augments along every path the trees find until none is left.
        mutating func maximumFlow() {
            while let (from, to) = grow() {
                augment(from, to)
                adopt()
            }
        }

        /// Grows the trees until a source-tree node meets a sink-tree node across an edge with
        /// capacity left; returns that edge, source side first.
        mutating func grow() -> (Int, Int)? {
            while activeCount > 0 {
                let node = Int(active[activeHead])
                let side = tree[node]
                guard isActive[node], side != Self.free else {
                    popActive()
                    continue
                }
                for direction in 0 ..< 4 {
                    guard let other = neighbour(node, direction) else { continue }
                    let open = side == Self.sourceTree
                        ? capacity[node &* 4 &+ direction] > 0
                        : capacity[other &* 4 &+ Self.opposite(direction)] > 0
                    guard open else { continue }
                    if tree[other] == Self.free {
                        tree[other] = side
                        attach(other, to: node, direction: Self.opposite(direction))
                        activate(other)
                    } else if tree[other] != side {
                        return side == Self.sourceTree ? (node, other) : (other, node)
                    }
                }
                popActive()
            }
            return nil
        }

        /// Takes the node at the front off the active queue.
        mutating func popActive() {
            isActive[Int(active[activeHead])] = false
            activeHead = activeHead &+ 1 == count ? 0 : activeHead &+ 1
            activeCount &-= 1
        }

        /// Pushes the bottleneck flow along source → `from` → `to` → sink, and makes orphans
        /// of the nodes whose tree edge it saturates.
        mutating func augment(_ from: Int, _ to: Int) {
            let bridge = direction(from: from, to: to)
            var bottleneck = capacity[from &* 4 &+ bridge]
            var node = from
            while parent[node] != Self.terminal {
                bottleneck = min(bottleneck, capacity[Int(treeEdge[node])])
                node = Int(parent[node])
            }
            bottleneck = min(bottleneck, terminalCapacity[node])
            node = to
            while parent[node] != Self.terminal {
                bottleneck = min(bottleneck, capacity[Int(treeEdge[node])])
                node = Int(parent[node])
            }
            bottleneck = min(bottleneck, -terminalCapacity[node])

            capacity[from &* 4 &+ bridge] -= bottleneck
            capacity[to &* 4 &+ Self.opposite(bridge)] += bottleneck
            round += 1
            for start in 0 ..< 2 {
                node = start == 0 ? from : to
                while parent[node] != Self.terminal {
                    let up = Int(parent[node]), edge = Int(treeEdge[node])
                    capacity[edge] -= bottleneck
                    capacity[reverse(edge)] += bottleneck
                    if capacity[edge] <= 0 { orphan(node) }
                    node = up
                }
                if tree[node] == Self.sourceTree {
                    terminalCapacity[node] -= bottleneck
                    if terminalCapacity[node] <= 0 { orphan(node) }
                } else {
                    terminalCapacity[node] += bottleneck
                    if terminalCapacity[node] >= 0 { orphan(node) }
                }
            }
        }

        /// Whether `node` still hangs, through parents, from its tree's terminal. A node found
        /// so is marked with this round, and so are the nodes above it, so that later questions
        /// in the round stop there.
        mutating func rooted(_ node: Int) -> Bool {
            var top = node
            while checked[top] != round {
                let up = Int(parent[top])
                if up == Self.none { return false }
                if up == Self.terminal { break }
                top = up
            }
            var marking = node
            while checked[marking] != round {
                checked[marking] = round
                if parent[marking] == Self.terminal { break }
                marking = Int(parent[marking])
            }
            return true
        }

        /// Finds each orphan a new parent in its tree, or frees it (and orphans its children).
        mutating func adopt() {
            while orphanCount > 0 {
                orphanCount &-= 1
                let orphan = Int(orphans[orphanCount])
                let side = tree[orphan]
                var adopted = false
                for direction in 0 ..< 4 {
                    guard let other = neighbour(orphan, direction), tree[other] == side else { continue }
                    let open = side == Self.sourceTree
                        ? capacity[other &* 4 &+ Self.opposite(direction)] > 0
                        : capacity[orphan &* 4 &+ direction] > 0
                    if open && rooted(other) {
                        attach(orphan, to: other, direction: direction)
                        adopted = true
                        break
                    }
                }
                guard !adopted else { continue }
                for direction in 0 ..< 4 {
                    guard let other = neighbour(orphan, direction), tree[other] == side else { continue }
                    let open = side == Self.sourceTree
                        ? capacity[other &* 4 &+ Self.opposite(direction)] > 0
                        : capacity[orphan &* 4 &+ direction] > 0
                    if open { activate(other) }
                    if parent[other] == Int32(truncatingIfNeeded: orphan) { self.orphan(other) }
                }
                // Still queued if it was active: the queue skips it once it is free.
                tree[orphan] = Self.free
            }
        }
    }
}
