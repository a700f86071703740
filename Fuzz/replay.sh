#!/bin/sh
# Regression test: builds every fuzz target (Fuzz/build.sh) and runs each, once, over its seed
# corpus, every finding in Fuzz/findings/TARGET, and the hostile files of its format in
# Tests/Fixtures/hostile. Fails on any crash, leak, sanitizer report, input slower than 15 s or
# allocation over 400 MB, or when the whole replay takes more than SECONDS (default 600). The
# issue's 5 s per file is Benchmarks/hostile.py's to hold, on the release build; under the
# sanitizers the 100-megapixel PNG strip alone took 2.6 to 3.8 s from one CI run to the next.
# TARGETs narrow it to some decoders (default: png jpeg gif webp).
# Usage: Fuzz/replay.sh [SECONDS [TARGET...]]
set -eu
budget=${1:-600}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] || set -- png jpeg gif webp
targets="$*"
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/Fuzz/build.sh" "$@"
export ASAN_OPTIONS="detect_leaks=1:quarantine_size_mb=32:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"
start=$(date +%s)
failed=0
for target in $targets; do
    binary="$root/.build-fuzz/fuzz_$target"
    [ -x "$binary" ] || { echo "replay: no $target target (its decoder is not in the tree yet)"; continue; }
    case $target in png) ext=png ;; jpeg) ext=jpg ;; gif) ext=gif ;; webp) ext=webp ;; esac
    set --
    for file in "$root/Fuzz/corpus/$target"/* "$root/Fuzz/findings/$target"/* "$root/Tests/Fixtures/hostile"/*."$ext"; do
        [ -f "$file" ] && set -- "$@" "$file"
    done
    [ $# -gt 0 ] || continue
    left=$((budget - ($(date +%s) - start)))
    [ $left -gt 0 ] || { echo "replay: out of time before $target" >&2; failed=1; break; }
    log="$root/.build-fuzz/replay-$target.log"
    if nice -n 10 timeout "$left" "$binary" -timeout=15 -rss_limit_mb=400 -malloc_limit_mb=400 "$@" >"$log" 2>&1; then
        slowest=$(sed -n 's/^Executed \(.*\) in \([0-9]*\) ms$/\2 \1/p' "$log" | sort -n | tail -1)
        echo "replay $target: $# inputs passed; slowest ${slowest%% *} ms: ${slowest#* }"
    else
        echo "replay $target: FAILED (see $log)" >&2
        grep -e '^Running:' -e 'ERROR' -e '^SUMMARY' "$log" | tail -5 >&2
        failed=1
    fi
done
echo "replay: $(($(date +%s) - start)) s"
exit $failed
