#!/usr/bin/env python3
"""check_docs_words.py - the guide speaks to students in its own words.

README.md and docs/ are read by people who cannot see the project's issue
tracker or its design notes, so they never point there: no "the issue(s)",
"the contract" or "holdouts". Prints "PASS docs.own_words" or one
"FAIL docs.own_words: file:line: phrase" line per use for
tools/testdriver.py.
"""
import glob
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
OUTSIDE = re.compile(r"\b(the issues?|issue \d+|the contract|holdouts?)\b",
                     re.I)


def main():
    files = [os.path.join(ROOT, "README.md")] + sorted(
        glob.glob(os.path.join(ROOT, "docs", "**", "*.md"), recursive=True))
    bad = []
    for path in files:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                for m in OUTSIDE.finditer(line):
                    bad.append("%s:%d: %r" % (os.path.relpath(path, ROOT), n,
                                              m.group(0)))
    for b in bad:
        print("FAIL docs.own_words: %s" % b)
    if not bad:
        print("PASS docs.own_words")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
