import Foundation

@testable import AsciiArt

/// Small synthetic pictures with answers that can be worked out by hand.
enum Pictures {
    /// Every pixel the same colour.
    static func uniform(width: Int, height: Int, gray: UInt8, alpha: UInt8 = 255) -> Image {
        Image(width: width, height: height, pixels: Array([[gray, gray, gray, alpha]].joined().map { $0 }).repeated(width * height))
    }

    /// A picture whose pixel colours come from a function.
    static func make(width: Int, height: Int, _ pixel: (_ x: Int, _ y: Int) -> [UInt8]) -> Image {
        var pixels: [UInt8] = []
        for y in 0 ..< height {
            for x in 0 ..< width { pixels += pixel(x, y) }
        }
        return Image(width: width, height: height, pixels: pixels)
    }

    /// A bright square in the middle third of a dark field.
    static func brightSquare(size: Int, field: UInt8 = 0, square: UInt8 = 255) -> Image {
        make(width: size, height: size) { x, y in
            let inside = (size / 3 ..< 2 * size / 3).contains(x) && (size / 3 ..< 2 * size / 3).contains(y)
            let value = inside ? square : field
            return [value, value, value, 255]
        }
    }

    /// A grid of luma values.
    static func luma(_ rows: [[Float]]) -> Grid<Float> {
        Grid(columns: rows[0].count, rows: rows.count, values: rows.flatMap { $0 })
    }
}

extension Array {
    /// The array repeated `count` times.
    func repeated(_ count: Int) -> [Element] {
        (0 ..< count).flatMap { _ in self }
    }
}

/// The generators in Tools/ that write checked-in tables.
enum Tools {
    /// Runs `Tools/<tool> --check <Sources/AsciiArt/<table>>`: its exit status (0 when the
    /// checked-in table is what it writes) and what it said.
    static func check(_ tool: String, table: String) throws -> (status: Int32, said: String) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        // Debian's interpreter, the one `scripts/setup --test` installs Pillow and NumPy for; a
        // python3 earlier on PATH (pyenv, a virtual environment) may have neither.
        let debianPython = "/usr/bin/python3"
        let hasDebianPython = FileManager.default.isExecutableFile(atPath: debianPython)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: hasDebianPython ? debianPython : "/usr/bin/env")
        process.arguments = (hasDebianPython ? [] : ["python3"]) + [
            root.appendingPathComponent("Tools/\(tool)").path,
            "--check", root.appendingPathComponent("Sources/AsciiArt/\(table)").path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, said)
    }
}
