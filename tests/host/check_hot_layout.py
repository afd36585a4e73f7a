#!/usr/bin/env python3
"""check_hot_layout.py - the hot-path layout of boot/hot_text.ld and
boot/hot_data.ld holds in the built kernel (build/kernel.elf).

  hot_layout.names  every function and variable the two lists name exists
                    in the kernel (a renamed function would silently drop
                    out of the hot pages: the linker ignores a pattern that
                    matches nothing)
  hot_layout.text   every listed function lies in the first HOT_TEXT_PAGES
                    pages of the kernel's code
  hot_layout.data   every listed variable lies in the first page of .data

Prints PASS/FAIL lines for tools/testdriver.py.
"""
import fnmatch
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
KERNEL = os.path.join(ROOT, os.environ.get("B", "build"), "kernel.elf")
HOT_TEXT_PAGES = 4
PAGE = 4096
SECTION = re.compile(r"^\*\(\.(text|data|bss)\.([\w.*]+)\)$")


def listed(path):
    """The (kind, name pattern) pairs of a hot list; file patterns skipped."""
    names = []
    for line in open(os.path.join(ROOT, path)):
        m = SECTION.match(line.strip())
        if m:
            names.append((m.group(1), m.group(2)))
    return names


def symbols():
    """name -> (address, size) of every sized symbol of the kernel."""
    out = subprocess.run(["nm", "-S", KERNEL], capture_output=True,
                         text=True, check=True).stdout
    syms = {}
    for line in out.splitlines():
        p = line.split()
        if len(p) == 4:
            syms[p[3]] = (int(p[0], 16), int(p[1], 16))
        elif len(p) == 3:
            syms.setdefault(p[2], (int(p[0], 16), 0))
    return syms


def report(rule, problems):
    if problems:
        print("FAIL hot_layout.%s: %s" % (rule, "; ".join(problems)))
    else:
        print("PASS hot_layout.%s" % rule)
    return not problems


def main():
    if not os.path.exists(KERNEL):
        print("FAIL hot_layout.names: no %s (build first)" % KERNEL)
        return 1
    syms = symbols()
    text0 = syms["kernel_text_start"][0]
    data0 = syms["kernel_data_start"][0]
    missing, far_text, far_data = [], [], []
    for path in ("boot/hot_text.ld", "boot/hot_data.ld"):
        for kind, pat in listed(path):
            found = [n for n in syms if fnmatch.fnmatchcase(n, pat)]
            if not found:
                missing.append("%s: %s" % (path, pat))
            for n in found:
                addr, size = syms[n]
                if kind == "text" and addr + size > text0 + HOT_TEXT_PAGES * PAGE:
                    far_text.append("%s ends at %#x" % (n, addr + size))
                if kind != "text" and addr + size > data0 + PAGE:
                    far_data.append("%s ends at %#x" % (n, addr + size))
    ok = report("names", missing)
    ok = report("text", far_text) and ok
    ok = report("data", far_data) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
