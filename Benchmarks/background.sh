#!/usr/bin/env bash
# What background removal adds per picture at 80 columns, on pictures of about 1 megapixel.
#
#   Benchmarks/background.sh [RUNS]
#
# Times `pushin -w 80 --background none` and `--background flood` (the whole mask: border model,
# flood, holes, halo) on 1280 × 800 crops of three plasma-workspace-wallpapers (two JPEGs, one
# PNG), alternating in one run, and prints the medians and their difference.
# Needs: apt-get install hyperfine plasma-workspace-wallpapers imagemagick
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
wallpapers=/usr/share/wallpapers
convert "$wallpapers/SafeLanding/contents/images/5120x2880.jpg" -resize 2560x -crop 1280x800+600+300 -quality 90 "$work/a.jpg"
convert "$wallpapers/Honeywave/contents/images/5120x2880.jpg" -resize 2560x -crop 1280x800+200+100 -quality 90 "$work/b.jpg"
convert "$wallpapers/Altai/contents/images/5120x2880.png" -resize 2560x -crop 1280x800+900+400 "$work/c.png"
swift build -c release --static-swift-stdlib --product pushin >/dev/null
pushin=$(swift build -c release --static-swift-stdlib --show-bin-path)/pushin
for picture in "$work"/a.jpg "$work"/b.jpg "$work"/c.png; do
  hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/result.json" \
    "$pushin -w 80 --background none $picture" "$pushin -w 80 --background flood $picture" >/dev/null 2>&1
  python3 - "$(basename "$picture")" "$work/result.json" <<'PY'
import json, statistics, sys
name, path = sys.argv[1], sys.argv[2]
none, flood = (statistics.median(r["times"]) * 1000 for r in json.load(open(path))["results"])
print(f"{name} (1280 x 800): without removal {none:.1f} ms, with {flood:.1f} ms: removal adds {flood - none:.1f} ms")
PY
done
