import Testing

@testable import AsciiArt

/// The stages an animation adds: one grid and one crop for every frame, redrawing in place,
/// and CSS-only animation in HTML.
@Suite struct AnimationTests {
    /// A transparent 40 × 20 canvas with an opaque white 8 × 4 block whose left edge is at `x`.
    static func block(at x: Int) -> Image {
        Pictures.make(width: 40, height: 20) { column, row in
            (x ..< x + 8).contains(column) && (8 ..< 12).contains(row) ? [255, 255, 255, 255] : [0, 0, 0, 0]
        }
    }

    static var options: ArtOptions {
        var options = ArtOptions()
        options.columns = 40
        options.cellAspect = 1
        options.background = .alpha
        options.margin = Trim.Margin(rows: 1, columns: 1)
        options.match = .tone  // the ramp's glyphs are what the tests look for
        return options
    }

    @Test func framesShareOneCropThatHoldsEverySubject() {
        let frames = Pipeline.art(from: [Self.block(at: 2), Self.block(at: 30)], options: Self.options)
        #expect(frames.count == 2)
        // The union of the subjects spans columns 2..<38, rows 8..<12; plus the margin of one.
        for art in frames {
            #expect(art.glyphs.columns == 38 && art.glyphs.rows == 6)
        }
        // Each frame still draws its own subject in its own place within the shared crop.
        #expect(frames[0].glyphs[1, 1] == "M" && frames[0].glyphs[36, 1] == ".")
        #expect(frames[1].glyphs[1, 1] == "." && frames[1].glyphs[36, 1] == "M")
    }

    @Test func aLoneFrameIsCroppedAsAStillIs() {
        let still = Pipeline.art(from: Self.block(at: 2), options: Self.options)
        #expect(still == Pipeline.art(from: [Self.block(at: 2)], options: Self.options)[0])
        #expect(still.glyphs.columns == 10 && still.glyphs.rows == 6)
    }

    @Test func redrawRewritesOnlyTheLinesThatChange() {
        let previous = FrameRedraw.lines(of: "aaa\nbbb\nccc\nddd\n")
        let next = FrameRedraw.lines(of: "aaa\nBBB\nccc\nddd\n")
        let text = FrameRedraw.transition(from: previous, to: next)
        // Back up four lines, step over one, rewrite one, step over the last two.
        #expect(text == "\r\u{1B}[4A\u{1B}[1BBBB\u{1B}[K\n\u{1B}[2B")
        let same = FrameRedraw.transition(from: previous, to: previous)
        #expect(same == "\r\u{1B}[4A\u{1B}[4B", "a repeated frame moves the cursor and sends nothing else")
    }

    @Test func redrawEndsWithTheCursorBelowTheArt() {
        // Every rewritten line ends in a newline and every skipped one is stepped over, so the
        // cursor goes down as many lines as it went up.
        let previous = FrameRedraw.lines(of: "ab\ncd\nef\n")
        let next = FrameRedraw.lines(of: "AB\ncd\nEF\n")
        let text = FrameRedraw.transition(from: previous, to: next)
        let newlines = text.filter { $0 == "\n" }.count
        let steps = text.matches(of: /\x{1B}\[(\d+)B/).reduce(0) { $0 + Int($1.1)! }
        #expect(newlines + steps == 3)
    }

    @Test func htmlAnimatesEachFrameForItsDelay() {
        let frames = Pipeline.art(from: [Self.block(at: 2), Self.block(at: 30)], options: Self.options)
        let page = HTMLPage.render(
            [HTMLPage.Picture(caption: "ball.gif", frames: [(frames[0], 100), (frames[1], 300)], loopCount: 2)],
            title: "ball.gif", light: false)
        #expect(!page.contains("<script"))
        #expect(page.contains("@keyframes p1f1 { 0% { visibility: visible; } 25% { visibility: hidden; }"))
        #expect(page.contains("@keyframes p1f2 { 0% { visibility: hidden; } 25% { visibility: visible; } 100% { visibility: visible; } }"))
        #expect(page.contains(".p1f1 { animation: p1f1 400ms step-end 2 forwards; }"))
        #expect(page.matches(of: /<pre class=/).count == 2, "one <pre> per frame")
    }

    @Test func htmlOfAnEndlessAnimationLoopsForever() {
        let frames = Pipeline.art(from: [Self.block(at: 2), Self.block(at: 30)], options: Self.options)
        let page = HTMLPage.render(
            [HTMLPage.Picture(caption: "x", frames: [(frames[0], 70), (frames[1], 70)])], title: "x", light: false)
        #expect(page.contains("140ms step-end infinite"))
    }
}
