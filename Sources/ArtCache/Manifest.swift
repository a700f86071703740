#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PushinCore

/// The record of a cache: which source became which art, with which options.
///
/// Written atomically, so a run killed at any moment leaves either the previous manifest or a
/// newer one; art it does not know yet is simply rendered again by the next run.
public struct Manifest: Codable, Sendable, Equatable {
    /// One cached source.
    public struct Entry: Codable, Sendable, Equatable {
        /// The source's size and modification time when it was rendered.
        public var signature: FileIO.Signature
        /// FNV-1a of the source's bytes.
        public var contentHash: UInt64
        /// The art's name in every width folder.
        public var name: String
        /// The widths rendered.
        public var widths: [Int]
        /// The render options the art was drawn with (`ConversionOptions.fingerprint`).
        public var options: String
    }

    /// The manifest format this code reads and writes.
    public static let currentVersion = 1

    /// The format of this manifest.
    public var version = Manifest.currentVersion
    /// Cached sources by path.
    public var entries: [String: Entry] = [:]

    /// An empty manifest.
    public init() {}

    /// The manifest at `path`; an empty one when there is none or it cannot be understood (the
    /// cache then renders everything again, which is always safe).
    public static func load(from path: String) -> Manifest {
        guard let bytes = try? FileIO.contents(of: path),
              let manifest = try? JSONDecoder().decode(Manifest.self, from: Data(bytes)),
              manifest.version == currentVersion
        else { return Manifest() }
        return manifest
    }

    /// Writes the manifest atomically.
    public func save(to path: String) throws(FileError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let data: Data
        do { data = try encoder.encode(self) } catch {
            throw FileError(path: path, reason: "cannot encode the manifest: \(error)")
        }
        try FileIO.writeAtomically(Array(data), to: path)
    }
}
