/// A standalone HTML page showing art in colour.
public enum HTMLPage {
    /// A page of one piece of art, titled with `title`: see `render(_:title:light:)` for many.
    public static func render(_ art: Art, title: String, light: Bool) -> String {
        render([(caption: title, art: art)], title: title, light: light)
    }

    /// One page of every piece of art in `pictures`, in order, on a dark page (a light one when
    /// `light`), titled with `title`. With more than one, each has its caption above it.
    ///
    /// Each piece is one `<pre>` whose runs of one colour are merged into one `<span>`, with
    /// `&`, `<` and `>` escaped. Background cells take the page's own text colour.
    public static func render(_ pictures: [(caption: String, art: Art)], title: String, light: Bool) -> String {
        let (paper, ink) = light ? ("#ffffff", "#202020") : ("#000000", "#c0c0c0")
        let body = pictures.map { picture in
            let caption = pictures.count > 1 ? "<h2>\(escape(picture.caption))</h2>\n" : ""
            return caption + "<pre>\n" + preformatted(picture.art) + "</pre>\n"
        }.joined()
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(escape(title))</title>
            <style>
            body { margin: 0; background: \(paper); }
            h2 { margin: 1em 1em 0; color: \(ink); font: bold 14px sans-serif; }
            pre { margin: 1em; color: \(ink); background: \(paper); font: 12px/1.15 "DejaVu Sans Mono", monospace; }
            </style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    /// The art's lines, escaped, with each run of one colour in one `<span>`.
    private static func preformatted(_ art: Art) -> String {
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
        return body
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
