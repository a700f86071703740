/// Background removal by flooding from the border through colours the border model explains.
///
/// Works on a grid finer than the art (3 × 5 work pixels per cell), in CIELAB:
/// 1. fit the border's colour as a plane, or a curved surface when it clearly bends (a flat
///    colour or a gradient; see `BorderModel`), and measure its spread;
/// 2. flood from the border through pixels within the tolerance (median + 4 × MAD of the
///    border's distances, clamped to 2...40 ΔE; the low floor keeps faint white-on-white edges);
/// 3. on a background that is not near white or black, also take the enclosed pockets of
///    background colour that show what the border shows and fill less than half of the subject
///    around them (a gear's hole); a subject's own fill of the background's colour stays;
/// 4. grow the background into soft shadows: ramps that darken it step by step;
/// 5. grow it a few pixels more into pixels that look more like the background than like the
///    subject around them (anti-aliasing, what is left of a shadow);
/// 6. on a background that is not flat, drop specks of subject under two cells;
/// 7. a cell is background when more than half its work pixels are.
///
/// A border too varied to be one background (a scene: spread above `sceneSpread`) is
/// `onScene`'s to handle: `auto` leaves the picture whole, `subject` separates subject from
/// scene by colour with `ColourCut`, and `flood` floods all the same.
enum FloodMask {
    /// What to do when the border is a scene rather than one background.
    enum SceneHandling {
        /// No mask: the picture is drawn whole.
        case keepWhole
        /// The colour cut between subject and scene.
        case cut
        /// The flood, as on any border.
        case flood
    }

    /// Work pixels per cell, across and down. Measured on the development set (mean IoU):
    /// 3 × 6 scored 0.875, 3 × 5 0.874 for 17 % less work, 2 × 5 0.870, 2 × 4 0.862.
    static let workPixels = (across: 3, down: 5)
    /// Work pixels per cell for `ColourCut` (a scene behind the subject, in `subject` mode): the
    /// cut scored 0.770 mean IoU on photo backgrounds at 2 × 4, 0.762 at 3 × 5 for twice the work,
    /// 0.741 at 2 × 2 (before its first round labelled pixel by pixel).
    static let cutPixels = (across: 2, down: 4)
    /// The most pixels the colour cut works on: 80 columns at 2 × 4 are 16,000 to 30,000. An
    /// animation's frames share this many between them (each cut on a coarser grid), down to
    /// `minimumCutPixels` a frame: on a 1280 × 800 scene the cut adds about 8 to 11 ms at 80
    /// columns and about 94 ms at 160 (64,000 pixels), and 64 frames of it once took over 5 s
    /// in the fuzzer's build.
    static let maximumCutPixels = 65_536
    static let minimumCutPixels = 1_024

