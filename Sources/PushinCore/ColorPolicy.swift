import AsciiArt

/// The user's wish for colour: `--color`.
public enum ColorChoice: String, Sendable, CaseIterable {
    case auto, always, never
}

/// The terminal's background, for `--theme`.
public enum Theme: String, Sendable, CaseIterable {
    case dark, light, auto

    /// True when the art should be drawn for a light background: `light`, or `auto` with a
    /// `COLORFGBG` whose background is a light colour (7 or 9–15). Never asks the terminal.
    public func isLight(environment: [String: String]) -> Bool {
        switch self {
        case .dark: return false
        case .light: return true
        case .auto:
            guard let background = environment["COLORFGBG"]?.split(separator: ";").last.flatMap({ Int($0) }) else {
                return false
            }
            return background == 7 || (9 ... 15).contains(background)
        }
    }
}

/// Whether output is coloured, and in how many colours.
public enum ColorPolicy {
    /// The colour depth to write in, or `nil` for no colour.
    ///
    /// `never` and `always` are obeyed. `auto` gives no colour when `NO_COLOR` is set and
    /// non-empty; colour when `CLICOLOR_FORCE` or `FORCE_COLOR` is set (and not "0"); else none
    /// when `TERM` is `dumb` or standard output is not a terminal. The depth is `depth` when
    /// given, else truecolor for `COLORTERM=truecolor|24bit`, 256 for a `TERM` ending in
    /// `256color`, else 16.
    public static func depth(
        choice: ColorChoice, depth: ColorDepth?, environment: [String: String], outputIsTerminal: Bool
    ) -> ColorDepth? {
        switch choice {
        case .never:
            return nil
        case .always:
            return depth ?? detectedDepth(environment)
        case .auto:
            func isSet(_ name: String) -> Bool {
                guard let value = environment[name] else { return false }
                return !value.isEmpty && value != "0" && value != "false"
            }
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return nil }
            if isSet("CLICOLOR_FORCE") || isSet("FORCE_COLOR") { return depth ?? detectedDepth(environment) }
            if environment["TERM"] == "dumb" || !outputIsTerminal { return nil }
            return depth ?? detectedDepth(environment)
        }
    }

    /// The depth the environment says the terminal shows.
    public static func detectedDepth(_ environment: [String: String]) -> ColorDepth {
        let colorTerm = environment["COLORTERM"]?.lowercased() ?? ""
        if colorTerm == "truecolor" || colorTerm == "24bit" { return .truecolor }
        if (environment["TERM"] ?? "").hasSuffix("256color") { return .ansi256 }
        return .ansi16
    }
}
