/// One frame of rendered art (plain or coloured text, every line ending in a newline) and how
/// long it is shown.
public struct TextFrame: Sendable, Equatable {
    /// The frame's text, every line ending in a newline.
    public var text: String
    /// How long the frame is shown, in milliseconds.
    public var delay: Int

    /// Makes a frame.
    public init(text: String, delay: Int) {
        self.text = text
        self.delay = delay
    }
}

/// The bytes that turn one frame of art on a terminal into the next, in place.
///
/// The first frame is printed as it is, which reserves its rows; each later frame moves the
/// cursor back to the first row and rewrites only the lines that differ from the frame on
/// screen, stepping over the others, and leaves the cursor below the art as printing did. Every
/// frame of an animation has the same number of lines, so nothing scrolls and nothing is left
/// behind; a frame that repeats the last one sends a few bytes.
public enum FrameRedraw {
    /// The escape that hides the cursor while an animation plays.
    public static let hideCursor = "\u{1B}[?25l"
    /// The escape that shows it again, after a reset of colours.
    public static let showCursor = "\u{1B}[0m\u{1B}[?25h"

    /// The text that replaces `previous` (the lines on screen, the cursor on the line below
    /// them) with `next`, which has as many lines.
    public static func transition(from previous: [Substring], to next: [Substring]) -> String {
        precondition(previous.count == next.count, "every frame of an animation has the same number of lines")
        guard !next.isEmpty else { return "" }
        var text = "\r\u{1B}[\(next.count)A"
        var skipped = 0
        for (old, new) in zip(previous, next) {
            if old == new {
                skipped += 1
                continue
            }
            if skipped > 0 { text += "\u{1B}[\(skipped)B" }
            skipped = 0
            // Lines of one animation have one width, but a colour line may be shorter in bytes:
            // clear what the old line left past the new one's end.
            text += new + "\u{1B}[K\n"
        }
        if skipped > 0 { text += "\u{1B}[\(skipped)B" }
        return text
    }

    /// The lines of a rendered frame, without their newlines.
    public static func lines(of text: String) -> [Substring] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
