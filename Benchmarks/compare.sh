#!/usr/bin/env bash
# Times pushin against its peers at 80 columns and prints medians and ratios.
#
#   Benchmarks/compare.sh [RUNS]
#
# Peers: jp2a, chafa --symbols ascii, and djpeg -grayscale -scale 1/8 (the JPEG decode floor:
# what any tool must spend just to read the file). "pushin" draws the whole picture, as the
# peers do; "pushin auto" is pushin's default, which also looks for a background to remove. Inputs: the 5120 × 2880 wallpapers of
# Debian's plasma-workspace-wallpapers (a baseline JPEG, a progressive JPEG, a PNG) and a
# 640 × 480 JPEG made from one of them. All commands run in the same session, alternating,
# so the ratios hold on a noisy machine even when the absolute times drift.
# Needs: apt-get install jp2a chafa libjpeg-turbo-progs hyperfine imagemagick plasma-workspace-wallpapers
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
wallpapers=/usr/share/wallpapers
baseline=$wallpapers/SafeLanding/contents/images/5120x2880.jpg
progressive=$wallpapers/Flow/contents/images/5120x2880.jpg
png=$wallpapers/Altai/contents/images/5120x2880.png
for tool in jp2a chafa djpeg hyperfine convert; do
  command -v "$tool" >/dev/null || { echo "compare.sh: $tool is missing (see the Needs line at the top)" >&2; exit 2; }
done
for file in "$baseline" "$progressive" "$png"; do
  [ -f "$file" ] || { echo "compare.sh: $file is missing: apt-get install plasma-workspace-wallpapers" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
small=$work/small-640x480.jpg
convert "$baseline" -resize '640x480!' -quality 90 "$small"

# A statically linked Swift runtime starts about 4 ms sooner: how pushin is meant to be built.
pushin=$(scripts/build --print-path 2>/dev/null)

declare -a labels=("large baseline JPEG" "large progressive JPEG" "large PNG" "640x480 JPEG")
declare -a files=("$baseline" "$progressive" "$png" "$small")
for index in "${!files[@]}"; do
  file=${files[$index]}
  commands=(
    "$pushin -w 80 --background none $file"
    "$pushin -w 80 $file"
    "jp2a --width=80 $file"
    "chafa --symbols ascii --size 80x --colors none $file"
  )
  names=(pushin "pushin auto" jp2a chafa)
  case "$file" in *.jpg) commands+=("djpeg -grayscale -scale 1/8 -outfile /dev/null $file"); names+=("djpeg 1/8");; esac
  hyperfine -N --warmup 2 --runs "$runs" --export-json "$work/$index.json" "${commands[@]}" >/dev/null 2>&1
  python3 - "${labels[$index]}" "$work/$index.json" "${names[@]}" <<'PY'
import json, statistics, sys
label, path, names = sys.argv[1], sys.argv[2], sys.argv[3:]
results = json.load(open(path))["results"]
medians = {name: statistics.median(r["times"]) * 1000 for name, r in zip(names, results)}
base = medians["pushin"]
print(f"{label}:")
for name, median in medians.items():
    ratio = "" if name == "pushin" else f"  pushin is {median / base:.2f}x as fast" if median >= base else f"  pushin is {base / median:.2f}x slower"
    print(f"  {name:11s} {median:8.1f} ms{ratio}")
PY
done
