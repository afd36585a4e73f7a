#!/usr/bin/env python3
"""mkpictures.py - the guide's pictures: each docs/pictures/NAME.dot is
drawn into NAME.svg beside it by Graphviz's dot (make docs).

Both files are checked in, so readers need no Graphviz. Each SVG carries,
on its second line, the SHA-256 of the source it was drawn from; make test
(tests/host/check_pictures.py) fails when a source changed without its
picture, so a picture is redrawn in the same commit as its source.

    mkpictures.py           redraw every picture whose source changed
    mkpictures.py --all     redraw them all (a new version of dot)
"""
import glob
import hashlib
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PICTURES = os.path.join(ROOT, "docs", "pictures")
STAMP = "<!-- drawn from %s, sha256 %s -->"


def sources():
    return sorted(glob.glob(os.path.join(PICTURES, "*.dot")))


def svg_of(dot):
    return dot[:-len(".dot")] + ".svg"


def stamp_of(dot):
    """The line an up-to-date SVG of source dot carries."""
    with open(dot, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    return STAMP % (os.path.basename(dot), digest)


def is_current(dot):
    """Was dot's SVG drawn from dot as it is now?"""
    try:
        with open(svg_of(dot), encoding="utf-8") as f:
            f.readline()
            return f.readline().rstrip("\n") == stamp_of(dot)
    except OSError:
        return False


def draw(dot):
    """Run dot; the SVG gets the stamp after its XML declaration."""
    run = subprocess.run(["dot", "-Tsvg", dot], capture_output=True,
                         text=True)
    if run.returncode != 0:
        raise SystemExit("mkpictures: %s: %s" % (dot, run.stderr.strip()))
    first, _, rest = run.stdout.partition("\n")
    with open(svg_of(dot), "w", encoding="utf-8") as f:
        f.write("%s\n%s\n%s" % (first, stamp_of(dot), rest))


def main():
    redraw_all = "--all" in sys.argv[1:]
    for dot in sources():
        if redraw_all or not is_current(dot):
            print("  DOT     %s" % os.path.relpath(svg_of(dot), ROOT))
            draw(dot)
    return 0


if __name__ == "__main__":
    sys.exit(main())
