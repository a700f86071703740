/// Brightness from colour: ITU-R BT.601 luma, the weights of JPEG, PIL's "L" mode and the seed.
public enum Grayscale {
    /// The luma of a colour, each channel in 0...255; the result is in 0...255 as well.
    public static func luma(red: Float, green: Float, blue: Float) -> Float {
        0.299 * red + 0.587 * green + 0.114 * blue
    }

    /// The luma of every cell.
    public static func luma(of cells: Grid<Cell>) -> Grid<Float> {
        cells.map { luma(red: $0.red, green: $0.green, blue: $0.blue) }
    }

    /// The 8-bit luma of every pixel, `(77R + 150G + 29B + 128) >> 8`, row after row.
    public static func luma(of image: Image) -> [UInt8] {
        Array(unsafeUninitializedCapacity: image.width * image.height) { gray, count in
            image.pixels.withUnsafeBufferPointer { rgba in
                for index in 0 ..< gray.count {
                    let base = index &* 4
                    let sum = 77 &* UInt32(rgba[base]) &+ 150 &* UInt32(rgba[base &+ 1])
                        &+ 29 &* UInt32(rgba[base &+ 2]) &+ 128
                    gray[index] = UInt8(truncatingIfNeeded: sum >> 8)
                }
            }
            count = gray.count
        }
    }
}
