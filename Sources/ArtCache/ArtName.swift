/// Stable names for cached art: the source's file name and a short hash of its content.
///
/// Never derived from the order of a directory listing, so rebuilding a cache never renames art,
/// and the same picture in two places is cached once.
public enum ArtName {
    /// The name for a source, for example `chelsea-3f9c0a1b2d` for `~/Pictures/chelsea.png`.
    ///
    /// The file name loses its extension and every character outside `A–Z a–z 0–9 . _ -` becomes
    /// `_`, so names are safe in any shell; it is cut to 40 characters.
    public static func make(sourcePath: String, contentHash: UInt64) -> String {
        var base = Substring(sourcePath.split(separator: "/").last ?? "image")
        if let dot = base.lastIndex(of: "."), dot != base.startIndex { base = base[..<dot] }
        let safe = String(base.prefix(40).map { character -> Character in
            character.isASCII && (character.isLetter || character.isNumber || "._-".contains(character)) ? character : "_"
        })
        return (safe.isEmpty ? "image" : safe) + "-" + shortHex(contentHash)
    }

    /// The first 10 hex digits of a hash: a collision needs about a million pictures.
    static func shortHex(_ hash: UInt64) -> String {
        let hex = String(hash, radix: 16)
        return String((String(repeating: "0", count: 16 - hex.count) + hex).prefix(10))
    }
}

/// FNV-1a, 64 bits: a fast, stable content hash (not a cryptographic one).
public enum ContentHash {
    /// The hash of `bytes`.
    public static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        bytes.withUnsafeBufferPointer { buffer in
            for byte in buffer {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
        }
        return hash
    }
}
