#!/usr/bin/env bash
# pushin against the C measuring stick of issue 14 (Benchmarks/stick.c: the same decode and
# resample work on libjpeg-turbo and libpng, plain text at one width), as ratios.
#
#   Benchmarks/stick.sh [ROUNDS] [PUSHIN]
#
# Times, at 80 columns, each pushin command against the stick measured in the same round:
#   - a 640 × 480 baseline JPEG (made from a wallpaper as compare.sh makes it): `pushin -w 80
#     --background none` and the default (`auto`), end to end;
#   - 100 one-megapixel JPEGs (Benchmarks/make-cache-pictures.py's first 100): `pushin cache
#     --widths 80` with `--background none` and with the default, with `--jobs 1` and with its
#     default jobs (one a core), into a fresh cache folder every run (the art and its colour
#     twins, as the cache writes them), against the stick converting the same 100 files in one
#     process on one core;
#   - the 5120 × 2880 PNG wallpaper Altai: `pushin -w 80 --background none` and the default;
#   - the floor of a process start: `pushin --version` against a static C `int main` that
#     returns at once.
# Every round runs each group's commands once, in a random order, each process started directly
# (posix_spawn, output and messages to /dev/null); the small inputs get five times ROUNDS
# (default 20) rounds. Prints median wall times and the median of the per-round ratios to the
# stick, with their quartiles. The stick is linked statically, as pushin's release build is.
# PUSHIN times a given binary instead of building this tree's release build.
# Needs: cc, libjpeg-dev, libpng-dev, zlib1g-dev (for their static libraries), imagemagick,
# python3-pil, plasma-workspace-wallpapers
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-20}
wallpapers=/usr/share/wallpapers
png=$wallpapers/Altai/contents/images/5120x2880.png
baseline=$wallpapers/SafeLanding/contents/images/5120x2880.jpg
for file in "$png" "$baseline"; do
  [ -f "$file" ] || { echo "stick.sh: $file is missing: apt-get install plasma-workspace-wallpapers" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cc -O2 -static -o "$work/stick" Benchmarks/stick.c -ljpeg -lpng -lz -lm
echo 'int main(void) { return 0; }' >"$work/empty.c"
cc -O2 -static -o "$work/empty" "$work/empty.c"
convert "$baseline" -resize '640x480!' -quality 90 "$work/small.jpg"
mkdir "$work/all" "$work/jpegs"
Benchmarks/make-cache-pictures.py "$work/all"
mv $(ls "$work"/all/*.jpg | head -100) "$work/jpegs/"
if [[ -n ${2:-} ]]; then
  pushin=$2
else
  pushin=$(scripts/build --print-path 2>/dev/null)
fi

python3 - "$pushin" "$work" "$rounds" "$png" <<'PY'
import glob, os, random, shutil, statistics, sys, time
pushin, work, rounds, png = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
stick, small, jpegs = f"{work}/stick", f"{work}/small.jpg", sorted(glob.glob(f"{work}/jpegs/*.jpg"))
null = [(os.POSIX_SPAWN_OPEN, fd, os.devnull, os.O_WRONLY, 0) for fd in (1, 2)]
caches = iter(range(1_000_000))

def seconds(argv):
    """The wall time of one run of argv, output discarded; a `{cache}` argument is a fresh folder."""
    cache = f"{work}/cache-{next(caches)}"
    argv = [cache if part == "{cache}" else part for part in argv]
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=null)
    _, status = os.waitpid(pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"stick.sh: failed: {' '.join(argv)}")
    shutil.rmtree(cache, ignore_errors=True)
    return elapsed

def group(title, name, reference, commands, rounds):
    """Times every command against `reference` (the stick), interleaved, and prints ratios."""
    labelled = {"reference": reference, **commands}
    for argv in labelled.values():  # warm-up
        seconds(argv)
    times = {label: [] for label in labelled}
    for _ in range(rounds):
        for label in random.sample(list(labelled), len(labelled)):
            times[label].append(seconds(labelled[label]))
    print(f"{title} (medians of {rounds} rounds)")
    print(f"  {name:<52} {statistics.median(times['reference']) * 1000:8.1f} ms")
    for label in commands:
        ratios = [t / r for t, r in zip(times[label], times["reference"])]
        low, middle, high = statistics.quantiles(ratios, n=4)
        print(f"  {label:<52} {statistics.median(times[label]) * 1000:8.1f} ms"
              f"   {statistics.median(ratios):5.2f}x (quartiles {low:.2f} / {high:.2f})")

cache = [pushin, "cache", "--jobs", "1", "--widths", "80", "--into", "{cache}", f"{work}/jpegs"]
group("start-up", "static C int main", [f"{work}/empty"], {"pushin --version": [pushin, "--version"]}, 5 * rounds)
group("640 x 480 baseline JPEG, 80 columns", "stick -w 80", [stick, "-w", "80", small], {
    "pushin -w 80 --background none": [pushin, "-w", "80", "--background", "none", small],
    "pushin -w 80": [pushin, "-w", "80", small]}, 5 * rounds)
every_core = [part for part in cache if part not in ("--jobs", "1")]
group(f"{len(jpegs)} one-megapixel JPEGs, 80 columns (the stick on one core)", "stick -w 80 (all in one process)", [stick, "-w", "80", *jpegs], {
    "pushin cache --jobs 1 --widths 80 --background none": cache[:-1] + ["--background", "none", cache[-1]],
    "pushin cache --jobs 1 --widths 80": cache,
    f"pushin cache --widths 80 --background none ({os.cpu_count()} jobs)": every_core[:-1] + ["--background", "none", every_core[-1]],
    f"pushin cache --widths 80 ({os.cpu_count()} jobs)": every_core}, rounds)
group("5120 x 2880 PNG, 80 columns", "stick -w 80", [stick, "-w", "80", png], {
    "pushin -w 80 --background none": [pushin, "-w", "80", "--background", "none", png],
    "pushin -w 80": [pushin, "-w", "80", png]}, rounds)
PY
