#!/usr/bin/env python3
"""Writes Sources/AsciiArt/GlyphShapes.swift: the ink of every glyph pushin can draw with, as a
terminal font draws it, for the shape matcher (`--match shape`).

Each glyph is rendered into its cell (DejaVu Sans Mono at 16 px, 10 x 19 pixels: the font and
cell of ../shared/fidelity/score_ascii.py and a common terminal default), its ink divided by the
ink of the densest glyph of its set (for ASCII that is the scorer's "white"; for blocks the full
block, for braille all eight dots, so each set spans the whole range of tones), blurred with a Gaussian of a
quarter of the cell's width in both directions (ink outside the cell counts as none), averaged
over 2 x 4 sub-cells and clipped to 0...1. The blur is the viewing distance the matcher aims at:
on the photos and cartoons in images/ it gave the best art at both of the scorer's scales (no
blur, or a blur scaled to the cell's height, lost 0.01 to 0.05 SSIM).

Sets: printable ASCII (U+0020-007E), block elements (U+2580-259F, drawn geometrically to fill
the cell, as terminals and the scorer draw them; also as their exact, unblurred share of each
sub-cell, for two colours a cell) and braille patterns (U+2800-28FF, from the
fallback font a terminal takes them from, centred in the cell: DejaVu Sans Mono has none).

Usage: make-glyph-shapes.py [--font PATH] [--fallback-font PATH] [--size 16] [--output PATH | --check PATH]
  --check PATH  exits 1 when PATH differs from what would be written (the tests use it).
Needs python3-pil and python3-numpy.
"""
import argparse
import os
import sys

import numpy as np
from PIL import Image, ImageDraw, ImageFont

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
# DejaVu Sans Mono has no braille; terminals take it from a fallback font, usually DejaVu Sans.
DEFAULT_FALLBACK = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
SUBCELLS = (2, 4)  # across, down


class Font:
    """A font rendered at one size into cells of the width of "M" and the height ascent + descent."""

    def __init__(self, path, size):
        self.font = ImageFont.truetype(path, size)
        ascent, descent = self.font.getmetrics()
        self.height, self.width = ascent + descent, int(round(self.font.getlength("M")))

    def draw(self, glyph, font=None):
        """The glyph's ink in one cell; from `font` (a fallback), centred and clipped to the cell."""
        image = Image.new("L", (self.width, self.height), 0)
        font = font or self.font
        x = (self.width - font.getlength(glyph)) / 2 if font is not self.font else 0
        ImageDraw.Draw(image).text((x, 0), glyph, font=font, fill=255)
        return np.asarray(image, dtype=np.float64) / 255.0


def rectangle(height, width, x0, x1, y0, y1):
    """The coverage of the rectangle [x0, x1) x [y0, y1), in fractions of the cell."""
    xs, ys = np.arange(width, dtype=np.float64), np.arange(height, dtype=np.float64)
    across = np.clip(np.minimum(xs + 1, x1 * width) - np.maximum(xs, x0 * width), 0, 1)
    down = np.clip(np.minimum(ys + 1, y1 * height) - np.maximum(ys, y0 * height), 0, 1)
    return np.outer(down, across)


def block_element(code, height, width):
    """U+2580-259F as terminals draw them: halves, eighths, shades and quadrants of the cell."""
    box = lambda x0, x1, y0, y1: rectangle(height, width, x0, x1, y0, y1)  # noqa: E731
    quadrant = {"UL": (0, .5, 0, .5), "UR": (.5, 1, 0, .5), "LL": (0, .5, .5, 1), "LR": (.5, 1, .5, 1)}
    quadrants = {0x2596: "LL", 0x2597: "LR", 0x2598: "UL", 0x2599: "UL LL LR", 0x259A: "UL LR",
                 0x259B: "UL UR LL", 0x259C: "UL UR LR", 0x259D: "UR", 0x259E: "UR LL", 0x259F: "UR LL LR"}
    if code == 0x2580:
        return box(0, 1, 0, .5)
    if 0x2581 <= code <= 0x2588:
        return box(0, 1, 1 - (code - 0x2580) / 8, 1)
    if 0x2589 <= code <= 0x258F:
        return box(0, (8 - (code - 0x2588)) / 8, 0, 1)
    if code == 0x2590:
        return box(.5, 1, 0, 1)
    if code in (0x2591, 0x2592, 0x2593):
        return np.full((height, width), (code - 0x2590) / 4)
    if code == 0x2594:
        return box(0, 1, 0, 1 / 8)
    if code == 0x2595:
        return box(7 / 8, 1, 0, 1)
    return sum(box(*quadrant[name]) for name in quadrants[code].split())


