/// The 4-connected components of the pixels of a mask that hold one value, found run by run.
///
/// A run is a stretch of such pixels along a row. Each run is joined (union–find) to the runs
/// of the row above that share a column with it, so the work goes by runs rather than by
/// pixels: a step along a row to find the runs, and no queue, no neighbour checks and no
/// division of an index by the width per pixel. Components are numbered in the order of
/// their first pixel, row after row, as a pixel-by-pixel scan finds them.
struct MaskComponents {
    /// The pixels of each component.
    let sizes: [Int]
    /// Each run's first pixel index and one past its last, row after row.
    private let starts: [Int], ends: [Int]
    /// The runs of row `y` are `rowRuns[y] ..< rowRuns[y + 1]`.
    private let rowRuns: [Int]
    /// Each run's component.
    private let runComponent: [Int]
    /// The runs of component `c`, in row order, are `order[firstRun[c] ..< firstRun[c + 1]]`.
    private let order: [Int], firstRun: [Int]
    private let width: Int

    /// The components of the pixels of `mask` (a picture `width` × `height`, row after row)
    /// that hold `value`.
    init(of value: Bool, in mask: [Bool], width: Int, height: Int) {
        precondition(mask.count == width * height, "a mask holds width × height pixels")
        self.width = width
        var starts: [Int] = [], ends: [Int] = []
        var rowRuns = [0]
        rowRuns.reserveCapacity(height + 1)
        mask.withUnsafeBufferPointer { mask in
            for y in 0 ..< height {
                var x = y * width
                let end = x + width
                while x < end {
                    while x < end && mask[x] != value { x += 1 }
                    guard x < end else { break }
                    starts.append(x)
                    while x < end && mask[x] == value { x += 1 }
                    ends.append(x)
                }
                rowRuns.append(starts.count)
            }
        }
        // Union–find over runs; a set's root is its first run, so its first pixel.
        var parent = Array(starts.indices)
        func root(_ run: Int) -> Int {
            var run = run
            while parent[run] != run {
                parent[run] = parent[parent[run]]
                run = parent[run]
            }
            return run
        }
        for y in stride(from: 1, to: height, by: 1) {
            // Runs of the row above and of this row overlap when they share a column; walk
            // both rows left to right, stepping past whichever run ends first.
            var above = rowRuns[y - 1], here = rowRuns[y]
            while above < rowRuns[y], here < rowRuns[y + 1] {
                let aboveStart = starts[above] + width, aboveEnd = ends[above] + width
                if aboveStart < ends[here] && starts[here] < aboveEnd {
                    let (a, b) = (root(above), root(here))
                    if a < b { parent[b] = a } else if b < a { parent[a] = b }
                }
                if aboveEnd <= ends[here] { above += 1 } else { here += 1 }
            }
        }
        var component = [Int](repeating: 0, count: starts.count)
        var sizes: [Int] = [], runCounts: [Int] = []
        for run in starts.indices {
            let first = root(run)
            if first == run {
                component[run] = sizes.count
                sizes.append(0)
                runCounts.append(0)
            } else {
                component[run] = component[first]
            }
            sizes[component[run]] += ends[run] - starts[run]
            runCounts[component[run]] += 1
        }
        var firstRun = [0]
        firstRun.reserveCapacity(sizes.count + 1)
        for count in runCounts { firstRun.append(firstRun[firstRun.count - 1] + count) }
        var next = Array(firstRun.dropLast())
        var order = [Int](repeating: 0, count: starts.count)
        for run in starts.indices {
            order[next[component[run]]] = run
            next[component[run]] += 1
        }
        (self.starts, self.ends, self.rowRuns, self.runComponent, self.order, self.firstRun, self.sizes) =
            (starts, ends, rowRuns, component, order, firstRun, sizes)
    }

    /// How many components there are.
    var count: Int { sizes.count }

    /// The first pixel (row after row) of `component`.
    func firstPixel(of component: Int) -> Int {
        starts[order[firstRun[component]]]
    }

    /// The component that holds pixel `index`, or `nil` when the pixel does not hold the value.
    func component(containing index: Int) -> Int? {
        let y = index / width
        // The last run of the row that starts at or before the pixel.
        var low = rowRuns[y], high = rowRuns[y + 1]
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] <= index { low = middle + 1 } else { high = middle }
        }
        guard low > rowRuns[y], index < ends[low - 1] else { return nil }
        return runComponent[low - 1]
    }

    /// Calls `body` with each run of `component` (as pixel indices), in row order.
    func forEachRun(of component: Int, _ body: (Range<Int>) -> Void) {
        for position in firstRun[component] ..< firstRun[component + 1] {
            let run = order[position]
            body(starts[run] ..< ends[run])
        }
    }

    /// The values of `values` (one a pixel) at the pixels of `component`, in row order.
    func values<Value>(of component: Int, in values: [Value]) -> [Value] {
        var gathered: [Value] = []
        gathered.reserveCapacity(sizes[component])
        forEachRun(of: component) { gathered.append(contentsOf: values[$0]) }
        return gathered
    }

    /// Sets the pixels of `component` in `mask` to `value`.
    func fill(_ component: Int, in mask: inout [Bool], with value: Bool) {
        mask.withUnsafeMutableBufferPointer { mask in
            forEachRun(of: component) { run in
                for index in run { mask[index] = value }
            }
        }
    }
}
