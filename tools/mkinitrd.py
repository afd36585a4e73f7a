#!/usr/bin/env python3
"""mkinitrd.py - pack files into the ustar archive Kestrel mounts as "/".

    mkinitrd.py OUT --dir bin FILE... --dir test FILE... --dir etc FILE...
                    --dir-verbatim test/badelf FILE...

Each FILE lands as DIR/basename. Executables get mode 0755, other files
0644; everything belongs to root (uid 0), and mtimes are 0 so the image is
byte-for-byte reproducible. An ELF file goes in without its debugging
sections (objcopy --strip-debug): nothing inside Kestrel reads DWARF (dbg
uses the symbol table, host gdb the build directory's copies), and the
image, which GRUB and the emulators load at every boot, is a fifth of the
size. Files under --dir-verbatim go in exactly as they are (the malformed
executables that tests/os/proc_exec.c tries must stay malformed).
"""
import io
import os
import subprocess
import sys
import tarfile
import tempfile


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


def without_debug(path, data):
    """data (path's contents) without DWARF if it is an ELF file."""
    if not data.startswith(b"\x7fELF"):
        return data
    with tempfile.NamedTemporaryFile() as tmp:
        subprocess.run(["objcopy", "--strip-debug", path, tmp.name],
                       check=True)
        return tmp.read()


def main(argv):
    out, rest = argv[1], argv[2:]
    entries, current, verbatim = [], None, False
    i = 0
    while i < len(rest):
        if rest[i] in ("--dir", "--dir-verbatim"):
            current, verbatim = rest[i + 1], rest[i] == "--dir-verbatim"
            i += 2
            continue
        entries.append((current, rest[i], verbatim))
        i += 1
    with tarfile.open(out + ".tmp", "w", format=tarfile.USTAR_FORMAT) as tar:
        for d in sorted({d for d, _, _ in entries if d}):
            add_dir(tar, d)
        for d, path, verbatim in entries:
            with open(path, "rb") as f:
                data = f.read()
            if not verbatim:
                data = without_debug(path, data)
            mode = 0o755 if os.access(path, os.X_OK) else 0o644
            name = os.path.basename(path)
            add(tar, "%s/%s" % (d, name) if d else name, data, mode)
    os.replace(out + ".tmp", out)


if __name__ == "__main__":
    main(sys.argv)
