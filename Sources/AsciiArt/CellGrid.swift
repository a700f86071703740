/// One character cell's share of the picture: its average colour and how opaque it is.
public struct Cell: Sendable, Equatable {
    /// Average red, green and blue in 0...255, weighted by alpha (transparent pixels add no colour).
    public var red, green, blue: Float
    /// Average opacity in 0...1.
    public var alpha: Float

    /// Makes a cell from its colour and opacity.
    public init(red: Float, green: Float, blue: Float, alpha: Float = 1) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }
}

/// A rectangular grid of values, row after row; the shape shared by every pipeline stage.
public struct Grid<Element: Sendable>: Sendable {
    /// Number of cells across.
    public let columns: Int
    /// Number of cells down.
    public let rows: Int
    /// `columns * rows` values, row after row.
    public var values: [Element]

    /// Wraps values laid out row after row; the count must be `columns * rows`.
    public init(columns: Int, rows: Int, values: [Element]) {
        precondition(values.count == columns * rows, "a grid needs columns × rows values")
        self.columns = columns
        self.rows = rows
        self.values = values
    }

    /// A grid whose every cell holds `value`.
    public init(columns: Int, rows: Int, repeating value: Element) {
        self.init(columns: columns, rows: rows, values: Array(repeating: value, count: columns * rows))
    }

    /// The value at a column and row.
    public subscript(column: Int, row: Int) -> Element {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    /// The same grid with each value transformed.
    public func map<Other>(_ transform: (Element) throws -> Other) rethrows -> Grid<Other> {
        Grid<Other>(columns: columns, rows: rows, values: try values.map(transform))
    }

    /// The values inside `bounds`, as a grid of their own.
    public func cropped(to bounds: CellBounds) -> Grid {
        var kept: [Element] = []
        kept.reserveCapacity(bounds.columns.count * bounds.rows.count)
        for row in bounds.rows {
            kept.append(contentsOf: values[row * columns + bounds.columns.lowerBound ..< row * columns + bounds.columns.upperBound])
        }
        return Grid(columns: bounds.columns.count, rows: bounds.rows.count, values: kept)
    }
}

extension Grid: Equatable where Element: Equatable {}

/// A rectangle of cells: the columns and rows a trimmed art keeps.
public struct CellBounds: Sendable, Equatable {
    /// The kept columns.
    public var columns: Range<Int>
    /// The kept rows.
    public var rows: Range<Int>

    /// Makes bounds from column and row ranges.
    public init(columns: Range<Int>, rows: Range<Int>) {
        self.columns = columns
        self.rows = rows
    }
}
