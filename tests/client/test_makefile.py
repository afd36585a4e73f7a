#!/usr/bin/env python3
"""test_makefile.py - the Makefile as a new user meets it.

deps_*: on a fresh machine the first `make` must install the tools before
anything needs them. The Makefile runs in a copy of the tree (links to the
real files) whose tools/deps.sh is a stand-in that logs "deps", with a PATH
whose gcc and nasm log each call: gcc fails the multilib probe
(-print-libgcc-file-name) as it does before gcc-multilib is installed.
`make -n all` must not ask gcc anything before deps has run, and a real
`make -j2` of a C and an assembly object must finish deps before the first
compiler or assembler starts.

no_rebuild_*: in the build the test driver uses, switching between the
targets (the spelling of B that run-prog and gdb-user use, OPT=...) never
leaves `make -q all` with something to do, and a rebuild that run-prog
needs is announced. opt_*: OPT= reaches every compile and has its own
build directory. Prints "TEST make.NAME PASS|FAIL: why" lines.
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "tools"))
import emu  # noqa: E402
from report_lib import reporter  # noqa: E402

ROOT = emu.ROOT
FAKE_DEPS = """#!/bin/sh
sleep 0.5
echo deps >> "$KESTREL_CALL_LOG"
"""
# A tool that logs its call, then runs the real one (gcc: not the probe).
WRAPPER = """#!/bin/sh
echo "%(name)s $*" >> "$KESTREL_CALL_LOG"
%(probe)sexec %(real)s "$@"
"""
PROBE_FAILS = """case "$*" in *-print-libgcc-file-name*) exit 1;; esac
"""


report = reporter("make")


def clean_env(**extra):
    """This environment without what an enclosing make passes down."""
    env = dict(os.environ, **extra)
    for var in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS", "KESTREL_BUILD",
                "KESTREL_DEPS_OK"):
        env.pop(var, None)
    return env


def make(*args, env=None, cwd=ROOT, timeout=600):
    run = subprocess.run(["make", "--no-print-directory"] + list(args),
                         cwd=cwd, env=env or clean_env(), capture_output=True,
                         text=True,
                         timeout=timeout, stdin=subprocess.DEVNULL)
    return run.returncode, run.stdout + run.stderr


def fresh_machine(work):
    """The stand-in tree and the environment that logs tool calls."""
    tree, bindir = os.path.join(work, "tree"), os.path.join(work, "bin")
    os.makedirs(os.path.join(tree, "tools"))
    os.makedirs(bindir)
    for name in os.listdir(ROOT):
        if name not in ("tools", "build") and not name.startswith("build-"):
            os.symlink(os.path.join(ROOT, name), os.path.join(tree, name))
    for name in os.listdir(os.path.join(ROOT, "tools")):
        if name != "deps.sh":
            os.symlink(os.path.join(ROOT, "tools", name),
                       os.path.join(tree, "tools", name))
    with open(os.path.join(tree, "tools", "deps.sh"), "w") as f:
        f.write(FAKE_DEPS)
    os.chmod(os.path.join(tree, "tools", "deps.sh"), 0o755)
    for name in ("gcc", "nasm"):
        real = subprocess.run(["sh", "-c", "command -v " + name],
                              capture_output=True, text=True).stdout.strip()
        path = os.path.join(bindir, name)
        with open(path, "w") as f:
            f.write(WRAPPER % {"name": name, "real": real,
                               "probe": PROBE_FAILS if name == "gcc" else ""})
        os.chmod(path, 0o755)
    log = os.path.join(work, "calls.log")
    env = clean_env(PATH=bindir + ":" + os.environ["PATH"],
                    KESTREL_CALL_LOG=log)
    return tree, env, log


def calls(log):
    if not os.path.exists(log):
        return []
    with open(log) as f:
        lines = f.read().splitlines()
    os.unlink(log)
    return lines


def test_deps_first():
    with tempfile.TemporaryDirectory(prefix="kestrel-fresh-") as work:
        tree, env, log = fresh_machine(work)
        build = os.path.join(work, "b")
        code, out = make("-n", "B=" + build, "all", env=env, cwd=tree)
        seen = calls(log)
        report("deps_before_parse", seen[:1] == ["deps"],
               "calls in order: %s" % seen[:5], out)
        code, out = make("-j2", "B=" + build, build + "/kernel/kprintf.o",
                         build + "/boot/multiboot.o", env=env, cwd=tree)
        seen = calls(log)
        report("deps_before_build_j2", code == 0 and seen[:1] == ["deps"] and
               any(c.startswith("nasm ") for c in seen),
               "make exit %d, calls in order: %s" % (code, seen[:5]), out)


def build_spellings():
    """B as the test driver has it (absolute) and as typed (relative)."""
    rel = os.path.relpath(emu.BUILD, ROOT)
    return [emu.BUILD] + ([rel] if not rel.startswith("..") else [])


def up_to_date(b, *extra):
    return make("-q", "B=" + b, *extra, "all")[0] == 0


def test_no_rebuild():
    spellings = build_spellings()
    ok = all(up_to_date(b) for b in spellings)
    report("no_rebuild_after_test", ok,
           "make -q all wants to rebuild after make test (B=%s)" % spellings)
    for b in spellings:
        make("B=" + b, "all")
        bad = [c for c in spellings if not up_to_date(c)]
        report("no_rebuild_after_B_" + ("abs" if os.path.isabs(b) else "rel"),
               not bad, "after make B=%s all, make -q B=%s all has work" %
               (b, bad))
    # run-prog builds the tree itself: a change it must build is announced.
    etc = os.path.join(ROOT, "etc")
    os.utime(os.path.join(etc, sorted(os.listdir(etc))[0]))
    src = os.path.join(ROOT, "tests", "runprog", "exit3.c")
    code, out = make("-s", "B=" + spellings[-1], "run-prog", "SRC=" + src)
    report("rebuild_announced", "building Kestrel" in out and
           all(up_to_date(b) for b in spellings),
           "run-prog rebuilt without saying so, or left work behind", out)


def test_opt():
    """In the stand-in tree: make -n only prints, and nothing is built."""
    with tempfile.TemporaryDirectory(prefix="kestrel-opt-") as work:
        tree, env, log = fresh_machine(work)
        code, out = make("-n", "OPT=-O0", "all", env=env, cwd=tree)
    compiles = [l for l in out.splitlines() if l.startswith("gcc ") and
                " -c " in l]
    report("opt_reaches_every_compile", compiles != [] and all(
        " -O0 " in l and " -O2 " not in l for l in compiles),
        "compiles without -O0: %s" % [l for l in compiles if " -O0 " not in
                                       l][:2], out[-2000:])
    report("opt_own_build_dir", " build-O0/kernel/" in out and
           " build/kernel/" not in out, "OPT=-O0 does not build in build-O0/",
           out[-2000:])


if __name__ == "__main__":
    test_deps_first()
    test_no_rebuild()
    test_opt()
