/// A minimal PNG encoder for tests: any colour type, bit depth, palette, tRNS and Adam7
/// interlacing, with the image data in stored (uncompressed) deflate blocks, so the tests can
/// hand libpng every kind of PNG without shipping a fixture for each.
public struct PNGFile {
    /// PNG colour types, with their channel counts.
    public enum ColourType: UInt8, Sendable {
        case gray = 0, rgb = 2, palette = 3, grayAlpha = 4, rgba = 6

        public var channels: Int {
            switch self {
            case .gray, .palette: return 1
            case .grayAlpha: return 2
            case .rgb: return 3
            case .rgba: return 4
            }
        }
    }

    public var width: Int
    public var height: Int
    public var colourType: ColourType
    public var bitDepth: Int
    public var interlaced = false
    /// PLTE entries, for `.palette`.
    public var palette: [[UInt8]] = []
    /// The raw tRNS chunk, if any.
    public var transparency: [UInt8]?
    /// The samples of a pixel, one per channel, each below 2^bitDepth.
    public var samples: (_ x: Int, _ y: Int) -> [Int]

    /// Describes a PNG; `samples` gives each pixel's channel values.
    public init(
        width: Int, height: Int, colourType: ColourType, bitDepth: Int, interlaced: Bool = false,
        palette: [[UInt8]] = [], transparency: [UInt8]? = nil, samples: @escaping (_ x: Int, _ y: Int) -> [Int]
    ) {
        self.width = width
        self.height = height
        self.colourType = colourType
        self.bitDepth = bitDepth
        self.interlaced = interlaced
        self.palette = palette
        self.transparency = transparency
        self.samples = samples
    }

    /// The signature, an IHDR, one byte of image data and an IEND: a header that promises far
    /// more pixels than follow.
    public func encodedHeaderOnly() -> [UInt8] {
        let header = Self.bigEndian(UInt32(width)) + Self.bigEndian(UInt32(height)) + [UInt8(bitDepth), colourType.rawValue, 0, 0, 0]
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Self.chunk("IHDR", header)
            + Self.chunk("IDAT", Self.zlibStored([0])) + Self.chunk("IEND", [])
    }

    /// The whole file.
    public func encoded() -> [UInt8] {
        var header = Self.bigEndian(UInt32(width)) + Self.bigEndian(UInt32(height))
        header += [UInt8(bitDepth), colourType.rawValue, 0, 0, interlaced ? 1 : 0]
        var file: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        file += Self.chunk("IHDR", header)
        if !palette.isEmpty { file += Self.chunk("PLTE", palette.flatMap { $0 }) }
        if let transparency { file += Self.chunk("tRNS", transparency) }
        file += Self.chunk("IDAT", Self.zlibStored(scanlines()))
        file += Self.chunk("IEND", [])
        return file
    }

    /// The filtered (filter type 0) scanlines of every pass, in file order.
    public func scanlines() -> [UInt8] {
        let passes: [(x: Int, y: Int, dx: Int, dy: Int)] = interlaced
            ? [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
            : [(0, 0, 1, 1)]
        var data: [UInt8] = []
        for pass in passes {
            let xs = Array(stride(from: pass.x, to: width, by: pass.dx))
            let ys = Array(stride(from: pass.y, to: height, by: pass.dy))
            guard !xs.isEmpty && !ys.isEmpty else { continue }
            for y in ys {
                data.append(0)
                data += pack(xs.flatMap { samples($0, y) })
            }
        }
        return data
    }

    /// Packs samples MSB first at the bit depth (16-bit samples big-endian).
    private func pack(_ values: [Int]) -> [UInt8] {
        if bitDepth == 16 { return values.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] } }
        if bitDepth == 8 { return values.map { UInt8($0) } }
        var bytes: [UInt8] = []
        var current = 0, used = 0
        for value in values {
            current = (current << bitDepth) | value
            used += bitDepth
            if used == 8 { bytes.append(UInt8(current)); current = 0; used = 0 }
        }
        if used > 0 { bytes.append(UInt8(current << (8 - used))) }
        return bytes
    }

    public static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + body + bigEndian(crc32(body))
    }

    public static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var stream: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let count = min(65_535, data.count - offset)
            let final: UInt8 = offset + count == data.count ? 1 : 0
            stream += [final, UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF), UInt8((~count >> 8) & 0xFF)]
            stream += data[offset ..< offset + count]
            offset += count
        } while offset < data.count
        return stream + bigEndian(adler32(data))
    }

    public static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0 ..< 8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    public static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return b << 16 | a
    }
}
