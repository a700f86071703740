/// How many character cells the art spans.
public struct GridSize: Sendable, Equatable {
    /// Cells across.
    public var columns: Int
    /// Cells down.
    public var rows: Int

    /// The most cells pushin draws: 2,000 × 500, about the largest art a wall of screens shows.
    /// Every stage's time and memory grow with the cells; a strip 100 pixels wide and a million
    /// tall asked 400,000 rows at 80 columns and took 107 s and 16 GB before this bound.
    public static let maximumCells = 1_000_000

    /// The cells in the grid.
    public var cellCount: Int { columns * rows }

    /// Makes a size; both counts must be at least one.
    public init(columns: Int, rows: Int) {
        precondition(columns > 0 && rows > 0, "a grid has at least one cell")
        self.columns = columns
        self.rows = rows
    }

    /// The largest grid inside a box of `box.columns` × `box.rows` cells that keeps a picture's
    /// proportions (chafa's `--size`): the box's width, or its height when the picture is the
    /// taller of the two.
    public static func fitting(width: Int, height: Int, inside box: GridSize, cellAspect: Double) -> GridSize {
        let across = fitting(width: width, height: height, columns: box.columns, rows: nil, cellAspect: cellAspect)
        guard across.rows > box.rows else { return across }
        let down = fitting(width: width, height: height, columns: nil, rows: box.rows, cellAspect: cellAspect)
        return GridSize(columns: min(down.columns, box.columns), rows: box.rows)
    }

    /// The grid for a picture, keeping its proportions.
    ///
    /// A terminal cell is about `cellAspect` times as tall as it is wide, so a picture `width`
    /// pixels wide at `columns` cells needs `columns × (height / width) / cellAspect` rows. When only
    /// one of `columns` and `rows` is given the other follows from the proportions; when neither
    /// is, `columns` falls back to `defaultColumns`.
    public static func fitting(
        width: Int, height: Int, columns: Int?, rows: Int?, cellAspect: Double, defaultColumns: Int = 80
    ) -> GridSize {
        let pictureAspect = Double(height) / Double(width) / cellAspect
        switch (columns, rows) {
        case let (columns?, rows?):
            return GridSize(columns: columns, rows: rows)
        case let (nil, rows?):
            return GridSize(columns: count(Double(rows) / pictureAspect), rows: rows)
        case let (columns, nil):
            let across = columns ?? defaultColumns
            return GridSize(columns: across, rows: count(Double(across) * pictureAspect))
        }
    }

    /// A derived count of cells: rounded, at least one, and at most a count an `Int` holds with
    /// room to multiply (an extreme picture's proportions can ask billions).
    private static func count(_ exact: Double) -> Int {
        Int(min(max(exact.rounded(), 1), Double(Int32.max)))
    }
}
