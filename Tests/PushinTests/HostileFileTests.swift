import Foundation
import Testing
import TestSupport

/// Every hostile regression file (Tests/Fixtures/hostile, and the animation fixtures) through
/// the built CLI at its defaults: one line on standard error naming the file, exit status 1,
/// within `timeLimit` and under 400 MB resident; or, for the good files among them, art and
/// exit 0.
@Suite struct HostileFileTests {
    static let folder = "Tests/Fixtures/hostile/"

    /// The files of the folder, by name.
    static let files: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Pushin.packageRoot.appendingPathComponent(folder).path)) ?? []
        return names.filter { name in [".png", ".jpg", ".gif", ".webp"].contains { name.hasSuffix($0) } }.sorted()
    }()

    /// True for the files among them that are good pictures and must be drawn (named `*-good.*`).
    static func isGood(_ name: String) -> Bool { name.contains("-good.") }

    /// True on the plain build. Under AddressSanitizer (CI's sanitizer run sets ASAN_OPTIONS)
    /// the shadow memory counts as resident, so the memory bound is checked on the plain build
    /// only.
    static let resourcesAreMeaningful = ProcessInfo.processInfo.environment["ASAN_OPTIONS"] == nil

    /// The most seconds a hostile file may take: the 5 on an optimised build (which
    /// `Benchmarks/hostile.py` checks in CI on the release build); 60 on `swift test`'s
    /// unoptimised build, where the Swift pipeline runs 10 to 15 times slower (the good
    /// 639 × 156,000 strip, 9,765 rows of art: 1.4 s optimised, 17 s not); 120 under
    /// AddressSanitizer. These bounds catch a hang or a loop gone quadratic, not a slow decoder.
    static let timeLimit: Double = {
        guard resourcesAreMeaningful else { return 120 }
        #if DEBUG
            return 60
        #else
            return 5
        #endif
    }()

    @Test func theFolderHoldsEveryFinding() {
        #expect(Self.files.count >= 20, "\(Self.files)")
    }

    @Test(arguments: files)
    func failsInOneLineQuicklyOrDraws(name: String) throws {
        let path = Self.folder + name
        let result = try Pushin.measure([path], timeout: Self.timeLimit * 2)
        #expect(result.seconds < Self.timeLimit, "\(name): \(result.seconds) s")
        if Self.resourcesAreMeaningful { #expect(result.peakResidentBytes < 400 << 20, "\(name): \(result.peakResidentBytes) bytes") }
        if Self.isGood(name) {
            #expect(result.status == 0 && result.standardError == "", "\(name): \(result.standardError)")
            return
        }
        #expect(result.status == 1, "\(name)")
        #expect(result.standardError.hasPrefix("pushin: \(path): "), "\(result.standardError)")
        #expect(result.standardError.filter { $0 == "\n" }.count == 1, "\(result.standardError)")
    }

    @Test func wideWhiteStaysWhite() throws {
        for name in ["png-wide-white-rgb-good.png", "png-wide-white-rgba-good.png"] {
            let art = try Pushin.run(["-w", "1", "--background", "none", "--match", "tone", Self.folder + name])
            #expect(art.status == 0 && art.standardOutput == "M\n", "\(name): 32-bit sums made it black")
        }
    }

    @Test func damagedPNGIsRefusedUnlessLenient() throws {
        let path = Self.folder + "png-bad-text-crc.png"
        let strict = try Pushin.run(["-w", "16", path])
        #expect(strict.status == 1 && strict.standardError.contains("damaged PNG"))
        let lenient = try Pushin.run(["-w", "16", "--lenient", path])
        #expect(lenient.status == 0 && lenient.standardError.contains("warning:"))
    }
}