    /// The pixels each frame's colour cut may work on, for an animation of `frames` frames.
    static func cutPixels(frames: Int) -> Int {
        max(minimumCutPixels, maximumCutPixels / max(frames, 1))
    }
    /// The most pixels the flood works on. 80 columns at 3 × 5 are 30,000 to 60,000; a grid of
    /// 80 × 9,765 cells (a strip 639 × 156,000 pixels) was 11.7 million, 700 MB and 3.7 s.
    static let maximumFloodPixels = 1 << 20
    /// The tolerance's floor and ceiling, in ΔE.
    static let tolerance: ClosedRange<Float> = 2 ... 40
    /// Above this border spread (ΔE) the border is not one background but a scene: `auto`
    /// removes nothing rather than eat into a photo filled edge to edge; `subject` cuts by colour.
    static let sceneSpread: Float = 20
    /// A border spread (ΔE) up to which the background is flat and the flood exact: a speck of
    /// another colour on it is the picture's own (see `minimumSpeck`).
    static let flatSpread: Float = 3
    /// Smallest hole, in work pixels: two cells. Smaller pockets are left to the halo.
    static let minimumHole = 36
    /// Holes are looked for only behind a background of this lightness: near white or black a
    /// subject's own fill clips to the very values the background shows, so that a white icon's
    /// inside on white matches the border, noise and all (on the development set's white
    /// backgrounds, holes taken there fell from 0.962 to 0.936 mean IoU).
    static let holeLightness: ClosedRange<Float> = 15 ... 92
    /// How far a hole's median distance from the border model, and its spread, may be from the
    /// border's own (ΔE), and the largest share of its enclosing region a hole may fill.
    static let holeMatch: Float = 1
    static let maximumHoleShare: Float = 0.5
    /// Smallest piece of subject kept apart from the largest on a background that is not flat,
    /// in work pixels: two cells, as for holes. Smaller specks there are the texture's own
    /// outliers, beyond the flood's tolerance (on the development set's textures: 0.946 mean
    /// IoU to 0.950, 11 pictures better by up to 0.023, 2 worse by up to 0.002). On a flat
    /// background the flood is exact, and a speck of another colour is the picture's.
    static let minimumSpeck = 36
    /// How far (in MADs of the border's distances, beyond their median) a piece apart from the
    /// subject may typically be from the border model and still be the texture's mottle. On
    /// the development set's textures (PNG / JPEG) it took the mean IoU from 0.958 / 0.956 to
    /// 0.968 / 0.970, the same from 6 to 12 MADs, no picture worse.
    static let mottleReach: Float = 8
    /// Soft drop shadows: how much darker (ΔL) a shadow pixel is than the background pixel
    /// beside it, how deep a shadow reaches (work pixels), and how far its a and b may stray
    /// from the background's, darkened, beyond the flood's tolerance (ΔE).
    static let shadowStep: ClosedRange<Float> = 0.5 ... 12
    static let shadowReach = 10
    static let shadowChroma: Float = 2
    /// A shadow's ramp goes at least this deep (work pixels), and keeps at least this much of
    /// the background's L + 16 (a shadow at half opacity leaves 0.6 of it: the true masks call
    /// darker pixels subject).
    static let shadowDepth = 2
    static let shadowScale: Float = 0.6
    /// Halo growth: rounds, and the half-width of the window whose subject colour is compared.
    static let haloRounds = 3
    static let haloRadius = 3

    /// The flood's tolerance for a border of this spread (ΔE): the spread, clamped to `tolerance`.
    static func tolerance(for spread: Float) -> Float {
        min(max(spread, tolerance.lowerBound), tolerance.upperBound)
    }

    /// The border model of `image` on the flood's work grid for `size`, or `shared` (an earlier
    /// frame's) when that still explains this border: the frames of an animation whose
    /// background stays put share one model, so their masks do not flicker and the fit is made
    /// once.
    static func borderModel(_ image: Image, size: GridSize, shared: BorderModel? = nil) -> BorderModel {
        let work = Resize.AreaSampler(image, size: WorkGrid(size, perCell: workPixels, maximum: maximumFloodPixels).size)
        let ring = BorderModel.ringIndices(width: work.size.columns, height: work.size.rows)
        let colours = LabImage(work, at: ring)
        if let shared, shared.width == work.size.columns, shared.height == work.size.rows, shared.explains(colours, ring: ring) {
            return shared
        }
        return BorderModel(colours, ring: ring, width: work.size.columns, height: work.size.rows)
    }

    /// The per-cell mask (`true` = background), or `nil` when the border is a scene and
    /// `onScene` keeps the picture whole; `model` is the picture's `borderModel`.
    static func mask(
        _ image: Image, size: GridSize, onScene: SceneHandling, model: BorderModel? = nil, cutPixels: Int = maximumCutPixels
    ) -> Grid<Bool>? {
        let grid = WorkGrid(size, perCell: workPixels, maximum: maximumFloodPixels)
        let work = Resize.AreaSampler(image, size: grid.size)
        let ring = BorderModel.ringIndices(width: work.size.columns, height: work.size.rows)
        let model = model ?? borderModel(image, size: size)
        if model.spread > sceneSpread {
            switch onScene {
            case .keepWhole: return nil
            case .cut: return colourCut(image, size: size, maximum: cutPixels)
            case .flood: break
            }
        }
        let lab = LabImage(work)
        let limit = tolerance(for: model.spread)
        let distances = model.distances(lab)
        let candidate = distances.map { $0 <= limit }
        var background = flood(candidate, from: ring, width: lab.width)
        // How far the border's own pixels are from the model: what a hole or a mottle shows.
        let border = BorderModel.statistics(ring.map { distances[$0] })
        if holeLightness.contains(model.colour(x: lab.width / 2, y: lab.height / 2).0) {
            addHoles(candidate, to: &background, distances: distances, border: border, width: lab.width, height: lab.height)
        }
        addShadows(to: &background, lab: lab, model: model, tolerance: limit)
        var frontier = subjectFrontier(of: background, width: lab.width)
        for _ in 0 ..< haloRounds {
            let joined = growHalo(&background, at: frontier, lab: lab, distances: distances)
            frontier = subjectNeighbours(of: joined, in: background, width: lab.width, height: lab.height)
        }
        if model.spread > flatSpread {
            // Behind a scene (flooded only when asked) the border strays too far for a mottle to
            // be told from another object of the picture: only specks go.
            let mottles = model.spread <= sceneSpread ? border : nil
            dropSpecks(from: &background, distances: distances, mottlesOf: mottles, width: lab.width, height: lab.height)
        }
        return grid.cells(background)
    }

