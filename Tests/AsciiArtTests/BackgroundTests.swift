import Testing

@testable import AsciiArt

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Background removal on synthetic pictures whose true masks are known.
@Suite struct BackgroundTests {
    static let size = GridSize(columns: 40, rows: 20)
    static let width = 320, height = 320

    /// A picture drawn by a function of the pixel, and its true per-cell subject mask (a cell
    /// is subject when its centre is).
    static func scene(_ isSubject: @escaping (Double, Double) -> Bool, subject: @escaping (Int, Int) -> [UInt8],
                      background: @escaping (Int, Int) -> [UInt8]) -> (Image, Grid<Bool>) {
        let image = Pictures.make(width: width, height: height) { x, y in
            (isSubject(Double(x) + 0.5, Double(y) + 0.5) ? subject(x, y) : background(x, y)) + [255]
        }
        var truth = Grid(columns: size.columns, rows: size.rows, repeating: false)
        for row in 0 ..< size.rows {
            for column in 0 ..< size.columns {
                let x = (Double(column) + 0.5) * Double(width) / Double(size.columns)
                let y = (Double(row) + 0.5) * Double(height) / Double(size.rows)
                truth[column, row] = isSubject(x, y)
            }
        }
        return (image, truth)
    }

    static func disc(cx: Double = 160, cy: Double = 160, radius: Double = 80) -> (Double, Double) -> Bool {
        { x, y in (x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius }
    }

    /// Intersection over union of the subject cells (`false` in a background mask).
    static func iou(_ mask: Grid<Bool>?, _ truth: Grid<Bool>) -> Double {
        guard let mask else { return 0 }
        let pairs = zip(mask.values.map { !$0 }, truth.values)
        let both = pairs.filter { $0 && $1 }.count, either = pairs.filter { $0 || $1 }.count
        return either == 0 ? 1 : Double(both) / Double(either)
    }

    static func mask(_ image: Image, _ mode: BackgroundMode = .auto) -> Grid<Bool>? {
        let cells = Resize.areaAverage(image, to: size)
        return BackgroundMask.mask(mode, image: image, cells: cells, luma: Grayscale.luma(of: cells))
    }

    @Test func discOnAFlatColour() {
        let (image, truth) = Self.scene(Self.disc(), subject: { _, _ in [200, 40, 40] }, background: { _, _ in [40, 90, 160] })
        #expect(Self.iou(Self.mask(image), truth) >= 0.95)
    }

    /// A dot the subject's colour, two work pixels wide, far from the disc: on a textured
    /// background it is the texture's outlier and goes; on a flat one it is the picture's.
    @Test func speckApartFromTheSubjectGoesOnlyOnATexture() {
        let dotCentre = (x: 40.0, y: 40.0)
        let isSubject = { (x: Double, y: Double) in Self.disc()(x, y) || (abs(x - dotCentre.x) < 9 && abs(y - dotCentre.y) < 9) }
        let dotCell = (column: Int(dotCentre.x) * Self.size.columns / Self.width, row: Int(dotCentre.y) * Self.size.rows / Self.height)
        var generator = SplitMix(seed: 3)
        let texture = (0 ..< Self.width * Self.height).map { _ in UInt8.random(in: 0 ... 24, using: &generator) }
        for (background, dotStays) in [
            ({ (x: Int, y: Int) -> [UInt8] in [40 + texture[y * Self.width + x], 90 + texture[y * Self.width + x], 160] }, false),
            ({ (_: Int, _: Int) -> [UInt8] in [40, 90, 160] }, true),
        ] {
            let (image, truth) = Self.scene(isSubject, subject: { _, _ in [200, 40, 40] }, background: background)
            let mask = try! #require(Self.mask(image))
            #expect(!mask[dotCell.column, dotCell.row] == dotStays, "dot kept: \(!mask[dotCell.column, dotCell.row])")
            var discOnly = truth
            discOnly[dotCell.column, dotCell.row] = dotStays
            #expect(Self.iou(mask, discOnly) >= 0.9)
        }
    }

    @Test func discOnAGradient() {
        let (image, truth) = Self.scene(
            Self.disc(), subject: { _, _ in [240, 200, 40] },
            background: { x, y in [UInt8(40 + x / 4), UInt8(60 + y / 3), 150] })
        #expect(Self.iou(Self.mask(image), truth) >= 0.95)
    }

    /// A gradient drawn evenly in sRGB bends in CIELAB; with a plane for a model, whole bands of
    /// it were taken for subject.
    @Test func discOnAGradientEvenInSRGB() {
        let (image, truth) = Self.scene(
            Self.disc(), subject: { _, _ in [240, 120, 40] },
            background: { _, y in
                let t = Double(y) / Double(Self.height - 1)
                return [UInt8(29 + t * (168 - 29)), UInt8(53 + t * (218 - 53)), UInt8(87 + t * (220 - 87))]
            })
        let mask = Self.mask(image)
        #expect(Self.iou(mask, truth) >= 0.95)
        #expect(mask?.values.filter { !$0 }.count ?? 0 <= truth.values.filter { $0 }.count + 20, "no bands of background kept")
    }

    /// The seed's gray-level heuristic cannot see this subject at all; colour can.
    @Test func discOfTheSameLuminanceInAnotherHue() {
        // Both colours have luma ≈ 120: (200, 90, 60) and (60, 150, 100).
        let (image, truth) = Self.scene(Self.disc(), subject: { _, _ in [200, 90, 60] }, background: { _, _ in [60, 150, 100] })
        #expect(Self.iou(Self.mask(image), truth) >= 0.95)
        #expect(Self.iou(Self.mask(image, .corners), truth) < 0.5)
    }

    @Test func ringHoleIsBackgroundOnAFlatBackground() {
        let ring: (Double, Double) -> Bool = { x, y in
            let distance = ((x - 160) * (x - 160) + (y - 160) * (y - 160)).squareRoot()
            return distance <= 120 && distance >= 60
        }
        let (image, truth) = Self.scene(ring, subject: { _, _ in [30, 30, 200] }, background: { _, _ in [150, 150, 90] })
        let mask = Self.mask(image)
        #expect(mask?[20, 10] == true, "the hole in the middle is background")
        #expect(Self.iou(mask, truth) >= 0.9)
    }

    @Test func darkEyeInsideAFaceStaysSubject() {
        let face = Self.disc(radius: 110)
        let eye = Self.disc(cx: 120, cy: 130, radius: 18)
        let (image, _) = Self.scene(
            face, subject: { x, y in eye(Double(x), Double(y)) ? [20, 20, 20] : [230, 190, 150] },
            background: { _, _ in [20, 20, 20] })
        let mask = Self.mask(image)
        // The eye's cell: x 120 → column 15, y 130 → row 8.
        #expect(mask?[15, 8] == false, "an eye the colour of the background is still part of the face")
    }

    @Test func subjectTouchingOneEdge() {
        let (image, truth) = Self.scene(
            Self.disc(cx: 160, cy: 300, radius: 90), subject: { _, _ in [220, 220, 60] }, background: { _, _ in [60, 40, 110] })
        #expect(Self.iou(Self.mask(image), truth) >= 0.9)
    }

    @Test func transparencyIsUsedWhateverColourTransparentPixelsHold() {
        var generator = SplitMix(seed: 7)
        let inside = Self.disc()
        var pixels: [UInt8] = []
        for y in 0 ..< Self.height {
            for x in 0 ..< Self.width {
                if inside(Double(x) + 0.5, Double(y) + 0.5) {
                    pixels += [90, 90, 90, 255]
                } else {
                    pixels += [UInt8.random(in: 0 ... 255, using: &generator), UInt8.random(in: 0 ... 255, using: &generator),
                               UInt8.random(in: 0 ... 255, using: &generator), 0]
                }
            }
        }
        let image = Image(width: Self.width, height: Self.height, pixels: pixels)
        let (_, truth) = Self.scene(inside, subject: { _, _ in [0, 0, 0] }, background: { _, _ in [0, 0, 0] })
        #expect(Self.iou(Self.mask(image), truth) >= 0.95)
        #expect(Self.iou(Self.mask(image, .alpha), truth) >= 0.95)
    }

    @Test func noiseFieldWithNoBackgroundKeepsEverything() {
        var generator = SplitMix(seed: 11)
        let image = Pictures.make(width: Self.width, height: Self.height) { _, _ in
            [UInt8.random(in: 0 ... 255, using: &generator), UInt8.random(in: 0 ... 255, using: &generator),
             UInt8.random(in: 0 ... 255, using: &generator), 255]
        }
        #expect(Self.mask(image) == nil, "auto removes nothing from a picture filled edge to edge")
        #expect(Self.mask(image, .flood) != nil, "flood always removes what it can")
    }

    /// A green disc on waves of colour that no border model explains: a scene behind the subject.
    static func discOnWavesOfColour() -> (Image, Grid<Bool>) {
        Self.scene(
            Self.disc(), subject: { x, y in [40, UInt8(200 + (x + y) % 40), 60] },
            background: { x, y in
                let u = Double(x) / 40, v = Double(y) / 55
                return [UInt8(128 + 100 * sin(u + 2 * v)), UInt8(90 + 60 * cos(1.7 * u - v)), UInt8(150 + 90 * sin(0.8 * u * v))]
            })
    }

    /// A scene behind the subject (waves of colour that no border model explains): `auto`
    /// leaves it whole, `subject` separates the subject by colour, `flood` only floods.
    @Test func discOnAScene() throws {
        let (image, truth) = Self.discOnWavesOfColour()
        #expect(Self.mask(image) == nil, "auto takes the border for a photo filled edge to edge")
        #expect(Self.iou(Self.mask(image, .subject), truth) >= 0.9)
        let flooded = try #require(Self.mask(image, .flood))
        #expect(flooded != Self.mask(image, .subject), "the plain flood makes no colour cut")
    }

    /// On a grid too large to cut at full detail, the cut runs coarser and is read at each
    /// cell's centre; the disc is still found.
    @Test func discOnASceneAtAWideGrid() {
        let (image, _) = Self.discOnWavesOfColour()
        let size = GridSize(columns: 160, rows: 80)
        #expect(size.columns * FloodMask.cutPixels.across * size.rows * FloodMask.cutPixels.down > FloodMask.maximumCutPixels)
        let mask = FloodMask.colourCut(image, size: size)
        var truth = Grid(columns: size.columns, rows: size.rows, repeating: false)
        for row in 0 ..< size.rows {
            for column in 0 ..< size.columns {
                truth[column, row] = Self.disc()((Double(column) + 0.5) * 2, (Double(row) + 0.5) * 4)
            }
        }
        #expect(Self.iou(mask, truth) >= 0.9)
    }

    /// On a grid whose flood would pass `maximumFloodPixels` (a tall strip at 80 columns), the
    /// flood runs coarser and is read at each cell's centre; the disc is still found.
    @Test func discOnPlainBackgroundAtAHugeGrid() {
        let (image, _) = Self.scene(
            Self.disc(), subject: { _, _ in [250, 250, 250] }, background: { _, _ in [10, 60, 30] })
        let size = GridSize(columns: 320, rows: 240)
        let grid = FloodMask.WorkGrid(size, perCell: FloodMask.workPixels, maximum: FloodMask.maximumFloodPixels)
        #expect(size.cellCount * FloodMask.workPixels.across * FloodMask.workPixels.down > FloodMask.maximumFloodPixels)
        #expect(grid.size.cellCount <= FloodMask.maximumFloodPixels && grid.size.cellCount > FloodMask.maximumFloodPixels * 9 / 10)
        let mask = FloodMask.mask(image, size: size, onScene: .keepWhole)
        var truth = Grid(columns: size.columns, rows: size.rows, repeating: false)
        for row in 0 ..< size.rows {
            for column in 0 ..< size.columns {
                truth[column, row] = Self.disc()((Double(column) + 0.5), (Double(row) + 0.5) * 4 / 3)
            }
        }
        #expect(Self.iou(mask, truth) >= 0.9)
    }

    /// An animation whose background stays put keeps its first frame's border model while the
    /// subject moves; a frame whose background changed gets a model of its own.
    @Test func framesWithAStillBackgroundShareOneBorderModel() {
        func frame(discAt centre: Double, background: [UInt8]) -> Image {
            Self.scene(Self.disc(cx: centre, cy: 160, radius: 60), subject: { _, _ in [250, 250, 250] }, background: { x, y in
                background.map { UInt8(clamping: Int($0) + (x * 7 + y * 13) % 5) }
            }).0
        }
        let first = FloodMask.borderModel(frame(discAt: 120, background: [10, 60, 30]), size: Self.size)
        let moved = FloodMask.borderModel(frame(discAt: 200, background: [10, 60, 30]), size: Self.size, shared: first)
        #expect(moved.coefficients == first.coefficients && moved.spread == first.spread)
        let recoloured = FloodMask.borderModel(frame(discAt: 200, background: [200, 40, 40]), size: Self.size, shared: first)
        #expect(recoloured.coefficients != first.coefficients)
        // The masks of the frames that share the model are the disc moved, nothing else.
        var model: BorderModel? = nil
        let masks = [120.0, 200].map { centre -> Grid<Bool>? in
            let image = frame(discAt: centre, background: [10, 60, 30])
            let cells = Resize.areaAverage(image, to: Self.size)
            return BackgroundMask.mask(.auto, image: image, cells: cells, luma: Grayscale.luma(of: cells), sharing: &model)
        }
        #expect(masks.allSatisfy { $0 != nil } && masks[0] != masks[1])
    }

    /// The colour cut's work: an animation's frames share it (down to a floor a frame), and a
    /// picture smaller than the cut's grid is cut at its own pixels, not enlarged ones.
    @Test func colourCutWorkIsBounded() {
        #expect(FloodMask.cutPixels(frames: 1) == FloodMask.maximumCutPixels)
        #expect(FloodMask.cutPixels(frames: 8) == FloodMask.maximumCutPixels / 8)
        #expect(FloodMask.cutPixels(frames: 1000) == FloodMask.minimumCutPixels)
        let tiny = Pictures.make(width: 3, height: 32) { x, y in [UInt8(x * 80), UInt8(y * 8), UInt8((x + y) * 5), 255] }
        let mask = FloodMask.colourCut(tiny, size: GridSize(columns: 40, rows: 213))
        #expect(mask.columns == 40 && mask.rows == 213)
    }

    /// Work pixels become cells by majority at the normal detail, and by the pixel at the
    /// cell's centre on a coarsened grid.
    @Test func workGridCells() {
        let fine = FloodMask.WorkGrid(GridSize(columns: 2, rows: 1), perCell: (across: 3, down: 1), maximum: 100)
        #expect(fine.size == GridSize(columns: 6, rows: 1))
        #expect(fine.cells([true, true, false, false, false, true]).values == [true, false])
        let coarse = FloodMask.WorkGrid(GridSize(columns: 4, rows: 4), perCell: (across: 2, down: 2), maximum: 16)
        #expect(coarse.size == GridSize(columns: 4, rows: 4))
        let diagonal = (0 ..< 16).map { $0 % 5 == 0 }
        #expect(coarse.cells(diagonal).values == diagonal)
    }

    @Test func trimmingFollowsTheMask() {
        // A small disc in the top-left quarter: trimmed to it plus 2 rows and 4 columns.
        let (image, _) = Self.scene(
            Self.disc(cx: 80, cy: 80, radius: 36), subject: { _, _ in [250, 250, 250] }, background: { _, _ in [10, 60, 30] })
        var options = ArtOptions()
        options.columns = Self.size.columns
        options.rows = Self.size.rows
        let art = Pipeline.art(from: image, options: options)
        // The disc (x and y 44...116 of 320, cells 8 × 16 pixels) covers more than half of the
        // cells in columns 6..<14 and rows 3..<7, and less than half of the cells around them.
        #expect(art.glyphs.columns == 8 + 2 * 4 && art.glyphs.rows == 4 + 2 * 2, "\(art.glyphs.columns) × \(art.glyphs.rows)")
        #expect(art.fullMask?.columns == Self.size.columns, "the full mask is kept for --debug")
    }
}

/// The flood's run-at-a-time fill reaches what a plain breadth-first search reaches.
struct FloodTests {
    @Test func reachesExactlyTheComponentsOfTheSeeds() {
        var generator = SplitMix(seed: 11)
        for (width, height, density) in [(1, 1, 0.5), (7, 1, 0.7), (1, 9, 0.7), (23, 17, 0.55), (40, 30, 0.62), (64, 48, 0.75)] {
            let candidate = (0 ..< width * height).map { _ in Double.random(in: 0 ..< 1, using: &generator) < density }
            let seeds = BorderModel.ringIndices(width: width, height: height)
            #expect(FloodMask.flood(candidate, from: seeds, width: width) == Self.breadthFirst(candidate, seeds, width), "\(width) × \(height)")
        }
    }

