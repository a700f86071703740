import AsciiArt
import PushinCore

/// Where a cache keeps its files: `DIR/wWIDTH/NAME.txt` for every width with its colour twin
/// `NAME.ansi` (256 colours) beside it, and for an animation its frames, `NAME.anim` and
/// `NAME.anim.ansi` (see `AnimationFile`); a manifest and a lock.
///
/// The shell scripts pick art from this layout with globs alone, so it is the contract between
/// `pushin cache` and them: one folder per width named `w` and the width, one plain-text file per
/// picture ending in `.txt`, never a partial file under such a name.
public struct CacheLayout: Sendable, Equatable {
    /// The cache's folder.
    public var directory: String

    /// A layout rooted at `directory`.
    public init(directory: String) {
        self.directory = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
    }

    /// The cache a user means when they name none: `$PUSHIN_CACHE`, else
    /// `$XDG_CACHE_HOME/pushin`, else `~/.cache/pushin`.
    public static func defaultDirectory(environment: [String: String]) -> String {
        if let chosen = environment["PUSHIN_CACHE"], !chosen.isEmpty { return chosen }
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache + "/pushin" }
        return (environment["HOME"] ?? "") + "/.cache/pushin"
    }

    /// The manifest: what was rendered from which source, with which options.
    public var manifestPath: String { directory + "/manifest.json" }

    /// The lock held while a cache is being built.
    public var lockPath: String { directory + "/.lock" }

    /// The folder of the art at one width.
    public func widthDirectory(_ width: Int) -> String { directory + "/w\(width)" }

    /// The plain-text art of `name` at `width`.
    public func artPath(name: String, width: Int) -> String { widthDirectory(width) + "/\(name).txt" }

    /// The colour twin of a plain-text art file: the same art with 256-colour escapes.
    public static func colourTwin(of artPath: String) -> String {
        String(artPath.dropLast(".txt".count)) + ".ansi"
    }

    /// The frames of the animation whose still art is at `artPath` (its first frame), plain
    /// or in colour.
    public static func animation(of artPath: String, colour: Bool) -> String {
        String(artPath.dropLast(".txt".count)) + (colour ? ".anim.ansi" : ".anim")
    }

    /// The depth the colour twins are written in: 256 colours show the same on nearly every
    /// terminal, and keep the files a few times the plain size.
    public static let twinDepth = ColorDepth.ansi256

    /// The widths that have a folder in the cache, widest first.
    public func cachedWidths() -> [Int] {
        let names = (try? FileIO.entries(of: directory)) ?? []
        return names.compactMap { name in
            guard name.hasPrefix("w"), let width = Int(name.dropFirst()), width > 0, String(width) == name.dropFirst() else {
                return nil
            }
            return width
        }.sorted(by: >)
    }

    /// The art files at one width, by name.
    public func artFiles(width: Int) -> [String] {
        let folder = widthDirectory(width)
        return ((try? FileIO.entries(of: folder)) ?? [])
            .filter { !$0.hasPrefix(".") && $0.hasSuffix(".txt") }
            .map { folder + "/" + $0 }
    }
}
