import AsciiArt
import Dispatch
import PushinCore
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// What a cache run is asked to do.
public struct CacheRequest: Sendable {
    /// Files and folders to cache (folders are walked recursively).
    public var sources: [String]
    /// Where the cache lives.
    public var layout: CacheLayout
    /// The widths to render every picture at.
    public var widths: [Int]
    /// How to draw.
    public var options: ConversionOptions
    /// How many pictures to render at once.
    public var jobs: Int
    /// Remove the art of every source not among `sources` (including sources that are gone).
    public var prune: Bool

    /// Makes a request.
    public init(sources: [String], layout: CacheLayout, widths: [Int], options: ConversionOptions, jobs: Int, prune: Bool) {
        self.sources = sources
        self.layout = layout
        self.widths = widths
        self.options = options
        self.jobs = jobs
        self.prune = prune
    }
}

/// How far a run has come, reported after every picture.
public struct CacheProgress: Sendable, Equatable {
    /// Pictures finished (rendered, found up to date, or failed).
    public var done: Int
    /// Pictures that needed work in this run.
    public var total: Int
    /// Pictures that could not be cached so far.
    public var failed: Int
    /// Seconds since the run started.
    public var seconds: Double
}

/// What a run did.
public struct CacheReport: Sendable {
    /// Pictures rendered (at one width or more).
    public var rendered = 0
    /// Art files written.
    public var artFilesWritten = 0
    /// Pictures whose art was already up to date.
    public var upToDate = 0
    /// Art files removed (sources gone or changed, widths dropped, leftovers of killed runs).
    public var artFilesRemoved = 0
    /// The inputs that could not be cached, each with its reason.
    public var failures: [FileError] = []
    /// Seconds the run took.
    public var seconds = 0.0
}