    /// The per-cell mask of `ColourCut`, at `cutPixels` per cell, or for a large grid on a
    /// coarser one of at most `maximum` pixels, read at each cell's centre: the cut's time
    /// grows faster than its size (6 s for 600 columns at 2 × 4). Never on more pixels than
    /// the picture has: enlarged pixels add no colour to tell apart, only flat plateaus the
    /// maximum flow crawls over (a 3 × 32 WebP at 40 columns took 0.4 s instead of 1 ms).
    static func colourCut(_ image: Image, size: GridSize, maximum: Int = maximumCutPixels) -> Grid<Bool> {
        let grid = WorkGrid(size, perCell: cutPixels, maximum: min(maximum, max(image.width * image.height, 1)))
        let sampler = Resize.AreaSampler(image, size: grid.size)
        let ring = BorderModel.ringIndices(width: grid.size.columns, height: grid.size.rows)
        return grid.cells(ColourCut.background(LabImage(sampler), ring: ring))
    }

    /// The pixels reachable from `seeds` (the border) through candidates (4-connected).
    ///
    /// Fills whole runs of a row at a time: from a seed it takes the run of candidates left and
    /// right of it, then queues one seed for each run of candidates in the rows above and below,
    /// so most pixels cost a step along a row rather than a trip through the queue.
    static func flood(_ candidate: [Bool], from seeds: [Int], width: Int) -> [Bool] {
        var reached = [Bool](repeating: false, count: candidate.count)
        var queue = seeds
        candidate.withUnsafeBufferPointer { candidate in
            reached.withUnsafeMutableBufferPointer { reached in
                while let seed = queue.popLast() {
                    guard candidate[seed] && !reached[seed] else { continue }
                    let rowStart = seed - seed % width
                    var left = seed, right = seed
                    while left > rowStart && candidate[left - 1] && !reached[left - 1] { left -= 1 }
                    while right < rowStart + width - 1 && candidate[right + 1] && !reached[right + 1] { right += 1 }
                    for index in left ... right { reached[index] = true }
                    // One seed per run of unreached candidates beside the span, above and below.
                    for neighbourRow in stride(from: rowStart - width, through: rowStart + width, by: 2 * width)
                    where neighbourRow >= 0 && neighbourRow < candidate.count {
                        var inRun = false
                        for index in left - rowStart + neighbourRow ... right - rowStart + neighbourRow {
                            let open = candidate[index] && !reached[index]
                            if open && !inRun { queue.append(index) }
                            inRun = open
                        }
                    }
                }
            }
        }
        return reached
    }

