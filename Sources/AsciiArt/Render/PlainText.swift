/// Turning glyphs into the text a terminal or a file receives.
public enum Render {
    /// Plain text: one line per row, every line ending in a newline.
    ///
    /// Gathered as UTF-8 bytes: appending a slice of `Character`s to a `String` took about
    /// 1,000 instructions a character.
    public static func plainText(_ glyphs: Grid<Character>) -> String {
        String(decoding: plainUTF8(glyphs), as: UTF8.self)
    }

    /// `plainText` as UTF-8 bytes, the form a file receives.
    public static func plainUTF8(_ glyphs: Grid<Character>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity((glyphs.columns + 1) * glyphs.rows)
        for row in 0 ..< glyphs.rows {
            for glyph in glyphs.values[row * glyphs.columns ..< (row + 1) * glyphs.columns] {
                bytes.append(contentsOf: glyph.utf8)
            }
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }
}
