/// Cropping of the blank border around the subject.
public enum Trim {
    /// How many blank rows and columns to keep around the subject.
    public struct Margin: Sendable, Equatable {
        /// Blank rows kept above and below the subject.
        public var rows: Int
        /// Blank columns kept left and right of the subject.
        public var columns: Int

        /// Makes a margin.
        public init(rows: Int, columns: Int) {
            self.rows = rows
            self.columns = columns
        }
    }

    /// The cells to keep: the subject's bounding box grown by `margin`, within the grid.
    ///
    /// A row or column is blank when every cell in it is background. With no mask, or a mask
    /// with no subject at all, the whole grid is kept.
    public static func bounds(of mask: Grid<Bool>?, columns: Int, rows: Int, margin: Margin) -> CellBounds {
        let everything = CellBounds(columns: 0 ..< columns, rows: 0 ..< rows)
        guard let mask else { return everything }
        var top = Int.max, bottom = Int.min, left = Int.max, right = Int.min
        for row in 0 ..< mask.rows {
            for column in 0 ..< mask.columns where !mask[column, row] {
                top = min(top, row); bottom = max(bottom, row)
                left = min(left, column); right = max(right, column)
            }
        }
        guard top <= bottom else { return everything }
        return CellBounds(
            columns: max(0, left - margin.columns) ..< min(columns, right + 1 + margin.columns),
            rows: max(0, top - margin.rows) ..< min(rows, bottom + 1 + margin.rows))
    }
}
