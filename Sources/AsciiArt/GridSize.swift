/// How many character cells the art spans.
public struct GridSize: Sendable, Equatable {
    /// Cells across.
    public var columns: Int
    /// Cells down.
    public var rows: Int

    /// Makes a size; both counts must be at least one.
    public init(columns: Int, rows: Int) {
        precondition(columns > 0 && rows > 0, "a grid has at least one cell")
        self.columns = columns
        self.rows = rows
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
            return GridSize(columns: max(1, Int((Double(rows) / pictureAspect).rounded())), rows: rows)
        case let (columns, nil):
            let across = columns ?? defaultColumns
            return GridSize(columns: across, rows: max(1, Int((Double(across) * pictureAspect).rounded())))
        }
    }
}
