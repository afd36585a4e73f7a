#!/usr/bin/env python3
"""transcript.py - every transcript in the guide comes from a real run.

A transcript is a code block (indented or fenced) right after a marker:

    <!-- transcript: KIND [continue]
    boot: KERNEL OPTIONS
    prog: NAME ARGS
    vary: REGEX
    -->

KIND says how it is replayed (tools/replay.py):

  kestrel   typed at Kestrel's shell. A line that starts with a prompt
            ("$ " for the shell, "(dbg) " for dbg) is typed, the rest is
            what Kestrel prints; `boot:` adds kernel options. `continue`
            goes on with the session of the file's previous transcript.
  gdb-user  host gdb on /bin/NAME through Kestrel's stub, as `make gdb-user
            PROG=NAME ARGS=...` serves it (`prog: NAME ARGS`): an optional
            first line "$ gdb ...", then "(gdb) CMD" lines and gdb's output.
  qemu-gdb  host gdb on the kernel, as `make qemu-gdb` (the -O0 build) and
            the checked-in .gdbinit have it; `boot:` is make's CMDLINE.
  make      a make command on the host: the first line is "$ make ...",
            then its output, as far as the block goes.

Each `vary:` line is a regular expression for text that differs from run to
run (a pid, an address, a time): what it matches is set aside on both
sides, so the guide shows real values. A line that is just "..." stands for
any number of lines. Trailing white space does not count.

    python3 tools/transcript.py [--update] [--only REGEX] [FILE.md ...]

replays the marked transcripts of the files (default README.md and docs/)
and prints "PASS file:line" or "FAIL file:line: the first difference"; a
code block of more than one line that looks like a transcript (a line
starts with "$ ", "(dbg) " or "(gdb) ") fails without a marker too.
--update writes what each failing run printed into the file (then put back
its "..." lines). tests/client/test_transcripts.py runs this in make test.
"""
import argparse
import glob
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import emu  # noqa: E402
import replay  # noqa: E402

ROOT = emu.ROOT
MARKER = re.compile(r"^<!--\s*transcript:\s*(.*)$")
KINDS = ("kestrel", "gdb-user", "qemu-gdb", "make")
LOOKS_LIKE = re.compile(r"^(\$ |\(dbg\) |\(gdb\) )")
ANY = "..."


class Block:
    """One marked transcript: where it is, how to replay it, its lines."""

    def __init__(self, path, start, end, indent, kind, opts, lines):
        self.path, self.start, self.end, self.indent = path, start, end, indent
        self.kind, self.opts, self.lines = kind, opts, lines
        self.vary = [re.compile(v) for v in opts.get("vary", [])]

    def where(self):
        return "%s:%d" % (os.path.relpath(self.path, ROOT), self.start + 1)


def code_block(text, i):
    """The code block starting at line i (after blank lines): (first line,
    end, indent, lines, info), info being a fenced block's language (an
    example in ```markdown is not a transcript), or None."""
    while i < len(text) and not text[i].strip():
        i += 1
    if i == len(text):
        return None
    if text[i].startswith("```"):
        end = i + 1
        while end < len(text) and not text[end].startswith("```"):
            end += 1
        return i + 1, end, "", text[i + 1:end], text[i][3:].strip()
    if not text[i].startswith("    "):
        return None
    end = i
    while end < len(text) and (text[end].startswith("    ") or (
            not text[end].strip() and end + 1 < len(text) and
            text[end + 1].startswith("    "))):
        end += 1
    return i, end, "    ", [line[4:] for line in text[i:end]], ""