    /// Takes into the background the enclosed pockets of background colour that are holes
    /// through the subject (a gear's hole, the inside of a shackle), and only those.
    ///
    /// A pocket of at least `minimumHole` pixels is a hole when it shows what the border shows,
    /// noise and all: the median and the spread (median absolute deviation) of its distances
    /// from the border model each within `holeMatch` of the `border`'s. And when the pockets of
    /// the region of subject that encloses it fill, together, less than `maximumHoleShare` of
    /// it: background colour filling most of an outline is the subject's own fill (a white icon
    /// drawn on white, a page whose lines of text split it into pockets), not holes.
    static func addHoles(
        _ candidate: [Bool], to background: inout [Bool], distances: [Float], border: (median: Float, deviation: Float),
        width: Int, height: Int
    ) {
        let pockets = MaskComponents(of: true, in: unreached(candidate, background), width: width, height: height)
        guard pockets.sizes.contains(where: { $0 >= minimumHole }) else { return }
        // Each enclosing region of subject (pockets included): its size, and how much of it its
        // pockets of background colour fill together (text lines split a page into many).
        let regions = MaskComponents(of: false, in: background, width: width, height: height)
        let enclosing = (0 ..< pockets.count).map { regions.component(containing: pockets.firstPixel(of: $0))! }
        var filled = [Int](repeating: 0, count: regions.count)
        for (pocket, region) in enclosing.enumerated() { filled[region] += pockets.sizes[pocket] }
        for hole in 0 ..< pockets.count where pockets.sizes[hole] >= minimumHole
            && Float(filled[enclosing[hole]]) < maximumHoleShare * Float(regions.sizes[enclosing[hole]]) {
            let pocket = BorderModel.statistics(pockets.values(of: hole, in: distances))
            guard abs(pocket.median - border.median) <= holeMatch, abs(pocket.deviation - border.deviation) <= holeMatch
            else { continue }
            pockets.fill(hole, in: &background, with: true)
        }
    }

    /// The candidates the flood did not reach: `zip(candidate, background).map { $0 && !$1 }`,
    /// written straight into the new array (the map takes about 20 instructions a pixel).
    static func unreached(_ candidate: [Bool], _ background: [Bool]) -> [Bool] {
        precondition(candidate.count == background.count, "one mask's pixels for another's")
        return candidate.withUnsafeBufferPointer { candidate in
            background.withUnsafeBufferPointer { background in
                [Bool](unsafeUninitializedCapacity: candidate.count) { pockets, initialized in
                    for index in candidate.indices { pockets.initializeElement(at: index, to: candidate[index] && !background[index]) }
                    initialized = candidate.count
                }
            }
        }
    }

    /// Grows the background into soft drop shadows: subject pixels reached from the background
    /// through a ramp that darkens it step by step, at most `shadowReach` pixels deep.
    ///
    /// A pixel is on the ramp when its colour is the background's own, darkened (its a and b
    /// shrink with its lightness, as they do when light is taken away; not below `shadowScale`
    /// of it), and it is darker than a ramp or background pixel beside it by a step in
    /// `shadowStep` and lighter than none of them. A ramp counts only where it goes on at least
    /// `shadowDepth` pixels deep to an end where the subject begins: a subject's light rim is
    /// one step, not a ramp, and a ramp into a plateau of its own colour is the soft edge of a
    /// subject of that colour.
    static func addShadows(to background: inout [Bool], lab: LabImage, model: BorderModel, tolerance: Float) {
        let width = lab.width, height = lab.height
        var ramp = background.map { $0 ? 0 : -1 }  // a background pixel 0, a ramp pixel its depth
        var reached = background  // the background and the ramp so far
        var layers: [[Int]] = []
        var frontier = subjectFrontier(of: background, width: width)
        for depth in 1 ... shadowReach where !frontier.isEmpty {
            let layer = frontier.filter { index in
                let (l, a, b) = (lab.l[index], lab.a[index], lab.b[index])
                let model = model.colour(x: index % width, y: index / width)
                // CIELAB's L + 16, a and b all scale with the cube root of the light.
                let scale = (l + 16) / (model.0 + 16)
                guard scale < 1, scale >= shadowScale else { return false }
                let da = a - model.1 * scale, db = b - model.2 * scale
                guard (da * da + db * db).squareRoot() <= tolerance + shadowChroma else { return false }
                // Darker than a pixel outside it by a step, and lighter than none: a shadow
                // darkens towards what casts it, while a dark outline is followed by lighter fill.
                var stepsDown = false
                for next in neighbours(index, width: width, height: height) where ramp[next] >= 0 {
                    if lab.l[next] < l { return false }
                    stepsDown = stepsDown || shadowStep.contains(lab.l[next] - l)
                }
                return stepsDown
            }
            for index in layer { (ramp[index], reached[index]) = (depth, true) }
            layers.append(layer)
            frontier = subjectNeighbours(of: layer, in: reached, width: width, height: height)
        }
        // Keep the ramp pixels from which the ramp goes on, a layer deeper each step, to an end
        // (a ramp pixel with no deeper one beside it) at least `shadowDepth` deep where the
        // subject begins: not a plateau of the end's own colour, which is the subject's body
        // with the ramp its blurred edge. A subject's own shading (a pedestal's top darkening
        // away from its rim) is a ramp that goes on into more of itself: its ends are plateaus.
        var kept = [Bool](repeating: false, count: ramp.count)
        for (offset, layer) in layers.enumerated().reversed() {
            let depth = offset + 1
            for index in layer {
                var deeper = false, leadsToShadow = false
                for next in neighbours(index, width: width, height: height) where ramp[next] == depth + 1 {
                    deeper = true
                    leadsToShadow = leadsToShadow || kept[next]
                }
                let isEnd = !deeper && depth >= shadowDepth
                kept[index] = leadsToShadow || isEnd && !neighbours(index, width: width, height: height).contains { next in
                    ramp[next] < 0 && lab.distance(next, to: (lab.l[index], lab.a[index], lab.b[index])) <= tolerance
                }
            }
        }
        for (index, isKept) in kept.enumerated() where isKept { background[index] = true }
    }

