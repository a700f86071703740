#!/usr/bin/env python3
"""Writes Sources/AsciiArt/Render/PaletteTableData.swift: for every box of 16 x 16 x 16 sRGB colours
(the top 4 bits of each channel, 4,096 boxes), the xterm palette entries that are the nearest in
CIELAB (ΔE76) to at least one colour in it, for the 256 colours (entries 16...255) and for the 16.

`Palette.nearest` answers from these tables: a box with one entry answers for all its colours
without a conversion; in a box with a few (three on average, at most eight, for the 256) it
converts the colour and compares those. The answer is `Palette.nearestBySearch`'s, the search
over the whole palette, for every colour: this tool computes CIELAB exactly as LabImage.lab does
in Float (the same tables, the same operations in the same order, numpy rounding each to float32
as Swift does), takes the boxes' entries from that search over all 16,777,216 colours, and
`--check` compares the search with what the decoded tables answer, colour by colour.

Encoding, in string literals of the characters A-Z a-z 0-9 + / (6 bits each), decoded on first
use: each box (red, green, blue; blue fastest) as two characters holding a 12-bit number, the
entry when below 256, else 256 + the number of the box's list; the lists, in that order, as a
count character and then a character pair for each entry.

Usage: make-palette-table.py [--output PATH | --check PATH]
  --check PATH  exits 1 when PATH differs from what would be written or when a table's answer
                differs from the search for any colour (the tests use it; about 20 s).
Needs python3-numpy.
"""
import argparse
import os
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUT = os.path.join(ROOT, "Sources/AsciiArt/Render/PaletteTableData.swift")
BITS = 4  # a box is 2 ** (8 - BITS) colours a side
DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
F = np.float32


