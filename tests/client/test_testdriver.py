#!/usr/bin/env python3
"""test_testdriver.py - the test driver itself must not lie.

A test program that ends badly fails, whatever it printed before: a host
test that prints a PASS line and then aborts, one that exits with status 3
after a PASS, one that prints nothing; a client script that exits 3 after a
PASS line, one killed by a signal, one that prints nothing; an in-OS suite
whose job exits non-zero, dies of a signal, or reports nothing. A
well-behaved program of each kind still passes.

The host and client cases run the real driver (a copy of tools/ in a
temporary tree whose tests/ holds only the fake programs) and read its
verdict lines; the in-OS cases hand made-up boots to the driver's reporting
code. Prints "TEST driver.NAME PASS|FAIL: why" lines.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

TOOLS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                     "tools")
sys.path.insert(0, TOOLS)
import emu  # noqa: E402
from report_lib import reporter  # noqa: E402
import testdriver  # noqa: E402

HOST = {
    "good": 'puts("PASS one"); return 0;',
    "abort": 'puts("PASS one"); fflush(stdout); abort();',
    "exit3": 'puts("PASS one"); return 3;',
    "silent": 'return 0;',
}
CLIENT = {
    "good": 'print("TEST fake.good_one PASS")',
    "exit3": 'print("TEST fake.exit3_one PASS", flush=True)\nsys.exit(3)',
    "killed": 'print("TEST fake.killed_one PASS", flush=True)\n'
              'os.kill(os.getpid(), signal.SIGKILL)',
    "silent": 'pass',
}


report = reporter("driver")


def fake_tree(work):
    """A tree with the driver and only the fake test programs."""
    shutil.copytree(TOOLS, os.path.join(work, "tools"),
                    ignore=shutil.ignore_patterns("__pycache__"))
    for sub in ("host", "client", "os"):
        os.makedirs(os.path.join(work, "tests", sub))
    for name, body in HOST.items():
        with open(os.path.join(work, "tests", "host",
                               "test_fake_%s.c" % name), "w") as f:
            f.write("#include <stdio.h>\n#include <stdlib.h>\n"
                    "int\nmain(void)\n{\n\t%s\n}\n" % body)
    for name, body in CLIENT.items():
        with open(os.path.join(work, "tests", "client",
                               "test_fake_%s.py" % name), "w") as f:
            f.write("import os\nimport signal\nimport sys\n%s\n" % body)


def run_driver(work):
    env = dict(os.environ, KESTREL_BUILD=os.path.join(work, "build"))
    run = subprocess.run([sys.executable, os.path.join(work, "tools",
                                                       "testdriver.py"),
                          "--only", "fake"], cwd=work, env=env,
                         capture_output=True, text=True, timeout=300)
    return run.returncode, run.stdout + run.stderr


def failed_names(out):
    return set(re.findall(r"^FAIL (\S+?):? ", out + "\n", re.M))


def test_host_and_client():
    with tempfile.TemporaryDirectory(prefix="kestrel-driver-") as work:
        fake_tree(work)
        code, out = run_driver(work)
    fails = failed_names(out)
    for kind, names in (("host", HOST), ("client", CLIENT)):
        for name in names:
            prog = "%s.test_fake_%s" % (kind, name)
            if name == "good":
                report("%s_good_passes" % kind, not any(
                    f.startswith(prog) for f in fails) and "PASS" in out,
                    "a well-behaved program failed", out)
            else:
                report("%s_%s_fails" % (kind, name), prog in fails,
                       "no FAIL line for %s" % prog, out)
    m = re.search(r"^(\d+) passed, (\d+) failed$", out, re.M)
    report("exit_status", code == 1 and m is not None and
           int(m.group(2)) == len(HOST) + len(CLIENT) - 2,
           "driver exit %d, summary %s" % (code, m and m.group(0)), out)


class Collect:
    """Stands in for the driver's Results: keeps the verdicts."""

    def __init__(self):
        self.failed = 0
        self.lines = []

    def add(self, name, verdict, why="", log=""):
        self.lines.append((name, verdict, why))
        if verdict == "FAIL":
            self.failed += 1


def suite_verdict(output, code):
    res = Collect()
    boot = emu.Boot(output, code, False, 1.0)
    testdriver.report_test_lines(res, boot, "", suite="fake")
    return res


def test_in_os():
    ran = "init: running job /test/fake\nTEST fake.one PASS\n"
    res = suite_verdict(ran + "init: job exited with status 0\n", 0)
    report("os_good_passes", res.failed == 0, "failed: %s" % res.lines)
    res = suite_verdict(ran + "init: job exited with status 3\n", 3)
    report("os_exit3_fails", res.failed == 1,
           "a suite that exits 3 gave %s" % res.lines)
    res = suite_verdict(ran + "init: job /test/fake killed by signal 6\n"
                        "init: job exited with status 134\n", 134)
    report("os_signal_fails", res.failed == 1,
           "a suite killed by SIGABRT gave %s" % res.lines)
    res = suite_verdict("init: running job /test/fake\n"
                        "init: job exited with status 0\n", 0)
    report("os_silent_fails", res.failed == 1,
           "a suite without verdicts gave %s" % res.lines)


if __name__ == "__main__":
    test_host_and_client()
    test_in_os()
