#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What the CLI learns about the terminal it writes to.
enum Terminal {
    /// True when standard output is a terminal.
    static var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// The width to draw at when the user gave none: the terminal's when standard output is
    /// one, else `$COLUMNS`, else 80.
    static func defaultColumns(environment: [String: String]) -> Int {
        if outputIsTerminal, let size = windowSize(), size.columns > 0 { return size.columns }
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 80
    }

    /// The terminal's height in rows: the terminal's when standard output is one, else
    /// `$LINES`; `nil` when neither says.
    static func rows(environment: [String: String]) -> Int? {
        if outputIsTerminal, let size = windowSize(), size.rows > 0 { return size.rows }
        if let rows = environment["LINES"].flatMap(Int.init), rows > 0 { return rows }
        return nil
    }

    /// The terminal's size in cells, from TIOCGWINSZ on standard output.
    static func windowSize() -> (columns: Int, rows: Int)? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 else { return nil }
        return (Int(size.ws_col), Int(size.ws_row))
    }
}
