import ArgumentParser
import AsciiArt
import PushinCore

/// The options that decide how a picture looks, whatever its size; shared by `convert` and
/// `cache`.
struct LookArguments: ParsableArguments {
    @Option(help: "How many times taller than wide a terminal cell is.")
    var cellAspect: Double = 2.0

    @Option(help: "A preset look: standard (most faithful) or seed (the original script's look); other options override it.")
    var style: Style = .standard

    @Option(help: """
        How each cell's glyph is chosen: shape (by the pattern of the picture inside the cell as well as its \
        brightness, so edges are drawn as lines) or tone (by brightness alone, from the ramp). Default: shape; \
        tone for --style seed.
        """)
    var match: GlyphMatch?

    @Option(help: "The glyphs of shape matching: ascii, blocks (U+2580–259F: halves, quadrants, shades) or braille (U+2800–28FF).")
    var symbols: SymbolSet = .ascii

    @Option(help: "The character ramp: standard, seed, short or long (shape matching then draws with its characters only).")
    var ramp: RampChoice?

    @Option(help: "A custom ramp, sparsest character first (at least two); shape matching draws with these characters only.")
    var chars: String?

    @Flag(help: "Dense characters for dark areas, for light terminals.")
    var invert = false

    @Option(help: "The terminal's background: dark, light (the same as --invert), or auto (from $COLORFGBG, else dark).")
    var theme: Theme = .auto

    @Option(help: "Tone curve exponent: level = brightness^G; below 1 brightens, above 1 darkens.")
    var gamma: Float?

    @Option(help: "Contrast stretch: none, or the percentage of the subject's cells clipped at each end before stretching its range to the full ramp (0 = min–max).")
    var contrast: ContrastChoice?

    @Option(help: """
        Background removal: \(BackgroundMode.allCases.map(\.rawValue).joined(separator: ", ")) (default auto: \
        transparency, else a flood from the border, else nothing; flood: always the flood from the border; subject: \
        the subject, whatever is behind it, cut out of a photo behind it too).
        """)
    var background: BackgroundMode?

    @Option(help: "What background cells are drawn with: faint or blank.")
    var fill: BackgroundFill?

    @Option(help: "Blank rows kept above and below the subject when trimming (columns: twice as many).")
    var margin: Int = 2

    @Flag(help: "Keep the full frame: do not trim blank rows and columns.")
    var noTrim = false

    @Option(help: "Refuse images whose header declares more pixels than this.")
    var maxPixels: Int = 100_000_000

    @Option(help: "Refuse animations with more frames than this.")
    var maxFrames: Int = 1000

    @Flag(help: "Draw pictures that decode only with warnings (truncated, corrupt data), and animations over --max-frames up to it, instead of refusing them.")
    var lenient = false

    mutating func validate() throws {
        if !(cellAspect > 0 && cellAspect < 100) { throw ValidationError("--cell-aspect must be between 0 and 100") }
        if let gamma, !(gamma > 0 && gamma < 100) { throw ValidationError("--gamma must be between 0 and 100") }
        if margin < 0 { throw ValidationError("--margin must be 0 or more") }
        if maxPixels < 1 { throw ValidationError("--max-pixels must be at least 1") }
        if maxFrames < 1 { throw ValidationError("--max-frames must be at least 1") }
        if let chars, Ramp(chars) == nil {
            throw ValidationError("--chars needs at least two distinct printable single-width characters")
        }
        if chars != nil && ramp != nil { throw ValidationError("give --ramp or --chars, not both") }
    }

    /// The conversion these arguments ask for, at the default size.
    var conversionOptions: ConversionOptions {
        var art = style.baseOptions
        art.cellAspect = cellAspect
        if let match { art.match = match }
        art.symbols = symbols
        if let ramp { art.ramp = ramp.ramp }
        if let chars, let custom = Ramp(chars) { art.ramp = custom }
        art.restrictsShapes = ramp != nil || chars != nil
        art.invert = invert || theme.isLight(environment: Environment.current)
        if let gamma { art.curve = .power(gamma) }
        if let contrast { art.contrast = contrast.contrast }
        if let background { art.background = background }
        if let fill { art.fill = fill }
        art.margin = noTrim ? nil : Trim.Margin(rows: margin, columns: 2 * margin)
        var options = ConversionOptions()
        options.art = art
        options.maxPixels = maxPixels
        options.maxFrames = maxFrames
        options.lenient = lenient
        return options
    }
}

/// How art is written out: format and colour. Used by `convert` and (colour only) `random`.
struct ColorArguments: ParsableArguments {
    @Option(help: ColorArguments.colorHelp)
    var color: ColorChoice = .auto

    @Option(help: "Colours to use: 16, 256 or truecolor (default: from $COLORTERM and $TERM).")
    var colorDepth: ColorDepth?

    @Option(help: "What the colour paints: fg (the glyph), bg (the cell) or both.")
    var colorMode: ColorMode = .fg

    /// The help of `--color`, which `pushin random` shares.
    static let colorHelp = ArgumentHelp(
        "Colour: auto (when writing to a terminal; see NO_COLOR, CLICOLOR_FORCE, TERM), always or never.")

    /// The depth to colour in, or `nil` for none, for output to standard output or a file.
    func depth(forceOn: Bool = false, toTerminal: Bool) -> ColorDepth? {
        ColorPolicy.depth(
            choice: forceOn && color == .auto ? .always : color, depth: colorDepth,
            environment: Environment.current, outputIsTerminal: toTerminal)
    }
}

/// An option's value that is one of a few names: an enum whose raw values are its names.
///
/// Lists its names with a closure: the argument parser's own list maps a key path
/// (`\.rawValue.defaultValueDescription`), which the runtime instantiates by demangling and
/// protocol conformance scans every time a command's options are reflected, even for
/// `pushin --version`: about 3.4 million of the 15 million instructions it took.
protocol NamedChoice: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension NamedChoice {
    /// The names, in declaration order.
    public static var allValueStrings: [String] { allCases.map { $0.rawValue } }
}

/// The output formats of `--format`.
enum OutputFormat: String, NamedChoice {
    /// Terminal text, coloured as `--color` decides.
    case text
    /// Terminal text, coloured unless `--color never`.
    case ansi
    /// A standalone HTML page.
    case html
}

/// The presets of `--style`.
enum Style: String, NamedChoice {
    case standard, seed

    var baseOptions: ArtOptions {
        switch self {
        case .standard: return ArtOptions()
        case .seed: return ArtOptions.seed
        }
    }
}

/// The named ramps of `--ramp`.
enum RampChoice: String, NamedChoice {
    case standard, seed, short, long

    var ramp: Ramp {
        switch self {
        case .standard: return .standard
        case .seed: return .seed
        case .short: return .short
        case .long: return .long
        }
    }
}

/// The values of `--contrast`: "none" or a clip percentage.
struct ContrastChoice: ExpressibleByArgument {
    var contrast: Tone.Contrast

    init?(argument: String) {
        if argument == "none" {
            contrast = .none
        } else if let percent = Float(argument), percent >= 0, percent < 50 {
            contrast = .stretch(clipPercent: percent)
        } else {
            return nil
        }
    }
}

extension BackgroundMode: NamedChoice {}
extension Theme: NamedChoice {}
extension ColorChoice: NamedChoice {}
extension ColorDepth: NamedChoice {}
extension ColorMode: NamedChoice {}
extension BackgroundFill: NamedChoice {}
extension GlyphMatch: NamedChoice {}
extension SymbolSet: NamedChoice {}