    /// Pieces of subject under two cells go, unless they are the largest; larger ones stay,
    /// unless their distances from the border model are the border's own, a mottle's.
    @Test func specksAndMottlesGoExceptTheLargestPiece() {
        let width = 40, height = 30
        func rectangle(_ x: Range<Int>, _ y: Range<Int>) -> [Int] { y.flatMap { row in x.map { row * width + $0 } } }
        // The border's distances: 1 to 2 ΔE (median 1.5, MAD 0.25); the subject's far beyond.
        var distances = (0 ..< width * height).map { 1 + Float($0 % 5) / 4 }
        var background = [Bool](repeating: true, count: width * height)
        let subject = rectangle(5 ..< 15, 5 ..< 15), part = rectangle(20 ..< 26, 5 ..< 12), mottle = rectangle(20 ..< 27, 15 ..< 22)
        let specks = [rectangle(30 ..< 32, 20 ..< 22), rectangle(2 ..< 7, 20 ..< 27)]
        for index in subject + part + specks.joined() + mottle { background[index] = false }
        for index in subject + part + specks.joined() { distances[index] = 30 }
        for index in mottle { distances[index] = 3 }  // within 8 MADs of the border's median
        let border = BorderModel.statistics(BorderModel.ringIndices(width: width, height: height).map { distances[$0] })
        FloodMask.dropSpecks(from: &background, distances: distances, mottlesOf: border, width: width, height: height)
        #expect((subject + part).allSatisfy { !background[$0] }, "the subject and a piece of 42 pixels stay")
        #expect(specks.joined().allSatisfy { background[$0] }, "pieces of 4 and 35 pixels go")
        #expect(mottle.allSatisfy { background[$0] }, "a piece of 49 pixels as near the model as the border goes")
        var tiny = [Bool](repeating: true, count: width * height)
        for index in rectangle(0 ..< 3, 0 ..< 3) + rectangle(10 ..< 12, 0 ..< 2) { tiny[index] = false }
        FloodMask.dropSpecks(from: &tiny, distances: distances, mottlesOf: border, width: width, height: height)
        #expect(tiny.filter { !$0 }.count == 9, "a subject of 9 pixels is still the largest piece")
    }

