import AsciiArt
import Foundation
import Testing
import TestSupport

@testable import ImageDecoding

/// Every PNG colour type and bit depth, made by `PNGFile` and decoded by the real libpng.
@Suite struct PNGDecodingTests {
    static let width = 13, height = 7

    /// A gray or palette index that differs from pixel to pixel and covers every level.
    static func level(_ x: Int, _ y: Int, depth: Int) -> Int { (x * 5 + y * 3) % (1 << depth) }

    /// An 8-bit sample from one at `depth` bits, as libpng scales it.
    static func eightBit(_ value: Int, depth: Int) -> Int {
        depth == 16 ? (value * 255 + 32_895) >> 16 : value * 255 / ((1 << depth) - 1)
    }

    static func pixel(_ image: Image, _ x: Int, _ y: Int) -> [Int] {
        let base = (y * image.width + x) * 4
        return image.pixels[base ..< base + 4].map(Int.init)
    }

    static func decode(_ file: PNGFile) throws -> Image {
        try ImageDecoder.decode(file.encoded()).image
    }

    static func expectClose(_ actual: [Int], _ expected: [Int], tolerance: Int = 1, _ where_: String) {
        #expect(zip(actual, expected).allSatisfy { abs($0 - $1) <= tolerance }, "\(where_): \(actual) ≠ \(expected)")
    }

    @Test(arguments: [1, 2, 4, 8, 16], [false, true])
    func gray(depth: Int, interlaced: Bool) throws {
        let file = PNGFile(width: Self.width, height: Self.height, colourType: .gray, bitDepth: depth,
                           interlaced: interlaced) { x, y in [Self.level(x, y, depth: depth)] }
        let image = try Self.decode(file)
        #expect(image.width == Self.width && image.height == Self.height)
        for y in 0 ..< Self.height {
            for x in 0 ..< Self.width {
                let gray = Self.eightBit(Self.level(x, y, depth: depth), depth: depth)
                Self.expectClose(Self.pixel(image, x, y), [gray, gray, gray, 255], "(\(x), \(y))")
            }
        }
    }

    @Test(arguments: [8, 16])
    func grayAlpha(depth: Int) throws {
        let top = (1 << depth) - 1
        let file = PNGFile(width: Self.width, height: Self.height, colourType: .grayAlpha, bitDepth: depth) { x, y in
            [Self.level(x, y, depth: depth), x == 0 ? 0 : top]
        }
        let image = try Self.decode(file)
        for y in 0 ..< Self.height {
            #expect(Self.pixel(image, 0, y)[3] == 0, "the transparent column stays transparent")
            let gray = Self.eightBit(Self.level(5, y, depth: depth), depth: depth)
            Self.expectClose(Self.pixel(image, 5, y), [gray, gray, gray, 255], "(5, \(y))")
        }
    }

    @Test(arguments: [PNGFile.ColourType.rgb, .rgba], [8, 16])
    func colour(type: PNGFile.ColourType, depth: Int) throws {
        let top = (1 << depth) - 1
        func samples(_ x: Int, _ y: Int) -> [Int] {
            let colour = [x * top / (Self.width - 1), y * top / (Self.height - 1), top - x * top / (Self.width - 1)]
            return type == .rgba ? colour + [(x + y) % 2 == 0 ? top : top / 2] : colour
        }
        let file = PNGFile(width: Self.width, height: Self.height, colourType: type, bitDepth: depth,
                           interlaced: depth == 16, samples: samples)
        let image = try Self.decode(file)
        for y in 0 ..< Self.height {
            for x in 0 ..< Self.width {
                var expected = samples(x, y).map { Self.eightBit($0, depth: depth) }
                if type == .rgb { expected.append(255) }
                Self.expectClose(Self.pixel(image, x, y), expected, tolerance: 2, "(\(x), \(y))")
            }
        }
    }