def parse(path):
    """(marked blocks, [(line, why)] of unmarked transcript-like blocks)."""
    with open(path) as f:
        text = f.read().split("\n")
    blocks, problems, marked_at = [], [], set()
    i, fenced = 0, False
    while i < len(text):
        if text[i].startswith("```"):
            fenced = not fenced     # a marker shown in an example is not one
        m = None if fenced else MARKER.match(text[i])
        if not m:
            i += 1
            continue
        head, j = [m.group(1)], i
        while "-->" not in head[-1]:
            j += 1
            head.append(text[j])
        head[-1] = head[-1].split("-->")[0]
        words = head[0].split()
        kind = words[0] if words else ""
        opts = {"continue": "continue" in words[1:], "vary": []}
        for line in head[1:]:
            key, _, value = line.strip().partition(":")
            if key == "vary":
                opts["vary"].append(value.strip())
            elif key:
                opts[key] = value.strip()
        found = code_block(text, j + 1)
        if kind not in KINDS or found is None:
            problems.append((i + 1, "a transcript marker with %s" % (
                "no code block after it" if found is None else
                "an unknown kind %r" % kind)))
        else:
            blocks.append(Block(path, *found[:3], kind, opts, found[3]))
            marked_at.add(found[0])
        i = j + 1
    i = 0
    while i < len(text):
        found = code_block(text, i) if (i == 0 or not text[i - 1].strip()) \
            else None
        if found is None:
            i += 1
            continue
        lines = found[3]
        if found[0] not in marked_at and not found[4] and len(lines) > 1 \
                and any(
                LOOKS_LIKE.match(line) for line in lines):
            problems.append((found[0] + 1, "a transcript without a marker"))
        i = max(found[1], i + 1)
    return blocks, problems


def normalize(lines, vary):
    out = []
    for line in lines:
        line = line.replace("\r", "").rstrip()
        for rx in vary:
            line = rx.sub("<varies>", line)
        out.append(line)
    return out


def compare(want, got, prefix=False):
    """None if the run's lines got fit the transcript's want, else the
    first difference. prefix: the run may go on after the transcript."""
    i = j = 0
    while i < len(want):
        if want[i] == ANY:
            i += 1
            if i == len(want):
                return None
            while j < len(got) and got[j] != want[i]:
                j += 1
            if j == len(got):
                return "line %d, %r, never comes" % (i + 1, want[i])
            continue
        if j == len(got):
            return "the run ended before line %d, %r" % (i + 1, want[i])
        if got[j] != want[i]:
            return "line %d: the guide has %r, the run printed %r" % (
                i + 1, want[i], got[j])
        i += 1
        j += 1
    while not prefix and j < len(got) and not got[j]:
        j += 1
    if not prefix and j < len(got):
        return "the run printed more after the last line: %r" % got[j]
    return None


def check(block, sessions):
    """Replay one block; (ok, message, the run's lines)."""
    try:
        got, prefix = replay.run(block, sessions)
    except replay.ReplayError as e:
        return False, str(e), None
    want = normalize(block.lines, block.vary)
    why = compare(want, normalize(got, block.vary), prefix)
    return why is None, why or "", got


def update(block, got):
    with open(block.path) as f:
        text = f.read().split("\n")
    text[block.start:block.end] = [(block.indent + line).rstrip()
                                   for line in got]
    with open(block.path, "w") as f:
        f.write("\n".join(text))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="*")
    ap.add_argument("--only", help="replay only blocks whose file:line "
                    "matches this regular expression")
    ap.add_argument("--update", action="store_true")
    args = ap.parse_args()
    files = args.files or [os.path.join(ROOT, "README.md")] + sorted(
        glob.glob(os.path.join(ROOT, "docs", "**", "*.md"), recursive=True))
    failed = 0
    with replay.Sessions() as sessions:
        for path in files:
            blocks, problems = parse(os.path.abspath(path))
            for line, why in problems:
                print("FAIL %s:%d: %s" % (os.path.relpath(path, ROOT), line,
                                          why))
                failed += 1
            # Updates go bottom up, so the line numbers above stay right.
            pending = []
            for block in blocks:
                if args.only and not re.search(args.only, block.where()):
                    continue
                ok, why, got = check(block, sessions)
                print("%s %s%s" % ("PASS" if ok else "FAIL", block.where(),
                                   "" if ok else ": " + why))
                sys.stdout.flush()
                if not ok:
                    failed += 1
                    if args.update and got is not None:
                        pending.append((block, got))
            for block, got in reversed(pending):
                update(block, got)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
