import AsciiArt

/// The frames of one cached animation at one width, with their delays: `NAME.anim` (plain)
/// and `NAME.anim.ansi` (256 colours) beside the still art `NAME.txt`, which is its first frame.
///
/// A text file: a header line `pushin-animation 1 frames=F rows=R loop=L` (L a count or
/// `forever`), then for each frame a line with its delay in milliseconds and its R lines.
/// The shell scripts never read it (it does not end in `.txt`).
public struct AnimationFile: Sendable, Equatable {
    /// The frames, in order; all with the same number of lines.
    public var frames: [TextFrame]
    /// How many times the animation plays: `nil` forever.
    public var loopCount: Int?

    /// Makes an animation file's contents.
    public init(frames: [TextFrame], loopCount: Int?) {
        self.frames = frames
        self.loopCount = loopCount
    }

    /// The file's bytes.
    public var encoded: [UInt8] {
        let rows = frames.first.map { $0.text.utf8.filter { $0 == UInt8(ascii: "\n") }.count } ?? 0
        var text = "pushin-animation 1 frames=\(frames.count) rows=\(rows) loop=\(loopCount.map(String.init) ?? "forever")\n"
        for frame in frames { text += "\(frame.delay)\n" + frame.text }
        return Array(text.utf8)
    }

    /// The animation in `bytes`, or `nil` when they are not one this code wrote.
    public static func decode(_ bytes: [UInt8]) -> AnimationFile? {
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard let header = lines.first?.split(separator: " "), header.count == 5, header[0] == "pushin-animation",
              header[1] == "1", let count = value(header[2], "frames"), let rows = value(header[3], "rows"),
              header[4].hasPrefix("loop="), count > 0, rows > 0, lines.count >= 1 + count * (rows + 1)
        else { return nil }
        let loop = header[4].dropFirst("loop=".count)
        var frames: [TextFrame] = []
        var index = 1
        for _ in 0 ..< count {
            guard let delay = Int(lines[index]), delay >= 0 else { return nil }
            let text = lines[index + 1 ... index + rows].joined(separator: "\n") + "\n"
            frames.append(TextFrame(text: text, delay: delay))
            index += rows + 1
        }
        return AnimationFile(frames: frames, loopCount: loop == "forever" ? nil : Int(loop))
    }

    private static func value(_ field: Substring, _ name: String) -> Int? {
        guard field.hasPrefix(name + "=") else { return nil }
        return Int(field.dropFirst(name.count + 1))
    }
}
