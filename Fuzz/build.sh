#!/bin/sh
# Builds libFuzzer targets (png, jpeg, gif, webp; all by default) into .build-fuzz/, with
# AddressSanitizer and UndefinedBehaviorSanitizer on pushin's C. The image libraries are linked
# statically where their archives exist, so their static data sits in the binary as it does in
# a static build (how the has_end_marker read outside the caller's buffer was caught).
# Usage: Fuzz/build.sh [TARGET...]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/.build-fuzz"
src="$root/Sources/CImageCodecs"
mkdir -p "$out"
CC=${CC:-$(command -v clang || echo /opt/swift/usr/bin/clang)}
libdir=$(pkg-config --variable=libdir libpng16 2>/dev/null || echo /usr/lib/x86_64-linux-gnu)
# Files are read in pieces of 61 bytes rather than 64 KB, so that pieces end everywhere in the
# inputs (fuzz_common.h decodes each still from memory and from a file, and compares).
FLAGS="-fuse-ld=lld -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined
 -fno-sanitize-recover=undefined -Wall -Wextra -Wno-unused-function -I$src/include -DPUSHIN_READ_BYTES=61"

# lib NAME: the static archive when there is one, else the shared library.
lib() { if [ -f "$libdir/lib$1.a" ]; then echo "$libdir/lib$1.a"; else echo "-l$1"; fi; }

[ $# -gt 0 ] || set -- png jpeg gif webp
for target in "$@"; do
    case $target in
    png)  sources="pushin_png.c pushin_reader.c pushin_decoded_image.c"; libs="$(lib png16) $(lib z) -lm" ;;
    jpeg) sources="pushin_jpeg.c pushin_reader.c pushin_decoded_image.c"; libs="$(lib jpeg)" ;;
    gif)  sources="pushin_gif.c pushin_animation.c pushin_decoded_image.c"; libs="$(lib gif)" ;;
    webp) sources="pushin_webp.c pushin_animation.c pushin_decoded_image.c"
          libs="$(lib webpdemux) $(lib webp) -lm -lpthread"
          if [ -f "$libdir/libsharpyuv.a" ]; then libs="$libs $libdir/libsharpyuv.a"; fi ;;
    *) echo "unknown target: $target (png, jpeg, gif, webp)" >&2; exit 2 ;;
    esac
    missing=
    for file in $sources; do [ -f "$src/$file" ] || missing="$missing $file"; done
    if [ -n "$missing" ]; then
        echo "skipping $target: Sources/CImageCodecs lacks$missing" >&2
        continue
    fi
    # shellcheck disable=SC2086  # word splitting is wanted for the lists
    "$CC" $FLAGS -o "$out/fuzz_$target" "$root/Fuzz/fuzz_$target.c" $(for f in $sources; do echo "$src/$f"; done) $libs
    echo "built $out/fuzz_$target"
done
