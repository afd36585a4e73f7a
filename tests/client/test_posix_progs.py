#!/usr/bin/env python3
"""test_posix_progs.py - programs written only against POSIX and ISO C
headers (tests/posix/*.c: a wc with getline and stdio seeks, a strtod
table, a strftime table, statistics with <math.h>) must compile unchanged
both on the host and with `make run-prog`, and print exactly the same on
both. A "// ARGS:" line at the top of a program gives its arguments; paths
under /etc/ are this tree's etc/ on the host, so both read the same file.
Prints "TEST posix.NAME PASS|FAIL: why".
"""
import glob
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "tools"))
import emu  # noqa: E402
from report_lib import reporter  # noqa: E402

HOST_CFLAGS = ["-std=c11", "-D_POSIX_C_SOURCE=200809L", "-O2", "-Wall",
               "-Wextra", "-Werror"]


report = reporter("posix", 4000)


def program_args(src):
    with open(src) as f:
        for _, line in zip(range(5), f):
            m = re.match(r"\s*//\s*ARGS:\s*(.*)$", line)
            if m:
                return m.group(1).split()
    return []


def on_host(src, args, work):
    exe = os.path.join(work, os.path.basename(src)[:-2])
    cc = subprocess.run(["gcc"] + HOST_CFLAGS + [src, "-o", exe, "-lm"],
                        capture_output=True, text=True)
    if cc.returncode != 0:
        return None, "host compile failed:\n" + cc.stderr
    host_args = [os.path.join(emu.ROOT, a[1:]) if a.startswith("/etc/")
                 else a for a in args]
    run = subprocess.run([exe] + host_args, capture_output=True, text=True,
                         timeout=60)
    if run.returncode != 0:
        return None, "host run exited %d:\n%s" % (run.returncode, run.stderr)
    return run.stdout, ""


def on_kestrel(src, args):
    cmd = ["make", "-s", "--no-print-directory", "B=" + emu.BUILD,
           "run-prog", "SRC=" + src, "ARGS=" + " ".join(args), "TIMEOUT=120"]
    run = subprocess.run(cmd, cwd=emu.ROOT, capture_output=True, text=True,
                         timeout=600)
    if run.returncode != 0 or "warning" in run.stderr:
        return None, "make run-prog: status %d\n%s" % (run.returncode,
                                                       run.stderr)
    return run.stdout, ""


def main():
    work = tempfile.mkdtemp(prefix="kestrel-posix-")
    try:
        for src in sorted(glob.glob(os.path.join(emu.ROOT, "tests", "posix",
                                                 "*.c"))):
            name = os.path.basename(src)[:-2]
            args = program_args(src)
            host, why = on_host(src, args, work)
            if host is None:
                report(name, False, "does not run on the host", why)
                continue
            kestrel, why = on_kestrel(src, args)
            if kestrel is None:
                report(name, False, "does not build or run on Kestrel", why)
                continue
            if kestrel != host:
                diff = [l for l in zip(host.splitlines(),
                                       kestrel.splitlines()) if l[0] != l[1]]
                report(name, False, "output differs from the host's",
                       "first difference:\n  host:    %s\n  kestrel: %s" %
                       (diff[0] if diff else ("(length)", "(length)")))
                continue
            report(name, True)
    finally:
        subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()
