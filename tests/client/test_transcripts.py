#!/usr/bin/env python3
"""test_transcripts.py - the sessions shown in README.md and docs/ are
replayed and compared (tools/transcript.py; docs/README.md says how a
transcript is marked). Prints "TEST transcript.FILE:LINE PASS|FAIL: why"
lines, and a FAIL for a session-like block without a marker.
"""
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


def main():
    run = subprocess.run([sys.executable, os.path.join(ROOT, "tools",
                                                       "transcript.py")],
                         capture_output=True, text=True, timeout=1200,
                         stdin=subprocess.DEVNULL)
    seen = 0
    for line in run.stdout.splitlines():
        m = re.match(r"^(PASS|FAIL) (\S+?)(?::\s+(.*))?$", line)
        if m:
            seen += 1
            print("TEST transcript.%s %s%s" % (m.group(2), m.group(1),
                                               ": " + m.group(3) if
                                               m.group(3) else ""))
    if run.returncode != 0 and seen == 0 or run.stderr.strip():
        print("TEST transcript.checker FAIL: %s" % (
            run.stderr.strip().splitlines() or ["exit %d" % run.returncode]
        )[-1])
    self_check()
    return 0


FAKE = """<!-- transcript: kestrel -->

    $ echo right
    right

<!-- transcript: kestrel continue
vary: \\d+
-->

    $ echo drifted 42
    drifted 7
    $ echo wrong
    right

An unmarked session:

    $ echo hello
    hello
"""


def self_check():
    """The checker itself: a true transcript passes, a drifted one fails
    (where vary does not cover it), an unmarked session fails."""
    with tempfile.NamedTemporaryFile("w", suffix=".md", delete=False) as f:
        f.write(FAKE)
    run = subprocess.run([sys.executable, os.path.join(ROOT, "tools",
                                                       "transcript.py"),
                          f.name], capture_output=True, text=True,
                         timeout=300, stdin=subprocess.DEVNULL)
    os.unlink(f.name)
    verdicts = re.findall(r"^(PASS|FAIL) \S+?:(\d+)", run.stdout, re.M)
    ok = verdicts == [("FAIL", "17"), ("PASS", "3"), ("FAIL", "10")] and \
        "the guide has 'right', the run printed 'wrong'" in run.stdout and \
        run.returncode == 1
    print("TEST transcript.checker_catches_drift %s%s" % (
        "PASS" if ok else "FAIL", "" if ok else ": %r" % run.stdout))


if __name__ == "__main__":
    sys.exit(main())
