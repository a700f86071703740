import AsciiArt
import Foundation
import Testing

@testable import ImageDecoding

/// JPEG kinds decoded by the real libjpeg, from the fixtures made by Fixtures/make-fixtures.sh:
/// each is red on the left half and blue on the right (grayscale: black | white).
@Suite struct JPEGDecodingTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
        return try [UInt8](Data(contentsOf: url))
    }

    static func pixel(_ image: Image, _ x: Int, _ y: Int) -> [Int] {
        let base = (y * image.width + x) * 4
        return image.pixels[base ..< base + 4].map(Int.init)
    }

    /// True when `actual` is within `tolerance` of `expected` in every channel.
    static func close(_ actual: [Int], _ expected: [Int], tolerance: Int = 40) -> Bool {
        zip(actual, expected).allSatisfy { abs($0 - $1) <= tolerance }
    }

    static func expectRedThenBlue(_ image: Image) {
        let quarter = image.width / 4, middle = image.height / 2
        #expect(close(pixel(image, quarter, middle), [255, 0, 0, 255]), "left is red: \(pixel(image, quarter, middle))")
        #expect(close(pixel(image, 3 * quarter, middle), [0, 0, 255, 255]), "right is blue: \(pixel(image, 3 * quarter, middle))")
    }

    @Test(arguments: ["baseline.jpg", "progressive.jpg", "cmyk.jpg"])
    func colourKinds(name: String) throws {
        var options = DecodeOptions()
        options.minimumWidth = 64
        let decoded = try ImageDecoder.decode(Self.fixture(name), options: options)
        #expect(decoded.format == .jpeg)
        #expect(decoded.image.width == 64 && decoded.image.height == 32)
        Self.expectRedThenBlue(decoded.image)
    }

    @Test func grayscale() throws {
        var options = DecodeOptions()
        options.minimumWidth = 64
        let image = try ImageDecoder.decode(Self.fixture("grayscale.jpg"), options: options).image
        #expect(Self.close(Self.pixel(image, 16, 16), [0, 0, 0, 255], tolerance: 8))
        #expect(Self.close(Self.pixel(image, 48, 16), [255, 255, 255, 255], tolerance: 8))
    }

    /// The coarsest DCT scale that still gives the requested pixels: 512 wide → 64, 128, 256, 512.
    @Test(arguments: [(0, 64), (64, 64), (65, 128), (128, 128), (200, 256), (257, 512), (512, 512)])
    func scaleFollowsTheHint(minimumWidth: Int, expectedWidth: Int) throws {
        for name in ["large-baseline.jpg", "large-progressive.jpg"] {
            var options = DecodeOptions()
            options.minimumWidth = minimumWidth
            let image = try ImageDecoder.decode(Self.fixture(name), options: options).image
            #expect(image.width == expectedWidth, "\(name)")
            #expect(image.height == expectedWidth / 2, "\(name)")
            Self.expectRedThenBlue(image)
        }
    }

    @Test func heightHintAlsoCounts() throws {
        var options = DecodeOptions()
        options.minimumHeight = 100
        #expect(try ImageDecoder.decode(Self.fixture("large-baseline.jpg"), options: options).image.height == 128)
    }

    @Test(arguments: [0, 512])
    func truncatedFileIsDamagedUnlessLenient(minimumWidth: Int) throws {
        var options = DecodeOptions()
        options.minimumWidth = minimumWidth  // 0 decodes only the DC scans, 512 everything
        let bytes = try Self.fixture("truncated.jpg")
        let error = #expect(throws: DecodeError.self) { try ImageDecoder.decode(bytes, options: options) }
        guard case .damaged(.jpeg, let reason)? = error else {
            Issue.record("expected a damaged JPEG, got \(String(describing: error))")
            return
        }
        #expect(reason.localizedCaseInsensitiveContains("premature end"))
        options.lenient = true
        let decoded = try ImageDecoder.decode(bytes, options: options)
        #expect(decoded.warnings.count == 1)
        #expect(decoded.image.width == max(64, minimumWidth))
    }

    @Test func corruptEntropyDataIsRefused() throws {
        var bytes = try Self.fixture("baseline.jpg")
        for index in stride(from: bytes.count - 200, to: bytes.count - 20, by: 7) { bytes[index] = 0xA5 }
        #expect(throws: DecodeError.self) { try ImageDecoder.decode(bytes) }
    }

    @Test func headerDeclaringFourGigapixelsIsRefusedBeforeDecoding() throws {
        var bytes = try Self.fixture("baseline.jpg")
        // Find the SOF0 marker and claim 65000 × 65000 pixels.
        let sof = try #require((0 ..< bytes.count - 9).first { bytes[$0] == 0xFF && bytes[$0 + 1] == 0xC0 })
        bytes.replaceSubrange(sof + 5 ..< sof + 9, with: [0xFD, 0xE8, 0xFD, 0xE8])
        #expect(throws: DecodeError.tooLarge(width: 65_000, height: 65_000, maxPixels: 100_000_000)) {
            try ImageDecoder.decode(bytes)
        }
    }

    @Test func outputIsKeptUnderTwentyFourMegapixels() throws {
        var bytes = try Self.fixture("baseline.jpg")
        // Claim 6000 × 5000 (30 megapixels): asked for every pixel, it comes at half scale (the
        // data runs out early, so only a lenient decode finishes).
        let sof = try #require((0 ..< bytes.count - 9).first { bytes[$0] == 0xFF && bytes[$0 + 1] == 0xC0 })
        bytes.replaceSubrange(sof + 5 ..< sof + 9, with: [0x13, 0x88, 0x17, 0x70])
        var options = DecodeOptions()
        options.lenient = true
        options.minimumWidth = 6000
        let image = try ImageDecoder.decode(bytes, options: options).image
        #expect(image.width == 3000 && image.height == 2500)
    }

    @Test func headerOnlyIsCorrupt() throws {
        let bytes = Array(try Self.fixture("baseline.jpg").prefix(20))
        #expect(throws: DecodeError.self) { try ImageDecoder.decode(bytes) }
    }
}
