import AsciiArt
import Foundation
import Testing
import TestSupport

@testable import ImageDecoding

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// PNGs and JPEGs decoded from a file, read in pieces of 64 KB, come out as the same bytes
/// decoded from memory do: the same pixels and warnings, or the same error. Among them files
/// of many pieces, with a marker, a chunk or the end marker across a piece's end.
@Suite struct FileDecodingTests {
    /// The bytes of a file the decoders read in one go.
    static let piece = 65536

    /// A temporary file holding `bytes`, open for reading, passed to `body`, then removed.
    static func withFile<T>(_ bytes: [UInt8], _ body: (Int32) throws -> T) throws -> T {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pushin-\(UUID().uuidString)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        return try body(descriptor)
    }

    /// Expects `bytes` to decode from a file exactly as from memory.
    static func expectSameFromFile(
        _ bytes: [UInt8], options: DecodeOptions = DecodeOptions(), _ label: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let fromMemory = Result { () throws(DecodeError) -> DecodedImage in try ImageDecoder.decode(bytes, options: options) }
        let fromFile = try withFile(bytes) { descriptor in
            let file = try #require(ImageFile(descriptor: descriptor), sourceLocation: sourceLocation)
            return Result { () throws(DecodeError) -> DecodedImage in try ImageDecoder.decode(.file(file), options: options) }
        }
        switch (fromMemory, fromFile) {
        case let (.success(memory), .success(file)):
            #expect(memory.frames == file.frames && memory.warnings == file.warnings, "\(label)", sourceLocation: sourceLocation)
        case let (.failure(memory), .failure(file)):
            #expect(memory == file, "\(label)", sourceLocation: sourceLocation)
        default:
            Issue.record("\(label): \(fromMemory) from memory, \(fromFile) from a file", sourceLocation: sourceLocation)
        }
    }

