import AsciiArt
import Foundation
import Testing

@testable import ImageDecoding

/// GIF, WebP and APNG decoded by the real giflib, libwebp and libpng, from the fixtures made by
/// Fixtures/make-animation-fixtures.sh, checked against `expected.tsv`: what ImageMagick's own
/// compositing (libwebp's, for animated WebP) shows of the same files.
@Suite struct AnimationDecodingTests {
    /// The facts `expected.tsv` records about one fixture.
    struct Expected {
        var canvas: (width: Int, height: Int) = (0, 0)
        var frames = 0
        var loop = ""
        var tolerance = 0
        var delays: [Int: Int] = [:]  // frame → milliseconds, as browsers show them
        var pixels: [(frame: Int, x: Int, y: Int, rgba: [Int])] = []
        var hostile: String?
        var intactFrames = 0
    }

    static let folder = "Fixtures/animation"

    static func bytes(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: folder))
        return try [UInt8](Data(contentsOf: url))
    }

    static let expected: [String: Expected] = {
        guard let url = Bundle.module.url(forResource: "expected.tsv", withExtension: nil, subdirectory: folder),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [:] }
        var facts: [String: Expected] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t").map(String.init)
            let numbers = fields.dropFirst(2).compactMap { Int($0) }
            var fact = facts[fields[0], default: Expected()]
            switch fields[1] {
            case "canvas": fact.canvas = (numbers[0], numbers[1])
            case "frames": fact.frames = numbers[0]
            case "loop": fact.loop = fields[2]
            case "tolerance": fact.tolerance = numbers[0]
            // Browsers show a GIF delay of 0 or 1 hundredths, and a WebP one of 10 ms or less, as 100 ms.
            case "delay_cs": fact.delays[numbers[0]] = numbers[1] <= 1 ? 100 : numbers[1] * 10
            case "delay_ms": fact.delays[numbers[0]] = numbers[1] <= 10 ? 100 : numbers[1]
            case "pixel": fact.pixels.append((numbers[0], numbers[1], numbers[2], Array(numbers[3 ... 6])))
            case "hostile": fact.hostile = fields[2]
            case "intact_frames": fact.intactFrames = numbers[0]
            default: break
            }
            facts[fields[0]] = fact
        }
        return facts
    }()

    static var pictures: [String] { expected.filter { $0.value.hostile == nil }.keys.sorted() }

    static func options(_ frames: FrameSelection = .all) -> DecodeOptions {
        var options = DecodeOptions()
        options.frames = frames
        return options
    }

    @Test func everyFixtureIsListed() {
        #expect(Self.pictures.count >= 18, "\(Self.pictures)")
        #expect(Self.expected.values.filter { $0.hostile != nil }.count == 5)
    }

    @Test(arguments: pictures)
    func framesMatchTheReferenceCompositing(name: String) throws {
        let facts = try #require(Self.expected[name])
        let decoded = try ImageDecoder.decode(Self.bytes(name), options: Self.options())
        #expect(decoded.frames.count == facts.frames)
        #expect(decoded.isAnimated == (facts.frames > 1))
        for frame in decoded.frames {
            #expect(frame.image.width == facts.canvas.width && frame.image.height == facts.canvas.height)
        }
        for (index, delay) in facts.delays where decoded.frames.count > index && facts.frames > 1 {
            #expect(decoded.frames[index].delay == delay, "frame \(index) of \(name)")
        }
        for spot in facts.pixels where spot.frame < decoded.frames.count {
            let image = decoded.frames[spot.frame].image
            let base = (spot.y * image.width + spot.x) * 4
            var actual = image.pixels[base ..< base + 4].map(Int.init)
            if actual[3] == 0 { actual = [0, 0, 0, 0] }  // a transparent pixel's colour is no one's business
            #expect(zip(actual, spot.rgba).allSatisfy { abs($0 - $1) <= facts.tolerance },
                    "\(name) frame \(spot.frame) at (\(spot.x), \(spot.y)): \(actual) against \(spot.rgba)")
        }
    }

    @Test(arguments: pictures)
    func loopCountIsReadAsBrowsersPlayIt(name: String) throws {
        let facts = try #require(Self.expected[name])
        let decoded = try ImageDecoder.decode(Self.bytes(name), options: Self.options())
        let stored = Int(facts.loop)
        switch (facts.loop, decoded.format) {
        case ("none", _): #expect(decoded.loopCount == 1)
        case ("0", _): #expect(decoded.loopCount == nil, "0 is forever")
        // A NETSCAPE2.0 count is of repeats after the first play; WebP's is of plays.
        case (_, .gif): #expect(decoded.loopCount == stored.map { $0 + 1 })
        default: #expect(decoded.loopCount == stored)
        }
    }

    @Test func aSingleFrameIsCompositedLikeTheSameFrameOfAll() throws {
        for name in ["dispose-previous.gif", "dispose-background.gif", "anim-lossless.webp"] {
            let all = try ImageDecoder.decode(Self.bytes(name), options: Self.options())
            let third = try ImageDecoder.decode(Self.bytes(name), options: Self.options(.single(2)))
            #expect(third.frames.count == 1 && third.isAnimated)
            #expect(third.image == all.frames[2].image, "\(name)")
            let pastTheEnd = try ImageDecoder.decode(Self.bytes(name), options: Self.options(.single(99)))
            #expect(pastTheEnd.image == all.frames.last?.image, "an index past the end gives the last frame")
        }
    }

    @Test func framesAreReducedWhenFewerPixelsAreAskedFor() throws {
        var options = Self.options()
        options.minimumWidth = 16
        let decoded = try ImageDecoder.decode(Self.bytes("dispose-none.gif"), options: options)
        #expect(decoded.frames.count == 4)
        #expect(decoded.frames.allSatisfy { $0.image.width == 16 && $0.image.height == 16 })
        let webp = try ImageDecoder.decode(Self.bytes("still-lossy.webp"), options: options)
        #expect(webp.image.width == 16 && webp.image.height == 8, "libwebp's scaler halves 32 × 16")
    }

    @Test(arguments: ["truncated.gif", "corrupt-lzw.gif", "truncated.webp"])
    func damagedAnimationsAreRefusedUnlessLenient(name: String) throws {
        let facts = try #require(Self.expected[name])
        let bytes = try Self.bytes(name)
        #expect(performing: { try ImageDecoder.decode(bytes, options: Self.options()) }, throws: { error in
            guard case .damaged = error as? DecodeError else { return false }
            return true
        })
        var lenient = Self.options()
        lenient.lenient = true
        let decoded = try ImageDecoder.decode(bytes, options: lenient)
        #expect(decoded.frames.count >= facts.intactFrames, "the frames before the damage are drawn")
        #expect(decoded.warnings.count == 1)
    }

    @Test func hugeCanvasIsRefusedBeforeAllocating() throws {
        #expect(throws: DecodeError.tooLarge(width: 65535, height: 65535, maxPixels: 100_000_000)) {
            try ImageDecoder.decode(Self.bytes("huge-canvas.gif"), options: Self.options())
        }
    }

    @Test func moreFramesThanTheCapAreRefusedOrDrawnUpToIt() throws {
        let bytes = try Self.bytes("too-many-frames.gif")
        #expect(throws: DecodeError.tooManyFrames(maxFrames: 1000)) { try ImageDecoder.decode(bytes, options: Self.options()) }
        var lenient = Self.options()
        lenient.lenient = true
        let decoded = try ImageDecoder.decode(bytes, options: lenient)
        #expect(decoded.frames.count == 1000)
        #expect(decoded.warnings == ["more than 1000 frames: drawing the first 1000"])
        var capped = Self.options()
        capped.maxFrames = 10
        #expect(throws: DecodeError.tooManyFrames(maxFrames: 10)) { try ImageDecoder.decode(bytes, options: capped) }
        // A still needs only its frame: the frames after it are never read.
        #expect(try ImageDecoder.decode(bytes, options: Self.options(.single(0))).frames.count == 1)
    }
}
