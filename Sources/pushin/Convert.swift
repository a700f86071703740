import ArgumentParser
import AsciiArt
import PushinCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `pushin convert`: draws each input as art on standard output or into one file.
struct Convert: ParsableCommand {
    // Named here: derived from the type's name, it costs a reflected `String(describing:)` and
    // its protocol conformance scans at every start, even for `pushin --version`.
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Print pictures as ASCII art.",
        discussion: """
            Reads PNG, JPEG, GIF and WebP files (the format is told by content, not by name). \
            A folder means the images directly in it; - reads standard input. An animated GIF \
            or WebP plays in place when writing to a terminal (--animate), and animates in the \
            browser as HTML. Exits 0 when every input was drawn, 1 when some could not be (the \
            others are still drawn).

            Every decoder is bounded in time and memory. --max-pixels (100,000,000) applies to \
            the size a header declares (an animation's canvas) and --max-frames (1000) to an \
            animation's frames. Besides: PNGs are read to 1,000,000 pixels a side and 1 MB a \
            chunk (chunks pushin does not use are skipped unread); an interlaced PNG or a \
            multi-scan JPEG is held whole only within 3 bytes a pixel of the budget; a JPEG may \
            have 64 scans and 100,000 warnings; GIF and animated WebP canvases are composited \
            in memory up to 24 megapixels (a lossless WebP alike), and an animation up to 800 million pixels in all; \
            a decoded picture holds at most 24 megapixels, art at most 1,000,000 cells (an animation's \
            frames 4,000,000 in all). A \
            file over a limit is refused in one line; --lenient draws an animation up to its limit.
            """)

    @Option(name: [.short, .long], help: "Columns of art (default: the terminal's width, else $COLUMNS, else 80).")
    var width: Int?

    @Option(name: [.customShort("H"), .long], help: "Rows of art (default: from the picture's proportions).")
    var height: Int?

    @Option(help: ArgumentHelp(
        "Fit the art inside a box of COLUMNSxROWS cells, keeping the picture's proportions (for previews).",
        valueName: "COLUMNSxROWS"))
    var size: BoxSize?

    @Flag(help: "With --size: fill the whole box, stretching the picture.")
    var stretch = false

    @Flag(inversion: .prefixedNo, help: """
        Put each picture's name above its art (==> NAME <==, as head does) when there are several \
        (default: on a terminal, not in a pipe).
        """)
    var names: Bool?

    @OptionGroup var look: LookArguments

    @Option(help: "text, ansi (text in colour) or html (one standalone page of every input).")
    var format: OutputFormat = .text

    @OptionGroup var colors: ColorArguments

    @Option(help: "Play animations: auto (when writing to a terminal, or as HTML), always, or never (print one frame).")
    var animate: AnimateChoice = .auto

    @Option(help: "The frame of an animation to print, from 1 (prints that frame instead of playing).")
    var frame: Int?

    @Option(help: "How many times an animation plays: a count, or forever (default: as the file says).")
    var loop: LoopCount?

    @Option(help: "Stop playing an animation after this many seconds.")
    var duration: Double?

    @Option(name: [.short, .long], help: "Write the art to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "Also write NAME.gray.png, NAME.cells.png and NAME.mask.png for each input into this folder.")
    var debug: String?

    @Argument(help: "PNG, JPEG, GIF or WebP files, folders of them, or - for standard input.")
    var inputs: [String]

    mutating func validate() throws {
        let cells = GridSize.maximumCells
        if let width, !(1 ... cells).contains(width) { throw ValidationError("--width must be from 1 to \(cells)") }
        if let height, !(1 ... cells).contains(height) { throw ValidationError("--height must be from 1 to \(cells)") }
        if size != nil && (width != nil || height != nil) { throw ValidationError("give --size or --width/--height, not both") }
        if let size, !(1 ... cells).contains(size.columns) || !(1 ... cells).contains(size.rows) {
            throw ValidationError("--size must be from 1x1 to \(cells)x\(cells)")
        }
        if stretch && size == nil { throw ValidationError("--stretch goes with --size") }
        if inputs.isEmpty { throw ValidationError("give at least one image file, folder, or - for standard input") }
        if inputs.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be read only once") }
        if let frame, frame < 1 { throw ValidationError("--frame counts from 1") }
        if frame != nil && animate == .always { throw ValidationError("give --frame or --animate always, not both") }
        if let duration, !(duration > 0 && duration < 1e6) { throw ValidationError("--duration must be a positive number of seconds") }
    }

    /// True when animations are drawn as animations: played on the terminal, or animated in HTML.
    private var animates: Bool {
        switch animate {
        case .never: return false
        case .always: return true
        case .auto: return frame == nil && (format == .html || (output == nil && Terminal.outputIsTerminal))
        }
    }

    func run() throws {
        var options = look.conversionOptions
        options.art.columns = size?.columns ?? width
        options.art.rows = size?.rows ?? height
        options.art.fitsInside = size != nil && !stretch
        options.art.defaultColumns = Terminal.defaultColumns(environment: Environment.current)
        options.frames = animates ? .all : .single((frame ?? 1) - 1)
        // Blocks painted in two colours a cell are chosen for them (text in colour only).
        options.art.twoToneBlocks = format != .html && colors.colorMode == .both && colourDepth != nil
        var failed = false
        var collected: [UInt8] = []
        var drawnCount = 0
        var page: [HTMLPage.Picture] = []
        func emit(_ text: String) {
            if output == nil { writeToStandardOutput(text) } else { collected.append(contentsOf: text.utf8) }
        }
        let files = InputFiles.expand(inputs)
        let showsNames = format != .html && (names ?? (files.count > 1 && output == nil && Terminal.outputIsTerminal))
        for input in files {
            do throws(FileError) {
                let path = try input.get()
                let picture = try PictureFile(path: path)
                let conversion = try convert(picture, from: path, options: options)
                if let debug { try DebugImages.write(conversion, source: path, into: debug) }
                for warning in conversion.warnings { report(path, "warning: \(warning)") }
                if format == .html {
                    // One page holds every picture, so it is written once all are drawn.
                    page.append(HTMLPage.Picture(
                        caption: Self.displayName(path), frames: conversion.frames.map { ($0.art, $0.delay) },
                        loopCount: loop.map(\.plays) ?? conversion.loopCount))
                } else if conversion.frames.count > 1 && output == nil {
                    emit((drawnCount > 0 ? "\n" : "") + (showsNames ? Self.nameLine(path) : ""))
                    let fitted = try fitToTerminal(conversion, picture: picture, from: path, options: options)
                    // With several inputs, an endless animation plays once so the next one comes.
                    let plays = loop?.plays ?? (inputs.count > 1 ? conversion.loopCount ?? 1 : conversion.loopCount)
                    let frames = fitted.frames.map { TextFrame(text: render($0.art), delay: $0.delay) }
                    guard Playback.play(frames, loops: plays, duration: duration) else { return }
                } else {
                    emit((drawnCount > 0 ? "\n" : "") + (showsNames ? Self.nameLine(path) : "") + render(conversion.art))
                }
                drawnCount += 1
            } catch {
                report(error.path, error.reason)
                failed = true
            }
        }
        if !page.isEmpty {
            let title = page.count == 1 ? page[0].caption : "pushin: \(page.count) pictures"
            emit(HTMLPage.render(page, title: title, light: options.art.invert))
        }
        if let output {
            do throws(FileError) { try FileIO.writeAtomically(collected, to: output) } catch {
                report(error.path, error.reason)
                throw ExitCode.failure
            }
        }
        if failed { throw ExitCode.failure }
    }

    /// The animation again at a height that leaves a row for the cursor below it, when it is
    /// taller than the terminal: frames drawn in place must never scroll.
    /// The picture is drawn again from what was read the first time: an animation's bytes, since
    /// standard input can be read only once.
    private func fitToTerminal(
        _ conversion: Conversion, picture: borrowing PictureFile, from path: String, options: ConversionOptions
    ) throws(FileError) -> Conversion {
        guard let terminalRows = Terminal.rows(environment: Environment.current) else { return conversion }
        let limit = max(1, terminalRows - 1)
        var fitted = conversion, refit = options
        while fitted.art.glyphs.rows > limit, let rows = refit.art.rows ?? Optional(fitted.art.fullLuma.rows), rows > 1 {
            // Trimming keeps a share of the grid's rows: shrink the grid by the share that is over.
            let shrunk = max(1, min(rows - 1, rows * limit / fitted.art.glyphs.rows))
            refit.art.columns = nil
            refit.art.rows = shrunk
            fitted = try convert(picture, from: path, options: refit)
        }
        return fitted
    }

    /// The line above a picture's art when names are shown: its path as given, as `head` does.
    private static func nameLine(_ path: String) -> String {
        "==> \(inputName(path)) <==\n"
    }

    /// How a page names an input: its file name, or "standard input".
    private static func displayName(_ path: String) -> String {
        String(inputName(path).split(separator: "/").last ?? "")
    }

    /// An input as given, or "standard input" for `-`.
    private static func inputName(_ path: String) -> String {
        path == "-" ? "standard input" : path
    }

    /// The colours text is written with, or `nil` for plain text, as the colour options and the
    /// output call for.
    private var colourDepth: ColorDepth? {
        colors.depth(forceOn: format == .ansi, toTerminal: output == nil && Terminal.outputIsTerminal)
    }

    /// The art as text, in colour when the colour options and the output call for it.
    private func render(_ art: Art) -> String {
        guard let depth = colourDepth else { return art.plainText }
        return ANSIText.render(art, depth: depth, mode: colors.colorMode)
    }

    /// Draws one file's picture, with any error naming the file.
    private func convert(_ picture: borrowing PictureFile, from path: String, options: ConversionOptions) throws(FileError) -> Conversion {
        do {
            return try Converter.convert(picture.source, options: options)
        } catch {
            throw FileError(path: path == "-" ? "standard input" : path, reason: error.description)
        }
    }
}

/// The value of `--size`: COLUMNSxROWS.
struct BoxSize: ExpressibleByArgument {
    var columns: Int
    var rows: Int

    init?(argument: String) {
        let parts = argument.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let columns = Int(parts[0]), let rows = Int(parts[1]) else { return nil }
        self.columns = columns
        self.rows = rows
    }
}

/// The values of `--animate`.
enum AnimateChoice: String, NamedChoice {
    case auto, always, never
}

/// The value of `--loop`: a number of plays, or forever.
struct LoopCount: ExpressibleByArgument {
    /// How many times to play: `nil` forever.
    var plays: Int?

    init?(argument: String) {
        if argument == "forever" {
            plays = nil
        } else if let count = Int(argument), count >= 1 {
            plays = count
        } else {
            return nil
        }
    }
}
