/// A standalone HTML page showing the art in colour.
public enum HTMLPage {
    /// One `<pre>` whose runs of one colour are merged into one `<span>`, with `&`, `<` and `>`
    /// escaped, on a dark page (a light one when `light`), titled with `title`. Background cells
    /// take the page's own text colour.
    public static func render(_ art: Art, title: String, light: Bool) -> String {
        let (paper, ink) = light ? ("#ffffff", "#202020") : ("#000000", "#c0c0c0")
        var body = ""
        let glyphs = art.glyphs
        for row in 0 ..< glyphs.rows {
            var run = "", runColour: String? = nil
            func flush() {
                guard !run.isEmpty else { return }
                body += runColour.map { "<span style=\"color:\($0)\">\(run)</span>" } ?? run
                run = ""
            }
            for column in 0 ..< glyphs.columns {
                let glyph = glyphs[column, row]
                let isBackground = art.mask?[column, row] ?? false
                let colour: String? = isBackground ? nil : (glyph == " " ? runColour : RGB(art.cells[column, row]).hex)
                if colour != runColour {
                    flush()
                    runColour = colour
                }
                run += escape(String(glyph))
            }
            flush()
            body += "\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(escape(title))</title>
            <style>
            body { margin: 0; background: \(paper); }
            pre { margin: 1em; color: \(ink); background: \(paper); font: 12px/1.15 "DejaVu Sans Mono", monospace; }
            </style>
            </head>
            <body>
            <pre>
            \(body)</pre>
            </body>
            </html>

            """
    }

    /// Text with `&`, `<`, `>` and `"` escaped.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
