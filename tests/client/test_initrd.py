#!/usr/bin/env python3
"""test_initrd.py - a damaged root archive, as the kernel meets it at boot.

A copy of the initrd gets one bit changed in the padding of the header of
its first test program: nothing the kernel reads from a header but its
checksum changes. The kernel must notice (kernel/fs/initrd.c says "bad
header checksum, stopping"), still boot to the shell with the entries
before that header, and serve none from it on: neither that program nor
a file further on. Prints "TEST initrd.NAME PASS|FAIL: why" lines.
"""
import os
import shutil
import sys
import tarfile
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "tools"))
import emu  # noqa: E402
from report_lib import reporter  # noqa: E402

PAD = 500       # where a ustar header's last 12 bytes, unused, begin


report = reporter("initrd", 2000)


def damaged_copy(path):
    """Copy the initrd to path with the first test program's header
    damaged; its name and the name of a file after it."""
    shutil.copy(emu.INITRD, path)
    with tarfile.open(path) as tar:
        members = tar.getmembers()
    i = next(i for i, m in enumerate(members)
             if m.name.startswith("test/") and m.isfile())
    later = next(m for m in members[i + 1:] if m.isfile())
    with open(path, "r+b") as f:
        f.seek(members[i].offset + PAD)
        byte = f.read(1)[0]
        f.seek(members[i].offset + PAD)
        f.write(bytes([byte ^ 0x10]))
    return members[i].name, later.name


def run(q, command, marker):
    """Type command, then an echo of marker (a word used once); the output
    in between."""
    mark = len(q.output)
    q.send("%s; echo %s\"\"done\n" % (command, marker))
    q.wait_for(marker + "done\r\n", 10)
    return q.output[mark:]


def main():
    work = tempfile.mkdtemp(prefix="kestrel-initrd-")
    try:
        image = os.path.join(work, "initrd.tar")
        broken, later = damaged_copy(image)
        with emu.Qemu(initrd=image) as q:
            up = q.wait_for("$ ", 30)
            out = q.output
            report("bad_checksum_noticed",
                   "initrd: bad header checksum, stopping" in out,
                   "no word of the damaged header at boot", out)
            report("boots_with_what_came_before", up,
                   "no shell prompt", out)
            if not up:
                return
            before = run(q, "ls /bin/sh", "a")
            report("earlier_entries_served", "\n/bin/sh\n" in before and
                   "No such file" not in before,
                   "/bin/sh is missing: %r" % before)
            for name, path, marker in (
                    ("damaged_entry_refused", broken, "b"),
                    ("later_entries_refused", later, "c")):
                after = run(q, "ls /" + path, marker)
                report(name, "/%s: No such file or directory" % path in after,
                       "/%s was served: %r" % (path, after))
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
