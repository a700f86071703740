#!/bin/sh
# Regenerates the JPEG fixtures of the decoder tests (needs imagemagick and libjpeg-turbo-progs).
# Every picture is a left half of one colour and a right half of another, so tests can check
# pixels despite JPEG's loss: red | blue for colour files, black | white for grayscale.
set -eu
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
convert -size 32x32 xc:red -size 32x32 xc:blue +append "$work/colour.ppm"
convert -size 256x256 xc:red -size 256x256 xc:blue +append "$work/large.ppm"
convert -size 32x32 xc:black -size 32x32 xc:white +append -colorspace Gray "$work/gray.pgm"
cjpeg -quality 90 -outfile baseline.jpg "$work/colour.ppm"
cjpeg -quality 90 -progressive -outfile progressive.jpg "$work/colour.ppm"
cjpeg -quality 90 -outfile grayscale.jpg "$work/gray.pgm"
cjpeg -quality 90 -outfile large-baseline.jpg "$work/large.ppm"
cjpeg -quality 90 -progressive -outfile large-progressive.jpg "$work/large.ppm"
convert "$work/colour.ppm" -colorspace CMYK -quality 90 cmyk.jpg
# The first 60 % of a progressive file: decodable only with a "premature end" warning.
head -c $(( $(wc -c < large-progressive.jpg) * 6 / 10 )) large-progressive.jpg > truncated.jpg
