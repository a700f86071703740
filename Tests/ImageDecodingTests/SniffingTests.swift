import Testing

@testable import ImageDecoding

@Suite struct SniffingTests {
    @Test func formatsAreToldByTheirSignatures() {
        #expect(ImageFormat.sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]) == .png)
        #expect(ImageFormat.sniff([0xFF, 0xD8, 0xFF, 0xE0]) == .jpeg)
        #expect(ImageFormat.sniff(Array("GIF89a".utf8)) == .gif)
        #expect(ImageFormat.sniff(Array("RIFF\0\0\0\0WEBPVP8 ".utf8)) == .webp)
        #expect(ImageFormat.sniff(Array("hello, world".utf8)) == nil)
        #expect(ImageFormat.sniff([0x89, 0x50]) == nil, "a cut-off signature is no signature")
    }

    @Test func badBytesGiveTypedErrors() {
        #expect(throws: DecodeError.empty) { try ImageDecoder.decode([]) }
        #expect(throws: DecodeError.unknownFormat) { try ImageDecoder.decode(Array("just text\n".utf8)) }
        #expect(throws: DecodeError.unsupportedFormat(.bmp)) { try ImageDecoder.decode(Array("BM....".utf8)) }
        #expect(throws: DecodeError.corrupt(.gif, reason: "No screen descriptor detected")) {
            try ImageDecoder.decode(Array("GIF89a....".utf8))
        }
    }

    @Test func errorsReadAsOneLine() {
        let errors: [DecodeError] = [
            .empty, .unknownFormat, .unsupportedFormat(.bmp), .tooLarge(width: 1, height: 2, maxPixels: 1),
            .corrupt(.png, reason: "IDAT: CRC error"), .damaged(.jpeg, reason: "Premature end of JPEG file"),
            .outOfMemory, .tooManyFrames(maxFrames: 1000), .tooLongToComposite(width: 9000, height: 9000, frames: 9),
            .readFailed(reason: "Input/output error"),
        ]
        for error in errors {
            #expect(!error.description.isEmpty && !error.description.contains("\n"))
        }
    }
}