    /// Enclosed pockets of background colour: a pocket that shows the border's distances, noise
    /// and all, is a hole; one whose distances sit higher (another colour within the tolerance)
    /// stays, and so does one that fills most of the region enclosing it (the subject's fill).
    @Test func holesAreThePocketsThatShowTheBorder() {
        let width = 60, height = 40
        func rectangle(_ x: Range<Int>, _ y: Range<Int>) -> [Int] { y.flatMap { row in x.map { row * width + $0 } } }
        var generator = SplitMix(seed: 5)
        var distances = (0 ..< width * height).map { _ in Float.random(in: 0 ... 1, using: &generator) }
        var background = [Bool](repeating: true, count: width * height)
        var candidate = background
        // Two subjects: a square with two pockets, and an outline with a large fill.
        for index in rectangle(4 ..< 30, 4 ..< 30) + rectangle(36 ..< 56, 8 ..< 30) {
            background[index] = false
            candidate[index] = false
        }
        let hole = rectangle(8 ..< 15, 8 ..< 15), tinted = rectangle(19 ..< 26, 8 ..< 15), fill = rectangle(37 ..< 55, 9 ..< 29)
        for index in hole + tinted + fill { candidate[index] = true }
        for index in tinted { distances[index] += 1.5 }
        let border = BorderModel.statistics(BorderModel.ringIndices(width: width, height: height).map { distances[$0] })
        FloodMask.addHoles(candidate, to: &background, distances: distances, border: border, width: width, height: height)
        #expect(hole.allSatisfy { background[$0] }, "the pocket like the border is a hole")
        #expect(tinted.allSatisfy { !background[$0] }, "the pocket 1.5 ΔE further from the model stays")
        #expect(fill.allSatisfy { !background[$0] }, "the pocket filling 82 % of its outline stays")
    }

