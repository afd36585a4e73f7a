#!/usr/bin/env python3
"""test_shell.py - the interactive shell on the serial console, typed at the
way a user types: the line editor (arrows, Home/End, Delete, history, ^R,
Tab completion, ^C, a line longer than the tty's buffer), cd /tmp and a
file written with > and grepped, a POSIX program built on the host run on
that file, dbg's prompt with the same editor, job control with job specifications (^Z, jobs, bg, fg, kill
-STOP/-CONT %N), what happens on exit and ^D (init starts a new shell and
says so), and poweroff. Each check sends keys and waits for the text it
expects on the console. Prints "TEST shell.NAME PASS|FAIL: why".

The session is the one a student gets from `make run-prog SRC=... PROMPT=1`
with tests/posix/sums.c (getline, strtod, stdio seeks, time), so that
program is in /bin beside the others.
"""
import os
import re
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "tools"))
import emu  # noqa: E402

PROMPT = b"$ "
PROGRAM = os.path.join(emu.ROOT, "tests", "posix", "sums.c")


class Console:
    def __init__(self):
        self.proc = subprocess.Popen(
            ["make", "-s", "--no-print-directory", "B=" + emu.BUILD,
             "run-prog", "SRC=" + PROGRAM, "PROMPT=1", "TIMEOUT=600"],
            cwd=emu.ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, start_new_session=True)
        os.set_blocking(self.proc.stdout.fileno(), False)
        self.out = b""
        self.mark = 0

    def pump(self):
        chunk = self.proc.stdout.read()
        if chunk:
            self.out += chunk
        return bool(chunk)

    def expect(self, pattern, timeout=10.0):
        """Waits for pattern (bytes or regex) in the output since the mark;
        moves the mark past it. Returns True if it came."""
        deadline = time.time() + timeout
        while True:
            tail = self.out[self.mark:]
            m = (re.search(pattern, tail) if isinstance(pattern, re.Pattern)
                 else None)
            idx = m.end() if m else (tail.find(pattern) + len(pattern)
                                     if not isinstance(pattern, re.Pattern)
                                     and pattern in tail else -1)
            if idx >= 0:
                self.mark += idx
                return True
            if time.time() > deadline or self.proc.poll() is not None:
                return False
            if not self.pump():
                time.sleep(0.03)

    def send(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def command(self, keys):
        """Types keys at a fresh prompt."""
        self.expect(PROMPT)
        self.send(keys)

    def ended(self, timeout):
        """True once make run-prog has ended, with status 0, in timeout s."""
        try:
            return self.proc.wait(timeout) == 0
        except subprocess.TimeoutExpired:
            return False

    def close(self):
        """make, run_prog.py and QEMU are one process group: all go."""
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait()

    def log(self):
        return emu.clean(self.out)[-3000:]


def report(con, name, ok, why):
    print("TEST shell.%s %s%s" % (name, "PASS" if ok else "FAIL",
                                  "" if ok else ": " + why), flush=True)
    if not ok:
        print(con.log())


def main():
    con = Console()
    try:
        ok = con.expect(PROMPT, 120)
        report(con, "prompt", ok, "no prompt")
        if not ok:
            return

        # <- then insert: the command sees "aZb", not an escape sequence.
        con.send(b"echo ab\x1b[DZ\r")
        report(con, "cursor_keys", con.expect(b"\naZb\r\n"),
               "the edited line did not run")
        # Home, Delete and End, then ^A/^E, on the serial terminal's codes.
        con.command(b"xecho one\x1b[H\x1b[3~\x1b[F two\x01\x05!\r")
        report(con, "home_end_delete", con.expect(b"\none two!\r\n"),
               "Home/Delete/End did not edit the line")
        # Up recalls the last line; a second Up the one before.
        con.command(b"\x1b[A\x1b[A\r")
        report(con, "history", con.expect(b"\naZb\r\n"),
               "Up Up did not bring back the older line")
        # ^R finds a line by what it contains.
        con.command(b"\x12Z\r")
        report(con, "reverse_search", con.expect(b"\naZb\r\n"),
               "^R did not find the line")
        # Tab completes a command name and a path.
        con.command(b"ech\t /etc/pas\t\r")
        report(con, "tab_completion", con.expect(b"\n/etc/passwd\r\n"),
               "Tab did not complete \"echo /etc/passwd\"")
        # ^C abandons the line: nothing runs, a new prompt comes at once.
        con.command(b"sleep 20\x03")
        t0 = time.time()
        ok = con.expect(b"^C\r\n" + PROMPT, 5) and time.time() - t0 < 3
        report(con, "ctrl_c_at_prompt", ok, "^C did not abandon the line")
        con.send(b"\r")
        # A line longer than the tty's 1,024-byte buffer still runs.
        con.command(b"echo " + b"x" * 1500 + b" | wc -c\r")
        report(con, "long_line", con.expect(b"\n    1501\r\n", 20),
               "the 1,500-character line did not run whole")
        # What a new user does first: cd /tmp, write a file, grep it.
        con.command(b"cd /tmp\r")
        con.command(b"echo hello > notes; echo world >> notes\r")
        con.command(b"pwd; grep -n o notes\r")
        report(con, "cd_write_grep",
               con.expect(b"\n/tmp\r\n1:hello\r\n2:world\r\n"),
               "cd /tmp, > and grep did not work at the prompt")
        # A program written elsewhere, on a file written here.
        con.command(b"printf '1.5\\n# note\\n2.25e1 kg\\n-4\\n' > data\r")
        con.command(b"sums data\r")
        report(con, "posix_program",
               con.expect(b"\ndata: 3 numbers, sum 20, mean 6.666666667\r\n"
                          b"data: the largest, 22.5, at byte 11: 2.25e1 kg\r\n"
                          b"data: 24 bytes\r\nclock set\r\n", 20),
               "sums did not read the file written at the prompt")
        # dbg reads its commands with the same editor: Home, then Up.
        con.command(b"dbg /bin/true\r")
        ok = con.expect(b"(dbg) ", 30)
        con.send(b"rint 6*7\x1b[Hp\r")
        ok = ok and con.expect(b"\r\n$1 = 42\r\n") and con.expect(b"(dbg) ")
        con.send(b"\x1b[A\r")
        ok = ok and con.expect(b"\r\n$2 = 42\r\n") and con.expect(b"(dbg) ")
        con.send(b"quit\r")
        report(con, "dbg_line_editor", ok,
               "dbg's prompt did not take Home and Up")

        # ^Z stops the foreground job; bg and fg take job specifications.
        con.command(b"sleep 30\r")
        time.sleep(1.0)
        con.send(b"\x1a")
        ok = con.expect(b"[1]+ Stopped  sleep 30")
        con.command(b"bg %1\r")
        ok = ok and con.expect(b"[1]+ sleep 30 &")
        con.command(b"jobs\r")
        ok = ok and con.expect(b"[1]+ Running  sleep 30")
        report(con, "ctrl_z_bg", ok, "^Z and bg %1 did not work")
        con.command(b"kill -STOP %1; jobs\r")
        ok = con.expect(b"[1]+ Stopped  sleep 30")
        con.command(b"kill -CONT %+; jobs\r")
        ok = ok and con.expect(b"[1]+ Running  sleep 30")
        report(con, "kill_stop_cont", ok,
               "kill -STOP/-CONT with job specs did not show in jobs")
        con.command(b"kill %sleep; wait; jobs\r")
        report(con, "kill_jobspec", con.expect(b"[1]+ Terminated  sleep 30"),
               "kill %sleep did not end the job")
        con.command(b"sleep 30\r")
        time.sleep(1.0)
        con.send(b"\x1a")
        con.expect(b"Stopped")
        con.command(b"fg %1\r")
        time.sleep(0.5)
        con.send(b"\x03")
        report(con, "fg", con.expect(b"sleep 30\r\n") and con.expect(PROMPT),
               "fg %1 did not bring the job back")

        # exit says so, and init starts a new shell; so does ^D.
        con.send(b"exit\r")
        ok = con.expect(b"exit\r\n") and con.expect(
            re.compile(rb"init: the shell exited with status \d+; starting a "
                       rb"new one"))
        report(con, "exit", ok, "exit did not say so, or no new shell")
        con.command(b"\x04")
        ok = con.expect(b"init: the shell exited with status 0") and \
            con.expect(PROMPT)
        report(con, "ctrl_d", ok, "^D did not end the shell")
        # root powers the machine off; the session ends there.
        con.command(b"poweroff\r")
        ok = con.expect(b"Powering off.", 30) and con.ended(30)
        report(con, "poweroff", ok, "the machine did not power off")
    finally:
        con.close()


if __name__ == "__main__":
    main()
