#!/usr/bin/env bash
# What background removal adds per picture at 80 columns, on pictures of about 1 megapixel.
#
#   Benchmarks/background.sh [RUNS]
#
# Times `pushin -w 80 --background none` against `--background flood` (the whole mask always:
# decoding at the finer scale the mask needs, border model, flood, holes, halo), against
# `subject` (the flood, or on a scene the colour cut) and against the default `auto` (which
# stops after the border model when the border is a scene) on 1280 × 800
# crops of three plasma-workspace-wallpapers (two JPEGs, one PNG) and on three 1-megapixel
# pictures of the sample balloon (images/balloon.png) on a plain, a gradient and a textured
# background. The commands run
# interleaved, in a random order each round, and the result is the median of the per-round
# differences: on a noisy machine, timing all runs of one command and then all of the other
# lets drift between the blocks swamp a difference of a few milliseconds.
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
icon=images/balloon.png
convert -size 1280x800 xc:'#f4f1ea' \( "$icon" -resize 500x400 \) -gravity center -composite -quality 90 "$work/plain.jpg"
convert -size 1280x800 gradient:'#1d3557-#a8dadc' \( "$icon" -resize 500x400 \) -gravity center -composite -quality 90 "$work/gradient.jpg"
convert -size 1280x800 plasma:fractal -blur 0x2 \( "$icon" -resize 500x400 \) -gravity center -composite "$work/texture.png"
pushin=$(scripts/build --print-path 2>/dev/null)
python3 - "$pushin" "$runs" "$work"/{a.jpg,b.jpg,c.png,plain.jpg,gradient.jpg,texture.png} <<'PY'
import os, random, statistics, subprocess, sys, time
pushin, runs, pictures = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
modes = ["none", "flood", "subject", "auto"]

def seconds(mode, picture):
    start = time.perf_counter()
    subprocess.run([pushin, "-w", "80", "--background", mode, picture], stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start

print(f"1280 x 800 pictures; per mode: median time, and what it adds to `none` (median of {runs} paired runs, quartiles)")
for picture in pictures:
    for mode in modes:  # warm-up
        seconds(mode, picture)
    times = {mode: [] for mode in modes}
    for _ in range(runs):
        for mode in random.sample(modes, len(modes)):
            times[mode].append(seconds(mode, picture))
    line = f"{os.path.basename(picture):>12}: none {statistics.median(times['none']) * 1000:5.1f} ms"
    for mode in modes[1:]:
        differences = [(t - n) * 1000 for t, n in zip(times[mode], times["none"])]
        low, _, high = statistics.quantiles(differences, n=4)
        line += (f" | {mode} {statistics.median(times[mode]) * 1000:5.1f} ms, adds {statistics.median(differences):4.1f}"
                 f" ({low:4.1f} / {high:4.1f})")
    print(line)
PY
