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
            forEachCell(in: CellBounds(columns: 0 ..< size.columns, rows: 0 ..< size.rows), body)
        }

        /// `forEachCell` for the cells inside `bounds` only, indexed row after row within them.
        func forEachCell(in bounds: CellBounds, _ body: (Int, Cell) -> Void) {
            image.pixels.withUnsafeBufferPointer { pixels in
                var index = 0
                for rowSpan in rowSpans[bounds.rows] {
                    for columnSpan in columnSpans[bounds.columns] {
                        body(index, average(pixels, imageWidth: image.width, columns: columnSpan, rows: rowSpan))
                        index += 1
                    }
                }
            }
        }

        /// The cell at `index` (row after row) of `areaAverage(image, to: size)`.
        func cell(_ index: Int) -> Cell {
            image.pixels.withUnsafeBufferPointer { pixels in
                average(
                    pixels, imageWidth: image.width,
                    columns: columnSpans[index % size.columns], rows: rowSpans[index / size.columns])
            }
        }
    }

    /// Splits `0 ..< length` into `count` contiguous spans of nearly equal size, none empty.
    static func spans(count: Int, over length: Int) -> [Range<Int>] {
        (0 ..< count).map { index in
            let start = min(index * length / count, length - 1)
            return start ..< max(start + 1, (index + 1) * length / count)
        }
    }

    /// The alpha-weighted mean colour and the mean alpha of one rectangle of pixels.
    ///
    /// Reads `pixels` as RGBA rows of `imageWidth`; sums in wrapping 64-bit integers, which
    /// cannot overflow below 2^40 pixels and let the inner loop vectorise.
    private static func average(
        _ pixels: UnsafeBufferPointer<UInt8>, imageWidth: Int, columns: Range<Int>, rows: Range<Int>
    ) -> Cell {
        var red: UInt64 = 0, green: UInt64 = 0, blue: UInt64 = 0, alpha: UInt64 = 0
        for y in rows {
            var index = (y * imageWidth + columns.lowerBound) * 4
            let end = (y * imageWidth + columns.upperBound) * 4
            while index < end {
                let a = UInt64(pixels[index &+ 3])
                red &+= UInt64(pixels[index]) &* a
                green &+= UInt64(pixels[index &+ 1]) &* a
                blue &+= UInt64(pixels[index &+ 2]) &* a
                alpha &+= a
                index &+= 4
            }
        }
        let area = Float(columns.count * rows.count)
        guard alpha > 0 else { return Cell(red: 0, green: 0, blue: 0, alpha: 0) }
        let weight = Float(alpha)
        return Cell(
            red: Float(red) / weight, green: Float(green) / weight, blue: Float(blue) / weight,
            alpha: weight / (255 * area))
    }
}
