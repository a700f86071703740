#!/bin/sh
# Fuzzes one decoder for a while: Fuzz/run.sh TARGET SECONDS (TARGET: png, jpeg, gif, webp).
#
# Starts from the checked-in seeds (Fuzz/corpus/TARGET, read only) and from what earlier runs
# found (.build-fuzz/corpus/TARGET, kept between runs, not checked in). A crash, leak, input
# slower than 5 s or allocation over 400 MB is saved in Fuzz/findings/TARGET/ and stops the
# run. Runs at low priority on one core; run one target at a time. The log is kept in
# .build-fuzz/TARGET.log (execs/s and coverage are its last lines).
set -eu
[ $# -eq 2 ] || { echo "usage: Fuzz/run.sh TARGET SECONDS" >&2; exit 2; }
target=$1 seconds=$2
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/Fuzz/build.sh" "$target"
binary="$root/.build-fuzz/fuzz_$target"
[ -x "$binary" ] || { echo "no fuzz target $target" >&2; exit 2; }
work="$root/.build-fuzz/corpus/$target"
findings="$root/Fuzz/findings/$target"
mkdir -p "$work" "$findings"
export ASAN_OPTIONS="detect_leaks=1:quarantine_size_mb=32:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"
status=0
nice -n 10 "$binary" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=400 -malloc_limit_mb=400 \
    -max_len=16384 -dict="$root/Fuzz/$target.dict" -artifact_prefix="$findings/" \
    -print_final_stats=1 "$work" "$root/Fuzz/corpus/$target" 2>&1 | tee "$root/.build-fuzz/$target.log" ||
    status=$?
# tee hides the fuzzer's status: a finding is a new file in $findings, and libFuzzer says "==ERROR".
if grep -q -e '^==[0-9]*==ERROR' -e 'ERROR: libFuzzer' -e '^SUMMARY: ' "$root/.build-fuzz/$target.log"; then
    echo "run.sh: $target found something; see $findings and .build-fuzz/$target.log" >&2
    exit 1
fi
exit $status
