#!/usr/bin/env python3
"""Measures the ink coverage of every printable ASCII glyph, as a terminal font draws it.

Renders each glyph of DejaVu Sans Mono (the font of ../shared/fidelity/score_ascii.py) at 16 px
into its cell and reports the fraction of the cell it inks, relative to the densest glyph, and
how unevenly that ink spreads over the cell's four quadrants (0 = perfectly even). pushin keeps
the result as a table in Sources/AsciiArt/Ramp.swift; run this again only to re-derive it.

Usage: measure-glyph-coverage.py [--font PATH] [--size 16] [--ramp N]
  --ramp N   also pick N glyphs whose coverage is evenly spaced, preferring even ink.
"""
import argparse

import numpy as np
from PIL import Image, ImageDraw, ImageFont


def glyph_masks(font_path, size):
    font = ImageFont.truetype(font_path, size)
    ascent, descent = font.getmetrics()
    height, width = ascent + descent, int(round(font.getlength("M")))
    masks = {}
    for code in range(0x20, 0x7F):
        image = Image.new("L", (width, height), 0)
        ImageDraw.Draw(image).text((0, 0), chr(code), font=font, fill=255)
        masks[chr(code)] = np.asarray(image, dtype=np.float64) / 255.0
    return masks


def unevenness(mask):
    h, w = mask.shape
    quadrants = [mask[:h // 2, :w // 2], mask[:h // 2, w // 2:], mask[h // 2:, :w // 2], mask[h // 2:, w // 2:]]
    means = np.array([q.mean() for q in quadrants])
    return float(means.std() / max(mask.mean(), 1e-9))


def pick_ramp(coverage, spread, count):
    """Greedy: for evenly spaced targets, the glyph nearest in coverage, ties broken by evenness."""
    top = max(coverage.values())
    chosen = []
    for step in range(count):
        target = top * step / (count - 1)
        candidates = sorted(coverage, key=lambda g: abs(coverage[g] - target) + 0.02 * top * spread[g])
        chosen.append(next(g for g in candidates if g not in chosen))
    return "".join(chosen)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--font", default="/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")
    parser.add_argument("--size", type=int, default=16)
    parser.add_argument("--ramp", type=int, default=0)
    args = parser.parse_args()
    masks = glyph_masks(args.font, args.size)
    raw = {g: m.mean() for g, m in masks.items()}
    top = max(raw.values())
    coverage = {g: v / top for g, v in raw.items()}
    spread = {g: unevenness(m) for g, m in masks.items()}
    for glyph in sorted(coverage, key=coverage.get):
        print(f"{glyph!r}\t{coverage[glyph]:.4f}\t{spread[glyph]:.3f}")
    if args.ramp:
        print("ramp:", repr(pick_ramp(coverage, spread, args.ramp)))


if __name__ == "__main__":
    main()