    static func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
        return try [UInt8](Data(contentsOf: url))
    }

    /// Every way a decode is asked for: all pixels, the DC scans alone, a reduction; strict
    /// and lenient.
    static let requests: [DecodeOptions] = [0, 64, 65, 512].flatMap { width in
        [false, true].map { lenient in
            var options = DecodeOptions()
            options.minimumWidth = width
            options.lenient = lenient
            return options
        }
    }

    @Test(arguments: ["baseline.jpg", "progressive.jpg", "cmyk.jpg", "grayscale.jpg", "large-baseline.jpg",
                      "large-progressive.jpg", "truncated.jpg"])
    func jpegFixtures(name: String) throws {
        let bytes = try Self.fixture(name)
        for options in Self.requests {
            try Self.expectSameFromFile(bytes, options: options, "\(name) at \(options.minimumWidth)")
            try Self.expectSameFromFile(Array(bytes.prefix(bytes.count / 2)), options: options, "half of \(name)")
        }
    }

    /// `bytes` with comment segments taking `count` bytes in all (at least 4) inserted at `offset`.
    static func comments(_ count: Int, in bytes: [UInt8], at offset: Int) -> [UInt8] {
        let segmentCount = (count + 59_999) / 60_000
        var segments: [UInt8] = []
        for index in 0 ..< segmentCount {
            let size = count / segmentCount + (index < count % segmentCount ? 1 : 0)
            segments += [0xFF, 0xFE, UInt8((size - 2) >> 8), UInt8((size - 2) & 0xFF)] + [UInt8](repeating: 0x20, count: size - 4)
        }
        return Array(bytes[..<offset]) + segments + bytes[offset...]
    }

    /// A progressive file stretched over several pieces by comments before its end marker,
    /// which a decode of the DC scans alone must still find (across the pieces, and split by
    /// the end of one), or miss when it is gone.
    @Test func endMarkerIsFoundAcrossPieces() throws {
        let progressive = try Self.fixture("large-progressive.jpg")
        let end = progressive.count - 2
        var dcOnly = DecodeOptions()
        dcOnly.minimumWidth = 64
        var lenient = dcOnly
        lenient.lenient = true
        // The marker's FF as the last byte of the first piece and of the second, then far later.
        for filler in [Self.piece - 1 - end, 2 * Self.piece - 1 - end, 3 * Self.piece + 100] {
            let stretched = Self.comments(filler, in: progressive, at: end)
            let decoded = try ImageDecoder.decode(stretched, options: dcOnly)
            #expect(decoded.warnings.isEmpty && decoded.image.width == 64)
            try Self.expectSameFromFile(stretched, options: dcOnly, "end marker after \(filler) bytes of comments")
            let cut = Array(stretched.dropLast(2))
            #expect(try ImageDecoder.decode(cut, options: lenient).warnings.count == 1)
            try Self.expectSameFromFile(cut, options: lenient, "no end marker after \(filler)")
        }
    }

    /// Comments at the start, over several pieces: libjpeg skips them across pieces' ends.
    @Test func markersAreSkippedAcrossPieces() throws {
        for name in ["large-baseline.jpg", "large-progressive.jpg"] {
            let stretched = Self.comments(3 * Self.piece + 17, in: try Self.fixture(name), at: 2)
            for options in Self.requests { try Self.expectSameFromFile(stretched, options: options, "\(name) after comments") }
        }
    }

    /// PNGs of several pieces (stored deflate blocks: 4 bytes a pixel), plain and interlaced,
    /// whole and cut off.
    @Test(arguments: [false, true])
    func pngsOfSeveralPieces(interlaced: Bool) throws {
        let file = PNGFile(width: 301, height: 203, colourType: .rgba, bitDepth: 8, interlaced: interlaced) { x, y in
            [x % 256, y % 256, (x * y) % 256, (x + y) % 256]
        }
        let bytes = file.encoded()
        #expect(bytes.count > 3 * Self.piece)
        for width in [0, 32, 300] {
            var options = DecodeOptions()
            options.minimumWidth = width
            try Self.expectSameFromFile(bytes, options: options, "interlaced \(interlaced) at \(width)")
            for cut in [Self.piece - 1, Self.piece, 2 * Self.piece + 3, bytes.count - 13] {
                try Self.expectSameFromFile(Array(bytes.prefix(cut)), options: options, "cut at \(cut)")
            }
        }
    }

    /// libjpeg-turbo's fast Huffman decoder passes over a bad code without the warning its slow
    /// decoder gives, and runs only while the piece in hand holds enough bytes for an MCU. Memory
    /// comes in the same 64 KB pieces as a file, so a bad code a little before a piece's end is
    /// reported from both, as damage (decoded from one buffer, this one was drawn silently).
    @Test func badHuffmanCodeBeforeAPiecesEndIsDamageFromMemoryAndFile() throws {
        var bytes = try [UInt8](Data(contentsOf: Pushin.packageRoot.appendingPathComponent("images/rocket.jpg")))
        try #require(bytes.count > Self.piece && bytes[64_278] != 0xFF && bytes[64_279] != 0xFF, "rocket.jpg changed")
        bytes[64_279] = 0xFE  // 1,257 bytes before the first piece's end, in the entropy-coded data
        var options = DecodeOptions()
        options.minimumWidth = 320
        #expect(throws: DecodeError.damaged(.jpeg, reason: "Corrupt JPEG data: bad Huffman code")) {
            try ImageDecoder.decode(bytes, options: options)
        }
        try Self.expectSameFromFile(bytes, options: options, "rocket.jpg with a bad code")
    }

    @Test func hostileFilesFailOrDrawAlike() throws {
        let folder = Pushin.packageRoot.appendingPathComponent("Tests/Fixtures/hostile")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".png") || $0.hasSuffix(".jpg") }
        #expect(names.count >= 10)
        for name in names.sorted() {
            var options = DecodeOptions()
            options.minimumWidth = 320  // 80 columns, as the CLI asks by default
            try Self.expectSameFromFile(try [UInt8](Data(contentsOf: folder.appendingPathComponent(name))), options: options, name)
        }
    }

    @Test func onlyPNGAndJPEGFilesAreReadInPieces() throws {
        let gif = try [UInt8](Data(contentsOf: Pushin.packageRoot.appendingPathComponent("images/cat-wave.gif")))
        for bytes in [gif, Array("RIFF\0\0\0\0WEBPVP8 ".utf8), Array("just text\n".utf8), []] {
            try Self.withFile(bytes) { descriptor in #expect(ImageFile(descriptor: descriptor) == nil) }
        }
        try Self.withFile(try Self.fixture("baseline.jpg")) { descriptor in #expect(ImageFile(descriptor: descriptor)?.format == .jpeg) }
    }

    /// A read that fails while decoding is the system's error, not damage: the descriptor is
    /// swapped for a directory's after the file was recognised.
    @Test func failedReadIsTheSystemsError() throws {
        let directory = open(FileManager.default.temporaryDirectory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        try #require(directory >= 0)
        defer { close(directory) }
        for bytes in [try Self.fixture("baseline.jpg"), PNGFile(width: 4, height: 4, colourType: .gray, bitDepth: 8) { _, _ in [0] }.encoded()] {
            try Self.withFile(bytes) { descriptor in
                let file = try #require(ImageFile(descriptor: descriptor))
                try #require(dup2(directory, descriptor) == descriptor)
                #expect(throws: DecodeError.readFailed(reason: String(cString: strerror(EISDIR)))) {
                    try ImageDecoder.decode(.file(file))
                }
            }
        }
    }
}
