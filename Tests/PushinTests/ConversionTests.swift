import AsciiArt
import Foundation
import PushinCore
import Testing
import TestSupport

/// `Converter` on real files: the bounds on the art it draws.
@Suite struct ConversionTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: Pushin.packageRoot.appendingPathComponent("Tests/ImageDecodingTests/Fixtures/animation/\(name)")))
    }

    @Test func animationsAreBoundedByTheirCellsInAll() throws {
        let bytes = try Self.fixture("delays.gif")
        var options = ConversionOptions()
        options.frames = .all
        options.art.columns = 10
        options.art.rows = 10
        options.art.margin = nil
        let all = try Converter.convert(bytes, options: options)
        let count = all.frames.count
        #expect(count >= 3 && all.warnings.isEmpty)
        // Room for two frames of 100 cells: refused, or the first two with a warning.
        options.maxCells = 250
        #expect(throws: ConversionError.tooManyCellsInAll(
            GridSize(columns: 10, rows: 10), frames: count, maxCells: 250, fitting: 2)) {
            try Converter.convert(bytes, options: options)
        }
        options.lenient = true
        let some = try Converter.convert(bytes, options: options)
        #expect(some.frames.count == 2 && some.warnings.contains { $0.contains("drawing the first 2 frames") })
        // One frame over the bound: refused whatever else is asked.
        options.maxCells = 99
        #expect(throws: ConversionError.tooManyCells(GridSize(columns: 10, rows: 10))) {
            try Converter.convert(bytes, options: options)
        }
    }
}
