import ArgumentParser
import ArtCache
import PushinCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// `pushin cache`: renders folders of pictures into the cache the login greeting picks from.
struct CacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Render pictures into the cache of art the login greeting picks from.",
        discussion: """
            Walks folders recursively and renders every PNG and JPEG at each width into \
            DIR/wWIDTH/NAME.txt, where NAME is the picture's name and a short hash of its \
            content. Runs are incremental (only new or changed pictures, or changed options, \
            are rendered) and atomic (an interrupted run leaves a valid cache; the next one \
            finishes the job). With --prune (the default) the art of pictures not among the \
            sources, or gone, is removed.
            """)

    @Option(help: "The cache folder (default: $PUSHIN_CACHE, else $XDG_CACHE_HOME/pushin, else ~/.cache/pushin).")
    var into: String?

    @Option(help: "Widths to render, comma-separated.")
    var widths: WidthList = WidthList(values: [40, 60, 80, 100, 120])

    @Option(help: "Pictures rendered at once (default: the number of CPUs).")
    var jobs: Int?

    @Flag(inversion: .prefixedNo, help: "Remove the art of pictures that are not among the sources.")
    var prune = true

    @OptionGroup var look: LookArguments

    @Argument(help: "Pictures and folders of pictures.")
    var sources: [String]

    mutating func validate() throws {
        if sources.isEmpty { throw ValidationError("give at least one picture or folder to cache") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let environment = Environment.current
        let layout = CacheLayout(directory: into ?? CacheLayout.defaultDirectory(environment: environment))
        let request = CacheRequest(
            sources: sources, layout: layout, widths: widths.values, options: look.conversionOptions,
            jobs: jobs ?? Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), prune: prune)
        let bar = isatty(STDERR_FILENO) == 1 ? ProgressBar() : nil
        let outcome: CacheReport
        do throws(FileError) {
            outcome = try CacheBuilder.build(request) { bar?.draw($0) }
        } catch {
            report(error.path, error.reason)
            throw ExitCode.failure
        }
        bar?.clear()
        for failure in outcome.failures { report(failure.path, failure.reason) }
        writeToStandardError("pushin: \(layout.directory): \(Self.summary(of: outcome))\n")
        if !outcome.failures.isEmpty { throw ExitCode.failure }
    }

    /// The one line a run ends with.
    static func summary(of report: CacheReport) -> String {
        let seconds = (report.seconds * 10).rounded() / 10
        var parts: [String] = []
        if report.rendered == 0 {
            parts.append("nothing to render, \(report.upToDate) up to date")
        } else {
            parts.append("rendered \(report.rendered) (\(report.artFilesWritten) art files)")
            parts.append("\(report.upToDate) up to date")
        }
        if !report.failures.isEmpty { parts.append("\(report.failures.count) failed") }
        if report.artFilesRemoved > 0 { parts.append("\(report.artFilesRemoved) art files removed") }
        return parts.joined(separator: ", ") + " in \(seconds) s"
    }
}

/// The value of `--widths`: positive whole numbers separated by commas.
struct WidthList: ExpressibleByArgument {
    var values: [Int]

    init(values: [Int]) { self.values = values }

    init?(argument: String) {
        let parsed = argument.split(separator: ",").map { Int($0.trimmingPrefix(" ")) }
        guard !parsed.isEmpty, parsed.allSatisfy({ ($0 ?? 0) > 0 && ($0 ?? 0) <= 1000 }) else { return nil }
        values = Array(Set(parsed.compactMap { $0 })).sorted()
    }

    var defaultValueDescription: String { values.map(String.init).joined(separator: ",") }
}

/// A one-line progress bar on standard error: count, rate and failures so far.
final class ProgressBar: Sendable {
    func draw(_ progress: CacheProgress) {
        guard progress.total > 0 else { return }
        let width = 24
        let filled = width * progress.done / progress.total
        let rate = progress.seconds > 0 ? Double(progress.done) / progress.seconds : 0
        var line = "\r\u{1B}[K[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]"
        line += " \(progress.done)/\(progress.total)  \((rate * 10).rounded() / 10)/s"
        if progress.failed > 0 { line += "  \(progress.failed) failed" }
        writeToStandardError(line)
    }

    func clear() { writeToStandardError("\r\u{1B}[K") }
}
