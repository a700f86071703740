import AsciiArt
import ImageDecoding

/// The debug pictures of one conversion: what the pipeline saw at each stage.
public enum DebugImages {
    /// Writes `DIR/NAME.gray.png` (the decoded picture's luma), `DIR/NAME.cells.png` (one pixel
    /// per cell after resizing) and `DIR/NAME.mask.png` (one pixel per cell of the full grid,
    /// white = subject, black = background), where NAME is the source's file name without its
    /// extension.
    public static func write(_ conversion: Conversion, source: String, into directory: String) throws(FileError) {
        try FileIO.makeDirectory(directory)
        let base = directory + "/" + baseName(source)
        let image = conversion.image, art = conversion.art
        let luma = art.fullLuma
        let mask = art.fullMask ?? Grid(columns: luma.columns, rows: luma.rows, repeating: false)
        let pictures: [(String, [UInt8], Int, Int)] = [
            ("gray", Grayscale.luma(of: image), image.width, image.height),
            ("cells", luma.values.map { UInt8(min(255, max(0, $0.rounded()))) }, luma.columns, luma.rows),
            ("mask", mask.values.map { $0 ? 0 : 255 }, mask.columns, mask.rows),
        ]
        for (suffix, pixels, width, height) in pictures {
            let path = "\(base).\(suffix).png"
            guard let png = PNGEncoder.gray(pixels, width: width, height: height) else {
                throw FileError(path: path, reason: "could not encode the PNG")
            }
            try FileIO.writeAtomically(png, to: path)
        }
    }

    /// "cat" for "photos/cat.png", "standard-input" for "-".
    static func baseName(_ source: String) -> String {
        if source == "-" { return "standard-input" }
        var name = Substring(source.split(separator: "/").last ?? "image")
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = name[..<dot] }
        return String(name)
    }
}
