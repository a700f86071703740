import Foundation
import Testing
import TestSupport

/// `pushin convert` end to end: the built binary, real files, exact exit codes and streams.
@Suite struct ConvertCommandTests {
    static let fixtures = "Tests/ImageDecodingTests/Fixtures/"

    @Test func drawsAPhotoAtTheRequestedWidth() throws {
        let result = try Pushin.run(["-w", "40", "images/chelsea.png"])
        #expect(result.status == 0)
        #expect(result.standardError == "")
        // chelsea.png is 451 × 300: 40 × 300 / 451 / 2 = 13.3 → 13 rows.
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 14 && lines.last == "", "13 lines, each ending in a newline")
        #expect(lines.dropLast().allSatisfy { $0.count == 40 })
    }

    /// A file (PNG and JPEG: read in pieces), standard input and a pipe named as a file (read
    /// whole) draw the same art.
    @Test(arguments: ["images/rocket.jpg", "images/chelsea.png"])
    func convertSubcommandStandardInputAndFileAgree(path: String) throws {
        let plain = try Pushin.run(["-w", "30", path])
        let explicit = try Pushin.run(["convert", "-w", "30", path])
        let bytes = try [UInt8](Data(contentsOf: Pushin.packageRoot.appendingPathComponent(path)))
        let piped = try Pushin.run(["-w", "30", "-"], input: bytes)
        let named = try Pushin.run(["-w", "30", "/dev/stdin"], input: bytes)
        #expect(plain.status == 0 && !plain.standardOutput.isEmpty)
        #expect(explicit.standardOutput == plain.standardOutput)
        #expect(piped.standardOutput == plain.standardOutput)
        #expect(named.status == 0 && named.standardOutput == plain.standardOutput)
    }

    @Test func widthFallsBackToColumnsWhenNotATerminal() throws {
        let result = try Pushin.run(["images/coffee.png"], environment: ["COLUMNS": "33"])
        #expect(result.standardOutput.split(separator: "\n").allSatisfy { $0.count == 33 })
        let fallback = try Pushin.run(["images/coffee.png"])
        #expect(fallback.standardOutput.split(separator: "\n").allSatisfy { $0.count == 80 })
    }

    @Test func seedStyleUsesTheSeedRamp() throws {
        let result = try Pushin.run(["-w", "40", "--style", "seed", "images/astronaut.png"])
        let seedGlyphs = Set(" .,:;irsXA253hMHGS#9B&@\n")
        #expect(result.status == 0 && Set(result.standardOutput).isSubset(of: seedGlyphs))
    }

    @Test func namesPrecedeEachPictureOnATerminalOrWhenAsked() throws {
        let piped = try Pushin.run(["-w", "20", "images/robot.png", "images/rocket.jpg"]).standardOutput
        #expect(!piped.contains("==>"), "no names in a pipe unless asked")
        let named = try Pushin.run(["-w", "20", "--names", "images/robot.png", "images/rocket.jpg"]).standardOutput
        #expect(named.hasPrefix("==> images/robot.png <==\n") && named.contains("\n\n==> images/rocket.jpg <==\n"))
        let command = "'\(Pushin.binary.path)' -w 20 images/robot.png images/rocket.jpg"
        let terminal = try ShellRunner.underTerminal("cd '\(Pushin.packageRoot.path)' && \(command)")
        #expect(terminal.text.contains("==> images/robot.png <==") && terminal.text.contains("==> images/rocket.jpg <=="))
        let unnamed = try ShellRunner.underTerminal("cd '\(Pushin.packageRoot.path)' && \(command) --no-names")
        #expect(!unnamed.text.contains("==>"), "\(unnamed.text)")
        let one = try ShellRunner.underTerminal("cd '\(Pushin.packageRoot.path)' && '\(Pushin.binary.path)' -w 20 images/robot.png")
        #expect(!one.text.contains("==>"), "one picture needs no name")
    }

    @Test func sizeFitsTheBoxAndStretchFillsIt() throws {
        // chelsea.png is 451 × 300: in 80 × 10 it is 30 × 10; stretched, 80 × 10.
        let fitted = try Pushin.run(["--size", "80x10", "--no-trim", "images/chelsea.png"]).standardOutput.split(separator: "\n")
        #expect(fitted.count == 10 && fitted.allSatisfy { $0.count == 30 })
        let stretched = try Pushin.run(["--size", "80x10", "--stretch", "--no-trim", "images/chelsea.png"]).standardOutput
        #expect(stretched.split(separator: "\n").count == 10 && stretched.split(separator: "\n").allSatisfy { $0.count == 80 })
        #expect(try Pushin.run(["--size", "80x10", "-w", "5", "images/chelsea.png"]).status == 64)
    }

    @Test func blocksInTwoColoursPaintGlyphAndBackground() throws {
        let result = try Pushin.run([
            "-w", "20", "--symbols", "blocks", "--color", "always", "--color-depth", "truecolor", "--color-mode", "both",
            "images/robot.png",
        ])
        #expect(result.status == 0 && result.standardOutput.contains(";48;2;"))
        let blocks = Set(result.standardOutput.unicodeScalars.filter { (0x2580 ... 0x259F).contains($0.value) })
        #expect(blocks.count >= 3, "\(blocks)")
        let plain = try Pushin.run(["-w", "20", "--symbols", "braille", "images/robot.png"]).standardOutput
        #expect(plain.unicodeScalars.allSatisfy { $0 == "\n" || $0 == " " || (0x2800 ... 0x28FF).contains($0.value) })
    }

    @Test func customCharactersAreTheOnlyGlyphs() throws {
        let result = try Pushin.run(["-w", "40", "--chars", " o0", "images/coffee.png"])
        #expect(Set(result.standardOutput).isSubset(of: Set(" o0\n")))
        #expect(Set(result.standardOutput).count == 4)
    }

    @Test(arguments: [
        ("empty.png", [UInt8](), "empty file"),
        ("notes.txt", Array("hello\n".utf8), "not a PNG, JPEG, GIF or WebP image"),
        ("anim.gif", Array("GIF89a\u{1}\u{0}\u{1}\u{0}".utf8), "corrupt GIF: No screen descriptor detected"),
        ("bitmap.bmp", Array("BM\u{1}\u{0}\u{1}\u{0}".utf8), "BMP images are not supported"),
        ("huge.png", PNGFile(width: 100_000, height: 100_000, colourType: .rgb, bitDepth: 8) { _, _ in [0, 0, 0] }
            .encodedHeaderOnly(), "100000 × 100000 pixels"),
        // 1 × 250,000 at 20 columns: 20 × 250,000 / 2 = 2,500,000 rows, past the cells art may have.
        ("strip.png", PNGFile(width: 1, height: 250_000, colourType: .gray, bitDepth: 1) { _, y in [y % 2] }.encoded(),
         "art of 20 × 2500000 cells is over the limit of 1000000 cells"),
        ("cut.png", Array(PNGFile(width: 50, height: 50, colourType: .rgb, bitDepth: 8) { x, y in [x, y, 0] }
            .encoded().prefix(3000)), "corrupt PNG"),
    ])
    func badInputGetsOneLineNamingTheFile(name: String, bytes: [UInt8], reason: String) throws {
        let folder = try Pushin.temporaryFolder()
        let path = folder.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let result = try Pushin.run(["-w", "20", path])
        #expect(result.status == 1)
        #expect(result.standardOutput == "")
        #expect(result.standardError.hasPrefix("pushin: \(path): "))
        #expect(result.standardError.contains(reason), "\(result.standardError)")
        #expect(result.standardError.filter { $0 == "\n" }.count == 1)
    }

    @Test func damagedJPEGIsRefusedUnlessLenient() throws {
        let path = Self.fixtures + "truncated.jpg"
        let strict = try Pushin.run(["-w", "20", path])
        #expect(strict.status == 1 && strict.standardOutput == "")
        #expect(strict.standardError.contains("damaged JPEG") && strict.standardError.contains("Premature end"))
        let lenient = try Pushin.run(["-w", "20", "--lenient", path])
        #expect(lenient.status == 0 && !lenient.standardOutput.isEmpty)
        #expect(lenient.standardError.contains("warning: Premature end"))
    }

    @Test func missingFileAndFileAsFolderAreReported() throws {
        let missing = try Pushin.run(["no-such-picture.png"])
        #expect(missing.status == 1)
        #expect(missing.standardError == "pushin: no-such-picture.png: No such file or directory\n")
        let notFolder = try Pushin.run(["Package.swift/cat.png"])
        #expect(notFolder.standardError == "pushin: Package.swift/cat.png: Not a directory\n")
    }

    @Test(.enabled(if: getuid() != 0, "root reads every file"))
    func unreadableFileIsReported() throws {
        let folder = try Pushin.temporaryFolder()
        let path = folder.appendingPathComponent("secret.png").path
        FileManager.default.createFile(atPath: path, contents: Data([0x89]), attributes: [.posixPermissions: 0])
        let result = try Pushin.run([path])
        #expect(result.standardError == "pushin: \(path): Permission denied\n")
    }

    @Test func goodInputsAreStillDrawnBesideBadOnes() throws {
        let result = try Pushin.run(["-w", "20", "images/chelsea.png", "missing.jpg", "images/rocket.jpg"])
        #expect(result.status == 1)
        #expect(result.standardError == "pushin: missing.jpg: No such file or directory\n")
        let alone = try Pushin.run(["-w", "20", "images/chelsea.png"]).standardOutput
            + "\n" + Pushin.run(["-w", "20", "images/rocket.jpg"]).standardOutput
        #expect(result.standardOutput == alone, "both arts, a blank line between")
    }

    @Test func folderMeansTheImagesInIt() throws {
        let folder = try Pushin.temporaryFolder()
        let root = Pushin.packageRoot
        try FileManager.default.copyItem(at: root.appendingPathComponent("images/rocket.jpg"), to: folder.appendingPathComponent("b"))
        try FileManager.default.copyItem(at: root.appendingPathComponent("images/coffee.png"), to: folder.appendingPathComponent("a.png"))
        try Data("not an image".utf8).write(to: folder.appendingPathComponent("readme.txt"))
        let result = try Pushin.run(["-w", "20", folder.path])
        let expected = try Pushin.run(["-w", "20", "images/coffee.png", "images/rocket.jpg"])
        #expect(result.status == 0 && result.standardError == "")
        #expect(result.standardOutput == expected.standardOutput, "images by name, recognised by content")
    }

    @Test func emptyFolderIsAnError() throws {
        let folder = try Pushin.temporaryFolder()
        let result = try Pushin.run([folder.path])
        #expect(result.status == 1)
        #expect(result.standardError == "pushin: \(folder.path): no PNG, JPEG, GIF or WebP images in this folder\n")
    }

    @Test func outputFileIsWrittenWholeAndAlone() throws {
        let folder = try Pushin.temporaryFolder()
        let target = folder.appendingPathComponent("cat.txt")
        let result = try Pushin.run(["-w", "30", "-o", target.path, "images/chelsea.png"])
        #expect(result.status == 0 && result.standardOutput == "")
        let written = try String(contentsOf: target, encoding: .utf8)
        #expect(written == (try Pushin.run(["-w", "30", "images/chelsea.png"]).standardOutput))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["cat.txt"], "no temporary file left")
        let intoFolder = try Pushin.run(["-o", folder.path, "images/chelsea.png"])
        #expect(intoFolder.status == 1 && intoFolder.standardError.contains("Is a directory"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["cat.txt"], "no temporary file left")
    }

    @Test func debugWritesGrayCellsAndMaskPictures() throws {
        let folder = try Pushin.temporaryFolder().appendingPathComponent("debug")
        let result = try Pushin.run(["-w", "40", "--debug", folder.path, "images/robot.png", "images/chelsea.png"])
        #expect(result.status == 0)
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(written == ["chelsea.cells.png", "chelsea.gray.png", "chelsea.mask.png",
                            "robot.cells.png", "robot.gray.png", "robot.mask.png"])
        // The mask is one pixel per cell of the full grid: robot.png is 360 × 480 → 40 × 27.
        let mask = try Data(contentsOf: folder.appendingPathComponent("robot.mask.png"))
        #expect(Array(mask.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(Array(mask[16 ..< 24]) == [0, 0, 0, 40, 0, 0, 0, 27], "IHDR: 40 × 27")
    }

    @Test func blankFillAndFullFrame() throws {
        let faint = try Pushin.run(["-w", "40", "images/robot.png"]).standardOutput
        let blank = try Pushin.run(["-w", "40", "--fill", "blank", "images/robot.png"]).standardOutput
        #expect(faint.contains(".") && faint.split(separator: "\n").first?.allSatisfy { $0 == "." } == true)
        #expect(blank.split(separator: "\n").first?.allSatisfy { $0 == " " } == true)
        let full = try Pushin.run(["-w", "40", "--no-trim", "images/robot.png"]).standardOutput
        #expect(full.split(separator: "\n").count == 27, "the full frame: 40 × 480 / 360 / 2 = 26.7 rows")
        let tight = try Pushin.run(["-w", "40", "--margin", "0", "images/robot.png"]).standardOutput
        #expect(tight.split(separator: "\n").count < 27, "trimmed to the subject")
        #expect(tight.split(separator: "\n").first?.count ?? 40 < 40, "columns too")
    }

    @Test(arguments: [["--width", "0", "x.png"], ["--width", "1000001", "x.png"], ["--height", "1000001", "x.png"], ["--size", "30by10", "x.png"], ["--stretch", "x.png"], ["--chars", "a", "x.png"], ["--gamma", "-1", "x.png"], [], ["--ramp", "nope", "x.png"], ["-", "-"]])
    func usageErrorsExitWithTheParsersCode(arguments: [String]) throws {
        let result = try Pushin.run(arguments)
        #expect(result.status == 64)
        #expect(result.standardOutput == "")
        #expect(result.standardError.hasPrefix("Error: "))
    }
}

/// The manual and completions generated from the parser.
@Suite struct DocumentationTests {
    @Test func manualIsCheckedInAndCurrent() throws {
        let manual = try String(contentsOf: Pushin.packageRoot.appendingPathComponent("man/pushin.1"), encoding: .utf8)
        let help = try Pushin.run(["convert", "--help"]).standardOutput
        // Every long option of convert's help is in the manual.
        let options = Set(help.matches(of: /--([a-z][a-z-]+)/).map { String($0.output.1) })
        #expect(options.count > 15)
        for option in options { #expect(manual.contains(" -\(option) ") || manual.contains(" -\(option)\n"), "man/pushin.1 lacks --\(option): regenerate it") }
        for subcommand in ["cache", "random", "init"] { #expect(manual.contains("Em \(subcommand)")) }
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScripts(shell: String) throws {
        let result = try Pushin.run(["--generate-completion-script", shell])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("pushin") && result.standardOutput.contains("color-depth"))
    }
}