/// Builds and refreshes a cache of art, in parallel, incrementally and atomically.
public enum CacheBuilder {
    /// Renders every picture of `request.sources` that the cache lacks or holds out of date.
    ///
    /// A picture is up to date when its size, modification time and the render options match the
    /// manifest and its art exists at every width; a picture whose bytes are unchanged (same
    /// content hash) is never rendered again. Every file is written under a temporary name and
    /// renamed, and the manifest is saved every second, so a run killed at any moment leaves a
    /// valid cache and the next run finishes the job. Throws only when the cache itself cannot
    /// be used (not writable, or another run holds it); pictures that fail are in the report.
    public static func build(
        _ request: CacheRequest, progress: @escaping @Sendable (CacheProgress) -> Void = { _ in }
    ) throws(FileError) -> CacheReport {
        let clock = ContinuousClock(), start = clock.now
        let layout = request.layout
        try FileIO.makeDirectory(layout.directory)
        guard let lock = try FileIO.lockExclusively(layout.lockPath) else {
            throw FileError(path: layout.directory, reason: "another pushin cache is building this cache")
        }
        defer { close(lock) }
        for width in request.widths { try FileIO.makeDirectory(layout.widthDirectory(width)) }

        var manifest = Manifest.load(from: layout.manifestPath)
        var report = CacheReport()
        var sources: [String] = []
        for found in InputFiles.expand(request.sources, recursive: true) {
            switch found {
            case .success(let path): sources.append(FileIO.absolutePath(path))
            case .failure(let error): report.failures.append(error)
            }
        }
        sources = Array(unique: sources)
        let fingerprint = request.options.fingerprint
        let pending = sources.filter { path in
            !isUpToDate(manifest.entries[path], signature: FileIO.signature(of: path), request: request, fingerprint: fingerprint)
        }
        report.upToDate = sources.count - pending.count

        let failedBefore = report.failures.count
        let shared = SharedRun(RunState(manifest: manifest, report: report, lastSave: start))
        progress(CacheProgress(done: 0, total: pending.count, failed: 0, seconds: 0))
        // The workers render and stage; one committer waits for the disk (fsync), renames the
        // staged files and records the outcome, so that the waits never hold up the rendering.
        // At most `stagedLimit` pictures wait for it.
        let committer = DispatchQueue(label: "pushin.cache.commit")
        let room = DispatchSemaphore(value: stagedLimit)
        let next = Atomic(0)
        DispatchQueue.concurrentPerform(iterations: max(1, min(request.jobs, pending.count))) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < pending.count else { return }
                let path = pending[index]
                let previous = shared.state.withLock { $0.manifest.entries[path] }
                let staged = render(path, previous: previous, request: request, fingerprint: fingerprint)
                room.wait()
                committer.async {
                    let outcome = commit(staged)
                    let (update, due) = shared.state.withLock { run -> (CacheProgress, Manifest?) in
                        run.record(outcome, for: path)
                        var due: Manifest? = nil
                        if clock.now - run.lastSave > .seconds(1) {
                            due = run.manifest
                            run.lastSave = clock.now
                        }
                        let update = CacheProgress(
                            done: run.done, total: pending.count, failed: run.report.failures.count - failedBefore,
                            seconds: Double((clock.now - start) / .milliseconds(1)) / 1000)
                        return (update, due)
                    }
                    room.signal()
                    // Saved outside the lock (only this queue saves), so the workers never wait for it.
                    try? due?.save(to: layout.manifestPath)
                    progress(update)
                }
            }
        }
        committer.sync {}
        (manifest, report) = shared.state.withLock { ($0.manifest, $0.report) }
        if request.prune {
            let kept = Set(sources)
            manifest.entries = manifest.entries.filter { kept.contains($0.key) }
        }
        try manifest.save(to: layout.manifestPath)
        report.artFilesRemoved = removeUnreferencedArt(layout: layout, manifest: manifest)
        report.seconds = Double((clock.now - start) / .milliseconds(1)) / 1000
        return report
    }

    /// True when an entry holds art of the current file at every requested width.
    static func isUpToDate(
        _ entry: Manifest.Entry?, signature: FileIO.Signature?, request: CacheRequest, fingerprint: String
    ) -> Bool {
        guard let entry, let signature, entry.signature == signature, entry.options == fingerprint,
              Set(request.widths).isSubset(of: entry.widths) else { return false }
        return request.widths.allSatisfy { FileIO.signature(of: request.layout.artPath(name: entry.name, width: $0)) != nil }
    }

    /// How many rendered pictures may wait to be committed: enough to keep the workers busy
    /// while the disk catches up, few enough to bound the open files (a few a picture).
    static let stagedLimit = 16

    /// What became of one picture.
    enum Outcome: Sendable {
        case rendered(Manifest.Entry, artFiles: Int)
        case unchanged(Manifest.Entry)
        case failed(FileError)
    }

    /// A rendered picture's outcome and its files, written under temporary names (twin and
    /// frames before the plain art), that `commit` makes durable and visible.
    struct Staged: Sendable {
        var outcome: Outcome
        var files: [FileIO.StagedFile] = []
    }

    /// Flushes and renames the files of `staged` in order; the first that fails discards the
    /// rest and fails the picture.
    static func commit(_ staged: Staged) -> Outcome {
        for (index, file) in staged.files.enumerated() {
            do throws(FileError) { try file.commit() } catch {
                for rest in staged.files[(index + 1)...] { rest.discard() }
                return .failed(error)
            }
        }
        return staged.outcome
    }

    /// Reads, hashes and (when needed) draws one picture, staging its art.
    static func render(_ path: String, previous: Manifest.Entry?, request: CacheRequest, fingerprint: String) -> Staged {
        var files: [FileIO.StagedFile] = []
        do throws(FileError) {
            guard let signature = FileIO.signature(of: path) else { throw FileError(path: path, reason: "No such file or directory") }
            let bytes = try FileIO.contents(of: path)
            let hash = ContentHash.fnv1a(bytes)
            let name = ArtName.make(sourcePath: path, contentHash: hash)
            let layout = request.layout
            let reusable = previous.map { $0.name == name && $0.options == fingerprint } ?? false
            let missing = request.widths.filter { width in
                !(reusable && previous!.widths.contains(width) && FileIO.signature(of: layout.artPath(name: name, width: width)) != nil)
            }
            let entry = Manifest.Entry(
                signature: signature, contentHash: hash, name: name, widths: request.widths.sorted(), options: fingerprint)
            guard !missing.isEmpty else { return Staged(outcome: .unchanged(entry)) }
            let conversion: MultiWidthConversion
            var options = request.options
            options.frames = .all  // an animation's frames are cached beside its still art
            do { conversion = try Converter.convert(bytes, options: options, widths: missing) } catch {
                throw FileError(path: path, reason: error.description)
            }
            for (width, frames) in conversion.arts {
                // The twin and the frames first: a plain file is never visible without them.
                let path = layout.artPath(name: name, width: width)
                let colour = ANSIText.utf8(frames[0].art, depth: CacheLayout.twinDepth)
                // A name carries the content's hash, so a still never has stale frames to remove.
                if frames.count > 1 {
                    for inColour in [false, true] {
                        let animation = AnimationFile(
                            frames: frames.map { frame in
                                let text = inColour ? ANSIText.render(frame.art, depth: CacheLayout.twinDepth) : frame.art.plainText
                                return TextFrame(text: text, delay: frame.delay)
                            },
                            loopCount: conversion.loopCount)
                        files.append(try FileIO.StagedFile(animation.encoded, for: CacheLayout.animation(of: path, colour: inColour)))
                    }
                }
                files.append(try FileIO.StagedFile(colour, for: CacheLayout.colourTwin(of: path)))
                files.append(try FileIO.StagedFile(frames[0].art.plainUTF8, for: path))
            }
            return Staged(outcome: .rendered(entry, artFiles: conversion.arts.count), files: files)
        } catch {
            for file in files { file.discard() }
            return Staged(outcome: .failed(error))
        }
    }

    /// Removes the art files no manifest entry names, the leftovers of killed runs, and empty
    /// width folders; returns how many art files went.
    static func removeUnreferencedArt(layout: CacheLayout, manifest: Manifest) -> Int {
        var referenced = Set<String>()
        for entry in manifest.entries.values {
            for width in entry.widths {
                let path = layout.artPath(name: entry.name, width: width)
                referenced.insert(path)
                referenced.insert(CacheLayout.colourTwin(of: path))
                referenced.insert(CacheLayout.animation(of: path, colour: false))
                referenced.insert(CacheLayout.animation(of: path, colour: true))
            }
        }
        var removed = 0
        for width in layout.cachedWidths() {
            let folder = layout.widthDirectory(width)
            for name in (try? FileIO.entries(of: folder)) ?? [] {
                let path = folder + "/" + name
                let isLeftover = name.hasPrefix(".") && name.contains(FileIO.temporarySuffix)
                let isArt = name.hasSuffix(".txt") || name.hasSuffix(".ansi") || name.hasSuffix(".anim")
                guard isLeftover || (isArt && !referenced.contains(path)) else { continue }
                if (try? FileIO.remove(path)) != nil, name.hasSuffix(".txt") { removed += 1 }
            }
            rmdir(folder)  // only succeeds when the folder is empty
        }
        return removed
    }
}

/// The state of a run, shared by its workers and its committer.
private final class SharedRun: Sendable {
    let state: Mutex<RunState>

    init(_ state: RunState) { self.state = Mutex(state) }
}

/// The state the workers of a run share, behind a mutex.
private struct RunState {
    var manifest: Manifest
    var report: CacheReport
    var lastSave: ContinuousClock.Instant
    var done = 0

    mutating func record(_ outcome: CacheBuilder.Outcome, for path: String) {
        done += 1
        switch outcome {
        case let .rendered(entry, artFiles):
            manifest.entries[path] = entry
            report.rendered += 1
            report.artFilesWritten += artFiles
        case let .unchanged(entry):
            manifest.entries[path] = entry
            report.upToDate += 1
        case let .failed(error):
            manifest.entries[path] = nil
            report.failures.append(error)
        }
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each kept at its first place only.
    init(unique elements: [Element]) {
        var seen = Set<Element>()
        self = elements.filter { seen.insert($0).inserted }
    }
}
