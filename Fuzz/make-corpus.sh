#!/bin/sh
# Regenerates the seed corpora in Fuzz/corpus/{png,jpeg,gif,webp}: small files (mostly under
# 2 KB) covering the kinds each decoder handles, plus copies behind option bytes (see
# fuzz_common.h) so the fuzzer starts from both the CLI's options and odd ones.
# Needs ImageMagick (convert), webp (cwebp, img2webp) and python3.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
corpus="$here/corpus"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$corpus"
mkdir -p "$corpus/png" "$corpus/jpeg" "$corpus/gif" "$corpus/webp"

# A small picture with shapes, colours and soft edges: the source of most seeds.
convert -size 48x32 gradient:navy-gold -fill red -draw "circle 24,16 24,6" \
        -fill "#00ff0080" -draw "rectangle 4,4 14,28" "$work/scene.png"
convert "$work/scene.png" -alpha set -channel A -fx "i/w" "$work/alpha.png"

# --- PNG: every colour type and depth, interlacing, palettes with transparency -----------
p="$corpus/png"
stamp="-define png:exclude-chunk=date,time"  # no timestamps: the same bytes on every run
convert $stamp "$work/scene.png" -define png:color-type=2 "$p/rgb8.png"
convert $stamp "$work/alpha.png" -define png:color-type=6 "$p/rgba8.png"
convert $stamp "$work/scene.png" -depth 16 -define png:color-type=2 "$p/rgb16.png"
convert $stamp "$work/alpha.png" -depth 16 -define png:color-type=6 "$p/rgba16.png"
convert $stamp "$work/scene.png" -colorspace Gray -define png:color-type=0 "$p/gray8.png"
convert $stamp "$work/scene.png" -colorspace Gray -depth 16 -define png:color-type=0 "$p/gray16.png"
for depth in 1 2 4; do
    convert $stamp "$work/scene.png" -colorspace Gray -depth $depth -define png:color-type=0 -define png:bit-depth=$depth "$p/gray$depth.png"
done
convert $stamp "$work/alpha.png" -colorspace Gray -define png:color-type=4 "$p/gray-alpha8.png"
convert $stamp "$work/scene.png" -colors 16 -define png:color-type=3 "$p/palette4.png"
convert $stamp "$work/alpha.png" -colors 64 -define png:color-type=3 "$p/palette-trns.png"
convert $stamp "$work/scene.png" -colorspace Gray -transparent black -define png:color-type=0 "$p/gray-trns.png"
convert $stamp "$work/scene.png" -interlace PNG -define png:color-type=2 "$p/rgb8-interlaced.png"
convert $stamp "$work/alpha.png" -interlace PNG -depth 16 "$p/rgba16-interlaced.png"
convert $stamp "$work/scene.png" -scale 1x1! "$p/one-pixel.png"
convert $stamp -size 2000x1 xc:white "$p/wide.png"

# --- JPEG: baseline and progressive, subsampling, gray, CMYK, restart intervals ----------
j="$corpus/jpeg"
convert "$work/scene.png" -quality 80 -sampling-factor 4:2:0 "$j/baseline-420.jpg"
convert "$work/scene.png" -quality 80 -sampling-factor 4:4:4 "$j/baseline-444.jpg"
convert "$work/scene.png" -quality 80 -sampling-factor 4:2:2 -interlace Plane "$j/progressive-422.jpg"
convert "$work/scene.png" -quality 80 -interlace Plane "$j/progressive-420.jpg"
convert "$work/scene.png" -colorspace Gray -quality 80 "$j/gray.jpg"
convert "$work/scene.png" -colorspace Gray -quality 80 -interlace Plane "$j/gray-progressive.jpg"
convert "$work/scene.png" -colorspace CMYK -quality 80 "$j/cmyk.jpg"
convert "$work/scene.png" -colorspace CMYK -quality 80 -interlace Plane "$j/cmyk-progressive.jpg"
convert -size 2560x8 gradient:black-white -quality 50 -interlace Plane "$j/wide-progressive.jpg"
python3 - "$j" <<'PY'
# Hand-made structures the encoders above never write: arithmetic coding, restart intervals,
# a DC-only progression, a file cut inside its first scan.
import struct, sys
out = sys.argv[1]
def seg(marker, body): return b"\xff" + bytes([marker]) + struct.pack(">H", len(body) + 2) + body
def header(w, h, comps, sof, dri=0):
    frame = struct.pack(">BHHB", 8, h, w, len(comps)) + b"".join(bytes([i + 1, s, 0]) for i, s in enumerate(comps))
    one = bytes([1] + [0] * 15) + b"\x00"
    huff = seg(0xC4, b"\x00" + one) + seg(0xC4, b"\x10" + one) if sof in (0xC0, 0xC1, 0xC2) else b""
    return b"\xff\xd8" + seg(0xDB, b"\x00" + b"\x02" * 64) + seg(sof, frame) + huff + (seg(0xDD, struct.pack(">H", dri)) if dri else b"")
def scan(comps, ss=0, se=0, ah=0, al=0):
    return seg(0xDA, bytes([len(comps)]) + b"".join(bytes([c + 1, 0]) for c in comps) + bytes([ss, se, ah << 4 | al]))
