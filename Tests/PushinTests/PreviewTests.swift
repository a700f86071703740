import Foundation
import Testing
import TestSupport

/// The README's preview recipes in the real previewers, in a real terminal (tmux): the art of the
/// picture under the cursor is on screen, whole, and fits the box the previewer gave.
@Suite struct PreviewTests {
    /// A folder of the sample pictures, and a file the preview command writes the box it got to.
    let folder: URL
    let box: URL

    init() throws {
        folder = try Pushin.temporaryFolder()
        box = folder.appendingPathComponent("box")
        for name in ["astronaut.png", "robot.png"] {
            try FileManager.default.copyItem(
                at: Pushin.packageRoot.appendingPathComponent("images/\(name)"), to: folder.appendingPathComponent(name))
        }
    }

    /// Waits for the art pushin draws for `picture` in the box the previewer reported, and
    /// checks every line of it is on screen inside that box.
    func expectArtOnScreen(_ terminal: TerminalSession, picture: String) throws {
        var reported: String? = nil
        for _ in 0 ..< 200 where reported == nil {
            reported = try? String(contentsOf: box, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            if reported?.isEmpty ?? true { reported = nil; usleep(50_000) }
        }
        let size = try #require(reported, "the previewer never ran the preview command")
        let parts = size.split(separator: "x").compactMap { Int($0) }
        try #require(parts.count == 2, "\(size)")
        let art = try Pushin.run(["--size", size, folder.appendingPathComponent(picture).path]).standardOutput
            .split(separator: "\n").map(String.init)
        #expect(!art.isEmpty && art.count <= parts[1] && art.allSatisfy { $0.count <= parts[0] }, "\(size)")
        // Every line of the art on screen, once the previewer has drawn it all (a row's trailing
        // blanks are not on the captured screen when the art ends at the terminal's edge).
        let lines = art.map { String($0.reversed().drop { $0 == " " }.reversed()) }
        var screen: [String] = []
        for _ in 0 ..< 200 {
            screen = try terminal.screen()
            if lines.allSatisfy({ line in screen.contains { $0.contains(line) } }) { return }
            usleep(100_000)
        }
        Issue.record("the art of \(picture) at \(size) is not whole on screen:\n\(screen.joined(separator: "\n"))")
    }

    /// fzf's `--preview` with the README's recipe: the art of the first picture in the list.
    @Test func fzf() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/fzf") else {
            print("PreviewTests: skipped fzf: not installed (apt-get install fzf)")
            return
        }
        let terminal = try TerminalSession(columns: 120, rows: 40)
        // The README's recipe, plus a note of the box (the paths hold no spaces or quotes). fzf
        // 0.38 drops the last column of a coloured line that fills its window: one column less.
        let box = "$((FZF_PREVIEW_COLUMNS - 1))x${FZF_PREVIEW_LINES}"
        try terminal.type(
            "cd '\(folder.path)' && ls *.png | fzf --preview 'echo \(box) > \(self.box.path); \(Pushin.binary.path) --size \(box) --color always {}'")
        try expectArtOnScreen(terminal, picture: "astronaut.png")
        try terminal.press("Escape")
    }

    /// lf's `previewer` script from the README: the art of the picture lf starts on.
    @Test func lf() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/lf") else {
            print("PreviewTests: skipped lf: not installed (apt-get install lf)")
            return
        }
        // Outside the pictures' folder: lf lists folders first, and would start on it.
        let home = try Pushin.temporaryFolder()
        let config = home.appendingPathComponent("lf")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        let previewer = home.appendingPathComponent("preview")
        try """
            #!/bin/sh
            # lf's previewer: FILE WIDTH HEIGHT X Y; lf draws two columns in from the pane's edge.
            echo "$(($2 - 2))x$3" > '\(box.path)'
            exec '\(Pushin.binary.path)' --size "$(($2 - 2))x$3" --color always "$1"

            """.write(to: previewer, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: previewer.path)
        try "set previewer '\(previewer.path)'\n".write(to: config.appendingPathComponent("lfrc"), atomically: false, encoding: .utf8)
        let terminal = try TerminalSession(columns: 120, rows: 40)
        try terminal.type("cd '\(folder.path)' && XDG_CONFIG_HOME='\(home.path)' lf")
        try expectArtOnScreen(terminal, picture: "astronaut.png")
        try terminal.press("q")
    }

    /// ranger's preview column through a scope.sh, as root too (ranger turns previews off for root).
    @Test func ranger() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/ranger") else {
            print("PreviewTests: skipped ranger: not installed (apt-get install ranger)")
            return
        }
        // ranger's configuration, cache and data, in a folder of their own.
        let config = try Pushin.temporaryFolder()
        let script = config.appendingPathComponent("scope.sh")
        // The README's recipe, plus a note of the box. ranger runs scope.sh for each box it may
        // show the picture in: the preview column's first (whole, with collapse_preview false),
        // then its full-screen view's (`i`, the whole terminal); the note keeps the first.
        try """
            #!/bin/sh
            # ranger's preview script: FILE WIDTH HEIGHT CACHE PREVIEW_IMAGES.
            [ -s '\(box.path)' ] || echo "$2x$3" > '\(box.path)'
            exec '\(Pushin.binary.path)' --size "$2x$3" --color always --color-depth 256 "$1"

            """.write(to: script, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        try """
            set preview_script \(script.path)
            set use_preview_script true
            set collapse_preview false

            """.write(to: config.appendingPathComponent("rc.conf"), atomically: false, encoding: .utf8)
        // ranger turns previews off for root after reading rc.conf; --cmd runs after that.
        let asRoot = getuid() == 0 ? " --cmd='set preview_files true' --cmd='set use_preview_script true'" : ""
        let terminal = try TerminalSession(columns: 120, rows: 40)
        try terminal.type(
            "cd '\(folder.path)' && ranger --confdir='\(config.path)' --cachedir='\(config.path)' --datadir='\(config.path)'\(asRoot)")
        try expectArtOnScreen(terminal, picture: "astronaut.png")
        try terminal.press("q")
    }
}
