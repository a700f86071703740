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

    /// Which pixels stay joined to the source after a minimum cut.
    func sourceSide() -> [Bool] {
        var solver = Solver(self)
        solver.maximumFlow()
        return solver.tree.map { $0 == Solver.sourceTree }
    }

    /// The working state of one max-flow run.
    private struct Solver {
        static let free: UInt8 = 0, sourceTree: UInt8 = 1, sinkTree: UInt8 = 2
        /// No parent: a free node, or an orphan.
        static let none = -1
        /// The parent is the tree's terminal.
        static let terminal = -2

        let width: Int, count: Int
        /// Each node's column, so that finding a neighbour needs no division.
        let column: [Int32]
        /// Residual capacity from the terminals: positive toward the source tree's excess,
        /// negative toward the sink's.
        var terminalCapacity: [Float]
        /// Residual capacity from each node to its neighbour in direction 0 (left), 1 (right),
        /// 2 (up), 3 (down); `count * 4` values.
        var capacity: [Float]
        var tree: [UInt8]
        /// The neighbour a node hangs from, or `none` / `terminal`.
        var parent: [Int]
        /// The direction from a node to its parent neighbour.
        var parentDirection: [Int8]
        /// When a node was last found to hang from its terminal (see `rooted`): within one
        /// round of adoption, that stays true.
        var checked: [Int32]
        var round: Int32 = 0
        var active: [Int] = []
        var activeHead = 0
        var isActive: [Bool]
        var orphans: [Int] = []

        init(_ grid: GridCut) {
            width = grid.width
            count = grid.width * grid.height
            column = (0 ..< count).map { Int32($0 % grid.width) }
            terminalCapacity = zip(grid.source, grid.sink).map { $0 - $1 }
            capacity = [Float](repeating: 0, count: count * 4)
            for index in 0 ..< count {
                let x = index % grid.width
                if x + 1 < grid.width {
                    capacity[index * 4 + 1] = grid.right[index]
                    capacity[(index + 1) * 4 + 0] = grid.right[index]
                }
                if index + grid.width < count {
                    capacity[index * 4 + 3] = grid.down[index]
                    capacity[(index + grid.width) * 4 + 2] = grid.down[index]
                }
            }
            tree = terminalCapacity.map { $0 > 0 ? Self.sourceTree : $0 < 0 ? Self.sinkTree : Self.free }
            parent = tree.map { $0 == Self.free ? Self.none : Self.terminal }
            parentDirection = [Int8](repeating: 0, count: count)
            checked = [Int32](repeating: -1, count: count)
            isActive = tree.map { $0 != Self.free }
            active = (0 ..< count).filter { isActive[$0] }
        }

        /// The neighbour of `node` in `direction`, or `nil` off the grid.
        func neighbour(_ node: Int, _ direction: Int) -> Int? {
            switch direction {
            case 0: return column[node] > 0 ? node - 1 : nil
            case 1: return Int(column[node]) < width - 1 ? node + 1 : nil
            case 2: return node >= width ? node - width : nil
            default: return node + width < count ? node + width : nil
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

        /// Where the residual capacity of the tree edge between `node` and its parent is kept,
        /// in the direction flow travels in its tree (toward the sink).
        func treeEdge(_ node: Int) -> Int {
            let toParent = Int(parentDirection[node])
            return tree[node] == Self.sourceTree
                ? parent[node] * 4 + Self.opposite(toParent)
                : node * 4 + toParent
        }

        mutating func attach(_ node: Int, to up: Int, direction toParent: Int) {
            parent[node] = up
            parentDirection[node] = Int8(toParent)
            checked[node] = checked[up]
        }

        mutating func activate(_ node: Int) {
            guard !isActive[node] else { return }
            isActive[node] = true
            active.append(node)
        }

        mutating func maximumFlow() {
            while let (from, to) = grow() {
                augment(from, to)
                adopt()
            }
        }

        /// Grows the trees until a source-tree node meets a sink-tree node across an edge with
        /// capacity left; returns that edge, source side first.
        mutating func grow() -> (Int, Int)? {
            while activeHead < active.count {
                let node = active[activeHead]
                guard isActive[node], tree[node] != Self.free else {
                    isActive[node] = false
                    activeHead += 1
                    continue
                }
                for direction in 0 ..< 4 {
                    guard let other = neighbour(node, direction) else { continue }
                    let open = tree[node] == Self.sourceTree
                        ? capacity[node * 4 + direction] > 0
                        : capacity[other * 4 + Self.opposite(direction)] > 0
                    guard open else { continue }
                    if tree[other] == Self.free {
                        tree[other] = tree[node]
                        attach(other, to: node, direction: Self.opposite(direction))
                        activate(other)
                    } else if tree[other] != tree[node] {
                        return tree[node] == Self.sourceTree ? (node, other) : (other, node)
                    }
                }
                isActive[node] = false
                activeHead += 1
            }
            return nil
        }

        /// Pushes the bottleneck flow along source → `from` → `to` → sink, and makes orphans
        /// of the nodes whose tree edge it saturates.
        mutating func augment(_ from: Int, _ to: Int) {
            let bridge = direction(from: from, to: to)
            var bottleneck = capacity[from * 4 + bridge]
            var node = from
            while parent[node] != Self.terminal {
                bottleneck = min(bottleneck, capacity[treeEdge(node)])
                node = parent[node]
            }
            bottleneck = min(bottleneck, terminalCapacity[node])
            node = to
            while parent[node] != Self.terminal {
                bottleneck = min(bottleneck, capacity[treeEdge(node)])
                node = parent[node]
            }
            bottleneck = min(bottleneck, -terminalCapacity[node])

            capacity[from * 4 + bridge] -= bottleneck
            capacity[to * 4 + Self.opposite(bridge)] += bottleneck
            round += 1
            for start in 0 ..< 2 {
                node = start == 0 ? from : to
                while parent[node] != Self.terminal {
                    let up = parent[node], edge = treeEdge(node)
                    // The reverse of the tree edge: from `up` to `node` for the sink tree, and
                    // the other way for the source tree.
                    let reverse = tree[node] == Self.sourceTree
                        ? node * 4 + Int(parentDirection[node])
                        : up * 4 + Self.opposite(Int(parentDirection[node]))
                    capacity[edge] -= bottleneck
                    capacity[reverse] += bottleneck
                    if capacity[edge] <= 0 {
                        parent[node] = Self.none
                        orphans.append(node)
                    }
                    node = up
                }
                if tree[node] == Self.sourceTree {
                    terminalCapacity[node] -= bottleneck
                    if terminalCapacity[node] <= 0 { parent[node] = Self.none; orphans.append(node) }
                } else {
                    terminalCapacity[node] += bottleneck
                    if terminalCapacity[node] >= 0 { parent[node] = Self.none; orphans.append(node) }
                }
            }
        }

        /// Whether `node` still hangs, through parents, from its tree's terminal. A node found
        /// so is marked with this round, and so are the nodes above it, so that later questions
        /// in the round stop there.
        mutating func rooted(_ node: Int) -> Bool {
            var top = node
            while checked[top] != round {
                let up = parent[top]
                if up == Self.none { return false }
                if up == Self.terminal { break }
                top = up
            }
            var marking = node
            while checked[marking] != round {
                checked[marking] = round
                if parent[marking] == Self.terminal { break }
                marking = parent[marking]
            }
            return true
        }

        /// Finds each orphan a new parent in its tree, or frees it (and orphans its children).
        mutating func adopt() {
            while let orphan = orphans.popLast() {
                let side = tree[orphan]
                var adopted = false
                for direction in 0 ..< 4 {
                    guard let other = neighbour(orphan, direction), tree[other] == side else { continue }
                    let open = side == Self.sourceTree
                        ? capacity[other * 4 + Self.opposite(direction)] > 0
                        : capacity[orphan * 4 + direction] > 0
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
                        ? capacity[other * 4 + Self.opposite(direction)] > 0
                        : capacity[orphan * 4 + direction] > 0
                    if open { activate(other) }
                    if parent[other] == orphan {
                        parent[other] = Self.none
                        orphans.append(other)
                    }
                }
                tree[orphan] = Self.free
                isActive[orphan] = false
            }
        }
    }
}
