#!/usr/bin/env python3
"""mkinitrd.py - pack files into the ustar archive Kestrel mounts as "/".

    mkinitrd.py OUT --dir bin FILE... --stripped-dir test FILE... --dir etc FILE...

Each FILE lands as DIR/basename. Executables get mode 0755, other files
0644; everything belongs to root (uid 0), and mtimes are 0 so the image is
byte-for-byte reproducible. In a --stripped-dir, ELF files go in without
their DWARF sections (objcopy --strip-debug). The test programs go in that
way: their debug sections are most of their size, more than the RAM of a
small machine can hold for every program at once, and host gdb reads the
build's own copies. /bin's programs keep theirs, because dbg reads them to
debug by source line.
"""
import io
import os
import subprocess
import sys
import tarfile
import tempfile


def without_debug(path):
    """The bytes of ELF file path minus its debug sections."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "stripped")
        subprocess.run(["objcopy", "--strip-debug", path, out], check=True)
        with open(out, "rb") as f:
            return f.read()


def add(tar, arcname, data, mode):
    info = tarfile.TarInfo(arcname)
    info.size = len(data)
    info.mode = mode
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    info.mtime = 0
    tar.addfile(info, io.BytesIO(data))


def add_dir(tar, name):
    info = tarfile.TarInfo(name)
    info.type = tarfile.DIRTYPE
    info.mode = 0o755
    info.mtime = 0
    tar.addfile(info)


def main(argv):
    out, rest = argv[1], argv[2:]
    entries, current, strip = [], None, False
    i = 0
    while i < len(rest):
        if rest[i] in ("--dir", "--stripped-dir"):
            current, strip = rest[i + 1], rest[i] == "--stripped-dir"
            i += 2
            continue
        entries.append((current, rest[i], strip))
        i += 1
    with tarfile.open(out + ".tmp", "w", format=tarfile.USTAR_FORMAT) as tar:
        for d in sorted({d for d, _, _ in entries if d}):
            add_dir(tar, d)
        for d, path, strip in entries:
            with open(path, "rb") as f:
                data = f.read()
            if strip and data[:4] == b"\x7fELF":
                data = without_debug(path)
            mode = 0o755 if os.access(path, os.X_OK) else 0o644
            name = os.path.basename(path)
            add(tar, "%s/%s" % (d, name) if d else name, data, mode)
    os.replace(out + ".tmp", out)


if __name__ == "__main__":
    main(sys.argv)
