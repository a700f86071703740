import AsciiArt
import PushinCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Plays an animation on standard output, in place: the art is printed once, then every frame
/// overwrites it (see `FrameRedraw`), timed against the monotonic clock so it never drifts.
///
/// The cursor is hidden while playing and always shown again: at the end, on a closed pipe,
/// and on Ctrl-C, SIGTERM or SIGHUP, which are held off while a frame is being written so the
/// cursor is always below the art when the process stops.
enum Playback {
    /// Plays `frames` `loops` times (`nil`: forever), stopping after `duration` seconds when
    /// given; the last frame drawn stays on screen, or with `endOnLastFrame` the animation's
    /// last frame. Returns false when standard output closed.
    @discardableResult
    static func play(_ frames: [TextFrame], loops: Int?, duration: Double?, endOnLastFrame: Bool = false) -> Bool {
        guard let first = frames.first else { return true }
        let lines = frames.map { FrameRedraw.lines(of: $0.text) }
        let stopSignals = [SIGINT, SIGTERM, SIGHUP]
        var held = sigset_t()
        sigemptyset(&held)
        for signal in stopSignals { sigaddset(&held, signal) }
        let previousPipe = signal(SIGPIPE, SIG_IGN)
        for stop in stopSignals { signal(stop, restoreCursorAndStop) }
        defer {
            for stop in stopSignals { signal(stop, SIG_DFL) }
            signal(SIGPIPE, previousPipe)
        }

        func write(_ text: String) -> Bool {
            pthread_sigmask(SIG_BLOCK, &held, nil)
            defer { pthread_sigmask(SIG_UNBLOCK, &held, nil) }
            do throws(FileError) { try FileIO.writeAll(Array(text.utf8), to: STDOUT_FILENO, path: "standard output") } catch {
                return false
            }
            return true
        }
        guard write(FrameRedraw.hideCursor + first.text) else { return false }
        defer { _ = write(FrameRedraw.showCursor) }

        guard frames.count > 1 else { return true }
        let start = MonotonicClock.now()
        let end = duration.map { start + UInt64($0 * 1e9) }
        var due = start, shown = 0, plays = 1
        while true {
            let next = shown + 1 == frames.count ? 0 : shown + 1
            if next == 0 {
                if let loops, plays >= loops { return true }
                plays += 1
            }
            due += UInt64(frames[shown].delay) * 1_000_000
            if let end, due >= end {
                MonotonicClock.sleep(until: end)
                return !endOnLastFrame || write(FrameRedraw.transition(from: lines[shown], to: lines[frames.count - 1]))
            }
            MonotonicClock.sleep(until: due)
            guard write(FrameRedraw.transition(from: lines[shown], to: lines[next])) else { return false }
            shown = next
        }
    }
}

/// The handler of the signals that stop playback: shows the cursor, then dies of the signal as
/// the default action would. Only async-signal-safe calls.
private func restoreCursorAndStop(_ received: Int32) {
    let text: StaticString = "\u{1B}[0m\u{1B}[?25h"
    _ = Glibc.write(STDOUT_FILENO, text.utf8Start, text.utf8CodeUnitCount)
    signal(received, SIG_DFL)
    raise(received)
}

/// Nanoseconds on the monotonic clock, and sleeping until one of them.
enum MonotonicClock {
    /// Now, in nanoseconds since an arbitrary start.
    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// Sleeps until `deadline` (in `now()`'s terms), resuming after interruptions.
    static func sleep(until deadline: UInt64) {
        var time = timespec(tv_sec: Int(deadline / 1_000_000_000), tv_nsec: Int(deadline % 1_000_000_000))
        while clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &time, nil) == EINTR {}
    }
}