    /// Takes into the background the pieces of subject apart from the largest that are the
    /// texture's own: every piece smaller than `minimumSpeck` pixels, and (given the `border`'s
    /// statistics) every piece whose median distance from the border model is within
    /// `mottleReach` MADs of the border's median distance. Such a piece is a mottle of the texture, darker or lighter than the
    /// flood's tolerance (4 MADs) lets through, yet no further from the background than the
    /// border itself strays; a separate object of its own colour lies far beyond.
    static func dropSpecks(
        from background: inout [Bool], distances: [Float], mottlesOf border: (median: Float, deviation: Float)?,
        width: Int, height: Int
    ) {
        let pieces = MaskComponents(of: false, in: background, width: width, height: height)
        guard let largest = pieces.sizes.indices.max(by: { pieces.sizes[$0] < pieces.sizes[$1] }) else { return }
        let reach = border.map { $0.median + mottleReach * $0.deviation } ?? -.infinity
        for piece in 0 ..< pieces.count where piece != largest {
            guard pieces.sizes[piece] < minimumSpeck || BorderModel.quantile(pieces.values(of: piece, in: distances), 0.5) <= reach
            else { continue }
            pieces.fill(piece, in: &background, with: true)
        }
    }

    /// The subject pixels with a background pixel beside them.
    static func subjectFrontier(of background: [Bool], width: Int) -> [Int] {
        let height = background.count / max(width, 1)
        var frontier: [Int] = []
        // Bools as bytes (0 or 1), so a pixel's four neighbours are or-ed without a branch each;
        // a missing row above or below reads as a row of subject.
        let none = [UInt8](repeating: 0, count: width)
        background.withUnsafeBufferPointer { pixels in
            pixels.withMemoryRebound(to: UInt8.self) { pixels in
                none.withUnsafeBufferPointer { none in
                    for y in 0 ..< height {
                        let row = y &* width
                        let above = y > 0 ? UnsafeBufferPointer(rebasing: pixels[row &- width ..< row]) : none
                        let below = y < height - 1 ? UnsafeBufferPointer(rebasing: pixels[row &+ width ..< row &+ 2 &* width]) : none
                        for x in 0 ..< width where pixels[row &+ x] == 0 {
                            let left = x > 0 ? pixels[row &+ x &- 1] : 0, right = x < width - 1 ? pixels[row &+ x &+ 1] : 0
                            if left | right | above[x] | below[x] != 0 { frontier.append(row &+ x) }
                        }
                    }
                }
            }
        }
        return frontier
    }

    /// The subject pixels beside any of `pixels`, each once.
    static func subjectNeighbours(of pixels: [Int], in background: [Bool], width: Int, height: Int) -> [Int] {
        var listed = [Bool](repeating: false, count: background.count)
        var neighbours: [Int] = []
        for index in pixels {
            for next in Self.neighbours(index, width: width, height: height) where !background[next] && !listed[next] {
                listed[next] = true
                neighbours.append(next)
            }
        }
        return neighbours
    }

