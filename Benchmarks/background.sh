#!/usr/bin/env bash
# What background removal adds per picture at 80 columns, on pictures of about 1 megapixel.
#
#   Benchmarks/background.sh [RUNS]
#
# Times `pushin -w 80 --background none` and `--background flood` (the whole mask: decoding at
# the finer scale the mask needs, border model, flood, holes, halo) on 1280 × 800 crops of three
# plasma-workspace-wallpapers (two JPEGs, one PNG). The two commands run interleaved, in a
# random order each round, and the result is the median of the per-round differences: on a
# noisy machine, timing all runs of one command and then all of the other lets drift between
# the two blocks swamp a difference of a few milliseconds.
# Needs: apt-get install plasma-workspace-wallpapers imagemagick
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-40}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
wallpapers=/usr/share/wallpapers
convert "$wallpapers/SafeLanding/contents/images/5120x2880.jpg" -resize 2560x -crop 1280x800+600+300 -quality 90 "$work/a.jpg"
convert "$wallpapers/Honeywave/contents/images/5120x2880.jpg" -resize 2560x -crop 1280x800+200+100 -quality 90 "$work/b.jpg"
convert "$wallpapers/Altai/contents/images/5120x2880.png" -resize 2560x -crop 1280x800+900+400 "$work/c.png"
swift build -c release --static-swift-stdlib --product pushin >/dev/null
pushin=$(swift build -c release --static-swift-stdlib --show-bin-path)/pushin
python3 - "$pushin" "$runs" "$work"/a.jpg "$work"/b.jpg "$work"/c.png <<'PY'
import os, random, statistics, subprocess, sys, time
pushin, runs, pictures = sys.argv[1], int(sys.argv[2]), sys.argv[3:]

def seconds(mode, picture):
    start = time.perf_counter()
    subprocess.run([pushin, "-w", "80", "--background", mode, picture], stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start

for picture in pictures:
    for mode in ("none", "flood"):  # warm-up
        seconds(mode, picture)
    times = {"none": [], "flood": []}
    for _ in range(runs):
        order = ["none", "flood"]
        random.shuffle(order)
        for mode in order:
            times[mode].append(seconds(mode, picture))
    differences = [(f - n) * 1000 for f, n in zip(times["flood"], times["none"])]
    quartiles = statistics.quantiles(differences, n=4)
    print(f"{os.path.basename(picture)} (1280 x 800): without removal {statistics.median(times['none']) * 1000:.1f} ms, "
          f"with {statistics.median(times['flood']) * 1000:.1f} ms; removal adds {statistics.median(differences):.1f} ms "
          f"(median of {runs} paired runs; quartiles {quartiles[0]:.1f} / {quartiles[2]:.1f} ms)")
PY
