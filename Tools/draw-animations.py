#!/usr/bin/env python3
"""Draws pushin's own animated samples into images/ (needs pillow). Our own drawings, CC0.

cat-wave.gif         the cat of draw-samples.py, whole, on a transparent background: it waves a
                     paw, swishes its tail and blinks; 12 frames of 100 ms, looping forever
balloon-float.webp   the balloon of draw-samples.py drifting up and down on a transparent
                     background; 12 frames of 100 ms, lossy with an exact alpha, looping forever
robot.webp           images/robot.png as a still lossy WebP
"""
import importlib.util
import math
import os

from PIL import Image, ImageDraw

HERE = os.path.dirname(__file__)
_spec = importlib.util.spec_from_file_location("draw_samples", os.path.join(HERE, "draw-samples.py"))
samples = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(samples)
s, SCALE, OUT = samples.s, samples.SCALE, samples.OUT

FRAMES = 12
ORANGE, DARK, CREAM = (240, 150, 60), (60, 40, 30), (255, 236, 210)  # the cat's, as in cat_head


def limb(d, points, width):
    """A furry limb through points: an orange band with a dark outline and round ends."""
    for colour, w in ((DARK, width + 10), (ORANGE, width)):
        d.line(s(*[v for p in points for v in p]), fill=colour, width=w * SCALE, joint="curve")
        for x, y in (points[0], points[-1]):
            d.ellipse(s(x - w / 2, y - w / 2, x + w / 2, y + w / 2), fill=colour)


def eyelids(d, lid):
    """Lids over the cat's eyes: 0 open, 1 shut (a closed eye is a curve)."""
    for cx in (180, 300):
        if lid >= 1:
            d.ellipse(s(cx - 35, 182, cx + 35, 258), fill=ORANGE)
            d.arc(s(cx - 30, 196, cx + 30, 232), 15, 165, fill=DARK, width=5 * SCALE)
        elif lid > 0:
            edge = math.degrees(math.asin(2 * lid - 1))  # where the lid's edge meets the eye's rim
            d.chord(s(cx - 32, 185, cx + 32, 255), 180 - edge, 360 + edge, fill=ORANGE, outline=DARK, width=4 * SCALE)


def cat_frame(i):
    phase = 2 * math.pi * i / FRAMES
    image, d = samples.canvas(480, 540, (0, 0, 0, 0))
    tail, angle, (x, y) = [], math.radians(-5), (318, 468)  # the tail: a wave running to its tip
    for k in range(15):
        tail.append((x, y))
        angle -= math.radians(7 + 6 * math.sin(phase - k * 0.45))
        x, y = x + 14 * math.cos(angle), y + 14 * math.sin(angle)
    limb(d, tail, 24)
    d.ellipse(s(135, 310, 345, 510), fill=ORANGE, outline=DARK, width=5 * SCALE)   # body
    d.ellipse(s(185, 370, 295, 500), fill=CREAM)
    for x in (160, 250):                                                              # feet
        d.ellipse(s(x, 478, x + 70, 520), fill=ORANGE, outline=DARK, width=5 * SCALE)
    wave = math.radians(229 + 11 * math.sin(2 * phase + math.pi / 6))                # the waving arm
    paw = (178 + 175 * math.cos(wave), 395 + 175 * math.sin(wave))
    limb(d, [(178, 395), paw], 30)
    d.ellipse(s(paw[0] - 27, paw[1] - 27, paw[0] + 27, paw[1] + 27), fill=ORANGE, outline=DARK, width=5 * SCALE)
    for toe in (-12, 0, 12):
        tx, ty = paw[0] + toe * math.cos(wave + math.pi / 2), paw[1] + toe * math.sin(wave + math.pi / 2)
        d.line(s(tx, ty, tx + 12 * math.cos(wave), ty + 12 * math.sin(wave)), fill=DARK, width=3 * SCALE)
    samples.cat_head(d)
    eyelids(d, {5: 0.5, 6: 1, 7: 0.5}.get(i, 0))
    return image


def save_gif(frames, name, size, delay):
    """Frames shrunk to size, on one shared palette of 64 colours (no dithering); alpha cut at half."""
    small = [frame.resize(size, Image.LANCZOS) for frame in frames]
    clear = [frame.getchannel("A").point(lambda a: 255 if a < 128 else 0) for frame in small]
    strip = Image.new("RGB", (size[0], size[1] * len(small)))  # what the frames show, for the palette
    for n, frame in enumerate(small):
        strip.paste(frame.convert("RGB"), (0, n * size[1]), clear[n].point(lambda a: 255 - a))
    palette = strip.quantize(63, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    indexed = []
    for frame, mask in zip(small, clear):
        picture = frame.convert("RGB").quantize(palette=palette, dither=Image.Dither.NONE)
        picture.paste(63, mask=mask)  # index 63: transparent
        indexed.append(picture)
    indexed[0].save(os.path.join(OUT, name), save_all=True, append_images=indexed[1:], duration=delay,
                    loop=0, transparency=63, disposal=2, optimize=False)


def balloon_frames():
    balloon = samples.balloon_picture().resize((180 * SCALE, 240 * SCALE), Image.LANCZOS)
    for i in range(FRAMES):
        phase = 2 * math.pi * i / FRAMES
        image, _ = samples.canvas(220, 300, (0, 0, 0, 0))
        image.paste(balloon, (round((20 + 6 * math.sin(phase)) * SCALE), round((30 - 22 * math.cos(phase)) * SCALE)))
        yield image.resize((220, 300), Image.LANCZOS)


if __name__ == "__main__":
    save_gif([cat_frame(i) for i in range(FRAMES)], "cat-wave.gif", (288, 324), 100)
    frames = list(balloon_frames())
    frames[0].save(os.path.join(OUT, "balloon-float.webp"), save_all=True, append_images=frames[1:],
                   duration=100, loop=0, quality=80, alpha_quality=100, method=6)
    Image.open(os.path.join(OUT, "robot.png")).save(os.path.join(OUT, "robot.webp"), quality=80, method=6)
