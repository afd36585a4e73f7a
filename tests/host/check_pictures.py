#!/usr/bin/env python3
"""check_pictures.py - the guide's pictures match their sources.

  pictures.current   every docs/pictures/NAME.dot has its NAME.svg, drawn
                     from the source as it is now (the SVG's stamp holds
                     the source's SHA-256: make docs redraws it)
  pictures.sources   every SVG there has its source
  pictures.shown     every picture is shown by some page of docs/

Prints PASS/FAIL lines for tools/testdriver.py.
"""
import glob
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import mkpictures  # noqa: E402


def verdict(name, bad):
    if bad:
        print("FAIL pictures.%s: %s" % (name, "; ".join(bad)))
    else:
        print("PASS pictures.%s" % name)
    return 1 if bad else 0


def main():
    dots = mkpictures.sources()
    svgs = sorted(glob.glob(os.path.join(mkpictures.PICTURES, "*.svg")))
    stale = [os.path.relpath(mkpictures.svg_of(d), ROOT) + " (make docs)"
             for d in dots if not mkpictures.is_current(d)]
    orphans = [os.path.relpath(s, ROOT) for s in svgs
               if not os.path.exists(s[:-len(".svg")] + ".dot")]
    pages = ""
    for page in glob.glob(os.path.join(ROOT, "docs", "**", "*.md"),
                          recursive=True):
        with open(page, encoding="utf-8") as f:
            pages += f.read()
    unshown = [os.path.relpath(s, ROOT) for s in svgs
               if not re.search(r"\]\((?:\.\./)*pictures/%s\)" %
                                re.escape(os.path.basename(s)), pages)]
    failed = verdict("current", stale)
    failed |= verdict("sources", orphans)
    failed |= verdict("shown", unshown)
    if not dots:
        failed |= verdict("exist", ["no picture in docs/pictures"])
    return failed


if __name__ == "__main__":
    sys.exit(main())
