#!/usr/bin/env python3
"""Measures animation playback: how well each frame keeps its delay, and the CPU it costs.

    Benchmarks/playback.py [FRAMES] [DELAY_MS]

Makes a GIF of FRAMES frames (default 100) of DELAY_MS each (default 100 ms; a ball circling
over a gradient, 320 x 240, so every frame changes), plays it once at 80 columns in colour under
a pseudo-terminal, and timestamps the start of every frame's write (each redraw begins with
the cursor moving up: ESC [ N A). Prints the mean and worst error of the intervals against
the delay, the drift of the last frame against the clock, and the CPU time per second of
playback. Needs: apt-get install imagemagick; a release build of pushin.
"""
import math
import os
import pty
import re
import resource
import subprocess
import sys
import tempfile
import time

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
frames = int(sys.argv[1]) if len(sys.argv) > 1 else 100
delay = int(sys.argv[2]) if len(sys.argv) > 2 else 100

binary = subprocess.run([os.path.join(ROOT, "scripts/build"), "--print-path"], cwd=ROOT, check=True, stdout=subprocess.PIPE,
                        stderr=subprocess.DEVNULL, text=True).stdout.strip()

work = tempfile.mkdtemp()
gif = os.path.join(work, "circle.gif")
draws = []
for index in range(frames):
    angle = 6.283 * index / frames
    x, y = 160 + 90 * math.cos(angle), 120 + 70 * math.sin(angle)
    draws += ["(", "-size", "320x240", "gradient:navy-skyblue", "-fill", "orange",
              "-draw", f"circle {x:.0f},{y:.0f} {x + 30:.0f},{y:.0f}", ")"]
subprocess.run(["convert", "-delay", str(delay // 10)] + draws + ["-loop", "0", gif], check=True)



def play(loops):
    """Plays the GIF `loops` times; returns the frame start times, the first write's time, and
    the CPU seconds the process used."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    pid, master = pty.fork()
    if pid == 0:
        os.environ.update(TERM="xterm-256color", COLUMNS="100", LINES="60")
        os.execv(binary, [binary, "-w", "80", "--color", "always", "--animate", "always", "--loop", str(loops), gif])
    redraw = re.compile(rb"\r\x1b\[\d+A")
    starts, tail, begun = [], b"", None
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        now = time.monotonic()
        if begun is None:
            begun = now
        # A frame's write begins where its redraw escape does; chunks are timestamped on
        # arrival. An escape split between two reads is counted once, in the read that ends it.
        text = tail + chunk
        starts += [now for match in redraw.finditer(text) if match.end() > len(tail)]
        tail = text[-16:]
    os.waitpid(pid, 0)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return starts, begun, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


starts, begun, cpu_once = play(1)
elapsed = starts[-1] - begun
intervals = [(b - a) * 1000 for a, b in zip([begun] + starts, starts)]
errors = [interval - delay for interval in intervals]
print(f"{len(starts) + 1} frames of {delay} ms at 80 columns, colour, under a pseudo-terminal")
print(f"  mean interval error {sum(errors) / len(errors):+.2f} ms, mean |error| {sum(map(abs, errors)) / len(errors):.2f} ms, "
      f"worst {max(errors, key=abs):+.2f} ms")
print(f"  drift of the last frame: {(elapsed * 1000 - delay * len(starts)):+.2f} ms after {elapsed:.2f} s")
print(f"  CPU of the whole run (start-up and decoding included): {cpu_once * 1000:.0f} ms = {100 * cpu_once / elapsed:.1f} % of one core")
more, more_begun, cpu_thrice = play(3)
extra = (more[-1] - more_begun) - elapsed
print(f"  CPU while playing (three plays less one): {(cpu_thrice - cpu_once) * 1000:.0f} ms for {extra:.2f} s "
      f"= {100 * (cpu_thrice - cpu_once) / extra:.2f} % of one core")
