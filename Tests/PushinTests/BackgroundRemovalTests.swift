import AsciiArt
import PushinCore
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Background removal on pictures drawn here, written as PNG files and read back through libpng
/// and the whole `Converter`: holes through the subject, a fill inside an outline, soft shadows
/// and light rims.
@Suite struct BackgroundRemovalTests {
    static let side = 320
    static let size = GridSize(columns: 40, rows: 20)

    /// A picture `side` × `side` drawn by `colour`, through a PNG file and `Converter`; its
    /// background mask (`true` = background) at `size`.
    static func mask(_ colour: @escaping (Double, Double) -> [Double]) throws -> Grid<Bool> {
        let png = PNGFile(width: side, height: side, colourType: .rgb, bitDepth: 8) { x, y in
            colour(Double(x) + 0.5, Double(y) + 0.5).map { Int(min(max($0, 0), 255).rounded()) }
        }
        var options = ConversionOptions()
        options.art.columns = size.columns
        options.art.rows = size.rows
        options.art.margin = nil
        return try #require(Converter.convert(png.encoded(), options: options).art.fullMask)
    }

    /// The cells whose centres `inside` holds.
    static func cells(where inside: (Double, Double) -> Bool) -> Grid<Bool> {
        var cells = Grid(columns: size.columns, rows: size.rows, repeating: false)
        for row in 0 ..< size.rows {
            for column in 0 ..< size.columns {
                cells[column, row] = inside(
                    (Double(column) + 0.5) * Double(side) / Double(size.columns),
                    (Double(row) + 0.5) * Double(side) / Double(size.rows))
            }
        }
        return cells
    }

    /// Intersection over union of the subject cells (`false` in the mask) with `truth`.
    static func iou(_ mask: Grid<Bool>, _ truth: Grid<Bool>) -> Double {
        let pairs = zip(mask.values.map { !$0 }, truth.values)
        return Double(pairs.filter { $0 && $1 }.count) / Double(max(pairs.filter { $0 || $1 }.count, 1))
    }

    static func distance(_ x: Double, _ y: Double, from centre: (x: Double, y: Double)) -> Double {
        ((x - centre.x) * (x - centre.x) + (y - centre.y) * (y - centre.y)).squareRoot()
    }

    /// A gear: a ring with twelve teeth round it, and a hole through its middle.
    static func gear(_ x: Double, _ y: Double) -> Bool {
        let radius = distance(x, y, from: (160, 160))
        let tooth = cos(12 * atan2(y - 160, x - 160)) > 0
        return radius >= 45 && (radius <= 105 || radius <= 125 && tooth)
    }

    /// A pseudo-random value in 0..<1 for a pixel (SplitMix64's finaliser of its position): the
    /// grain of a textured background.
    static func grain(_ x: Double, _ y: Double) -> Double {
        var z = (UInt64(y) &* UInt64(side) &+ UInt64(x)) &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }

    /// On grey, on two colours, and on a textured background (grain of ±60 a channel; holes
    /// were once looked for on flat backgrounds only).
    @Test(arguments: [([128.0, 128, 128], 0.0), ([60.0, 110, 170], 0.0), ([200.0, 160, 90], 0.0), ([150.0, 130, 110], 120.0)])
    func gearHoleIsBackground(background: [Double], grain: Double) throws {
        let mask = try Self.mask { x, y in
            Self.gear(x, y) ? [150, 40, 40] : background.map { $0 + grain * (Self.grain(x, y) - 0.5) }
        }
        let hole = Self.cells { x, y in Self.distance(x, y, from: (160, 160)) < 35 }
        #expect(hole.values.filter { $0 }.count >= 4)
        #expect(zip(hole.values, mask.values).allSatisfy { !$0 || $1 }, "every cell of the hole is background")
        #expect(Self.iou(mask, Self.cells(where: Self.gear)) >= 0.9)
    }

    /// A shape filled with the background's own colour inside a dark outline, on white and on
    /// grey: the fill is the shape's, although it matches the background exactly.
    @Test(arguments: [[255.0, 255, 255], [128, 128, 128]])
    func fillInsideAnOutlineStaysSubject(background: [Double]) throws {
        let outline = { (x: Double, y: Double) in abs(x - 160) <= 100 && abs(y - 160) <= 100 }
        let fill = { (x: Double, y: Double) in abs(x - 160) <= 92 && abs(y - 160) <= 92 }
        let mask = try Self.mask { x, y in !fill(x, y) && outline(x, y) ? [40, 40, 40] : background }
        #expect(Self.iou(mask, Self.cells(where: outline)) >= 0.95)
    }