    @Test(arguments: [1, 2, 4, 8], [false, true])
    func palette(depth: Int, withTransparency: Bool) throws {
        let entries = 1 << depth
        let colours = (0 ..< entries).map { [UInt8($0 * 255 / (entries - 1)), UInt8(255 - $0 * 255 / (entries - 1)), 77] }
        let alphas = (0 ..< entries).map { UInt8($0 % 2 == 0 ? 255 : 0) }
        let file = PNGFile(width: Self.width, height: Self.height, colourType: .palette, bitDepth: depth,
                           interlaced: depth == 4, palette: colours, transparency: withTransparency ? alphas : nil) { x, y in
            [Self.level(x, y, depth: depth)]
        }
        let image = try Self.decode(file)
        for y in 0 ..< Self.height {
            for x in 0 ..< Self.width {
                let index = Self.level(x, y, depth: depth)
                let alpha = withTransparency ? Int(alphas[index]) : 255
                let actual = Self.pixel(image, x, y)
                #expect(actual[3] == alpha, "alpha at (\(x), \(y))")
                if alpha == 255 {
                    Self.expectClose(actual, colours[index].map(Int.init) + [255], tolerance: 0, "(\(x), \(y))")
                }
            }
        }
    }

    /// Asked for 64 pixels across, a 515-pixel-wide file is averaged in 8 × 8 blocks as it is
    /// read: 65 × 33 pixels, the last column and row from the 3 and 4 pixels left over.
    @Test(arguments: [PNGFile.ColourType.rgb, .rgba], [false, true])
    func largePicturesAreAveragedWhileReading(type: PNGFile.ColourType, interlaced: Bool) throws {
        let file = PNGFile(width: 515, height: 260, colourType: type, bitDepth: 8, interlaced: interlaced) { x, y in
            // RGBA: odd rows are transparent green, which must not tint the average.
            if type == .rgba && y % 2 == 1 { return [0, 255, 0, 0] }
            let colour = x < 256 ? [255, 0, 0] : [0, 0, 255]
            return type == .rgba ? colour + [255] : colour
        }
        var options = DecodeOptions()
        options.minimumWidth = 64
        let image = try ImageDecoder.decode(file.encoded(), options: options).image
        #expect(image.width == 65 && image.height == 33)
        let alpha = type == .rgba ? 128 : 255
        Self.expectClose(Self.pixel(image, 3, 5), [255, 0, 0, alpha], "a red block")
        Self.expectClose(Self.pixel(image, 64, 32), [0, 0, 255, alpha], "the leftover corner block")
        // Block 31 spans x 248..<256 (red), block 32 spans 256..<264 (blue).
        Self.expectClose(Self.pixel(image, 31, 10), [255, 0, 0, alpha], "last red block")
        Self.expectClose(Self.pixel(image, 32, 10), [0, 0, 255, alpha], "first blue block")
    }

