#!/usr/bin/env python3
"""test_gdb_user.py - `make gdb-user` as docs/debugging.md has a student use it.

PROG=demo and SRC=a file from outside the tree: make boots Kestrel with the
stub, prints the one gdb command that connects; the test runs exactly that
command (with -batch and a few -ex of its own) and checks that the symbol
file is the binary the image carries and that the session works to the
program's end. Prints "TEST gdb.NAME PASS|FAIL: why" lines.
"""
import os
import re
import shlex
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gdbstub_lib import free_port, report  # noqa: E402
import emu  # noqa: E402

COMMAND = re.compile(r"^\s*(gdb (?:-iex '[^']*' )?(\S+) "
                     r"-ex 'target remote :(\d+)')\s*$", re.M)
PROGRAM = r"""
#include <stdio.h>

int hits;
double scale = 1.5;

__attribute__((noinline)) int
twice(int x)
{
	hits++;
	return 2 * x;
}

int
main(void)
{
	int i, sum = 0;

	for (i = 0; i < 4; i++)
		sum += twice(i);
	printf("sum = %d, scaled = %.1f\n", sum, sum * scale);
	return sum;
}
"""


class MakeGdbUser:
    """`make gdb-user ...` running in the background, its output collected."""

    def __init__(self, *assignments):
        self.port = free_port()
        cmd = ["make", "-s", "--no-print-directory", "B=" + emu.BUILD,
               "gdb-user", "PORT=%d" % self.port] + list(assignments)
        self.proc = subprocess.Popen(cmd, cwd=emu.ROOT, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT)
        self.output = ""
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        while True:
            chunk = self.proc.stdout.read1(4096)
            if not chunk:
                break
            self.output += emu.clean(chunk)

    def command(self, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline and self.proc.poll() is None:
            m = COMMAND.search(self.output)
            if m:
                return m
            time.sleep(0.1)
        return COMMAND.search(self.output)

    def finish(self, timeout=30):
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.reader.join(2)


def run_printed(m, *commands):
    """The printed command as a student runs it in the checkout (where the
    kernel's .gdbinit lies), in batch mode with these commands."""
    argv = shlex.split(m.group(1))
    argv[1:1] = ["-batch", "-ex", "set pagination off"]
    for c in commands:
        argv += ["-ex", c]
    try:
        run = subprocess.run(argv, capture_output=True, text=True, timeout=60,
                             stdin=subprocess.DEVNULL, cwd=emu.ROOT)
        return run.stdout + run.stderr
    except subprocess.TimeoutExpired:
        return "(gdb timed out)"


def test_prog():
    g = MakeGdbUser("PROG=demo")
    m = g.command()
    log = run_printed(m, "break step_b", "continue", "bt", "delete",
                      "continue") if m else ""
    g.finish()
    report("make_gdb_user_prog", m is not None and
           m.group(2) == os.path.join(emu.BUILD, "bin", "demo") and
           int(m.group(3)) == g.port,
           "no command naming BUILD/bin/demo and the port", g.output)
    report("make_gdb_user_command_quiet", m is not None and "auto-load" not in
           log and "warning" not in log.lower(),
           "the printed gdb command warns in the checkout", log)
    report("make_gdb_user_prog_session", "step_b (x=0)" in log and
           "in main (" in log and "exited with code 0132]" in log and
           "init: job exited with status 90" in g.output,
           "the printed command did not debug demo to its end",
           log + g.output)


def test_src():
    work = tempfile.mkdtemp(prefix="kestrel-gdbsrc-")
    src = os.path.join(work, "twice.c")
    with open(src, "w") as f:
        f.write(PROGRAM)
    g = MakeGdbUser("SRC=" + src)
    m = g.command()
    log = run_printed(m, "break twice", "continue", "continue", "bt",
                      "print hits", "print scale", "up", "info locals",
                      "delete", "continue") \
        if m else ""
    g.finish()
    os.unlink(src)
    os.rmdir(work)
    report("make_gdb_user_src", m is not None and
           m.group(2) == os.path.join(emu.BUILD, "gdb-user", "twice"),
           "no command naming the built program", g.output)
    report("make_gdb_user_src_session", "twice (x=1)" in log and
           "in main ()" in log and "$1 = 1" in log and "$2 = 1.5" in log and
           "exited with code 014]" in log and "sum = 12, scaled = 18.0" in
           g.output, "the SRC program was not debuggable to its end",
           log + g.output)
    report("make_gdb_user_src_locals", "i = 1" in log and "sum = 0" in log and
           "optimized out" not in log,
           "main's locals are not visible (SRC not built with -O0?)", log)


def main():
    # One after the other: both run make in the same build directory.
    test_prog()
    test_src()


if __name__ == "__main__":
    main()
