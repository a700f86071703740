#!/usr/bin/env python3
"""Writes pushin's hostile regression files (issue 10) into this folder, byte for byte.

Standard library only, no image tools: every file is assembled chunk by chunk (PNG) or
marker by marker (JPEG), so each says exactly what it tests. README.md lists what each file
does and what pushin must answer. Run it again after changing it and check in the output.
"""
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


# --- PNG ---------------------------------------------------------------------------------

SIGNATURE = b"\x89PNG\r\n\x1a\n"


def chunk(kind, body, length=None, crc=None):
    """One chunk; `length` and `crc` override the true values when a file must lie."""
    true_crc = zlib.crc32(kind + body) & 0xFFFFFFFF
    return (struct.pack(">I", len(body) if length is None else length) + kind + body +
            struct.pack(">I", true_crc if crc is None else crc))


def ihdr(width, height, depth=8, colour=0, interlace=0):
    return chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, interlace))


def idat(rows):
    return chunk(b"IDAT", zlib.compress(b"".join(b"\x00" + row for row in rows), 9))


def png(width, height, rows, colour=0, extra=b""):
    """A whole PNG: `extra` chunks go between IHDR and IDAT."""
    return SIGNATURE + ihdr(width, height, colour=colour) + extra + idat(rows) + chunk(b"IEND", b"")


def declared_chunk_header(kind, length):
    """A chunk's length and type with no body: the file ends where the body would start."""
    return struct.pack(">I", length) + kind


# 41 bytes each: signature, a 1 x 1 IHDR, then an ancillary chunk that declares 2^31 - 1
# bytes of body and ends. libpng 1.6.39 only warns that the chunk exceeds its limit and then
# allocates (and zero-fills) the declared size before pushin could check anything. (1.6.39
# reads eXIf without allocating; it is kept for other versions.)
for kind in (b"tEXt", b"zTXt", b"iTXt", b"sPLT", b"sCAL", b"pCAL", b"eXIf"):
    write("png-%s-2gb.png" % kind.decode(),
          SIGNATURE + ihdr(1, 1) + declared_chunk_header(kind, 0x7FFFFFFF))

# Within the pixel budget but past libpng's 1,000,000-pixel sides, which pushin keeps (and now
# sets explicitly): libpng holds rows of up to 8 bytes a pixel, and every row costs time. With
# the sides raised to the budget, these headers (and their data) cost 775 MB of row buffers
# (99,000,000 x 1, 16-bit RGBA) and about 12 s (1 x 100,000,000 rows, 200 KB of data).
write("png-99m-wide.png", SIGNATURE + ihdr(99000000, 1, depth=16, colour=6) +
      chunk(b"IDAT", zlib.compress(bytes(100))) + chunk(b"IEND", b""))
write("png-100m-tall.png", SIGNATURE + ihdr(1, 100000000) +
      chunk(b"IDAT", zlib.compress(bytes(100))) + chunk(b"IEND", b""))

# An all-white picture 264,208 (4 x 66,052) pixels wide and 1 high, RGB and RGBA. At `-w 1`
# the CLI asks for 2 or 4 samples across, so pixels are averaged 66,052 (or more) at a time:
# 66,052 x 255 x 255 overflows 32 bits, and the sums of the old accumulate_row wrapped to
# almost nothing: white came out black.
WIDE = 4 * 66052
write("png-wide-white-rgb-good.png", png(WIDE, 1, [b"\xff" * (3 * WIDE)], colour=2))
write("png-wide-white-rgba-good.png", png(WIDE, 1, [b"\xff" * (4 * WIDE)], colour=6))

