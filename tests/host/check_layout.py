#!/usr/bin/env python3
"""check_layout.py - the rules of the source tree that a grep can check.

  proc_mi      proc/ is machine-independent: no register name, no segment
               selector, no trap-frame or pcb field, no EFLAGS bit, no inline
               assembly and no assembly file. What proc/ needs of the CPU it
               asks for through the small functions of kernel/i386/ (cpu_fork,
               cpu_switch, exec_setregs, ...).
  vm_no_proc   vm/ includes nothing from proc/: memory management does not
               know what a process is.
  user_only    user/ includes only headers under user/: programs and the
               libc build against user/include and their own folders, never
               against kernel headers.
  doc_paths    every file path that README.md or docs/ mentions exists.

Prints "PASS layout.RULE" or "FAIL layout.RULE: file:line: what" lines for
tools/testdriver.py. Run from anywhere; paths are from the repository root.
"""
import glob
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))

# Names that only machine-dependent code may write. Matched as whole words,
# outside #include lines; the register names in any case (comments say EAX).
MD_WORDS = re.compile(
    r"\b(e[abcd]x|e[sd]i|e[sb]p|eip|eflags|cr[0-4]|dr[0-7]|mxcsr)\b", re.I)
MD_CODE = re.compile(
    r"\b([cdefgs]s"                 # segment registers
    r"|tf_\w+|TRAPF_\w+"            # the trap frame
    r"|pcb_\w+|md_\w+"              # the pcb and struct mdthread
    r"|PSL_\w+|CR[0-4]_\w+|DR[67]_\w+|DBREG_\w+|PG_[A-Z]+"
    r"|\w+_SEL|GSEL|SEL_\w+)\b"     # selectors
    r"|\b(asm|__asm|__asm__)\s*(volatile|__volatile__)?\s*\(")
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
# File names in comments ("kernel/fs/file.c", "swtch.asm") are not code.
FILE_NAME = re.compile(r"[\w.-]*/[\w./-]*|\b\w+\.(?:c|h|asm|inc|md|py)\b")


def lines(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        for n, line in enumerate(f, 1):
            yield n, line


def rel(path):
    return os.path.relpath(path, ROOT)


def sources(folder, exts=("c", "h")):
    out = []
    for ext in exts:
        out += glob.glob(os.path.join(ROOT, folder, "**", "*." + ext),
                         recursive=True)
    return sorted(out)


def check_proc_mi():
    bad = [rel(p) + ": assembly file"
           for p in sources("proc", ("asm", "S", "s"))]
    for path in sources("proc"):
        for n, line in lines(path):
            if INCLUDE.match(line):
                continue
            line = FILE_NAME.sub(" ", line)
            m = MD_WORDS.search(line) or MD_CODE.search(line)
            if m:
                bad.append("%s:%d: %s" % (rel(path), n, m.group(0)))
    return bad


def check_vm_no_proc():
    bad = []
    for path in sources("vm", ("c", "h", "asm")):
        for n, line in lines(path):
            m = INCLUDE.match(line)
            if m and m.group(2).startswith("proc/"):
                bad.append("%s:%d: includes %s" % (rel(path), n, m.group(2)))
    return bad


def check_user_only():
    bad = []
    user = os.path.join(ROOT, "user")
    for path in sources("user"):
        for n, line in lines(path):
            m = INCLUDE.match(line)
            if not m:
                continue
            name = m.group(2)
            if m.group(1) == "<":
                ok = not re.match(r"(kernel|proc|vm|boot)/", name) and \
                    ".." not in name
            else:
                found = [os.path.normpath(os.path.join(d, name))
                         for d in (os.path.dirname(path), user)
                         if os.path.exists(os.path.join(d, name))]
                ok = bool(found) and \
                    found[0].startswith(user + os.sep)
            if not ok:
                bad.append("%s:%d: includes %s" % (rel(path), n, name))
    return bad


# A path in the guide: a top-level folder, then names; globs and the
# placeholder NAME stand for many files and are not checked.
DOC_PATH = re.compile(
    r"(?<![\w/.])((?:boot|kernel|vm|proc|user|tools|tests|docs|etc)"
    r"/[A-Za-z0-9_./-]*[A-Za-z0-9_/])")


def check_doc_paths():
    bad = []
    docs = [os.path.join(ROOT, "README.md")] + sources("docs", ("md",))
    for path in docs:
        for n, line in lines(path):
            for m in DOC_PATH.finditer(line):
                p = m.group(1)
                if "NAME" in p or "*" in line[m.end():m.end() + 1]:
                    continue
                if not os.path.exists(os.path.join(ROOT, p)):
                    bad.append("%s:%d: %s does not exist" % (rel(path), n, p))
    return bad


RULES = [
    ("proc_mi", check_proc_mi),
    ("vm_no_proc", check_vm_no_proc),
    ("user_only", check_user_only),
    ("doc_paths", check_doc_paths),
]


def main():
    failed = 0
    for name, fn in RULES:
        bad = fn()
        if bad:
            failed += 1
            print("FAIL layout.%s: %s%s" % (name, "; ".join(bad[:8]),
                  " (and %d more)" % (len(bad) - 8) if len(bad) > 8 else ""))
        else:
            print("PASS layout.%s" % name)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
