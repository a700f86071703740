@testable import AsciiArt

/// Small synthetic pictures with answers that can be worked out by hand.
enum Pictures {
    /// Every pixel the same colour.
    static func uniform(width: Int, height: Int, gray: UInt8, alpha: UInt8 = 255) -> Image {
        Image(width: width, height: height, pixels: Array([[gray, gray, gray, alpha]].joined().map { $0 }).repeated(width * height))
    }

    /// A picture whose pixel colours come from a function.
    static func make(width: Int, height: Int, _ pixel: (_ x: Int, _ y: Int) -> [UInt8]) -> Image {
        var pixels: [UInt8] = []
        for y in 0 ..< height {
            for x in 0 ..< width { pixels += pixel(x, y) }
        }
        return Image(width: width, height: height, pixels: pixels)
    }

    /// A bright square in the middle third of a dark field.
    static func brightSquare(size: Int, field: UInt8 = 0, square: UInt8 = 255) -> Image {
        make(width: size, height: size) { x, y in
            let inside = (size / 3 ..< 2 * size / 3).contains(x) && (size / 3 ..< 2 * size / 3).contains(y)
            let value = inside ? square : field
            return [value, value, value, 255]
        }
    }

    /// A grid of luma values.
    static func luma(_ rows: [[Float]]) -> Grid<Float> {
        Grid(columns: rows[0].count, rows: rows.count, values: rows.flatMap { $0 })
    }
}

extension Array {
    /// The array repeated `count` times.
    func repeated(_ count: Int) -> [Element] {
        (0 ..< count).flatMap { _ in self }
    }
}
