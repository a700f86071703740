import AsciiArt
import Glibc
import PushinCore

/// Hands the command line to libFuzzer's driver, which calls `fuzzConvert` with each input.
/// (SwiftPM links an executable's `main` to its own entry point, so libFuzzer's `main` is not
/// used; its driver is.)
@main
enum FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzConvert))
    }
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
) -> Int32

/// libFuzzer's entry point: the first two bytes choose the options, the rest is the file.
///
/// Byte 0: the art's width (1 to 256 columns) ; byte 1: the background mode (low 3 bits), all
/// frames or the first (bit 3), lenient decoding (bit 4), a light theme (bit 5), no trim
/// (bit 6). The budget is 4 megapixels, 64 frames and 262,144 cells of art in all, so nothing
/// legitimate needs 400 MB, or 5 s under AddressSanitizer (a 24 × 24,088 GIF of 3 frames at 40
/// columns, 2.4 million cells, took over 5 s, most of it choosing 256-colour palette entries).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConvert(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size >= 2 else { return 0 }
    let settings = (data[0], data[1])
    var options = ConversionOptions()
    options.art.columns = 1 + Int(settings.0)
    options.art.background = BackgroundMode.allCases[Int(settings.1 & 7) % BackgroundMode.allCases.count]
    options.frames = settings.1 & 8 != 0 ? .all : .single(0)
    options.lenient = settings.1 & 16 != 0
    options.art.invert = settings.1 & 32 != 0
    if settings.1 & 64 != 0 { options.art.margin = nil }
    options.maxPixels = 4 << 20
    options.maxFrames = 64
    options.maxCells = 1 << 18
    let bytes = Array(UnsafeBufferPointer(start: data + 2, count: size - 2))
    guard let conversion = try? Converter.convert(bytes, options: options) else { return 0 }
    // Render every frame as the CLI can, so the renderers see every grid the pipeline makes.
    for frame in conversion.frames {
        _ = frame.art.plainText
        _ = ANSIText.render(frame.art, depth: .ansi256, mode: .both)
    }
    _ = HTMLPage.render(
        [HTMLPage.Picture(caption: "fuzz", frames: conversion.frames.map { ($0.art, $0.delay) }, loopCount: conversion.loopCount)],
        title: "fuzz", light: false)
    return 0
}
