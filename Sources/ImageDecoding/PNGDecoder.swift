import AsciiArt
import CPNG

/// PNG through libpng's simplified API, which catches libpng's errors inside C and reports them
/// in `png_image.message`, so no longjmp ever reaches Swift.
enum PNGDecoder {
    /// Decodes every PNG colour type, bit depth and interlace method into 8-bit RGBA.
    ///
    /// 16-bit samples are reduced to 8, palettes expanded, tRNS turned into alpha, gray copied
    /// into all three channels.
    static func decode(_ bytes: UnsafeRawBufferPointer, options: DecodeOptions) throws(DecodeError) -> DecodedImage {
        var header = png_image()
        header.version = UInt32(PNG_IMAGE_VERSION)
        defer { png_image_free(&header) }
        guard png_image_begin_read_from_memory(&header, bytes.baseAddress, bytes.count) != 0 else {
            throw .corrupt(.png, reason: message(of: header))
        }
        let width = Int(header.width), height = Int(header.height)
        guard width * height <= options.maxPixels else {
            throw .tooLarge(width: width, height: height, maxPixels: options.maxPixels)
        }
        // libpng assumes that a 16-bit file without colour-encoding chunks holds linear light
        // and would gamma-encode it on the way to 8 bits; every viewer treats such a file as
        // sRGB, so its samples are read unconverted and narrowed here instead.
        let pixels: [UInt8]
        if header.format & UInt32(PNG_FORMAT_FLAG_LINEAR) != 0 && !declaresColourEncoding(bytes) {
            pixels = try finishReadUnconverted(&header, count: width * height)
        } else {
            header.format = UInt32(PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA)
            pixels = try finishRead(&header, as: UInt8.self, count: width * height * 4)
        }
        // libpng's warnings after a finished read are benign (an odd colour profile, say): the
        // pixels are whole, so they are not passed on.
        return DecodedImage(image: Image(width: width, height: height, pixels: pixels), format: .png, warnings: [])
    }

    /// Runs `png_image_finish_read` into a new array of `count` samples of the header's format.
    private static func finishRead<Sample: FixedWidthInteger>(
        _ header: inout png_image, as _: Sample.Type, count: Int
    ) throws(DecodeError) -> [Sample] {
        var finished = false
        let samples = [Sample](unsafeUninitializedCapacity: count) { buffer, initialised in
            // A row stride of 0 tells libpng to derive it from the width and format.
            finished = png_image_finish_read(&header, nil, buffer.baseAddress, 0, nil) != 0
            // On failure the rows libpng did not reach hold no defined values: zero them so the
            // array is initialised either way.
            if !finished { buffer.initialize(repeating: 0) }
            initialised = count
        }
        guard finished else { throw .corrupt(.png, reason: message(of: header)) }
        return samples
    }

    /// Reads a 16-bit file's samples without gamma conversion and narrows them to 8-bit RGBA.
    ///
    /// libpng hands linear samples over premultiplied by alpha, so colour is divided back out.
    private static func finishReadUnconverted(_ header: inout png_image, count: Int) throws(DecodeError) -> [UInt8] {
        header.format = UInt32(PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA | PNG_FORMAT_FLAG_LINEAR)
        let wide = try finishRead(&header, as: UInt16.self, count: count * 4)
        return [UInt8](unsafeUninitializedCapacity: count * 4) { narrow, initialised in
            for pixel in 0 ..< count {
                let base = pixel * 4
                let alpha = UInt32(wide[base + 3])
                for channel in 0 ..< 3 {
                    let straight = alpha == 0 ? 0 : min(65_535, (UInt32(wide[base + channel]) * 65_535 + alpha / 2) / alpha)
                    narrow[base + channel] = UInt8((straight * 255 + 32_895) >> 16)
                }
                narrow[base + 3] = UInt8((alpha * 255 + 32_895) >> 16)
            }
            initialised = count * 4
        }
    }

    /// True when a gAMA, sRGB, iCCP or cHRM chunk comes before the image data.
    static func declaresColourEncoding(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let encodingChunks: Set<String> = ["gAMA", "sRGB", "iCCP", "cHRM"]
        var offset = 8
        while offset + 8 <= bytes.count {
            let length = bytes[offset ..< offset + 4].reduce(0) { $0 << 8 | Int($1) }
            let type = String(decoding: bytes[offset + 4 ..< offset + 8], as: UTF8.self)
            if type == "IDAT" { return false }
            if encodingChunks.contains(type) { return true }
            offset += 12 + length
        }
        return false
    }

    /// libpng's message, a C string in a fixed-size array.
    private static func message(of image: png_image) -> String {
        withUnsafeBytes(of: image.message) { raw in
            let text = String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            return text.isEmpty ? "unreadable PNG data" : text
        }
    }
}