    /// One round of halo growth over the `frontier` (subject pixels beside the background): a
    /// pixel joins the background when it is closer to the background model than to the mean
    /// colour of the subject pixels around it. Returns the pixels that joined, in the
    /// frontier's order.
    ///
    /// The means' tables are made a row at a time, top to bottom (`SummedArea`), so the
    /// frontier is visited row by row.
    static func growHalo(_ background: inout [Bool], at frontier: [Int], lab: LabImage, distances: [Float]) -> [Int] {
        let width = lab.width
        var sums = SummedArea(lab: lab, subject: background, boxHeight: 2 * haloRadius + 1)
        var joins = [Bool](repeating: false, count: frontier.count)
        for position in rowOrder(of: frontier, width: width, height: lab.height) {
            let index = frontier[position], x = index % width, y = index / width
            let mean = sums.mean(x0: x - haloRadius, y0: y - haloRadius, x1: x + haloRadius, y1: y + haloRadius)
            guard let mean else { continue }
            joins[position] = distances[index] < lab.distance(index, to: mean)
        }
        let joining = frontier.indices.filter { joins[$0] }.map { frontier[$0] }
        for index in joining { background[index] = true }
        return joining
    }

    /// The positions in `pixels` (indices into a picture `width` × `height`), ordered by the
    /// pixels' rows, and within a row as listed.
    static func rowOrder(of pixels: [Int], width: Int, height: Int) -> [Int] {
        var next = [Int](repeating: 0, count: height + 1)
        for index in pixels { next[index / width + 1] += 1 }
        for row in 0 ..< height { next[row + 1] += next[row] }
        var order = [Int](repeating: 0, count: pixels.count)
        for (position, index) in pixels.enumerated() {
            order[next[index / width]] = position
            next[index / width] += 1
        }
        return order
    }

    /// The pixel grid a mask is worked out on, and how its pixels become cells.
    ///
    /// Normally `perCell` work pixels to a cell, and a cell is background when more than half of
    /// them are. A grid that would pass `maximum` pixels is worked on coarser, in the same
    /// proportions, and each cell takes the work pixel at its centre: the work's time and memory
    /// grow with its pixels, and a tall strip or a huge `--width` must not take gigabytes.
    struct WorkGrid {
        /// The art's grid.
        let artSize: GridSize
        /// The work pixels a cell holds when the grid is not coarsened.
        let perCell: (across: Int, down: Int)
        /// The work grid.
        let size: GridSize

        init(_ artSize: GridSize, perCell: (across: Int, down: Int), maximum: Int) {
            self.artSize = artSize
            self.perCell = perCell
            let fine = GridSize(columns: artSize.columns * perCell.across, rows: artSize.rows * perCell.down)
            let scale = min(1, (Double(maximum) / Double(fine.columns * fine.rows)).squareRoot())
            size = scale == 1 ? fine : GridSize(
                columns: max(1, Int(Double(fine.columns) * scale)), rows: max(1, Int(Double(fine.rows) * scale)))
        }

        /// The per-cell mask (`true` = background) from the work grid's.
        func cells(_ background: [Bool]) -> Grid<Bool> {
            let width = size.columns
            if width != artSize.columns * perCell.across || size.rows != artSize.rows * perCell.down {
                var mask = Grid(columns: artSize.columns, rows: artSize.rows, repeating: false)
                for row in 0 ..< artSize.rows {
                    for column in 0 ..< artSize.columns {
                        let y = min(size.rows - 1, Int((Double(row) + 0.5) * Double(size.rows) / Double(artSize.rows)))
                        let x = min(width - 1, Int((Double(column) + 0.5) * Double(width) / Double(artSize.columns)))
                        mask[column, row] = background[y * width + x]
                    }
                }
                return mask
            }
            precondition(background.count == width * size.rows, "a mask of the work grid")
            let (across, down) = perCell, half = across * down / 2
            let values = background.withUnsafeBufferPointer { background in
                [Bool](unsafeUninitializedCapacity: artSize.columns * artSize.rows) { mask, initialized in
                    for cell in 0 ..< artSize.columns * artSize.rows {
                        let row = cell / artSize.columns, column = cell - row * artSize.columns
                        var count = 0, start = row &* down &* width &+ column &* across
                        for _ in 0 ..< down {
                            for x in start ..< start &+ across { count &+= background[x] ? 1 : 0 }
                            start &+= width
                        }
                        mask.initializeElement(at: cell, to: count > half)
                    }
                    initialized = artSize.columns * artSize.rows
                }
            }
            return Grid(columns: artSize.columns, rows: artSize.rows, values: values)
        }
    }

