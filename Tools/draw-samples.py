#!/usr/bin/env python3
"""Draws pushin's own cartoon samples into images/ (needs pillow). Our own drawings, CC0.

cartoon-cat.png  a cartoon cat on a flat mint background
robot.png        a friendly robot on white
balloon.png      a hot-air balloon on a transparent background (real alpha)
"""
import os

from PIL import Image, ImageDraw

SCALE = 4  # drawn large, then shrunk, for smooth edges
OUT = os.path.join(os.path.dirname(__file__), "..", "images")


def canvas(width, height, background):
    image = Image.new("RGBA", (width * SCALE, height * SCALE), background)
    return image, ImageDraw.Draw(image)


def s(*values):
    return [v * SCALE for v in values]


def save(image, name, width, height):
    image.resize((width, height), Image.LANCZOS).save(os.path.join(OUT, name), optimize=True)


def cat():
    w, h = 480, 400
    image, d = canvas(w, h, (190, 232, 214, 255))
    cat_head(d)
    save(image.convert("RGB"), "cartoon-cat.png", w, h)


def cat_head(d):
    """The cat's head, ears to whiskers, drawn into a 480 x 400 box (draw-animations.py reuses it)."""
    orange, dark, cream = (240, 150, 60), (60, 40, 30), (255, 236, 210)
    d.polygon(s(120, 170, 150, 50, 215, 120), fill=orange, outline=dark, width=5 * SCALE)   # ears
    d.polygon(s(360, 170, 330, 50, 265, 120), fill=orange, outline=dark, width=5 * SCALE)
    d.polygon(s(140, 150, 155, 85, 195, 125), fill=(250, 180, 170))
    d.polygon(s(340, 150, 325, 85, 285, 125), fill=(250, 180, 170))
    d.ellipse(s(95, 100, 385, 360), fill=orange, outline=dark, width=5 * SCALE)             # head
    for x in (150, 300):                                                                     # stripes
        d.line(s(x, 125, x + 30, 160), fill=(200, 110, 40), width=10 * SCALE)
    d.line(s(240, 105, 240, 150), fill=(200, 110, 40), width=10 * SCALE)
    d.ellipse(s(175, 255, 305, 345), fill=cream)                                             # muzzle
    for cx in (180, 300):                                                                    # eyes
        d.ellipse(s(cx - 32, 185, cx + 32, 255), fill=(255, 255, 255), outline=dark, width=4 * SCALE)
        d.ellipse(s(cx - 16, 200, cx + 16, 250), fill=(40, 110, 60))
        d.ellipse(s(cx - 8, 212, cx + 8, 240), fill=(10, 10, 10))
        d.ellipse(s(cx - 10, 205, cx - 2, 215), fill=(255, 255, 255))
    d.polygon(s(225, 265, 255, 265, 240, 282), fill=(230, 90, 110))                          # nose
    d.arc(s(205, 270, 242, 305), 20, 160, fill=dark, width=4 * SCALE)                       # mouth
    d.arc(s(238, 270, 275, 305), 20, 160, fill=dark, width=4 * SCALE)
    for y in (280, 300, 320):                                                                # whiskers
        d.line(s(170, 290, 60, y), fill=dark, width=3 * SCALE)
        d.line(s(310, 290, 420, y), fill=dark, width=3 * SCALE)


def robot():
    w, h = 360, 480
    image, d = canvas(w, h, (255, 255, 255, 255))
    steel, dark, glow = (120, 140, 170), (40, 45, 60), (255, 200, 40)
    d.line(s(180, 40, 180, 90), fill=dark, width=6 * SCALE)                                  # antenna
    d.ellipse(s(165, 25, 195, 55), fill=(230, 60, 60), outline=dark, width=3 * SCALE)
    d.rounded_rectangle(s(90, 90, 270, 220), radius=30 * SCALE, fill=steel, outline=dark, width=6 * SCALE)
    for cx in (140, 220):
        d.ellipse(s(cx - 25, 125, cx + 25, 175), fill=glow, outline=dark, width=4 * SCALE)
        d.ellipse(s(cx - 8, 142, cx + 8, 158), fill=dark)
    d.rounded_rectangle(s(135, 190, 225, 205), radius=6 * SCALE, fill=dark)                 # mouth
    d.rectangle(s(165, 220, 195, 240), fill=dark)                                            # neck
    d.rounded_rectangle(s(70, 240, 290, 400), radius=20 * SCALE, fill=steel, outline=dark, width=6 * SCALE)
    d.rounded_rectangle(s(120, 270, 240, 360), radius=10 * SCALE, fill=(200, 210, 225), outline=dark, width=4 * SCALE)
    for i, colour in enumerate([(230, 60, 60), (60, 180, 90), (60, 120, 230)]):
        d.ellipse(s(135 + i * 35, 300, 160 + i * 35, 325), fill=colour)
    d.rounded_rectangle(s(25, 250, 65, 370), radius=18 * SCALE, fill=steel, outline=dark, width=5 * SCALE)
    d.rounded_rectangle(s(295, 250, 335, 370), radius=18 * SCALE, fill=steel, outline=dark, width=5 * SCALE)
    d.rounded_rectangle(s(100, 400, 150, 460), radius=10 * SCALE, fill=dark)
    d.rounded_rectangle(s(210, 400, 260, 460), radius=10 * SCALE, fill=dark)
    save(image.convert("RGB"), "robot.png", w, h)


def balloon():
    save(balloon_picture(), "balloon.png", 360, 480)


def balloon_picture():
    """The balloon on a transparent 360 x 480 canvas, drawn SCALE times larger (draw-animations.py reuses it)."""
    image, d = canvas(360, 480, (0, 0, 0, 0))
    colours = [(230, 60, 60), (250, 200, 50), (60, 150, 230), (250, 200, 50), (230, 60, 60)]
    stripes = Image.new("RGBA", image.size, (0, 0, 0, 0))
    stripe_draw = ImageDraw.Draw(stripes)
    for i, colour in enumerate(colours):                                 # envelope: stripes
        stripe_draw.rectangle(s(40 + i * 56, 20, 96 + i * 56, 320), fill=colour)
    envelope = Image.new("L", image.size, 0)                             # cut to the envelope
    ImageDraw.Draw(envelope).ellipse(s(40, 20, 320, 320), fill=255)
    image.paste(stripes, (0, 0), envelope)
    d.ellipse(s(40, 20, 320, 320), outline=(70, 40, 30), width=5 * SCALE)
    d.polygon(s(95, 280, 265, 280, 215, 360, 145, 360), fill=colours[2])
    for x0, x1 in ((150, 150), (210, 210)):
        d.line(s(x0, 360, x1, 395), fill=(70, 40, 30), width=4 * SCALE)
    d.rounded_rectangle(s(135, 395, 225, 455), radius=8 * SCALE, fill=(160, 110, 60), outline=(70, 40, 30), width=5 * SCALE)
    return image


if __name__ == "__main__":
    cat()
    robot()
    balloon()
