import Foundation
import Testing
import TestSupport

/// Every hostile regression file (Tests/Fixtures/hostile, and the animation fixtures) through
/// the built CLI at its defaults: one line on standard error naming the file, exit status 1,
/// under 5 s and under 400 MB resident; or, for the few good files among them, art and exit 0.
@Suite struct HostileFileTests {
    static let folder = "Tests/Fixtures/hostile/"

    /// The files of the folder, by name.
    static let files: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Pushin.packageRoot.appendingPathComponent(folder).path)) ?? []
        return names.filter { name in [".png", ".jpg", ".gif", ".webp"].contains { name.hasSuffix($0) } }.sorted()
    }()

    /// Files among them that are good pictures and must be drawn.
    static let good: Set<String> = ["png-odd-chunks-good.png", "png-wide-white-rgb.png", "png-wide-white-rgba.png"]

    /// True on the plain build. Under AddressSanitizer (CI's sanitizer run sets ASAN_OPTIONS)
    /// the shadow memory counts as resident, so the memory bound is checked on the plain build
    /// only, and code runs a few times slower, so the time bound is stretched.
    static let resourcesAreMeaningful = ProcessInfo.processInfo.environment["ASAN_OPTIONS"] == nil

    /// The most seconds a hostile file may take: 5, or 20 under AddressSanitizer.
    static let timeLimit: Double = resourcesAreMeaningful ? 5 : 20

    @Test func theFolderHoldsEveryFinding() {
        #expect(Self.files.count >= 20, "\(Self.files)")
    }

    @Test(arguments: files)
    func failsInOneLineQuicklyOrDraws(name: String) throws {
        let path = Self.folder + name
        let result = try Pushin.measure([path])
        #expect(result.seconds < Self.timeLimit, "\(name): \(result.seconds) s")
        if Self.resourcesAreMeaningful { #expect(result.peakResidentBytes < 400 << 20, "\(name): \(result.peakResidentBytes) bytes") }
        if Self.good.contains(name) {
            #expect(result.status == 0 && result.standardError == "", "\(name): \(result.standardError)")
            return
        }
        #expect(result.status == 1, "\(name)")
        #expect(result.standardError.hasPrefix("pushin: \(path): "), "\(result.standardError)")
        #expect(result.standardError.filter { $0 == "\n" }.count == 1, "\(result.standardError)")
    }

    @Test func wideWhiteStaysWhite() throws {
        for name in ["png-wide-white-rgb.png", "png-wide-white-rgba.png"] {
            let art = try Pushin.run(["-w", "1", "--background", "none", Self.folder + name])
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