def gaussian_blur(ink, sigma):
    """Separable Gaussian blur, ink outside the cell counting as none."""
    radius = int(np.ceil(4 * sigma))
    taps = np.exp(-0.5 * (np.arange(-radius, radius + 1) / sigma) ** 2)
    taps /= taps.sum()
    blur = lambda line: np.convolve(line, taps)[radius:radius + len(line)]  # noqa: E731
    return np.apply_along_axis(blur, 0, np.apply_along_axis(blur, 1, ink))


def area_weights(pixels, parts):
    """(parts, pixels): the share of each pixel in each of `parts` equal spans, rows summing to 1."""
    edges = np.arange(parts + 1) * pixels / parts
    starts = np.arange(pixels)
    weights = np.clip(np.minimum(starts + 1, edges[1:, None]) - np.maximum(starts, edges[:-1, None]), 0, None)
    return weights / weights.sum(1, keepdims=True)


def subcells(ink, font, white):
    blurred = gaussian_blur(ink / white, font.width / 4)
    across, down = SUBCELLS
    reduced = area_weights(font.height, down) @ blurred @ area_weights(font.width, across).T
    return np.clip(reduced, 0, 1)


def glyph_sets(font, fallback):
    ascii_glyphs = {chr(code): font.draw(chr(code)) for code in range(0x20, 0x7F)}
    blocks = {chr(code): block_element(code, font.height, font.width) for code in range(0x2580, 0x25A0)}
    braille = {chr(code): font.draw(chr(code), fallback) for code in range(0x2800, 0x2900)}
    return [("ascii", ascii_glyphs), ("blocks", blocks), ("braille", braille)]


def swift_source(font_path, fallback_path, size):
    font = Font(font_path, size)
    sets = glyph_sets(font, ImageFont.truetype(fallback_path, size))
    lines = [
        "// Generated by Tools/make-glyph-shapes.py from %s (braille: %s) at %d px; do not edit."
        % (os.path.basename(font_path), os.path.basename(fallback_path), size),
        "// Each glyph's ink over 2 × 4 sub-cells (left, right; top row first), 1 = the densest glyph of its set.",
        "",
        "extension GlyphShape {",
    ]
    for name, glyphs in sets:
        white = max(ink.mean() for ink in glyphs.values())
        lines.append("    /// The %s glyphs, as Tools/make-glyph-shapes.py measured them." % name)
        lines.append("    static let %s: [GlyphShape] = [" % name)
        for glyph, ink in glyphs.items():
            values = ", ".join("%.4f" % value for value in subcells(ink, font, white).ravel())
            literal = {"\\": "\\\\", '"': '\\"'}.get(glyph, glyph)
            lines.append('        GlyphShape("%s", [%s]),' % (literal, values))
        lines.append("    ]")
    across, down = SUBCELLS
    lines.append("    /// The block elements as a colour terminal paints them: the share of each sub-cell in the")
    lines.append("    /// glyph's (foreground) colour, unblurred; the rest is the cell's background colour.")
    lines.append("    static let blockCoverage: [GlyphShape] = [")
    for glyph in sets[1][1]:
        ink = block_element(ord(glyph), down * 24, across * 24)  # sub-cells of 24 x 24 pixels: exact to 1/24
        values = area_weights(down * 24, down) @ ink @ area_weights(across * 24, across).T
        lines.append('        GlyphShape("%s", [%s]),' % (glyph, ", ".join("%.4f" % value for value in values.ravel())))
    lines.append("    ]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--font", default=DEFAULT_FONT)
    parser.add_argument("--fallback-font", default=DEFAULT_FALLBACK)
    parser.add_argument("--size", type=int, default=16)
    parser.add_argument("--output", default=os.path.join(ROOT, "Sources/AsciiArt/GlyphShapes.swift"))
    parser.add_argument("--check", metavar="PATH")
    args = parser.parse_args()
    source = swift_source(args.font, args.fallback_font, args.size)
    if args.check:
        with open(args.check, encoding="utf-8") as f:
            same = f.read() == source
        print("same as %s" % args.check if same else "differs from %s" % args.check)
        return 0 if same else 1
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(source)
    return 0


if __name__ == "__main__":
    sys.exit(main())
