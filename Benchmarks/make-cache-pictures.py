#!/usr/bin/env python3
"""Makes the cache benchmarks' pictures in DIR: 200 crops of about 1 megapixel (1280 x 800) of
the plasma-workspace-wallpapers, 160 JPEGs and 40 PNGs, the same on every run.

Usage: make-cache-pictures.py DIR   (needs plasma-workspace-wallpapers and pillow)
"""
import glob, sys
from PIL import Image
target = sys.argv[1]
sources = sorted(glob.glob("/usr/share/wallpapers/*/contents/images/5120x2880.*"))[:8]
if not sources:
    sys.exit("no wallpapers: apt-get install plasma-workspace-wallpapers")
count = 0
for source in sources:
    wallpaper = Image.open(source).convert("RGB").resize((2560, 1440))
    for index in range(25):
        x, y = (index * 97) % 1280, (index * 53) % 640
        crop = wallpaper.crop((x, y, x + 1280, y + 800))
        if count % 5 == 4:
            crop.save(f"{target}/picture-{count:03d}.png")
        else:
            crop.save(f"{target}/picture-{count:03d}.jpg", quality=90)
        count += 1