# An interlaced 1-bit palette picture of 10,000 x 10,000 whose palette entry 0 is half
# transparent: 12 KB of zlib-compressed zeros. Adam7 passes interleave, so pushin holds the
# whole picture before averaging it, and libpng expands it to RGBA: 400 MB resident, 1.6 s.
def adam7_bytes(width, height, bits):
    """The raw (filtered) size of an interlaced image: each pass's rows, each with its filter byte."""
    total = 0
    for x0, y0, dx, dy in ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)):
        columns, rows = (width - x0 + dx - 1) // dx, (height - y0 + dy - 1) // dy
        if columns and rows:
            total += rows * (1 + (columns * bits + 7) // 8)
    return total


def compressed_zeros(count):
    z = zlib.compressobj(9)
    return b"".join(z.compress(bytes(min(1 << 20, count - at))) for at in range(0, count, 1 << 20)) + z.flush()


write("png-interlaced-400mb.png",
      SIGNATURE + ihdr(10000, 10000, depth=1, colour=3, interlace=1) +
      chunk(b"PLTE", b"\x00\x00\x00\xff\xff\xff") + chunk(b"tRNS", b"\x80") +
      chunk(b"IDAT", compressed_zeros(adam7_bytes(10000, 10000, 1))) + chunk(b"IEND", b""))

# Strips of diagonal 1-bit stripes, inside the pixel budget but of extreme proportions.
# 639 x 156,000 (99.7 megapixels): at 80 columns the CLI asks 320 samples across, which no whole
# factor of 639 leaves, so it was decoded whole (100 megapixels of RGBA, 794 MB resident, 4.4 s
# with the flood working on 11.7 million pixels). A good file: it must be drawn, within bounds.
# 100 x 1,000,000: its art at 80 columns is 400,000 rows; it took 107 s and 16 GB. Refused.
def stripes(width, height):
    rows = [bytes(sum(0x80 >> bit for bit in range(8) if (8 * byte + bit + y) % 64 < 8)
                  for byte in range((width + 7) // 8)) for y in range(64)]
    z = zlib.compressobj(9)
    data = b"".join(z.compress(b"\x00" + rows[y % 64]) for y in range(height)) + z.flush()
    return SIGNATURE + ihdr(width, height, depth=1) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


write("png-strip-639x156000-good.png", stripes(639, 156000))
write("png-strip-100x1000000.png", stripes(100, 1000000))

# A good 16 x 16 gray picture whose tEXt chunk has a wrong CRC: the bytes were changed on the
# way, so strict decoding calls it damaged and --lenient draws it.
GRADIENT = [bytes(16 * x + y for x in range(16)) for y in range(16)]
write("png-bad-text-crc.png",
      png(16, 16, GRADIENT, extra=chunk(b"tEXt", b"Comment\x00hello", crc=0x12345678)))

# A good 16 x 16 gray picture carrying every ancillary chunk pushin skips, each of them odd
# enough that libpng would warn about it if it read it (a profile that is not ICC, gamma that
# contradicts sRGB, chromaticities out of range, sBIT deeper than the image, a bKGD, text,
# physical size, time, a private chunk). None touches the pixels, so it must draw, strict.
ODD = b"".join([
    chunk(b"gAMA", struct.pack(">I", 1)),
    chunk(b"cHRM", struct.pack(">8I", *([0xFFFFFFF] * 8))),
    chunk(b"sRGB", b"\x09"),
    chunk(b"iCCP", b"icc\x00\x00" + zlib.compress(b"not a profile")),
    chunk(b"sBIT", b"\x0f"),
    chunk(b"bKGD", b"\xff\xff"),
    chunk(b"pHYs", struct.pack(">IIB", 0, 0, 7)),
    chunk(b"tIME", struct.pack(">HBBBBB", 2024, 13, 40, 25, 61, 61)),
    chunk(b"tEXt", b"\x00no keyword"),
    chunk(b"zTXt", b"key\x00\x00not zlib"),
    chunk(b"sPLT", b"p\x00\x07"),
    chunk(b"prVt", b"private"),
])
write("png-odd-chunks-good.png", png(16, 16, GRADIENT, extra=ODD))


# --- JPEG --------------------------------------------------------------------------------

def segment(marker, body):
    return b"\xff" + bytes([marker]) + struct.pack(">H", len(body) + 2) + body


def jpeg_header(width, height, components, coding=0xC2, restart_interval=0):
    """SOI, a flat quantisation table, the frame header (SOF2: progressive Huffman, SOF10:
    progressive arithmetic) and, for Huffman, two one-code tables: the DC code '0' is a
    difference of 0, the AC code '0' an end of band. `components` are sampling factors."""
    frame = struct.pack(">BHHB", 8, height, width, len(components))
    for index, sampling in enumerate(components):
        frame += bytes([index + 1, sampling, 0])
    one_code = bytes([1] + [0] * 15) + b"\x00"
    tables = segment(0xC4, b"\x00" + one_code) + segment(0xC4, b"\x10" + one_code)
    restarts = segment(0xDD, struct.pack(">H", restart_interval)) if restart_interval else b""
    return (b"\xff\xd8" + segment(0xDB, b"\x00" + b"\x01" * 64) + segment(coding, frame) +
            (tables if coding == 0xC2 else b"") + restarts)


def scan(components, ss=0, se=0, ah=0, al=0):
    body = bytes([len(components)])
    for index in components:
        body += bytes([index + 1, 0x00])
    return segment(0xDA, body + bytes([ss, se, (ah << 4) | al]))


def empty_scans(header, scans):
    """A file of scan headers with no entropy data after any of them: every scan still walks
    every block it covers (libjpeg warns once, then decodes zeros)."""
    return header + b"".join(scans) + b"\xff\xd9"


# A progressive 2,560 x 8 gray picture (320 x 1 at 1/8 scale, exactly what the CLI asks for
# at 80 columns, so it is decoded from its DC scan alone) cut off inside that scan. libjpeg
# then points its source at a static fake end-of-image marker; the old has_end_marker walked
# from there towards the caller's buffer: an out-of-bounds read when libjpeg is linked
# statically (AddressSanitizer), an invalid pointer comparison always.
whole = jpeg_header(2560, 8, [0x11]) + scan([0]) + b"\x00" * 40 + b"\xff\xd9"
write("jpeg-truncated-dc-scan.jpg", whole[:len(whole) - 30])

# 10,000 x 10,000 at 4:2:0 (300 MB of coefficients, within the default budget) and 3,000
# scans that each give Y and Cb their DC and never Cr, so the DC-only loop never finishes:
# the old code checked its scan limit only in libjpeg's progress hook, which that loop never
# calls (51 s). Now it stops at scan 65.
write("jpeg-3000-scans.jpg",
      empty_scans(jpeg_header(10000, 10000, [0x22, 0x11, 0x11]), [scan([0, 1])] * 3000))

# The worst file the scan cap allows: 10,000 x 10,000 gray, arithmetic coding, 64 AC scans
# (no DC ever, so all 64 are read), each walking 1.56 million blocks. It decodes (damaged)
# in about 2 s; it shows what MAX_SCANS costs.
write("jpeg-64-scans-arithmetic.jpg",
      empty_scans(jpeg_header(10000, 10000, [0x11], coding=0xCA), [scan([0], 1, 63)] * 64))

# The same picture with a restart interval of one block and no restart markers: libjpeg
# resynchronises and warns at every block of every scan, 170 ns each (10 s in all). Stopped
# after 100,000 warnings.
write("jpeg-restart-storm.jpg",
      empty_scans(jpeg_header(10000, 10000, [0x11], coding=0xCA, restart_interval=1),
                  [scan([0], 1, 63)] * 64))

# 10,000 x 10,000 at 4:4:4: a progressive file keeps every coefficient, 600 MB here, and one
# scan covering all three components touches all of it. Stopped by libjpeg's
# max_memory_to_use (3 bytes a pixel of the budget) before anything is allocated.
write("jpeg-coefficients-600mb.jpg",
      empty_scans(jpeg_header(10000, 10000, [0x11, 0x11, 0x11]), [scan([0, 1, 2])]))
