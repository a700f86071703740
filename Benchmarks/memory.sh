#!/usr/bin/env bash
# Peak memory of pushin at 80 columns on the 5120 × 2880 wallpapers (issue 14: at most 12 MB on
# the baseline JPEG and the PNG), as `/usr/bin/time -v` reports it (wait4's ru_maxrss).
#
#   Benchmarks/memory.sh [RUNS] [OTHER-PUSHIN]
#
# Runs this tree's release build (scripts/build) RUNS times (default 5) on each picture, then
# OTHER-PUSHIN (say, the build before a change) as many, and prints every run's maximum
# resident set size in kB. Inputs: SafeLanding (baseline JPEG), Altai (PNG) and Flow
# (progressive JPEG).
#
# Most of the peak is the binary's own pages (`pushin --version` alone: about 7.4 MB), and how
# many of them a run maps depends on how the page cache holds the binary: one just written by
# `strip` was mapped in 2 MB pages, 20 MB for a build that otherwise takes 13.6.
# So both binaries are dropped from the page cache first (posix_fadvise) and read back as any
# start reads them.
# Needs: python3, GNU time (the time package), plasma-workspace-wallpapers
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
wallpapers=/usr/share/wallpapers
pictures=("$wallpapers/SafeLanding/contents/images/5120x2880.jpg" "$wallpapers/Altai/contents/images/5120x2880.png"
  "$wallpapers/Flow/contents/images/5120x2880.jpg")
for file in "${pictures[@]}"; do
  [ -f "$file" ] || { echo "memory.sh: $file is missing: apt-get install plasma-workspace-wallpapers" >&2; exit 2; }
done
pushin=$(scripts/build --print-path 2>/dev/null)

# Dropped from the page cache: see above.
python3 -c 'import os, sys
for path in sys.argv[1:]:
    descriptor = os.open(path, os.O_RDONLY)
    os.posix_fadvise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)
    os.close(descriptor)' "$pushin" ${2:+"$2"}
for picture in "${pictures[@]}"; do
  echo "${picture#"$wallpapers"/}"
  for binary in "$pushin" ${2:+"$2"}; do
    peaks=()
    for _ in $(seq "$runs"); do
      # ru_maxrss counts the process's image before exec too: GNU time's is about 1 MB, where a
      # child spawned from python3 would start from python3's.
      peaks+=("$(/usr/bin/time -f %M "$binary" -w 80 "$picture" 2>&1 >/dev/null)")
    done
    echo "  $(printf '%s\n' "${peaks[@]}" | sort -n | tail -1) kB at most (${peaks[*]})  $binary"
  done
done
