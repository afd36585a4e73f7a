#!/usr/bin/env python3
"""test_runprog.py - `make run-prog` as a student uses it, on the sample
programs in tests/runprog/: the program's output is relayed (no banner, no
init report) and its status comes back: an exit code, 128+N for a death by
signal N, non-zero with a message for a timeout or a broken program. Also a
program from outside the tree, and one run under Bochs.

make itself can only exit 0 or 2, naming the recipe's status in its
"Error N" message; the exact status is checked by running the command make
runs (taken from `make -n`). Prints "TEST runprog.NAME PASS|FAIL: why".
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "tools"))
import emu  # noqa: E402
from report_lib import reporter  # noqa: E402

SAMPLES = os.path.join(emu.ROOT, "tests", "runprog")


report = reporter("runprog")


def make_args(src, args="", timeout=None, emulator=None):
    cmd = ["make", "-s", "--no-print-directory", "B=" + emu.BUILD,
           "run-prog", "SRC=" + src, "ARGS=" + args]
    if timeout is not None:
        cmd.append("TIMEOUT=%d" % timeout)
    if emulator is not None:
        cmd.append("EMU=" + emulator)
    return cmd


def run_make(src, stdin="", **kw):
    """make run-prog with this text as its input: (make's status, stdout,
    stderr, seconds)."""
    start = time.time()
    r = subprocess.run(make_args(src, **kw), cwd=emu.ROOT, capture_output=True,
                       text=True, timeout=600, input=stdin)
    return r.returncode, r.stdout, r.stderr, time.time() - start


def run_direct(src, stdin="", **kw):
    """The run_prog.py command make runs, run directly: its exact status."""
    n = subprocess.run(make_args(src, **kw)[:3] + ["-n"] + make_args(src, **kw)[3:],
                       cwd=emu.ROOT, capture_output=True, text=True)
    lines = n.stdout.replace("\\\n", " ").splitlines()
    cmd = [l for l in lines if "tools/run_prog.py" in l][0]
    r = subprocess.run(cmd, shell=True, cwd=emu.ROOT, capture_output=True,
                       text=True, timeout=600, input=stdin)
    return r.returncode, r.stdout, r.stderr


def checksum(text):
    """reader.c's sum of its input."""
    s = 0
    for b in text.encode():
        s = (s * 31 + b) & 0xffffffff
    return s


def check(name, src, want_status, want_out, **kw):
    code, out, err, secs = run_make(src, **kw)
    log = "make status %d after %.1f s\n--- stdout\n%s\n--- stderr\n%s" % (
        code, secs, out, err)
    m = re.search(r"Error (\d+)", err)
    if want_status == 0:
        ok, why = code == 0, "make failed for a program that exited 0"
    else:
        ok = code != 0 and m is not None and int(m.group(1)) == want_status
        why = "make did not report status %d" % want_status
    if ok and want_out is not None and out != want_out:
        ok, why = False, "output %r, expected %r" % (out, want_out)
    if ok:
        status, dout, derr = run_direct(src, **kw)
        ok = status == want_status and (want_out is None or dout == want_out)
        why = "run_prog.py exited %d, expected %d" % (status, want_status)
        log += "\n--- direct stdout\n%s\n--- direct stderr\n%s" % (dout, derr)
    report(name, ok, why, log)
    return code, out, err


def main():
    check("exit_status_and_output", os.path.join(SAMPLES, "exit3.c"), 3,
          "hello from exit3\nno newline at the end")
    check("killed_by_sigsegv", os.path.join(SAMPLES, "segv.c"), 139,
          "about to fault\n")
    check("argv_and_reexec", os.path.join(SAMPLES, "argv.c"), 7,
          "arguments ok: alpha beta 42\nre-executed as /bin/argv\n",
          args="alpha beta 42")
    check("args_as_written", os.path.join(SAMPLES, "echoargs.c"), 5,
          "[--verbose]\n[-x]\n[a'b]\n[c\"d]\n[$HOME]\n",
          args="--verbose -x a'b c\"d $HOME")
    check("stdin_piped", os.path.join(SAMPLES, "reader.c"), 0,
          "> hello\n> world\n> no newline\n"
          "end of input: 22 bytes, 2 lines, sum %d\n" %
          checksum("hello\nworld\nno newline"),
          stdin="hello\nworld\nno newline")
    check("stdin_empty", os.path.join(SAMPLES, "reader.c"), 0,
          "end of input: 0 bytes, 0 lines, sum 0\n")
    big = "".join("line %05d of the input, nothing lost\n" % i
                  for i in range(3000))
    check("stdin_large", os.path.join(SAMPLES, "reader.c"), 0,
          "end of input: %d bytes, 3000 lines, sum %d\n" %
          (len(big), checksum(big)), stdin=big, args="-q")

    start = time.time()
    code, out, err, _ = run_make(os.path.join(SAMPLES, "hang.c"), timeout=3)
    secs = time.time() - start
    report("timeout", code != 0 and "timed out" in err and secs < 60 and
           out == "spinning forever\n",
           "status %d, %.0f s, stderr %r" % (code, secs, err[-200:]),
           out + err)

    with tempfile.TemporaryDirectory(prefix="kestrel-outside-") as d:
        src = os.path.join(d, "elsewhere.c")
        with open(os.path.join(SAMPLES, "exit3.c")) as f:
            text = f.read()
        with open(src, "w") as f:
            # Warnings do not stop a program written elsewhere.
            f.write(text.replace("main(void)", "main(int argc, char **argv)"))
        check("source_outside_the_tree", src, 3,
              "hello from exit3\nno newline at the end")
        bad = os.path.join(d, "broken.c")
        with open(bad, "w") as f:
            f.write("int main(void) { return undefined_thing; }\n")
        code, out, err, _ = run_make(bad)
        report("compile_error", code != 0 and "does not compile" in err and
               "undefined_thing" in err, "status %d, stderr %r" %
               (code, err[-300:]), out + err)

    if not emu.have_bochs():
        print("TEST runprog.bochs SKIP: bochs is not installed")
    else:
        check("bochs", os.path.join(SAMPLES, "exit3.c"), 3,
              "hello from exit3\nno newline at the end", emulator="bochs",
              timeout=300)
    return 0


if __name__ == "__main__":
    shutil.which("make") or sys.exit("make is not installed")
    sys.exit(main())
