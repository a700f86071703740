import PushinCore

/// Picking a cached art for a terminal, without decoding anything.
public enum RandomArt {
    /// How many pictures of one width are tried for one that fits the terminal's height.
    static let triesPerWidth = 8

    /// A random art that fits: the widest cached width no wider than `columns` with art of at
    /// most `rows` rows when that is given (narrower widths are tried next, being shorter).
    /// `nil` when the cache is empty, missing, or holds nothing that fits.
    /// With `colour`, the art's colour twin is returned instead when it exists.
    public static func pick(
        from layout: CacheLayout, columns: Int, rows: Int?, colour: Bool = false,
        using generator: inout some RandomNumberGenerator
    ) -> [UInt8]? {
        pickFile(from: layout, columns: columns, rows: rows, colour: colour, using: &generator)?.art
    }

    /// `pick`, with the path of the plain art file chosen (whose animation, if it is one,
    /// lies beside it: `CacheLayout.animation(of:colour:)`).
    public static func pickFile(
        from layout: CacheLayout, columns: Int, rows: Int?, colour: Bool = false,
        using generator: inout some RandomNumberGenerator
    ) -> (path: String, art: [UInt8])? {
        for width in layout.cachedWidths() where width <= columns {
            var candidates = layout.artFiles(width: width)
            for _ in 0 ..< min(triesPerWidth, candidates.count) {
                let path = candidates.remove(at: Int.random(in: candidates.indices, using: &generator))
                guard let art = try? FileIO.contents(of: path), !art.isEmpty else { continue }
                let height = art.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
                if rows.map({ height <= $0 }) ?? true { return (path, shown(path, art)) }
            }
        }
        return nil

        /// The art as printed: its colour twin when colour is asked for and the twin exists.
        func shown(_ path: String, _ art: [UInt8]) -> [UInt8] {
            colour ? (try? FileIO.contents(of: CacheLayout.colourTwin(of: path))) ?? art : art
        }
    }
}
