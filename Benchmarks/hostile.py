#!/usr/bin/env python3
"""Every hostile regression file through the release CLI, measured: the bounds of issue 10.

    Benchmarks/hostile.py [PUSHIN]

Runs `pushin FILE` (80 columns, the default 100-megapixel budget) on each file in
Tests/Fixtures/hostile and prints its wall time, peak resident memory, exit status and first
line on stderr. Fails (exit 1) when any file takes 5 s or more, 400 MB or more, or answers
otherwise than it must: a file named *-good.* is drawn (exit 0, nothing on stderr), any other
is refused in one line naming it (exit 1). PUSHIN defaults to the release build, made first.
"""
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FOLDER = "Tests/Fixtures/hostile"
SECONDS, BYTES = 5.0, 400 << 20


def release_binary():
    return subprocess.run([os.path.join(ROOT, "scripts/build"), "--print-path"], cwd=ROOT, check=True, stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True).stdout.strip()


def measure(pushin, path):
    """(seconds, peak resident bytes, exit status, stderr) of one run, output discarded."""
    with open(os.devnull, "wb") as null, subprocess.Popen(
            [pushin, path], cwd=ROOT, stdout=null, stderr=subprocess.PIPE) as process:
        start = time.monotonic()
        errors = process.stderr.read().decode(errors="replace")
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.monotonic() - start
        process.returncode = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_maxrss * 1024, process.returncode, errors


def main():
    pushin = sys.argv[1] if len(sys.argv) > 1 else release_binary()
    names = sorted(n for n in os.listdir(os.path.join(ROOT, FOLDER)) if n.endswith((".png", ".jpg", ".gif", ".webp")))
    failures = 0
    print(f"{'file':<36} {'s':>6} {'MB':>6} exit  answer")
    for name in names:
        path = os.path.join(FOLDER, name)
        seconds, peak, status, errors = measure(pushin, path)
        good = "-good." in name
        answered = (status == 0 and errors == "") if good else (
            status == 1 and errors.startswith(f"pushin: {path}: ") and errors.count("\n") == 1)
        ok = answered and seconds < SECONDS and peak < BYTES
        failures += not ok
        answer = "drawn" if status == 0 and not errors else errors.split("\n")[0][len(f"pushin: {path}: "):]
        print(f"{name:<36} {seconds:6.2f} {peak / 1e6:6.0f} {status:4}  {answer[:90]}{'' if ok else '  <- FAILS'}")
    print(f"{len(names)} files, {failures} over a bound or answered wrongly")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
