#!/usr/bin/env python3
"""test_bochs_debug.py - `make bochs` over a terminal, as on an SSH login.

tools/bochs_debug.py runs on a pseudo-terminal of its own (the test is the
person at the keyboard): Bochs' debugger prompt comes up, whatever listens
for the run listens on 127.0.0.1 only, the console (COM1) is reachable on
the printed local port (the shell answers a command typed there), ^C typed
at the terminal stops the guest at the debugger's prompt with Bochs still
running, and `q` ends the run cleanly. Prints "TEST bochs.NAME PASS|FAIL"
lines.
"""
import fcntl
import os
import re
import signal
import socket
import subprocess
import sys
import termios
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "tools"))
import emu  # noqa: E402
from report_lib import reporter  # noqa: E402

LOOPBACK = ("0100007F", "00000000000000000000000001000000")


report = reporter("bochs")


class Collector:
    """What a file descriptor or socket says, gathered on a thread."""

    def __init__(self, read):
        self.text = ""
        self.changed = threading.Condition()
        threading.Thread(target=self._run, args=(read,), daemon=True).start()

    def _run(self, read):
        while True:
            try:
                data = read()
            except OSError:
                data = b""
            with self.changed:
                self.text += data.decode("utf-8", "replace")
                self.changed.notify_all()
            if not data:
                return

    def wait_for(self, pattern, timeout, start=0):
        deadline = time.time() + timeout
        with self.changed:
            while not re.search(pattern, self.text[start:]):
                left = deadline - time.time()
                if left <= 0:
                    return False
                self.changed.wait(left)
        return True


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def tree(pid):
    """pid and all its descendants."""
    parents = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open("/proc/%s/stat" % d) as f:
                    parents[int(d)] = int(f.read().rsplit(")", 1)[1].split()[1])
            except OSError:
                pass
    pids, grew = {pid}, True
    while grew:
        new = {p for p, pp in parents.items() if pp in pids} - pids
        pids |= new
        grew = bool(new)
    return pids


def listening(pids):
    """(address, port) of every listening TCP socket of these processes
    that this machine's own network can reach."""
    inodes = set()
    for pid in pids:
        try:
            for fd in os.listdir("/proc/%d/fd" % pid):
                link = os.readlink("/proc/%d/fd/%s" % (pid, fd))
                if link.startswith("socket:["):
                    inodes.add(link[8:-1])
        except OSError:
            pass
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as f:
            for line in f.readlines()[1:]:
                field = line.split()
                if field[3] == "0A" and field[9] in inodes:
                    addr, port = field[1].split(":")
                    found.append((addr, int(port, 16)))
    return found


def controlling_tty():
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def main():
    if not emu.have_bochs():
        print("TEST bochs.debugger SKIP: bochs is not installed")
        return
    port = free_port()
    master, slave = os.openpty()
    proc = subprocess.Popen(
        [sys.executable, os.path.join(emu.ROOT, "tools", "bochs_debug.py"),
         emu.ISO, "--port", str(port)], stdin=slave, stdout=slave,
        stderr=slave, preexec_fn=controlling_tty, cwd=emu.ROOT)
    os.close(slave)
    term = Collector(lambda: os.read(master, 4096))
    con = None
    try:
        up = term.wait_for(r"<bochs:\d+>", 60)
        report("prompt", up, "no debugger prompt", term.text)
        socks = listening(tree(proc.pid))
        report("loopback_only", up and ("0100007F", port) in socks and
               all(a in LOOPBACK for a, _ in socks),
               "listening sockets %s (want only 127.0.0.1, the console on "
               "%d)" % (socks, port), term.text)
        report("connect_command", "127.0.0.1 %d" % port in term.text or
               "tools/console.py %d" % port in term.text,
               "no connect command for port %d printed" % port, term.text)
        os.write(master, b"c\n")
        con = socket.create_connection(("127.0.0.1", port), 10)
        # Blocking from here on: GRUB loading the initrd says nothing for
        # longer than any read timeout on a loaded machine, and a timed-out
        # recv would end the Collector (it stops at the first OSError).
        con.settimeout(None)
        console = Collector(lambda: con.recv(4096))
        # Enter at GRUB's menu, as a user would (its countdown is slow on
        # a loaded machine): the first key that goes in through the port.
        if console.wait_for(r"Press enter to boot", 240):
            con.sendall(b"\r")
        shell = console.wait_for(r"\$ ", 480)
        con.sendall(b"echo typed-over-tcp\r")
        answered = console.wait_for(r"typed-over-tcp[\s\S]*typed-over-tcp",
                                    30)
        report("console_over_tcp", shell and answered,
               "the shell did not answer on the console port", console.text)
        mark = len(term.text)
        os.write(master, b"\x03")
        stopped = term.wait_for(r"<bochs:\d+>", 30, start=mark)
        time.sleep(1)
        report("ctrl_c_stops_at_prompt", stopped and proc.poll() is None and
               "Traceback" not in term.text,
               "^C did not leave Bochs at its prompt", term.text[mark - 500:])
        os.write(master, b"q\n")
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            pass
        report("quit", proc.returncode == 0 and "Traceback" not in term.text,
               "q did not end the run cleanly (status %s)" % proc.returncode,
               term.text[-2000:])
    finally:
        if con is not None:
            con.close()
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        os.close(master)


if __name__ == "__main__":
    main()