files = {
    "arith-progressive.jpg": header(16, 16, [0x11], 0xCA) + scan([0]) + b"\x00" * 8 + scan([0], 1, 63) + b"\x00" * 8,
    "arith-baseline.jpg": header(16, 16, [0x22, 0x11, 0x11], 0xC9, dri=2) + scan([0, 1, 2], 0, 63) + b"\x00" * 16,
    "restart-progressive.jpg": header(32, 16, [0x11], 0xC2, dri=1) + scan([0]) + b"\x00\xff\xd0\x00\xff\xd1\x00",
    "dc-only-420.jpg": header(64, 32, [0x22, 0x11, 0x11], 0xC2) + scan([0, 1, 2], 0, 0, 0, 1) + b"\x00" * 12 + scan([0, 1, 2], 0, 0, 1, 0) + b"\x00" * 12,
    "extended-sequential.jpg": header(8, 8, [0x11], 0xC1) + scan([0], 0, 63) + b"\x00\x00",
}
for name, body in files.items():
    open(f"{out}/{name}", "wb").write(body + b"\xff\xd9")
whole = open(f"{out}/progressive-420.jpg", "rb").read()
open(f"{out}/progressive-cut.jpg", "wb").write(whole[: len(whole) * 2 // 5])
PY

# --- GIF: still, animated with each disposal, interlaced, transparent, local palettes ------
g="$corpus/gif"
convert "$work/scene.png" -colors 32 "$g/still.gif"
convert "$work/scene.png" -colors 32 -interlace GIF "$g/interlaced.gif"
convert "$work/alpha.png" -colors 16 "$g/transparent.gif"
convert -size 16x16 -delay 10 xc:red xc:green xc:blue -loop 0 "$g/animated-3.gif"
for dispose in None Background Previous; do
    convert -dispose $dispose -delay 5 -size 24x24 xc:none -page +0+0 \
            \( -size 8x8 xc:red -page +2+2 \) \( -size 8x8 xc:blue -page +12+8 \) -loop 2 \
            "$g/dispose-$(echo $dispose | tr A-Z a-z).gif"
done
convert -size 8x8 xc:red -size 8x8 xc:lime +append -colors 2 "$g/tiny.gif"
convert "$work/scene.png" -colors 4 GIF87:"$g/gif87a.gif"

# --- WebP: lossy, lossless, alpha, animated ------------------------------------------------
w="$corpus/webp"
cwebp -quiet -q 50 "$work/scene.png" -o "$w/lossy.webp"
cwebp -quiet -lossless "$work/scene.png" -o "$w/lossless.webp"
cwebp -quiet -q 50 -alpha_q 50 "$work/alpha.png" -o "$w/lossy-alpha.webp"
cwebp -quiet -lossless "$work/alpha.png" -o "$w/lossless-alpha.webp"
convert -size 16x16 xc:red "$work/f1.png"
convert -size 16x16 xc:blue -fill "#ffffff80" -draw "rectangle 4,4 12,12" "$work/f2.png"
img2webp -loop 0 -d 100 -lossy "$work/f1.png" -d 50 -lossless "$work/f2.png" -o "$w/animated.webp" >/dev/null 2>&1
img2webp -loop 3 -mixed "$work/f2.png" "$work/f1.png" "$work/f2.png" -o "$w/animated-mixed.webp" >/dev/null 2>&1

# --- The same seeds behind option bytes: a few sizes and budgets the CLI can ask for --------
prefix() {  # prefix FOLDER BYTES NAME-SUFFIX FILE...
    folder=$1 bytes=$2 suffix=$3; shift 3
    for file in "$@"; do
        name=$(basename "$file")
        { printf "$bytes"; cat "$file"; } > "$folder/opt-$suffix-${name}"
    done
}
prefix "$p" '\002\000\007' full "$p/rgba8.png" "$p/palette-trns.png" "$p/gray2.png"
prefix "$p" '\002\002\001' tiny-budget "$p/rgb8-interlaced.png"
prefix "$p" '\005\010\007' reduce "$p/rgba16-interlaced.png" "$p/wide.png"
prefix "$j" '\000\000\007' full "$j/progressive-420.jpg" "$j/cmyk.jpg" "$j/arith-progressive.jpg"
prefix "$j" '\012\000\007' half "$j/progressive-422.jpg" "$j/restart-progressive.jpg"
prefix "$j" '\002\002\001' tiny-budget "$j/baseline-420.jpg"
prefix "$g" '\000\000\007\003\003' all "$g/animated-3.gif" "$g/dispose-previous.gif"
prefix "$g" '\005\000\007\006\000' second "$g/dispose-background.gif"
prefix "$w" '\000\000\007\003\003' all "$w/animated.webp" "$w/animated-mixed.webp"
prefix "$w" '\005\000\007\000\000' still "$w/lossy-alpha.webp"

for folder in png jpeg gif webp; do
    echo "$folder: $(ls "$corpus/$folder" | wc -l) files, $(du -sk "$corpus/$folder" | cut -f1) KB"
done
