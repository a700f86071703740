#!/usr/bin/env bash
# How much the greeting adds to an interactive shell's start-up, with a cache of 1,000 art files.
#
#   Benchmarks/login.sh [RUNS]
#
# Installs pushin into a temporary prefix (scripts/install) and times `bash -i -c exit` and
# `zsh -i -c exit` under a pseudo-terminal (util-linux `script`), each with an empty startup file
# and with one made as the README says, by `pushin init SHELL`, alternating in the same run; prints
# the medians and what the greeting adds.
# Needs: apt-get install hyperfine zsh util-linux
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-40}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 200 pictures × 5 widths = 1,000 art files, each a real 80-column art.
art=$(mktemp)
pushin=$(scripts/build --print-path 2>/dev/null)
for width in 40 60 80 100 120; do
  mkdir -p "$work/cache/w$width"
  "$pushin" -w "$width" images/chelsea.png >"$art"
  for index in $(seq 1 200); do cp "$art" "$work/cache/w$width/picture-$index.txt"; done
done
rm -f "$art"
./scripts/install --prefix "$work/prefix" --binary "$pushin" >/dev/null
echo "cache: $(find "$work/cache" -name '*.txt' | wc -l) art files"

mkdir -p "$work/plain" "$work/greeting"
: >"$work/plain/.bashrc"; : >"$work/plain/.zshrc"
"$work/prefix/bin/pushin" init bash >"$work/greeting/.bashrc"
"$work/prefix/bin/pushin" init zsh >"$work/greeting/.zshrc"
echo "greeting: $(cat "$work/greeting/.bashrc")"

for shell in bash zsh; do
  commands=()
  for setup in plain greeting; do
    if [ "$shell" = bash ]; then
      commands+=("script -qec 'stty cols 120 rows 50; bash --rcfile $work/$setup/.bashrc -i -c exit' /dev/null")
    else
      commands+=("script -qec 'stty cols 120 rows 50; ZDOTDIR=$work/$setup zsh -i -c exit' /dev/null")
    fi
  done
  PUSHIN_CACHE=$work/cache hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/$shell.json" "${commands[@]}" >/dev/null 2>&1
  python3 - "$shell" "$work/$shell.json" <<'PY'
import json, statistics, sys
shell, path = sys.argv[1], sys.argv[2]
plain, greeting = (statistics.median(r["times"]) * 1000 for r in json.load(open(path))["results"])
print(f"{shell}: without the greeting {plain:.2f} ms, with it {greeting:.2f} ms: adds {greeting - plain:.2f} ms (median of each)")
PY
done
