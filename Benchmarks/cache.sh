#!/usr/bin/env bash
# How `pushin cache` scales with cores, and what a second run costs.
#
#   Benchmarks/cache.sh [ROUNDS]
#
# Makes 200 pictures of about 1 megapixel (1280 × 800 crops of the plasma-workspace-wallpapers,
# 160 JPEGs and 40 PNGs), then, ROUNDS times and alternating: caches them from scratch with
# --jobs 1 and with --jobs 2, and runs the --jobs 2 cache once more over the same pictures.
# Prints the medians, the speed-up of two jobs, and the second run as a share of the first.
# Needs: apt-get install plasma-workspace-wallpapers; pip install pillow
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/pictures"
Benchmarks/make-cache-pictures.py "$work/pictures"
echo "pictures: $(ls "$work/pictures" | wc -l)"
pushin=$(scripts/build --print-path 2>/dev/null)

seconds() { local start end; start=$(date +%s%N); "$@" 2>/dev/null || true; end=$(date +%s%N); echo "scale=3; ($end - $start) / 1000000000" | bc; }
one=(); two=(); again=()
for round in $(seq 1 "$rounds"); do
  rm -rf "$work/one" "$work/two"
  one+=("$(seconds "$pushin" cache --jobs 1 --into "$work/one" "$work/pictures")")
  two+=("$(seconds "$pushin" cache --jobs 2 --into "$work/two" "$work/pictures")")
  again+=("$(seconds "$pushin" cache --jobs 2 --into "$work/two" "$work/pictures")")
done
python3 - "${one[*]}" "${two[*]}" "${again[*]}" <<'PY'
import statistics, sys
one, two, again = (statistics.median(map(float, values.split())) for values in sys.argv[1:])
print(f"--jobs 1: {one:.2f} s   --jobs 2: {two:.2f} s   speed-up: {one / two:.2f}x")
print(f"second run: {again * 1000:.0f} ms = {100 * again / two:.1f}% of the first (--jobs 2) run")
PY
