/// Area-average resampling of a picture onto the character grid.
public enum Resize {
    /// Averages the pixels that fall in each cell.
    ///
    /// Cell `c` covers pixel columns `c·width/columns ..< (c+1)·width/columns` (and likewise for
    /// rows), so when shrinking every pixel counts exactly once; when enlarging, a cell takes the
    /// one pixel under it. Colour is averaged weighted by alpha, so the colour of a transparent
    /// pixel never leaks into its cell.
    public static func areaAverage(_ image: Image, to size: GridSize) -> Grid<Cell> {
        var cells: [Cell] = []
        cells.reserveCapacity(size.columns * size.rows)
        AreaSampler(image, size: size).forEachCell { _, cell in cells.append(cell) }
        return Grid(columns: size.columns, rows: size.rows, values: cells)
    }

    /// `areaAverage` one cell at a time, for stages that need only some cells, or that turn
    /// each cell into something else at once rather than keep a grid of them.
    struct AreaSampler {
        let image: Image
        let size: GridSize
        private let columnSpans: [Range<Int>], rowSpans: [Range<Int>]

        init(_ image: Image, size: GridSize) {
            self.image = image
            self.size = size
            columnSpans = spans(count: size.columns, over: image.width)
            rowSpans = spans(count: size.rows, over: image.height)
        }

        /// Calls `body` with each index (row after row) and cell of `areaAverage(image, to: size)`.
        func forEachCell(_ body: (Int, Cell) -> Void) {
            forEachSum { index, sum in body(index, sum.cell) }
        }

        /// `forEachCell` for the cells inside `bounds` only, indexed row after row within them.
        func forEachCell(in bounds: CellBounds, _ body: (Int, Cell) -> Void) {
            forEachSum(in: bounds) { index, sum in body(index, sum.cell) }
        }

        /// Calls `body` with each index (row after row) and pixel sum of the cells, whose
        /// `cell` is the cell of `areaAverage(image, to: size)`.
        @inline(__always)
        func forEachSum(_ body: (Int, PixelSum) -> Void) {
            forEachSum(in: CellBounds(columns: 0 ..< size.columns, rows: 0 ..< size.rows), body)
        }

        /// `forEachSum` for the cells inside `bounds` only, indexed row after row within them.
        @inline(__always)
        func forEachSum(in bounds: CellBounds, _ body: (Int, PixelSum) -> Void) {
            image.pixels.withUnsafeBufferPointer { pixels in
                var index = 0
                for rowSpan in rowSpans[bounds.rows] {
                    for columnSpan in columnSpans[bounds.columns] {
                        body(index, sum(pixels, imageWidth: image.width, columns: columnSpan, rows: rowSpan))
                        index += 1
                    }
                }
            }
        }

        /// The cell at `index` (row after row) of `areaAverage(image, to: size)`.
        func cell(_ index: Int) -> Cell {
            image.pixels.withUnsafeBufferPointer { pixels in
                sum(pixels, imageWidth: image.width, columns: columnSpans[index % size.columns], rows: rowSpans[index / size.columns])
                    .cell
            }
        }

        /// Whether some cell covers `area` pixels, for each area up to `maximum`: for work
        /// prepared per area.
        func hasCells(ofAreaUpTo maximum: Int) -> [Bool] {
            func lengths(_ spans: [Range<Int>]) -> [Bool] {
                var present = [Bool](repeating: false, count: maximum + 1)
                for span in spans where span.count <= maximum { present[span.count] = true }
                return present
            }
            let widths = lengths(columnSpans), heights = lengths(rowSpans)
            var areas = [Bool](repeating: false, count: maximum + 1)
            for width in stride(from: 1, through: maximum, by: 1) where widths[width] {
                for height in 1 ... maximum / width where heights[height] { areas[width * height] = true }
            }
            return areas
        }
    }

    /// Splits `0 ..< length` into `count` contiguous spans of nearly equal size, none empty.
    static func spans(count: Int, over length: Int) -> [Range<Int>] {
        (0 ..< count).map { index in
            let start = min(index * length / count, length - 1)
            return start ..< max(start + 1, (index + 1) * length / count)
        }
    }

    /// The integer sums of one rectangle of pixels: red, green and blue each weighted by alpha,
    /// and alpha, with the rectangle's area. Sums are exact, whatever order they are added in.
    struct PixelSum {
        var red = 0, green = 0, blue = 0, alpha = 0
        /// Pixels in the rectangle.
        var area = 0

        /// The alpha-weighted mean colour and the mean alpha.
        var cell: Cell {
            guard alpha > 0 else { return Cell(red: 0, green: 0, blue: 0, alpha: 0) }
            let weight = Float(alpha)
            return Cell(
                red: Float(red) / weight, green: Float(green) / weight, blue: Float(blue) / weight,
                alpha: weight / (255 * Float(area)))
        }
    }

    /// The sums of one rectangle of pixels.
    ///
    /// Reads `pixels` as RGBA rows of `imageWidth`; sums in wrapping 64-bit integers, which
    /// cannot overflow below 2^47 pixels and let the inner loop vectorise, and computes every
    /// offset wrapping too: the checks cost more than the sums of a cell of a few pixels.
    private static func sum(
        _ pixels: UnsafeBufferPointer<UInt8>, imageWidth: Int, columns: Range<Int>, rows: Range<Int>
    ) -> PixelSum {
        var red = 0, green = 0, blue = 0, alpha = 0
        let rowBytes = imageWidth &* 4, width = columns.count &* 4
        var start = rows.lowerBound &* rowBytes &+ columns.lowerBound &* 4
        for _ in rows {
            var index = start
            let end = start &+ width
            while index < end {
                let a = Int(pixels[index &+ 3])
                red &+= Int(pixels[index]) &* a
                green &+= Int(pixels[index &+ 1]) &* a
                blue &+= Int(pixels[index &+ 2]) &* a
                alpha &+= a
                index &+= 4
            }
            start &+= rowBytes
        }
        return PixelSum(red: red, green: green, blue: blue, alpha: alpha, area: columns.count &* rows.count)
    }
}
