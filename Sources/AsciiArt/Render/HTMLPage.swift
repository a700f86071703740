/// A standalone HTML page showing art in colour.
public enum HTMLPage {
    /// One picture of a page: a still (one frame) or an animation.
    public struct Picture: Sendable {
        /// The caption shown above it when a page holds several pictures.
        public var caption: String
        /// Its frames, all of one size, with how long each is shown in milliseconds.
        public var frames: [(art: Art, delay: Int)]
        /// How many times an animation plays: `nil` forever.
        public var loopCount: Int?

        /// A picture of `frames`.
        public init(caption: String, frames: [(art: Art, delay: Int)], loopCount: Int? = nil) {
            precondition(!frames.isEmpty, "a picture has at least one frame")
            self.caption = caption
            self.frames = frames
            self.loopCount = loopCount
        }

        /// A still picture.
        public init(caption: String, art: Art) {
            self.init(caption: caption, frames: [(art, 0)])
        }
    }

    /// A page of one piece of art, titled with `title`: see `render(_:title:light:)` for many.
    public static func render(_ art: Art, title: String, light: Bool) -> String {
        render([Picture(caption: title, art: art)], title: title, light: light)
    }

    /// One page of every picture in `pictures`, in order, on a dark page (a light one when
    /// `light`), titled with `title`. With more than one, each has its caption above it.
    ///
    /// Each frame is one `<pre>` whose runs of one colour are merged into one `<span>`, with
    /// `&`, `<` and `>` escaped. Background cells take the page's own text colour. The frames
    /// of an animation are stacked in one place and shown in turn by CSS animations alone (no
    /// script): each frame is visible for its delay, `loopCount` times (then the last frame
    /// stays) or forever.
    public static func render(_ pictures: [Picture], title: String, light: Bool) -> String {
        let (paper, ink) = light ? ("#ffffff", "#202020") : ("#000000", "#c0c0c0")
        var keyframes = ""
        let body = pictures.enumerated().map { number, picture in
            let caption = pictures.count > 1 ? "<h2>\(escape(picture.caption))</h2>\n" : ""
            guard picture.frames.count > 1 else { return caption + "<pre>\n" + preformatted(picture.frames[0].art) + "</pre>\n" }
            let (styles, frames) = animated(picture, name: "p\(number + 1)")
            keyframes += styles
            return caption + "<div class=\"animation\">\n" + frames + "</div>\n"
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
            .animation { display: grid; }
            .animation pre { grid-area: 1 / 1; animation-timing-function: step-end; }
            .animation pre + pre { visibility: hidden; }
            \(keyframes)</style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    /// The CSS and the stacked `<pre>` elements of an animated picture. Frame `i` has its own
    /// keyframes over the whole cycle: hidden, visible from its start to its end, hidden again
    /// (the last frame stays visible at the end, so a finished animation rests on it).
    private static func animated(_ picture: Picture, name: String) -> (css: String, html: String) {
        let total = picture.frames.reduce(0) { $0 + $1.delay }
        let iterations = picture.loopCount.map(String.init) ?? "infinite"
        var css = "", html = "", start = 0
        for (index, frame) in picture.frames.enumerated() {
            let end = start + frame.delay
            let isLast = index == picture.frames.count - 1
            func percent(_ time: Int) -> String { format3(Double(time) * 100 / Double(max(total, 1))) + "%" }
            let id = "\(name)f\(index + 1)"
            css += "@keyframes \(id) { " + (start > 0 ? "0% { visibility: hidden; } " : "") + "\(percent(start)) { visibility: visible; } "
            css += isLast ? "100% { visibility: visible; } }\n" : "\(percent(end)) { visibility: hidden; } 100% { visibility: hidden; } }\n"
            css += ".\(id) { animation: \(id) \(total)ms step-end \(iterations) forwards; }\n"
            html += "<pre class=\"\(id)\">\n" + preformatted(frame.art) + "</pre>\n"
            start = end
        }
        return (css, html)
    }

    /// A percentage with at most three decimals, so keyframes stay short and exact enough.
    private static func format3(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let whole = thousandths / 1000, fraction = thousandths % 1000
        guard fraction != 0 else { return String(whole) }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 3 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(whole).\(digits)"
    }

    /// The art's lines, escaped, with each run of one colour in one `<span>`.
    private static func preformatted(_ art: Art) -> String {
        var body = ""
        let glyphs = art.glyphs
        for row in 0 ..< glyphs.rows {
            var run = "", runColour: RGB? = nil
            func flush() {
                guard !run.isEmpty else { return }
                body += runColour.map { "<span style=\"color:\($0.hex)\">\(run)</span>" } ?? run
                run = ""
            }
            for column in 0 ..< glyphs.columns {
                let glyph = glyphs[column, row]
                let isBackground = art.mask?[column, row] ?? false
                let colour: RGB? = isBackground ? nil : (glyph == " " ? runColour : RGB(art.cells[column, row]))
                if colour != runColour {
                    flush()
                    runColour = colour
                }
                switch glyph {
                case "&", "<", ">", "\"": run += escape(String(glyph))
                default: run.append(glyph)
                }
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
