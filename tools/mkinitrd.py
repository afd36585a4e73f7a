#!/usr/bin/env python3
"""mkinitrd.py - pack files into the ustar archive Kestrel mounts as "/".

    mkinitrd.py OUT --dir bin FILE... --dir test FILE... --dir etc FILE...

Each FILE lands as DIR/basename. Executables get mode 0755, other files
0644; everything belongs to root (uid 0), and mtimes are 0 so the image is
byte-for-byte reproducible.
"""
import io
import os
import sys
import tarfile


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
    entries, current = [], None
    i = 0
    while i < len(rest):
        if rest[i] == "--dir":
            current = rest[i + 1]
            i += 2
            continue
        entries.append((current, rest[i]))
        i += 1
    with tarfile.open(out + ".tmp", "w", format=tarfile.USTAR_FORMAT) as tar:
        for d in sorted({d for d, _ in entries if d}):
            add_dir(tar, d)
        for d, path in entries:
            with open(path, "rb") as f:
                data = f.read()
            mode = 0o755 if os.access(path, os.X_OK) else 0o644
            name = os.path.basename(path)
            add(tar, "%s/%s" % (d, name) if d else name, data, mode)
    os.replace(out + ".tmp", out)


if __name__ == "__main__":
    main(sys.argv)