    /// The 4-connected neighbours of a pixel, without allocating.
    struct Neighbours: Sequence, IteratorProtocol {
        let index: Int, width: Int, height: Int
        var step = 0

        mutating func next() -> Int? {
            while step < 4 {
                step += 1
                let x = index % width
                switch step {
                case 1 where x > 0: return index - 1
                case 2 where x < width - 1: return index + 1
                case 3 where index >= width: return index - width
                case 4 where index < (height - 1) * width: return index + width
                default: continue
                }
            }
            return nil
        }
    }

    static func neighbours(_ index: Int, width: Int, height: Int) -> Neighbours {
        Neighbours(index: index, width: width, height: height)
    }
}

/// The mean colour of the subject pixels in any box a few rows tall, in constant time:
/// summed-area tables of the subject's count and of its L, a and b, side by side in the lanes
/// of one array.
///
/// The tables are made a row at a time, as boxes further down ask for them, and only the rows
/// the tallest box spans are kept: 31 KB for a flood's 240 work pixels across, where the whole
/// tables took 480 KB, about 120 fresh pages of memory at over a microsecond each here. Boxes
/// must therefore come top to bottom (by their top rows).
struct SummedArea {
    private let lab: LabImage
    private let background: [Bool]
    /// Table rows `made - window ..< made`, row `r` at `r % window`; row 0 is all zeros.
    private var rows: [SIMD4<Float>]
    private var made = 1
    private let window: Int, stride: Int
    private let width: Int, height: Int

    /// Tables of the subject pixels (those not in `background`) of `lab`, for boxes at most
    /// `boxHeight` rows tall.
    init(lab: LabImage, subject background: [Bool], boxHeight: Int) {
        self.lab = lab
        self.background = background
        width = lab.width
        height = lab.height
        stride = width + 1
        window = boxHeight + 1
        rows = [SIMD4<Float>](repeating: .zero, count: window * stride)
    }

    /// The mean subject colour in the inclusive box, clipped to the picture; `nil` when the box
    /// holds no subject pixel.
    mutating func mean(x0: Int, y0: Int, x1: Int, y1: Int) -> (Float, Float, Float)? {
        let left = max(0, x0), top = max(0, y0), right = min(width - 1, x1) + 1, bottom = min(height - 1, y1) + 1
        while made <= bottom { makeRow() }
        precondition(top >= made - window && bottom - top < window, "boxes come top to bottom, at most boxHeight tall")
        let above = top % window * stride, below = bottom % window * stride
        return rows.withUnsafeBufferPointer { rows in
            let sum = rows[below + right] - rows[above + right] - rows[below + left] + rows[above + left]
            let count = sum[0]
            guard count > 0.5 else { return nil }
            return (sum[1] / count, sum[2] / count, sum[3] / count)
        }
    }

    /// Makes table row `made` from the row above it and pixel row `made - 1`.
    private mutating func makeRow() {
        let y = made - 1, width = width, stride = stride
        let here = made % window * stride, above = y % window * stride
        rows.withUnsafeMutableBufferPointer { rows in
            background.withUnsafeBufferPointer { background in
                lab.l.withUnsafeBufferPointer { l in
                    lab.a.withUnsafeBufferPointer { a in
                        lab.b.withUnsafeBufferPointer { b in
                            // The row's running count and sums, lane by lane as four scalars would add them.
                            var sums = SIMD4<Float>.zero
                            for x in 0 ..< width {
                                let index = y &* width &+ x
                                if !background[index] { sums += SIMD4(1, l[index], a[index], b[index]) }
                                rows[here &+ x &+ 1] = rows[above &+ x &+ 1] + sums
                            }
                        }
                    }
                }
            }
        }
        made += 1
    }
}