    /// Soft-shadow ramps step down from the background and never up. On white, a dark block
    /// (x 6 to 11) with a two-step ramp before it (x = 4 and 5): the ramp is shadow, except
    /// where a pixel sits beside a ramp pixel darker than itself (a dark outline's corner, a
    /// texture's grain): (5, 5), below the darker (5, 4).
    @Test func shadowRampsOnlyDarkenInwards() {
        let width = 16, height = 16
        let image = Pictures.make(width: width, height: height) { x, y in
            let value: UInt8 = !(4 ..< 12).contains(x) || !(4 ..< 14).contains(y) ? 255 : x >= 6 ? 60 : x == 4 ? 240 : y == 4 ? 225 : 232
            return [value, value, value, 255]
        }
        let pixels = Resize.AreaSampler(image, size: GridSize(columns: width, rows: height))
        let lab = LabImage(pixels)
        var background = lab.l.map { $0 > 99.9 }
        let ring = BorderModel.ringIndices(width: width, height: height)
        let model = BorderModel(LabImage(pixels, at: ring), ring: ring, width: width, height: height)
        FloodMask.addShadows(to: &background, lab: lab, model: model, tolerance: 2)
        #expect((7 ..< 13).allSatisfy { background[$0 * width + 4] && background[$0 * width + 5] }, "the clean ramp is shadow")
        #expect(!background[5 * width + 5], "a pixel lighter than the ramp pixel above it is not")
    }

