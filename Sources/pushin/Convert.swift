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
    static let configuration = CommandConfiguration(
        abstract: "Print pictures as ASCII art.",
        discussion: """
            Reads PNG and JPEG files (the format is told by content, not by name). A folder \
            means the images directly in it; - reads standard input. Exits 0 when every input \
            was drawn, 1 when some could not be (the others are still drawn).
            """)

    @Option(name: [.short, .long], help: "Columns of art (default: the terminal's width, else $COLUMNS, else 80).")
    var width: Int?

    @Option(name: [.customShort("H"), .long], help: "Rows of art (default: from the picture's proportions).")
    var height: Int?

    @OptionGroup var look: LookArguments

    @Option(help: "text, ansi (text in colour) or html (one standalone page of every input).")
    var format: OutputFormat = .text

    @OptionGroup var colors: ColorArguments

    @Option(name: [.short, .long], help: "Write the art to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "Also write NAME.gray.png, NAME.cells.png and NAME.mask.png for each input into this folder.")
    var debug: String?

    @Argument(help: "PNG or JPEG files, folders of them, or - for standard input.")
    var inputs: [String]

    mutating func validate() throws {
        if let width, width < 1 { throw ValidationError("--width must be at least 1") }
        if let height, height < 1 { throw ValidationError("--height must be at least 1") }
        if inputs.isEmpty { throw ValidationError("give at least one image file, folder, or - for standard input") }
        if inputs.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be read only once") }
    }

    func run() throws {
        var options = look.conversionOptions
        options.art.columns = width
        options.art.rows = height
        options.art.defaultColumns = Terminal.defaultColumns(environment: Environment.current)
        var failed = false
        var collected: [UInt8] = []
        var drawnCount = 0
        var page: [(caption: String, art: Art)] = []
        func emit(_ text: String) {
            if output == nil { writeToStandardOutput(text) } else { collected.append(contentsOf: text.utf8) }
        }
        for input in InputFiles.expand(inputs) {
            do throws(FileError) {
                let path = try input.get()
                let conversion = try convert(path, options: options)
                if let debug { try DebugImages.write(conversion, source: path, into: debug) }
                for warning in conversion.warnings { report(path, "warning: \(warning)") }
                if format == .html {
                    // One page holds every picture, so it is written once all are drawn.
                    page.append((caption: Self.displayName(path), art: conversion.art))
                } else {
                    emit((drawnCount > 0 ? "\n" : "") + render(conversion.art))
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

    /// How a page names an input: its file name, or "standard input".
    private static func displayName(_ path: String) -> String {
        path == "-" ? "standard input" : String(path.split(separator: "/").last ?? "")
    }

    /// The art as text, in colour when the colour options and the output call for it.
    private func render(_ art: Art) -> String {
        let toTerminal = output == nil && Terminal.outputIsTerminal
        guard let depth = colors.depth(forceOn: format == .ansi, toTerminal: toTerminal) else { return art.plainText }
        return ANSIText.render(art, depth: depth, mode: colors.colorMode)
    }

    /// Reads and draws one file, with any error naming it.
    private func convert(_ path: String, options: ConversionOptions) throws(FileError) -> Conversion {
        let bytes = try FileIO.contents(of: path)
        do {
            return try Converter.convert(bytes, options: options)
        } catch {
            throw FileError(path: path == "-" ? "standard input" : path, reason: error.description)
        }
    }
}
