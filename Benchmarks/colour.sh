#!/usr/bin/env bash
# What the 256-colour twin costs per picture at 80 columns.
#
#   Benchmarks/colour.sh [ROUNDS] [PUSHIN]
#
# Makes the cache benchmarks' pictures (Benchmarks/make-cache-pictures.py: 1280 × 800 crops of
# the plasma-workspace-wallpapers) and times one run of `pushin -w 80` over 100 of the JPEGs
# against the same run with `--color always --color-depth 256` (and, for comparison, 16), the
# commands interleaved in a random order each round. Prints the median of the per-round
# differences divided by the 100 pictures, with its quartiles: what colour adds to a picture
# (the palette choice and the escape-coded text), start-up paid once per run. PUSHIN times a
# given binary (an earlier commit's, to compare before and after) instead of building this tree's.
# Needs: apt-get install plasma-workspace-wallpapers python3-pil
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
Benchmarks/make-cache-pictures.py "$work"
if [[ -n ${2:-} ]]; then
  pushin=$2
else
  pushin=$(scripts/build --print-path 2>/dev/null)
fi
python3 - "$pushin" "$rounds" $(ls "$work"/*.jpg | head -100) <<'PY'
import random, statistics, subprocess, sys, time
pushin, rounds, pictures = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
variants = {"plain": [], "256": ["--color", "always", "--color-depth", "256"], "16": ["--color", "always", "--color-depth", "16"]}

def seconds(variant):
    start = time.perf_counter()
    subprocess.run([pushin, "-w", "80", *variants[variant], *pictures], stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start

for variant in variants:  # warm-up
    seconds(variant)
times = {variant: [] for variant in variants}
for _ in range(rounds):
    for variant in random.sample(list(variants), len(variants)):
        times[variant].append(seconds(variant))
print(f"{len(pictures)} pictures, 80 columns: plain {statistics.median(times['plain']) * 1000:.0f} ms a run "
      f"(median of {rounds} rounds)")
for variant in ("256", "16"):
    differences = [(t - p) * 1000 / len(pictures) for t, p in zip(times[variant], times["plain"])]
    low, _, high = statistics.quantiles(differences, n=4)
    print(f"  {variant:>3} colours: adds {statistics.median(differences):.2f} ms a picture (quartiles {low:.2f} / {high:.2f})")
PY