    /// The halo's means, from tables made a row at a time with only a few rows kept, are those
    /// of whole summed-area tables made by the same sums.
    @Test func rowByRowMeansAreThoseOfTheWholeTables() {
        var generator = SplitMix(seed: 29)
        for (width, height) in [(1, 1), (9, 4), (23, 17), (40, 30)] {
            let cells = (0 ..< width * height).map { _ in
                Cell(red: Float.random(in: 0 ... 255, using: &generator), green: Float.random(in: 0 ... 255, using: &generator),
                     blue: Float.random(in: 0 ... 255, using: &generator))
            }
            let lab = LabImage(Grid(columns: width, rows: height, values: cells))
            let background = (0 ..< width * height).map { _ in Bool.random(using: &generator) }
            // The whole tables, row after row: each entry the one above plus the row's running sums.
            var table = [SIMD4<Float>](repeating: .zero, count: (width + 1) * (height + 1))
            for y in 0 ..< height {
                var sums = SIMD4<Float>.zero
                for x in 0 ..< width {
                    let index = y * width + x
                    if !background[index] { sums += SIMD4(1, lab.l[index], lab.a[index], lab.b[index]) }
                    table[(y + 1) * (width + 1) + x + 1] = table[y * (width + 1) + x + 1] + sums
                }
            }
            var rowByRow = SummedArea(lab: lab, subject: background, boxHeight: 7)
            for index in 0 ..< width * height {
                let x = index % width, y = index / width
                let left = max(0, x - 3), top = max(0, y - 3), right = min(width - 1, x + 3) + 1, bottom = min(height - 1, y + 3) + 1
                let sum = table[bottom * (width + 1) + right] - table[top * (width + 1) + right]
                    - table[bottom * (width + 1) + left] + table[top * (width + 1) + left]
                let expected = sum[0] > 0.5 ? [sum[1] / sum[0], sum[2] / sum[0], sum[3] / sum[0]] : nil
                let mean = rowByRow.mean(x0: x - 3, y0: y - 3, x1: x + 3, y1: y + 3).map { [$0.0, $0.1, $0.2] }
                #expect(mean?.map(\.bitPattern) == expected?.map(\.bitPattern), "\(width) × \(height) at (\(x), \(y))")
            }
        }
    }