    /// A soft shadow round a square, darkest at its edge and fading out over 24 pixels, as
    /// icons draw them: the shadow is background, on white and on a colour (where it darkens
    /// that colour).
    @Test(arguments: [[255.0, 255, 255], [90, 160, 210]])
    func softShadowIsBackground(background: [Double]) throws {
        let square = { (x: Double, y: Double) in abs(x - 150) <= 80 && abs(y - 150) <= 80 }
        func shadow(_ x: Double, _ y: Double) -> Double {
            let dx = max(abs(x - 150) - 80, 0), dy = max(abs(y - 150) - 80, 0)
            return 0.45 * max(0, 1 - (dx * dx + dy * dy).squareRoot() / 24)
        }
        let mask = try Self.mask { x, y in
            square(x, y) ? [50, 120, 60] : background.map { $0 * (1 - shadow(x, y)) }
        }
        let shadowCells = Self.cells { x, y in !square(x, y) && shadow(x, y) > 0.1 }
        let taken = zip(shadowCells.values, mask.values).filter { $0 && $1 }.count
        #expect(taken * 10 >= shadowCells.values.filter { $0 }.count * 9, "at least 90 % of the shadow's cells are background")
        #expect(Self.iou(mask, Self.cells(where: square)) >= 0.95)
    }

    /// A textured background: grain of ±30 a channel and soft dark mottles (one on the border),
    /// with a blue disc; and, when asked, a red square apart from it.
    static func mottledScene(withSquare: Bool) -> (Double, Double) -> [Double] {
        let mottles: [(x: Double, y: Double)] = [(60, 60), (260, 70), (250, 260), (160, 318)]
        return { x, y in
            if Self.distance(x, y, from: (170, 160)) <= 70 { return [40, 70, 190] }
            if withSquare && abs(x - 60) <= 20 && abs(y - 250) <= 20 { return [200, 40, 40] }
            let shade = mottles.map { centre in
                let d = Self.distance(x, y, from: centre)
                return 35 * exp(-d * d / (2 * 16 * 16))
            }.reduce(0, +)
            let grain = 60 * (Self.grain(x, y) - 0.5)
            return [190, 180, 160].map { $0 - shade + grain }
        }
    }

    /// The texture's mottles, darker than the flood lets through yet no further from the
    /// background than its border strays, go with the background; a square of another colour
    /// apart from the subject stays.
    @Test func mottlesOfATextureGoAndASeparateObjectStays() throws {
        let disc = { (x: Double, y: Double) in Self.distance(x, y, from: (170, 160)) <= 70 }
        let square = { (x: Double, y: Double) in abs(x - 60) <= 20 && abs(y - 250) <= 20 }
        let mottled = try Self.mask(Self.mottledScene(withSquare: false))
        #expect(Self.iou(mottled, Self.cells(where: disc)) >= 0.95)
        let withSquare = try Self.mask(Self.mottledScene(withSquare: true))
        #expect(Self.iou(withSquare, Self.cells { disc($0, $1) || square($0, $1) }) >= 0.95)
    }

    /// A light grey subject on white, its edge softened over a few pixels: the rim is one step
    /// down into the subject's own colour, not a shadow, and stays subject.
    @Test func lightRimStaysSubject() throws {
        let disc = { (x: Double, y: Double) in Self.distance(x, y, from: (160, 160)) <= 110 }
        let mask = try Self.mask { x, y in
            let inside = min(max((110 - Self.distance(x, y, from: (160, 160))) / 4 + 0.5, 0), 1)
            return [Double](repeating: 255 - 40 * inside, count: 3)
        }
        #expect(Self.iou(mask, Self.cells(where: disc)) >= 0.95)
    }

    /// A light square on white with a crisp edge, its own shading darkening from the edge
    /// inwards over most of it (a pedestal's top): the shading is a ramp that goes on into more
    /// of itself, not a shadow, and stays subject.
    @Test func shadingThatGoesOnIntoTheSubjectStaysSubject() throws {
        let square = { (x: Double, y: Double) in abs(x - 160) <= 100 && abs(y - 160) <= 100 }
        let mask = try Self.mask { x, y in
            let depth = 100 - max(abs(x - 160), abs(y - 160))
            return [Double](repeating: square(x, y) ? 245 - 0.8 * min(depth, 100) : 255, count: 3)
        }
        #expect(Self.iou(mask, Self.cells(where: square)) >= 0.95)
    }

    /// A white page on white, drawn with a soft grey outline that darkens inwards over a few
    /// pixels: the page beyond it is lighter again, which no shadow does, and stays whole.
    @Test func outlinedWhitePageStaysSubject() throws {
        let page = { (x: Double, y: Double) in abs(x - 160) <= 104 && abs(y - 160) <= 128 }
        let mask = try Self.mask { x, y in
            let depth = min(104 - abs(x - 160), 128 - abs(y - 160))
            return [Double](repeating: depth < 0 ? 255 : depth < 3 ? 238 - 6 * depth.rounded(.down) : 248, count: 3)
        }
        #expect(Self.iou(mask, Self.cells(where: page)) >= 0.95)
    }
}