def xterm256():
    """xterm's 256 colours in index order, as Palette.xterm256 lists them."""
    colours = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
               (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
               (255, 0, 255), (0, 255, 255), (255, 255, 255)]
    steps = [0, 95, 135, 175, 215, 255]
    colours += [(steps[i // 36], steps[(i // 6) % 6], steps[i % 6]) for i in range(216)]
    colours += [(8 + i * 10,) * 3 for i in range(24)]
    return np.array(colours, dtype=np.uint8)


# LabImage's tables: sRGB in quarter steps to linear light, and CIELAB's companding function.
LINEAR = np.array([c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
                   for c in (step / 1020 for step in range(1021))], dtype=F)
STEPS = 4096
COMPANDED = np.array([np.cbrt(t) if t > 0.008856 else 7.787 * t + 16.0 / 116.0
                      for t in (step / STEPS for step in range(STEPS + 1))], dtype=F)


def lab(red, green, blue):
    """CIELAB of 8-bit colours (arrays), as LabImage.lab computes it in Float."""
    r, g, b = (LINEAR[channel.astype(np.intp) * 4] for channel in (red, green, blue))

    def f(t):
        position = np.minimum(np.maximum(t, F(0)), F(1)) * F(STEPS)
        step = np.minimum(position.astype(np.intp), STEPS - 1)
        low = COMPANDED[step]
        return low + (COMPANDED[step + 1] - low) * (position - step.astype(F))

    x = f((F(0.4124) * r + F(0.3576) * g + F(0.1805) * b) * (F(1) / F(0.95047)))
    y = f(F(0.2126) * r + F(0.7152) * g + F(0.0722) * b)
    z = f((F(0.0193) * r + F(0.1192) * g + F(0.9505) * b) * (F(1) / F(1.08883)))
    return F(116) * y - F(16), F(500) * (x - y), F(200) * (y - z)


def search(red, green, blue, palette, first):
    """Palette.nearestBySearch for arrays of colours: the lowest index from `first` on with the
    least ΔE76 (squared, summed in Swift's order)."""
    target = lab(red, green, blue)
    entries = lab(*palette.T.astype(np.intp))
    best = np.zeros(red.shape, dtype=np.intp)
    least = np.full(red.shape, np.inf, dtype=F)
    for index in range(first, len(palette)):
        dl, da, db = (entries[axis][index] - target[axis] for axis in range(3))
        distance = dl * dl + da * da + db * db
        np.copyto(best, index, where=distance < least)
        np.minimum(least, distance, out=least)
    return best


def all_colours(red):
    """The 65,536 colours with this red, blue fastest."""
    green, blue = np.divmod(np.arange(65536), 256)
    return np.full(65536, red), green, blue


def box_of(red, green, blue):
    """The box of each colour."""
    shift = 8 - BITS
    return ((red >> shift) << (2 * BITS)) | ((green >> shift) << BITS) | (blue >> shift)


def searched(palette, first):
    """The search's answer for every colour, by red, green and blue."""
    return np.concatenate([search(*all_colours(red), palette, first) for red in range(256)])


def boxes(answers):
    """Each box's sorted entries: every answer among its colours."""
    red, rest = np.divmod(np.arange(1 << 24), 65536)
    green, blue = np.divmod(rest, 256)
    pairs = np.unique(box_of(red, green, blue).astype(np.int64) * 256 + answers)
    lists = [[] for _ in range(1 << (3 * BITS))]
    for box, entry in zip((pairs // 256).tolist(), (pairs % 256).tolist()):
        lists[box].append(entry)
    return lists


def pair(number):
    """A 12-bit number as two characters."""
    return DIGITS[number >> 6] + DIGITS[number & 63]


def encode(lists):
    """The two literals: each box's entry or list number, and the lists of entries."""
    shared = sorted({tuple(entries) for entries in lists if len(entries) > 1})
    number = {entries: 256 + index for index, entries in enumerate(shared)}
    assert 256 + len(shared) < 4096 and max(len(entries) for entries in shared) < 64
    boxed = "".join(pair(entries[0] if len(entries) == 1 else number[tuple(entries)]) for entries in lists)
    listed = "".join(DIGITS[len(entries)] + "".join(pair(entry) for entry in entries) for entries in shared)
    return boxed, listed


def decode(boxed, listed):
    """What PaletteTable.init builds from the literals: per box, an entry or 256 + the offset in
    the entries of a list (its count and then its entries)."""
    numbers = [DIGITS.index(character) for character in boxed]
    values = [(numbers[at] << 6) | numbers[at + 1] for at in range(0, len(numbers), 2)]
    digits = [DIGITS.index(character) for character in listed]
    entries, offsets, at = [], [], 0
    while at < len(digits):
        offsets.append(len(entries))
        count = digits[at]
        entries.append(count)
        entries += [(digits[at + 1 + 2 * k] << 6) | digits[at + 2 + 2 * k] for k in range(count)]
        at += 1 + 2 * count
    return np.array([value if value < 256 else 256 + offsets[value - 256] for value in values]), np.array(entries)


def answer(table, red, green, blue, palette):
    """What Palette.nearest answers from a decoded table for arrays of colours."""
    values, entries = table
    value = values[box_of(red, green, blue)]
    result = value.copy()
    listed = value >= 256
    if listed.any():
        target = lab(red[listed], green[listed], blue[listed])
        colours = lab(*palette.T.astype(np.intp))
        offset = value[listed] - 256
        best = np.zeros(offset.shape, dtype=np.intp)
        least = np.full(offset.shape, np.inf, dtype=F)
        for k in range(entries[offset].max()):
            present = k < entries[offset]
            index = np.where(present, entries[np.minimum(offset + 1 + k, len(entries) - 1)], 0)
            dl, da, db = (colours[axis][index] - target[axis] for axis in range(3))
            distance = dl * dl + da * da + db * db
            nearer = present & (distance < least)
            least[nearer] = distance[nearer]
            best[nearer] = index[nearer]
        result[listed] = best
    return result


DEPTHS = [("ansi256", xterm256(), 16), ("ansi16", xterm256()[:16], 0)]


def source(tables):
    """The Swift file."""
    def literal(text):
        rows = [f"        {text[at:at + 96]}" for at in range(0, len(text), 96)]
        return ["        \"\"\""] + [row + "\\" for row in rows[:-1]] + rows[-1:] + ["        \"\"\""]

    lines = ["// Written by Tools/make-palette-table.py (which says how it is encoded); do not edit.", "",
             "extension PaletteTable {", f"    /// Bits of each channel that pick a box.", f"    static let bits = {BITS}"]
    for (name, palette, first), (boxed, listed) in zip(DEPTHS, tables):
        lines += ["", f"    /// The boxes' nearest entries among {first}...{len(palette) - 1}.",
                  f"    static let {name} = PaletteTable(", "        boxes:"]
        lines += literal(boxed)
        lines[-1] += ","
        lines += ["        lists:"] + literal(listed)
        lines[-1] += ")"
    return "\n".join(lines + ["}"]) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--output", default=OUTPUT)
    group.add_argument("--check", metavar="PATH")
    args = parser.parse_args()
    tables, answers = [], []
    for name, palette, first in DEPTHS:
        found = searched(palette, first)
        own = palette[first:].astype(np.intp)
        assert (found[(own[:, 0] << 16) | (own[:, 1] << 8) | own[:, 2]] == np.arange(first, len(palette))).all()
        lists = boxes(found)
        tables.append(encode(lists))
        answers.append(found)
        sizes = np.bincount([len(entries) for entries in lists])
        print(f"{name}: boxes by entries {dict(enumerate(sizes.tolist()))}, "
              f"{len(tables[-1][0]) + len(tables[-1][1])} characters", file=sys.stderr)
    text = source(tables)
    if not args.check:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text)
        return 0
    with open(args.check, encoding="utf-8") as f:
        same = f.read() == text
    print("same as %s" % args.check if same else "differs from %s" % args.check)
    exact = True
    for (name, palette, first), table, found in zip(DEPTHS, tables, answers):
        decoded = decode(*table)
        wrong = sum(int((answer(decoded, *all_colours(red), palette) != found[red * 65536:(red + 1) * 65536]).sum())
                    for red in range(256))
        print(f"{name}: the table answers as the search for all 16,777,216 colours" if wrong == 0
              else f"{name}: the table differs from the search for {wrong} colours")
        exact = exact and wrong == 0
    return 0 if same and exact else 1


if __name__ == "__main__":
    sys.exit(main())
