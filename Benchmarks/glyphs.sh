#!/usr/bin/env bash
# What shape matching (`--match shape`, the default) gives and costs against tone matching.
#
#   Benchmarks/glyphs.sh [RUNS] [ROUNDS]
#
# 1. Fidelity: the photos (chelsea, coffee, astronaut, rocket) and the cartoons (cartoon-cat,
#    robot, balloon) of images/ at 80 columns, background removal off, scored by
#    ../shared/fidelity/score_ascii.py at its normal scale and at hvs0.25 (half the blur, which
#    rewards ink placed on the edges): tone, shape (ASCII), and blocks in two colours a cell
#    (`--color-mode both`, scored in colour). Not braille: the scorer's font has none and draws
#    its missing-glyph box instead.
# 2. Time per picture: every picture above at 80 columns, tone against shape, RUNS runs each in
#    one hyperfine session (alternating, so the difference holds on a noisy machine).
# 3. The cache build of the 200 pictures of Benchmarks/make-cache-pictures.py (--jobs 2, widths
#    40 to 120), tone against shape, alternating, ROUNDS times; medians and the ratio.
# Needs: apt-get install hyperfine plasma-workspace-wallpapers; pip install pillow numpy
#        opencv-python-headless scikit-image (the scorer's)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20} rounds=${2:-3}
scorer=../shared/fidelity/score_ascii.py
[ -f "$scorer" ] || { echo "glyphs.sh: $scorer is missing" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "glyphs.sh: apt-get install hyperfine" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pushin=$(scripts/build --print-path 2>/dev/null)
photos="chelsea coffee astronaut rocket" cartoons="cartoon-cat robot balloon"
picture() { ls images/"$1".* | head -1; }

echo "== fidelity: mean SSIM at 80 columns, background none (normal scale / hvs0.25)"
score() {  # LABEL COLOUR-FLAG PUSHIN-OPTIONS...
  local label=$1 colour=$2; shift 2
  for name in $photos $cartoons; do
    "$pushin" -w 80 --background none "$@" "$(picture "$name")" > "$work/$name.$label.txt"
    printf '%s\t%s\n' "$(picture "$name")" "$work/$name.$label.txt"
  done > "$work/$label.tsv"
  python3 "$scorer" --pairs "$work/$label.tsv" --extra-scales hvs0.25 --no-glyph-ssim --json $colour > "$work/$label.json"
  python3 - "$work/$label.json" "$label" "$photos" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
label, photos = sys.argv[2], sys.argv[3].split()
def mean(photo, key):
    values = [r[key] for r in rows if (r["source"].split("/")[-1].split(".")[0] in photos) == photo]
    return sum(values) / len(values)
print("%-22s photos %.3f / %.3f   cartoons %.3f / %.3f" % (
    label, mean(True, "ssim"), mean(True, "ssim_hvs0.25"), mean(False, "ssim"), mean(False, "ssim_hvs0.25")))
PY
}
score tone "" --match tone
score shape "" --match shape
score blocks-two-colours --color --symbols blocks --color always --color-depth truecolor --color-mode both

echo "== time per picture at 80 columns (hyperfine, $runs runs each)"
commands=()
for name in $photos $cartoons; do
  for match in tone shape; do commands+=("$pushin -w 80 --match $match $(picture "$name")"); done
done
hyperfine -N -w 3 -r "$runs" --export-json "$work/time.json" "${commands[@]}" >/dev/null
python3 - "$work/time.json" <<'PY'
import json, statistics, sys
results = json.load(open(sys.argv[1]))["results"]
pairs = [(results[i], results[i + 1]) for i in range(0, len(results), 2)]
for tone, shape in pairs:
    name = tone["command"].split("/")[-1]
    print(f"{name:<18} tone {1000 * tone['median']:6.1f} ms   shape {1000 * shape['median']:6.1f} ms   "
          f"difference {1000 * (shape['median'] - tone['median']):+5.1f} ms")
print(f"mean difference: {statistics.mean(1000 * (s['median'] - t['median']) for t, s in pairs):+.1f} ms a picture")
PY

echo "== cache build of 200 pictures, --jobs 2 ($rounds rounds, alternating)"
mkdir -p "$work/pictures"
Benchmarks/make-cache-pictures.py "$work/pictures"
seconds() { local start end; start=$(date +%s%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s%N); echo "($end - $start) / 1000000000" | bc -l; }
tone=() shape=()
for round in $(seq 1 "$rounds"); do
  rm -rf "$work/tone" "$work/shape"
  tone+=("$(seconds "$pushin" cache --jobs 2 --match tone --into "$work/tone" "$work/pictures")")
  shape+=("$(seconds "$pushin" cache --jobs 2 --match shape --into "$work/shape" "$work/pictures")")
done
python3 - "${tone[*]}" "${shape[*]}" <<'PY'
import statistics, sys
tone, shape = (statistics.median(map(float, values.split())) for values in sys.argv[1:])
print(f"tone {tone:.2f} s   shape {shape:.2f} s   shape / tone = {shape / tone:.3f}")
PY
