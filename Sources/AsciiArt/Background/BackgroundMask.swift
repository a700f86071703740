/// How the background is told from the subject.
public enum BackgroundMode: String, Sendable, CaseIterable {
    /// Per picture: its transparency when it has some, else a flood from the border, else
    /// (a photo filled edge to edge, or a picture that would be all background) nothing.
    case auto
    /// Transparent cells are background, whatever colour their pixels hold.
    case alpha
    /// A colour-aware flood from the border (see `FloodMask`), always applied, whatever the
    /// border holds.
    case flood
    /// Find the subject, whatever is behind it: the flood on a plain, gradient or textured
    /// background; behind a scene (a photo as the background), a colour cut between subject and
    /// scene (`ColourCut`).
    case subject
    /// The seed's heuristic: the four corners sample the background's brightness.
    case corners
    /// Nothing is background: the whole picture is drawn.
    case none
}

/// Per-cell masks: `true` marks a background cell.
public enum BackgroundMask {
    /// How many pixels across and down each cell the picture should have for `mode`: 4 × 8
    /// for the modes that may flood (more than the flood's 3 × 5 work grid, whose pixels are
    /// then area averages; decoding at exactly 3 × 5 scored 0.869 instead of 0.874 mean IoU),
    /// else 2 × 4, enough for a faithful area average (a cell is about twice as tall as wide,
    /// so the samples stay square).
    public static func samplesPerCell(for mode: BackgroundMode) -> (across: Int, down: Int) {
        switch mode {
        case .auto, .flood, .subject: return (4, 8)
        case .alpha, .corners, .none: return (2, 4)
        }
    }

    /// The mask for `mode`; `nil` when nothing is removed.
    ///
    /// `cells` and `luma` are the picture at the art's grid; `image` is the picture itself, for
    /// the modes that look closer than one cell.
    public static func mask(_ mode: BackgroundMode, image: Image, cells: Grid<Cell>, luma: Grid<Float>) -> Grid<Bool>? {
        var model: BorderModel? = nil
        return mask(mode, image: image, cells: cells, luma: luma, sharing: &model)
    }

    /// `mask` for one frame of an animation of `frames` frames: a flood reuses `model`, the
    /// border model of the frames before, while it still explains this frame's border (the
    /// background stays put), and leaves in it the model it used; a colour cut shares its
    /// work with the other frames (`FloodMask.cutPixels(frames:)`).
    static func mask(
        _ mode: BackgroundMode, image: Image, cells: Grid<Cell>, luma: Grid<Float>, sharing model: inout BorderModel?,
        frames: Int = 1
    ) -> Grid<Bool>? {
        let size = GridSize(columns: cells.columns, rows: cells.rows)
        func flood(_ onScene: FloodMask.SceneHandling) -> Grid<Bool>? {
            model = FloodMask.borderModel(image, size: size, shared: model)
            return FloodMask.mask(image, size: size, onScene: onScene, model: model, cutPixels: FloodMask.cutPixels(frames: frames))
        }
        switch mode {
        case .none: return nil
        case .corners: return corners(luma: luma)
        case .alpha: return alpha(cells: cells)
        case .flood: return flood(.flood)
        case .subject: return flood(.cut)
        case .auto:
            let mask = image.hasTransparency ? alpha(cells: cells) : flood(.keepWhole)
            // A mask that leaves no subject at all (a blank or smoothly shaded picture) helps no one.
            return mask?.values.allSatisfy({ $0 }) == true ? nil : mask
        }
    }

    /// Cells less than half opaque are background.
    public static func alpha(cells: Grid<Cell>) -> Grid<Bool> {
        cells.map { $0.alpha < 0.5 }
    }

    /// The seed's corner-sampling heuristic, without its bugs.
    ///
    /// Takes the four corner squares of 10 % of the width and height (at least one cell), and
    /// their mean and standard deviation σ. A dark background (mean below 25) is the cells below
    /// 25; otherwise the background is every cell at least as bright as mean − σ. The corners are
    /// averaged in floating point (the seed summed them as wrapping bytes).
    public static func corners(luma: Grid<Float>) -> Grid<Bool> {
        let samples = cornerSamples(luma)
        let mean = samples.reduce(0, +) / Float(samples.count)
        let variance = samples.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Float(samples.count)
        let threshold = mean - variance.squareRoot()
        let darkBackground: Float = 25
        if mean < darkBackground {
            return luma.map { $0 < darkBackground }
        }
        return luma.map { $0 >= threshold }
    }

    /// The cells of the four corner squares, each square counted once even where they overlap.
    static func cornerSamples(_ luma: Grid<Float>) -> [Float] {
        let width = max(1, luma.columns / 10)
        let height = max(1, luma.rows / 10)
        var samples: [Float] = []
        for row in 0 ..< luma.rows where row < height || row >= luma.rows - height {
            for column in 0 ..< luma.columns where column < width || column >= luma.columns - width {
                samples.append(luma[column, row])
            }
        }
        return samples
    }
}
