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

    @Option(help: "The character ramp: standard, seed, short or long.")
    var ramp: RampChoice?

    @Option(help: "A custom ramp, sparsest character first (at least two).")
    var chars: String?

    @Flag(help: "Dense characters for dark areas, for light terminals.")
    var invert = false

    @Option(help: "Tone curve exponent: level = brightness^G; below 1 brightens, above 1 darkens.")
    var gamma: Float?

    @Option(help: "Contrast stretch: none, or the percentage of the subject's cells clipped at each end before stretching its range to the full ramp (0 = min–max).")
    var contrast: ContrastChoice?

    @Option(help: "Background removal: \(BackgroundMode.allCases.map(\.rawValue).joined(separator: ", ")).")
    var background: BackgroundMode?

    @Option(help: "What background cells are drawn with: faint or blank.")
    var fill: BackgroundFill?

    @Option(help: "Blank rows kept above and below the subject when trimming (columns: twice as many).")
    var margin: Int = 2

    @Flag(help: "Keep the full frame: do not trim blank rows and columns.")
    var noTrim = false

    @Option(help: "Refuse images whose header declares more pixels than this.")
    var maxPixels: Int = 100_000_000

    @Flag(help: "Draw JPEGs that decode only with warnings (truncated, corrupt data) instead of refusing them.")
    var lenient = false

    mutating func validate() throws {
        if !(cellAspect > 0 && cellAspect < 100) { throw ValidationError("--cell-aspect must be between 0 and 100") }
        if let gamma, !(gamma > 0 && gamma < 100) { throw ValidationError("--gamma must be between 0 and 100") }
        if margin < 0 { throw ValidationError("--margin must be 0 or more") }
        if maxPixels < 1 { throw ValidationError("--max-pixels must be at least 1") }
        if let chars, Ramp(chars) == nil {
            throw ValidationError("--chars needs at least two distinct printable single-width characters")
        }
        if chars != nil && ramp != nil { throw ValidationError("give --ramp or --chars, not both") }
    }

    /// The conversion these arguments ask for, at the default size.
    var conversionOptions: ConversionOptions {
        var art = style.baseOptions
        art.cellAspect = cellAspect
        if let ramp { art.ramp = ramp.ramp }
        if let chars, let custom = Ramp(chars) { art.ramp = custom }
        art.invert = invert
        if let gamma { art.curve = .power(gamma) }
        if let contrast { art.contrast = contrast.contrast }
        if let background { art.background = background }
        if let fill { art.fill = fill }
        art.margin = noTrim ? nil : Trim.Margin(rows: margin, columns: 2 * margin)
        var options = ConversionOptions()
        options.art = art
        options.maxPixels = maxPixels
        options.lenient = lenient
        return options
    }
}

/// The presets of `--style`.
enum Style: String, ExpressibleByArgument, CaseIterable {
    case standard, seed

    var baseOptions: ArtOptions {
        switch self {
        case .standard: return ArtOptions()
        case .seed: return ArtOptions.seed
        }
    }
}

/// The named ramps of `--ramp`.
enum RampChoice: String, ExpressibleByArgument, CaseIterable {
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

extension BackgroundMode: ExpressibleByArgument {}
extension BackgroundFill: ExpressibleByArgument {}