    /// Reduced while reading, every output pixel is exactly the rounded alpha-weighted mean of
    /// its block, leftover blocks included (203 × 77 reduced by 5: the last column averages 3
    /// pixels, the last row 2), whether the rows go through the RGB band sums or the RGBA path.
    @Test(arguments: [PNGFile.ColourType.gray, .rgb, .rgba])
    func reducedPixelsAreTheExactBlockMeans(type: PNGFile.ColourType) throws {
        let width = 203, height = 77, reduction = 5
        func sample(_ x: Int, _ y: Int, _ channel: Int) -> Int { ((x * 7_919 + y * 104_729 + channel * 31) &* 2_654_435_761 >> 16) & 255 }
        func colour(_ x: Int, _ y: Int) -> [Int] {
            switch type {
            case .gray: return [sample(x, y, 0), sample(x, y, 0), sample(x, y, 0), 255]
            case .rgba: return [sample(x, y, 0), sample(x, y, 1), sample(x, y, 2), y % 3 == 0 ? 0 : sample(x, y, 3)]
            default: return [sample(x, y, 0), sample(x, y, 1), sample(x, y, 2), 255]
            }
        }
        let file = PNGFile(width: width, height: height, colourType: type, bitDepth: 8) { x, y in
            Array(colour(x, y).prefix(type.channels))
        }
        var options = DecodeOptions()
        options.minimumWidth = 40
        let image = try ImageDecoder.decode(file.encoded(), options: options).image
        #expect(image.width == 41 && image.height == 16)
        for row in 0 ..< image.height {
            for column in 0 ..< image.width {
                let xs = column * reduction ..< min(width, (column + 1) * reduction)
                let ys = row * reduction ..< min(height, (row + 1) * reduction)
                var sums = [0, 0, 0], alpha = 0
                for y in ys {
                    for x in xs {
                        let pixel = colour(x, y)
                        for channel in 0 ..< 3 { sums[channel] += pixel[channel] * pixel[3] }
                        alpha += pixel[3]
                    }
                }
                let area = xs.count * ys.count
                let expected = sums.map { alpha > 0 ? ($0 + alpha / 2) / alpha : 0 } + [(alpha + area / 2) / area]
                #expect(Self.pixel(image, column, row) == expected, "\(type) (\(column), \(row))")
            }
        }
    }

    @Test func headerDeclaringTenGigapixelsIsRefusedBeforeDecoding() {
        let file = PNGFile(width: 100_000, height: 100_000, colourType: .gray, bitDepth: 8) { _, _ in [0] }
        // Only the header matters: the budget is checked before any pixel is read.
        let bytes = file.encodedHeaderOnly()
        #expect(throws: DecodeError.tooLarge(width: 100_000, height: 100_000, maxPixels: 100_000_000)) {
            try ImageDecoder.decode(bytes)
        }
    }

    @Test func maxPixelsIsHonoured() throws {
        let file = PNGFile(width: 20, height: 10, colourType: .gray, bitDepth: 8) { _, _ in [1] }
        var options = DecodeOptions()
        options.maxPixels = 199
        #expect(throws: DecodeError.tooLarge(width: 20, height: 10, maxPixels: 199)) {
            try ImageDecoder.decode(file.encoded(), options: options)
        }
        options.maxPixels = 200
        #expect(try ImageDecoder.decode(file.encoded(), options: options).image.width == 20)
    }

    /// The hostile strip 639 × 156,000: 320 samples across leave no whole reduction but 1, yet
    /// the output is kept under 24 megapixels (reduced by 3, not 99.7 megapixels of RGBA).
    @Test func extremeProportionsAreReducedUnderTwentyFourMegapixels() throws {
        let url = Pushin.packageRoot.appendingPathComponent("Tests/Fixtures/hostile/png-strip-639x156000-good.png")
        var options = DecodeOptions()
        options.minimumWidth = 320
        let image = try ImageDecoder.decode([UInt8](Data(contentsOf: url)), options: options).image
        #expect(image.width == 213 && image.height == 52_000)
    }

    @Test func truncatedFileIsCorrupt() {
        let bytes = PNGFile(width: 64, height: 64, colourType: .rgb, bitDepth: 8) { x, y in [x, y, 0] }.encoded()
        let error = #expect(throws: DecodeError.self) { try ImageDecoder.decode(Array(bytes.prefix(bytes.count / 2))) }
        guard case .corrupt(.png, let reason)? = error else {
            Issue.record("expected a corrupt PNG, got \(String(describing: error))")
            return
        }
        #expect(!reason.isEmpty)
    }

    @Test func damagedImageDataIsCorrupt() {
        var bytes = PNGFile(width: 16, height: 16, colourType: .rgb, bitDepth: 8) { x, y in [x, y, 0] }.encoded()
        bytes[bytes.count - 30] ^= 0xFF  // inside IDAT: the CRC no longer matches
        #expect(throws: DecodeError.self) { try ImageDecoder.decode(bytes) }
    }
}