    @Test func rowOrderSortsPixelsByRowStably() {
        var generator = SplitMix(seed: 31)
        let width = 13, height = 9
        let pixels = (0 ..< 200).map { _ in Int.random(in: 0 ..< width * height, using: &generator) }
        let order = FloodMask.rowOrder(of: pixels, width: width, height: height)
        #expect(order == pixels.indices.sorted { (pixels[$0] / width, $0) < (pixels[$1] / width, $1) })
    }

    @Test func frontierIsEverySubjectPixelBesideTheBackground() {
        var generator = SplitMix(seed: 37)
        for (width, height, density) in [(1, 1, 0.5), (1, 7, 0.5), (9, 1, 0.5), (17, 13, 0.3), (40, 30, 0.7), (40, 30, 0.0)] {
            let background = (0 ..< width * height).map { _ in Double.random(in: 0 ..< 1, using: &generator) < density }
            let expected = background.indices.filter { index in
                let x = index % width, y = index / width
                let beside = [x > 0 ? index - 1 : nil, x < width - 1 ? index + 1 : nil, y > 0 ? index - width : nil,
                              y < height - 1 ? index + width : nil]
                return !background[index] && beside.contains { $0.map { background[$0] } ?? false }
            }
            #expect(FloodMask.subjectFrontier(of: background, width: width) == expected, "\(width) × \(height)")
        }
    }

    @Test func cellsAreBackgroundWhenMostOfTheirWorkPixelsAre() {
        var generator = SplitMix(seed: 41)
        for (columns, rows) in [(1, 1), (7, 3), (20, 9)] {
            let grid = FloodMask.WorkGrid(GridSize(columns: columns, rows: rows), perCell: FloodMask.workPixels, maximum: 1 << 20)
            let (across, down) = FloodMask.workPixels
            let background = (0 ..< columns * across * rows * down).map { _ in Bool.random(using: &generator) }
            let expected = (0 ..< columns * rows).map { cell in
                let column = cell % columns, row = cell / columns
                let pixels = (0 ..< across * down).map { (row * down + $0 / across) * columns * across + column * across + $0 % across }
                return pixels.filter { background[$0] }.count > across * down / 2
            }
            #expect(grid.cells(background).values == expected, "\(columns) × \(rows)")
        }
    }

    static func breadthFirst(_ candidate: [Bool], _ seeds: [Int], _ width: Int) -> [Bool] {
        var reached = [Bool](repeating: false, count: candidate.count)
        var queue = seeds.filter { candidate[$0] }
        for index in queue { reached[index] = true }
        while let index = queue.popLast() {
            let x = index % width
            let neighbours = [x > 0 ? index - 1 : nil, x < width - 1 ? index + 1 : nil, index - width, index + width]
            for case let next? in neighbours where next >= 0 && next < candidate.count && candidate[next] && !reached[next] {
                reached[next] = true
                queue.append(next)
            }
        }
        return reached
    }
}

/// The run-by-run labelling finds what a pixel-by-pixel breadth-first search finds.
struct MaskComponentsTests {
    @Test func matchesABreadthFirstLabellingOnRandomMasks() {
        var generator = SplitMix(seed: 17)
        for (width, height, density) in [
            (1, 1, 0.5), (9, 1, 0.6), (1, 11, 0.6), (8, 8, 0.0), (8, 8, 1.0), (23, 17, 0.45), (40, 30, 0.6), (64, 48, 0.7),
        ] {
            let mask = (0 ..< width * height).map { _ in Double.random(in: 0 ..< 1, using: &generator) < density }
            for value in [false, true] {
                let components = MaskComponents(of: value, in: mask, width: width, height: height)
                let expected = Self.breadthFirst(mask, value: value, width: width)
                let label = "\(width) × \(height), \(value)"
                #expect(components.count == expected.count && components.sizes == expected.map(\.count), "\(label)")
                for (number, pixels) in expected.enumerated() where number < components.count {
                    var runs: [Int] = []
                    components.forEachRun(of: number) { runs += $0 }
                    #expect(runs == pixels.sorted() && components.firstPixel(of: number) == pixels.min(), "\(label): \(number)")
                    #expect(pixels.allSatisfy { components.component(containing: $0) == number }, "\(label): \(number)")
                    let values = pixels.sorted().map(Float.init)
                    #expect(components.values(of: number, in: (0 ..< mask.count).map(Float.init)) == values, "\(label)")
                    var filled = mask
                    components.fill(number, in: &filled, with: !value)
                    #expect(filled.indices.allSatisfy { filled[$0] == (pixels.contains($0) ? !value : mask[$0]) }, "\(label)")
                }
                #expect(mask.indices.allSatisfy { mask[$0] == value || components.component(containing: $0) == nil }, "\(label)")
            }
        }
    }

