#!/bin/sh
# Regenerates the GIF, WebP and APNG fixtures of the animation decoder tests in animation/, and
# animation/expected.tsv, what browsers show of them as ImageMagick composites them (needs
# imagemagick, gifsicle, webp, and python3 with pillow). Pictures are flat blocks of pure colour,
# so tests can check exact pixels (lossy WebPs within the tolerance their lines give).
#
# expected.tsv: '#' lines are comments; every other line is tab-separated, the file name first:
#   FILE  canvas     W H            the canvas the file declares
#   FILE  frames     N              frames in the file
#   FILE  loop       L              as stored: 0 forever, N, or none (GIF without NETSCAPE2.0, a still)
#   FILE  tolerance  T              largest difference allowed in any channel (0: exact)
#   FILE  delay_cs   I CS           GIF: frame I's delay in hundredths, as stored (0 and 1 not yet 100 ms)
#   FILE  delay_ms   I MS           animated WebP: frame I's duration in milliseconds, as stored
#   FILE  pixel      I X Y R G B A  frame I composited onto the canvas, straight alpha; where A is 0,
#                                   R G B are written 0 and mean nothing
#   FILE  hostile    KIND           a damaged or hostile file: truncated, corrupt, huge-canvas, too-many-frames
#   FILE  intact_frames N           (truncated, corrupt) whole frames before the damaged one
#   FILE  declared_canvas W H       (huge-canvas) the canvas it declares
#   FILE  total_frames N            (too-many-frames) the frames it holds
# Frame indices are 0-based. apng.png has lines for its default image only, all libpng reads.
#
# The disposal scene (dispose-*.gif), a 32x32 canvas, 10 hundredths a frame, looping forever:
#   frame 0  32x32 blue at 0,0 with a magenta 2x2 at 30,30 (magenta is the background colour index,
#            so a decoder that restores to it instead of to transparent shows magenta); disposal
#            none (dispose-none) or leave (the others), so it stays
#   frame 1  16x16 red at 2,2
#   frame 2  16x16 lime at 12,12 with a transparent 4x4 hole at 14,14 (over frame 1's red)
#   frame 3  8x8 yellow at 22,2
#   frames 1-3 carry the disposal under test: none (0), leave (1), background (2), previous (3).
# Pixels come from ImageMagick's -coalesce, which clears "restore to background" to transparent as
# browsers do (Pillow fills it with the background colour instead). Two places where ImageMagick 6
# differs from browsers are worked around below: the canvas no frame has painted yet (-alpha set),
# and WebP's no-blend flag (animated WebPs are read with libwebp's own animation decoder).
set -eu
cd "$(dirname "$0")"
mkdir -p animation
cd animation
rm -f ./*.gif ./*.webp ./*.png expected.tsv
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Byte surgery: `surgery gif-truncate IN N OUT` cuts IN halfway through frame N's image data;
# `surgery gif-corrupt IN N OUT` inverts the middle third of frame N's LZW bytes (sub-block lengths
# kept, so the file still parses; giflib stops with "Image is defective" partway through it);
# `surgery gif-localise IN OUT` moves the global colour table into frame 0 as its local one;
# `surgery webp-truncate IN N OUT` cuts IN halfway through its frame N (ANMF chunk).
cat > "$work/surgery.py" <<'EOF'
import sys

def gif_frames(data):
    """(descriptor offset, [(data offset, length) of each sub-block]) of every image."""
    at = 13 + (3 << ((data[10] & 7) + 1) if data[10] & 0x80 else 0)
    frames = []
    while data[at] != 0x3B:
        image = data[at] == 0x2C
        if image:
            descriptor, packed = at, data[at + 9]
            at += 10 + (3 << ((packed & 7) + 1) if packed & 0x80 else 0) + 1
        else:
            at += 2
        blocks = []
        while data[at]:
            blocks.append((at + 1, data[at]))
            at += 1 + data[at]
        at += 1
        if image:
            frames.append((descriptor, blocks))
    return frames

op, source = sys.argv[1], open(sys.argv[2], "rb").read()
out = bytearray(source)
if op == "gif-truncate":
    blocks = gif_frames(source)[int(sys.argv[3])][1]
    start, end = blocks[0][0], blocks[-1][0] + blocks[-1][1]
    out = out[: (start + end) // 2]
elif op == "gif-corrupt":
    blocks = gif_frames(source)[int(sys.argv[3])][1]
    lzw = [i for at, n in blocks for i in range(at, at + n)]
    for i in lzw[len(lzw) // 3 : 2 * len(lzw) // 3]:
        out[i] ^= 0xFF
elif op == "gif-localise":
    packed = source[10]
    table = source[13 : 13 + (3 << ((packed & 7) + 1))]
    descriptor = gif_frames(source)[0][0]
    out = bytearray(source[:10]) + bytes([packed & 0x70]) + source[11:13] + source[13 + len(table) : descriptor + 9]
    out += bytes([(source[descriptor + 9] & 0x40) | 0x80 | (packed & 7)]) + table + source[descriptor + 10 :]
elif op == "webp-truncate":
    at, frame = 12, 0
    while True:
        name, size = source[at : at + 4], int.from_bytes(source[at + 4 : at + 8], "little")
        if name == b"ANMF":
            if frame == int(sys.argv[3]):
                out = out[: at + 8 + size // 2]
                break
            frame += 1
        at += 8 + size + (size & 1)
else:
    sys.exit("unknown operation " + op)
open(sys.argv[-1], "wb").write(out)
EOF
surgery() { python3 "$work/surgery.py" "$@"; }

# --- GIF stills ---
convert -size 8x8 xc:red xc:lime +append \( -size 8x8 xc:blue xc:white +append \) -append GIF87:still-87a.gif
convert -size 16x16 xc:none -fill red -draw 'rectangle 0,0 7,15' -fill blue -draw 'rectangle 10,10 13,13' \
    still-transparent.gif

# --- The disposal scene ---
convert -size 32x32 xc:blue -fill magenta -draw 'rectangle 30,30 31,31' "$work/f0.gif"
convert -size 16x16 xc:red "$work/f1.gif"
convert -size 16x16 xc:lime -fill black -draw 'rectangle 2,2 5,5' -transparent black "$work/f2.gif"
convert -size 8x8 xc:yellow "$work/f3.gif"
for method in none leave background previous; do
    case $method in none) first=none later=none ;; leave) first=asis later=asis ;; *) first=asis later=$method ;; esac
    gifsicle -w --loopcount=forever -B '#FF00FF' -d 10 --disposal "$first" "$work/f0.gif" --disposal "$later" \
        -p 2,2 "$work/f1.gif" -p 12,12 "$work/f2.gif" -p 22,2 "$work/f3.gif" > "dispose-$method.gif"
done

# --- Interlaced: a row of its own colour for every row, so rows out of order show ---
convert -size 16x24 gradient:red-blue "$work/rows.gif"
convert -size 8x16 gradient:lime-yellow "$work/rows2.gif"
gifsicle -w --interlace --loopcount=forever -d 10 "$work/rows.gif" -p 4,4 "$work/rows2.gif" > interlaced.gif

# --- Local palettes: no global colour table; indices 0 and 1 mean other colours in each frame ---
convert -size 8x16 xc:red xc:lime +append "$work/l0.gif"
convert -size 8x16 xc:blue xc:yellow +append "$work/l1.gif"
convert -size 8x16 xc:cyan xc:magenta +append "$work/l2.gif"
convert -delay 10 "$work/l0.gif" "$work/l1.gif" "$work/l2.gif" -loop 0 "$work/local.gif"
surgery gif-localise "$work/local.gif" local-palettes.gif

# --- Offsets: no frame covers the 64x48 canvas; what none covers stays transparent ---
convert -size 20x10 xc:red "$work/o0.gif"
convert -size 12x12 xc:lime "$work/o1.gif"
convert -size 6x30 xc:blue "$work/o2.gif"
gifsicle -w --loopcount=forever --logical-screen 64x48 -d 10 -p 40,30 "$work/o0.gif" -p 0,0 "$work/o1.gif" \
    -p 50,2 "$work/o2.gif" > offsets.gif

# --- Delays 0, 7, 1 and 2 hundredths (browsers show 0 and 1 as 10) ---
# (Frame 0's "leave" disposal makes gifsicle write its graphic control block, with the 0 in it.)
convert -size 16x16 xc:red "$work/red.gif"
convert -size 16x16 xc:lime "$work/lime.gif"
convert -size 16x16 xc:blue "$work/blue.gif"
convert -size 16x16 xc:yellow "$work/yellow.gif"
gifsicle -w --loopcount=forever -d 0 --disposal asis "$work/red.gif" --disposal none \
    -d 7 "$work/lime.gif" -d 1 "$work/blue.gif" -d 2 "$work/yellow.gif" > delays.gif

# --- Loop counts: NETSCAPE2.0 0 (forever), 3 (browsers play it 1 + 3 times), and no NETSCAPE2.0
# block (plays once) ---
gifsicle -w --loopcount=forever -d 10 "$work/red.gif" "$work/lime.gif" "$work/blue.gif" > loop-forever.gif
gifsicle -w --loopcount=3 -d 10 "$work/red.gif" "$work/lime.gif" "$work/blue.gif" > loop-3.gif
gifsicle -w --no-loopcount -d 10 "$work/red.gif" "$work/lime.gif" "$work/blue.gif" > loop-none.gif

# --- Hostile GIFs ---
# Four 32x32 frames of plasma, long enough for several data sub-blocks a frame.
for seed in 1 2 3 4; do convert -seed "$seed" -size 32x32 plasma: -colors 32 "$work/p$seed.gif"; done
gifsicle -w --loopcount=forever -d 10 "$work/p1.gif" "$work/p2.gif" "$work/p3.gif" "$work/p4.gif" > "$work/plasma.gif"
surgery gif-truncate "$work/plasma.gif" 2 truncated.gif     # frames 0 and 1 whole, frame 2 cut halfway
surgery gif-corrupt "$work/plasma.gif" 1 corrupt-lzw.gif    # frame 1's LZW codes garbled
convert -size 1x1 xc:red "$work/dot.gif"
gifsicle -w --logical-screen 65535x65535 "$work/dot.gif" > huge-canvas.gif
convert -size 1x1 xc:blue "$work/dot2.gif"
set --
i=0
while [ $i -lt 1005 ]; do
    if [ $((i % 2)) -eq 0 ]; then set -- "$@" "$work/dot.gif"; else set -- "$@" "$work/dot2.gif"; fi
    i=$((i + 1))
done
gifsicle -w --loopcount=forever "$@" > too-many-frames.gif

# --- WebP ---
# The WebP scene, a 32x32 canvas, assembled by webpmux (offsets must be even), background colour
# opaque white (libwebp and browsers ignore it and dispose to transparent):
#   frame 0  32x32 blue with a transparent 8x8 at 24,24; 100 ms; dispose none, blend
#   frame 1  16x16 red at 2,2, its left half 50 % transparent; 70 ms; dispose background, blend
#   frame 2  16x16 lime at 12,12 with a transparent 4x4 hole at 18,18; 100 ms; dispose none,
#            NO blend (the hole punches through the blue to transparent)
#   frame 3  8x8 yellow at 22,2; 100 ms; dispose none, blend
convert -size 32x32 xc:blue \( -size 8x8 xc:none \) -geometry +24+24 -compose Copy -composite PNG32:"$work/w0.png"
convert -size 8x16 xc:'rgba(255,0,0,0.5)' xc:red +append PNG32:"$work/w1.png"
convert -size 16x16 xc:lime \( -size 4x4 xc:none \) -geometry +6+6 -compose Copy -composite PNG32:"$work/w2.png"
convert -size 8x8 xc:yellow PNG32:"$work/w3.png"
for kind in lossless lossy; do
    for i in 0 1 2 3; do
        if [ $kind = lossless ]; then
            cwebp -quiet -lossless -exact "$work/w$i.png" -o "$work/w$i-$kind.webp"
        else
            cwebp -quiet -q 90 "$work/w$i.png" -o "$work/w$i-$kind.webp"
        fi
    done
    webpmux -frame "$work/w0-$kind.webp" +100+0+0+0+b -frame "$work/w1-$kind.webp" +70+2+2+1+b \
        -frame "$work/w2-$kind.webp" +100+12+12+0-b -frame "$work/w3-$kind.webp" +100+22+2+0+b \
        -loop 0 -o "anim-$kind.webp" >/dev/null 2>&1
done
surgery webp-truncate anim-lossless.webp 2 truncated.webp    # frames 0 and 1 whole, frame 2 cut halfway
convert -size 16x16 xc:red xc:blue +append PNG24:"$work/still.png"
cwebp -quiet -q 90 "$work/still.png" -o still-lossy.webp
convert -size 8x8 xc:red xc:'rgba(0,255,0,0.5)' +append \( -size 8x8 xc:none xc:blue +append \) -append \
    PNG32:"$work/alpha.png"
cwebp -quiet -lossless -exact "$work/alpha.png" -o still-lossless-alpha.webp

# --- APNG: a grey default image (all libpng reads), then three animation frames apart from it ---
python3 - <<'EOF'
from PIL import Image
default = Image.new("RGBA", (16, 16), (128, 128, 128, 255))
default.paste((255, 255, 255, 255), (4, 4, 12, 12))
frames = [Image.new("RGBA", (16, 16), colour) for colour in ((255, 0, 0, 255), (0, 255, 0, 255), (0, 0, 255, 255))]
default.save("apng.png", save_all=True, append_images=frames, default_image=True, duration=[100, 100, 100], loop=0)
EOF

# --- expected.tsv ---
# facts FILE TOLERANCE X,Y...: FILE's lines: canvas, frames, loop, tolerance, delays, pixels at the spots.
facts() {
    file=$1 tolerance=$2
    shift 2
    identify -format '%W %H\n' "$file" | awk -v f="$file" 'NR == 1 { printf "%s\tcanvas\t%s\t%s\n", f, $1, $2 }'
    printf '%s\tframes\t%s\n' "$file" "$(identify -format 'x\n' "$file" | wc -l)"
    case $file in
    *.gif)
        loop=$(gifsicle --info "$file" | sed -n 's/^ *loop forever$/0/p; s/^ *loop count \([0-9]*\)$/\1/p')
        printf '%s\tloop\t%s\n' "$file" "${loop:-none}"
        printf '%s\ttolerance\t%s\n' "$file" "$tolerance"
        identify -format '%T\n' "$file" | awk -v f="$file" '{ printf "%s\tdelay_cs\t%d\t%s\n", f, NR - 1, $1 }'
        ;;
    *.webp)
        loop=$(webpinfo "$file" | sed -n 's/^ *Loop count *: *\([0-9]*\)$/\1/p')
        printf '%s\tloop\t%s\n' "$file" "${loop:-none}"
        printf '%s\ttolerance\t%s\n' "$file" "$tolerance"
        webpinfo "$file" | awk -v f="$file" '/Duration:/ { printf "%s\tdelay_ms\t%d\t%s\n", f, n++, $2 }'
        ;;
    *)
        printf '%s\tloop\tnone\n' "$file"
        printf '%s\ttolerance\t%s\n' "$file" "$tolerance"
        ;;
    esac
    case $file in
    anim-*.webp) libwebp_pixels "$file" "$@" ;;
    *) imagemagick_pixels "$file" "$@" ;;
    esac
}

# imagemagick_pixels FILE X,Y...: the pixel lines from ImageMagick's -coalesce. -alpha set comes
# first: without it, a GIF whose first frame has no transparent index gets a canvas filled with the
# background colour where no frame has painted, where browsers leave it transparent.
imagemagick_pixels() {
    file=$1
    shift
    convert "$file" -alpha set -coalesce -depth 8 txt:- | awk -v f="$file" -v spots=" $* " '
        /^#/ { frame++; next }
        {
            split($1, at, /[,:]/)
            if (index(spots, " " at[1] "," at[2] " ") == 0) next
            gsub(/[()]/, "", $2)
            n = split($2, c, ",")
            a = n == 4 ? c[4] : 255
            if (a == 0) c[1] = c[2] = c[3] = 0
            printf "%s\tpixel\t%d\t%d\t%d\t%d\t%d\t%d\t%d\n", f, frame - 1, at[1], at[2], c[1], c[2], c[3], a
        }'
}

# libwebp_pixels FILE X,Y...: the pixel lines from libwebp's own animation decoder (WebPAnimDecoder,
# through Pillow), as browsers composite. ImageMagick 6 ignores a frame's no-blend flag (it blends
# the hole in frame 2 over the blue instead of punching it through) and rounds blending 1 higher.
libwebp_pixels() {
    python3 - "$@" <<'EOF'
import sys
from PIL import Image
name, spots = sys.argv[1], sorted(tuple(map(int, s.split(",")))[::-1] for s in sys.argv[2:])
image = Image.open(name)
for frame in range(image.n_frames):
    image.seek(frame)
    rgba = image.convert("RGBA")
    for y, x in spots:
        r, g, b, a = rgba.getpixel((x, y))
        r, g, b = (r, g, b) if a else (0, 0, 0)
        print(f"{name}\tpixel\t{frame}\t{x}\t{y}\t{r}\t{g}\t{b}\t{a}")
EOF
}

{
    echo "# Made by ../make-animation-fixtures.sh; the format is in its header."
    facts still-87a.gif 0 2,2 12,2 2,12 12,12
    facts still-transparent.gif 0 2,2 12,2 11,11 2,14
    for method in none leave background previous; do
        facts "dispose-$method.gif" 0 0,0 5,5 13,13 15,15 24,24 25,5 31,31
    done
    facts interlaced.gif 0 0,0 0,1 0,2 0,4 8,5 8,13 15,23
    facts local-palettes.gif 0 2,2 12,2 2,14 12,14
    facts offsets.gif 0 1,1 11,11 45,35 52,10 30,20 63,47
    facts delays.gif 0 0,0 8,8 15,15
    for loop in forever 3 none; do facts "loop-$loop.gif" 0 0,0 8,8 15,15; done
    facts anim-lossless.webp 1 0,0 5,5 13,5 19,19 24,14 28,28 25,5
    facts anim-lossy.webp 4 0,0 5,5 13,5 19,19 24,14 28,28 25,5
    facts still-lossy.webp 4 4,8 27,8
    facts still-lossless-alpha.webp 0 2,2 12,2 2,12 12,12
    facts apng.png 0 1,1 8,8 14,14
    printf 'truncated.gif\thostile\ttruncated\ntruncated.gif\tintact_frames\t2\n'
    printf 'corrupt-lzw.gif\thostile\tcorrupt\ncorrupt-lzw.gif\tintact_frames\t1\n'
    printf 'huge-canvas.gif\thostile\thuge-canvas\nhuge-canvas.gif\tdeclared_canvas\t65535\t65535\n'
    printf 'too-many-frames.gif\thostile\ttoo-many-frames\ntoo-many-frames.gif\ttotal_frames\t1005\n'
    printf 'truncated.webp\thostile\ttruncated\ntruncated.webp\tintact_frames\t2\n'
} > expected.tsv
