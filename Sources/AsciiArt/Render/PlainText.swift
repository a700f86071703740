/// Turning glyphs into the text a terminal or a file receives.
public enum Render {
    /// Plain text: one line per row, every line ending in a newline.
    public static func plainText(_ glyphs: Grid<Character>) -> String {
        var text = ""
        text.reserveCapacity((glyphs.columns + 1) * glyphs.rows)
        for row in 0 ..< glyphs.rows {
            text.append(contentsOf: glyphs.values[row * glyphs.columns ..< (row + 1) * glyphs.columns])
            text.append("\n")
        }
        return text
    }
}