    /// The 4-connected components of the pixels holding `value`, pixel by pixel, numbered by
    /// their first pixel.
    static func breadthFirst(_ mask: [Bool], value: Bool, width: Int) -> [[Int]] {
        var seen = mask.map { $0 != value }
        var components: [[Int]] = []
        for start in mask.indices where !seen[start] {
            var component = [start]
            seen[start] = true
            var head = 0
            while head < component.count {
                let index = component[head]
                head += 1
                let x = index % width
                let neighbours = [x > 0 ? index - 1 : nil, x < width - 1 ? index + 1 : nil, index - width, index + width]
                for case let next? in neighbours where next >= 0 && next < mask.count && !seen[next] {
                    seen[next] = true
                    component.append(next)
                }
            }
            components.append(component)
        }
        return components
    }
}

/// The pieces of the border model: its ring, its quantiles and its fit.
struct BorderModelTests {
    @Test func ringIsEveryPixelWithinTwoOfTheEdgeOnce() {
        for (width, height) in [(10, 8), (3, 3), (5, 1), (1, 6), (4, 4)] {
            let ring = BorderModel.ringIndices(width: width, height: height)
            let expected = (0 ..< width * height).filter { index in
                let x = index % width, y = index / width
                return x < 2 || y < 2 || x >= width - 2 || y >= height - 2
            }
            #expect(ring == expected, "\(width) × \(height)")
        }
    }

    @Test func quantileBySelectionMatchesTheSortedValues() {
        var generator = SplitMix(seed: 7)
        for count in [1, 2, 3, 10, 101, 1000] {
            // Few distinct values, so ties are common.
            let values = (0 ..< count).map { _ in Float(Int.random(in: 0 ... 20, using: &generator)) }
            let sorted = values.sorted()
            for q: Float in [0, 0.25, 0.5, 0.6, 1] {
                let rank = min(count - 1, Int(Float(count - 1) * q))
                #expect(BorderModel.quantile(values, q) == sorted[rank], "\(count) values, q = \(q)")
            }
        }
        #expect(BorderModel.quantile([], 0.5) == 0)
    }

    @Test func gradientBorderIsFittedExactlyDespiteASubjectOnIt() {
        // Gray rises from 50 on the left to 200 on the right; a red block covers part of the
        // top edge. The fit ignores the block and recovers the gradient.
        let width = 60, height = 30
        let image = Pictures.make(width: width, height: height) { x, y in
            if y < 4 && (10 ..< 25).contains(x) { return [230, 20, 20, 255] }
            let gray = UInt8(50 + 150 * x / width)
            return [gray, gray, gray, 255]
        }
        let pixels = Resize.AreaSampler(image, size: GridSize(columns: width, rows: height))
        let ring = BorderModel.ringIndices(width: width, height: height)
        let model = BorderModel(LabImage(pixels, at: ring), ring: ring, width: width, height: height)
        let full = LabImage(pixels)
        for (x, y) in [(0, 0), (59, 29), (30, 15), (5, 29)] {
            let colour = model.colour(x: x, y: y)
            #expect(full.distance((height - 1) * width + x, to: colour) < 1.5, "(\(x), \(y)): \(colour)")
        }
        #expect(model.spread < 3, "a clean gradient strays little: \(model.spread)")
    }

