#!/usr/bin/env bash
# Times GIF and WebP stills against their peers and measuring sticks, as medians and ratios.
#
#   Benchmarks/animation.sh [RUNS]
#
# - The still of a 480 × 480, 50-frame GIF at 80 columns (`--animate never`), against chafa
#   (`--animate off -s 80 --symbols ascii`), gif2rgb (which reads every frame), and
#   gif-first-frame (giflib alone decoding the first frame; Benchmarks/gif-first-frame.c).
# - A 4000 × 3000 lossy WebP at 80 columns, against a full-size `dwebp` decode (no output
#   written) and chafa.
# Inputs are made from Debian's plasma-workspace-wallpapers; every command runs in the same
# hyperfine session, so the ratios hold on a noisy machine.
# Needs: apt-get install chafa giflib-tools webp hyperfine imagemagick plasma-workspace-wallpapers libgif-dev
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
source_picture=/usr/share/wallpapers/SafeLanding/contents/images/5120x2880.jpg
for tool in chafa gif2rgb dwebp cwebp hyperfine convert cc; do
  command -v "$tool" >/dev/null || { echo "animation.sh: $tool is missing (see the Needs line at the top)" >&2; exit 2; }
done
[ -f "$source_picture" ] || { echo "animation.sh: apt-get install plasma-workspace-wallpapers" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 50 frames of 480 × 480, each the picture rolled a little further: every frame changes fully.
convert "$source_picture" -resize '480x480^' -gravity center -extent 480x480 "$work/base.png"
for frame in $(seq 0 49); do convert "$work/base.png" -roll "+$((frame * 9))+0" "$work/frame$(printf %02d "$frame").png"; done
convert -delay 10 "$work"/frame*.png -loop 0 "$work/anim.gif"
convert "$source_picture" -resize '4000x3000!' "$work/large.png"
cwebp -quiet -q 80 "$work/large.png" -o "$work/large.webp"
cc -O2 -o "$work/gif-first-frame" Benchmarks/gif-first-frame.c -lgif

pushin=$(scripts/build --print-path 2>/dev/null)

echo "GIF: 480 x 480, 50 frames ($(stat -c %s "$work/anim.gif") bytes)"
hyperfine -N -w 3 -r "$runs" --export-json "$work/gif.json" \
  "$pushin -w 80 --animate never $work/anim.gif" \
  "$pushin -w 80 --animate never --background none $work/anim.gif" \
  "chafa --animate off -s 80 --symbols ascii $work/anim.gif" \
  "gif2rgb -o /dev/null $work/anim.gif" \
  "$work/gif-first-frame $work/anim.gif" >/dev/null
echo "WebP: 4000 x 3000 lossy ($(stat -c %s "$work/large.webp") bytes)"
hyperfine -N -w 3 -r "$runs" --export-json "$work/webp.json" \
  "$pushin -w 80 $work/large.webp" \
  "$pushin -w 80 --background none $work/large.webp" \
  "dwebp $work/large.webp" \
  "chafa -s 80 --symbols ascii $work/large.webp" >/dev/null 2>&1
python3 - "$work/gif.json" "$work/webp.json" <<'PYTHON'
import json, sys
for path in sys.argv[1:]:
    results = json.load(open(path))["results"]
    base = results[0]["median"]
    for result in results:
        name = result["command"].split("/")[-1] if result["command"].startswith("/") else result["command"]
        print(f"  {result['median'] * 1000:8.2f} ms  {result['median'] / base:5.2f}x of the first  {result['command'].replace(sys.argv[1].rsplit('/', 1)[0] + '/', '')}")
PYTHON