    /// Distances eight pixels at a time are those of one pixel at a time: the surface's parabola
    /// along the row in SIMD lanes, the three channels side by side.
    @Test func distancesAreThoseOfOnePixelAtATime() {
        var generator = SplitMix(seed: 43)
        for (width, height) in [(1, 1), (7, 3), (8, 2), (61, 23)] {
            let image = Pictures.make(width: width, height: height) { x, y in
                [UInt8(truncatingIfNeeded: 40 + x * 3 + Int.random(in: 0 ... 9, using: &generator)), UInt8(truncatingIfNeeded: 90 + y * 2),
                 UInt8.random(in: 0 ... 255, using: &generator), 255]
            }
            let pixels = Resize.AreaSampler(image, size: GridSize(columns: width, rows: height))
            let ring = BorderModel.ringIndices(width: width, height: height)
            let model = BorderModel(LabImage(pixels, at: ring), ring: ring, width: width, height: height)
            let lab = LabImage(pixels), c = model.coefficients
            let quadratic = SIMD4(c[0][3], c[1][3], c[2][3], 0)
            var expected: [Float] = []
            for y in 0 ..< height {
                let v = Float(y) / Float(height)
                func lane(_ k: Int) -> (Float, Float) { (c[k][0] + c[k][2] * v + c[k][5] * v * v, c[k][1] + c[k][4] * v) }
                let (l0, l1) = lane(0), (a0, a1) = lane(1), (b0, b1) = lane(2)
                let constant = SIMD4(l0, a0, b0, 0), linear = SIMD4(l1, a1, b1, 0)
                for x in 0 ..< width {
                    let u = Float(x) / Float(width), index = y * width + x
                    let difference = SIMD4(lab.l[index], lab.a[index], lab.b[index], 0) - (constant + u * (linear + u * quadratic))
                    expected.append((difference * difference).sum().squareRoot())
                }
            }
            #expect(model.distances(lab).map(\.bitPattern) == expected.map(\.bitPattern), "\(width) × \(height)")
        }
    }

    @Test func samplerGivesTheCellsOfTheResizeAndTheirColours() {
        var generator = SplitMix(seed: 3)
        let image = Pictures.make(width: 37, height: 23) { _, _ in
            [UInt8.random(in: 0 ... 255, using: &generator), UInt8.random(in: 0 ... 255, using: &generator),
             UInt8.random(in: 0 ... 255, using: &generator), 255]
        }
        let size = GridSize(columns: 11, rows: 7)
        let grid = Resize.areaAverage(image, to: size)
        let sampler = Resize.AreaSampler(image, size: size)
        var seen: [Cell] = []
        sampler.forEachCell { index, cell in
            #expect(index == seen.count)
            seen.append(cell)
        }
        #expect(seen == grid.values)
        #expect((0 ..< grid.values.count).map(sampler.cell) == grid.values)
        let fromGrid = LabImage(grid), fromSampler = LabImage(sampler), some = LabImage(sampler, at: [76, 0, 5])
        #expect(fromGrid.l == fromSampler.l && fromGrid.a == fromSampler.a && fromGrid.b == fromSampler.b)
        #expect(some.l == [fromGrid.l[76], fromGrid.l[0], fromGrid.l[5]] && some.width == 3 && some.height == 1)
    }
}

/// The work picture in CIELAB: the sampler's cells converted straight from their sums, opaque
/// ones through the tables by channel sum, are the cells of the resize converted one by one.
struct LabImageTests {
    @Test func sampledLabIsTheLabOfTheResizedCells() {
        var generator = SplitMix(seed: 23)
        // Shrunk (areas 1 to 20, some above the tables' 16), enlarged (area 1) and mixed; opaque,
        // half transparent and fully transparent pixels.
        for (width, height, columns, rows) in [(37, 23, 11, 7), (320, 200, 240, 125), (9, 5, 20, 11), (50, 9, 12, 20), (41, 60, 8, 3)] {
            for alphas: [UInt8] in [[255], [255, 255, 255, 128, 0], [0]] {
                let image = Pictures.make(width: width, height: height) { _, _ in
                    [UInt8.random(in: 0 ... 255, using: &generator), UInt8.random(in: 0 ... 255, using: &generator),
                     UInt8.random(in: 0 ... 255, using: &generator), alphas.randomElement(using: &generator)!]
                }
                let size = GridSize(columns: columns, rows: rows)
                let sampled = LabImage(Resize.AreaSampler(image, size: size)), converted = LabImage(Resize.areaAverage(image, to: size))
                let label = "\(width) × \(height) to \(columns) × \(rows), alphas \(alphas)"
                #expect(sampled.l == converted.l && sampled.a == converted.a && sampled.b == converted.b, "\(label)")
            }
        }
    }

    @Test func cellAreasAreThoseOfTheSpans() {
        for (width, height, columns, rows) in [(37, 23, 11, 7), (320, 200, 240, 125), (9, 5, 20, 11), (100, 3, 7, 2), (3, 3, 3, 3)] {
            let image = Pictures.uniform(width: width, height: height, gray: 9)
            let size = GridSize(columns: columns, rows: rows)
            var areas = [Bool](repeating: false, count: 17)
            Resize.AreaSampler(image, size: size).forEachSum { _, sum in
                if sum.area <= 16 { areas[sum.area] = true }
            }
            #expect(Resize.AreaSampler(image, size: size).hasCells(ofAreaUpTo: 16) == areas, "\(width) × \(height) to \(columns) × \(rows)")
        }
    }
}

/// A small seeded generator, so the random pictures are the same on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
