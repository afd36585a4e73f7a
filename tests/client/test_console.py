#!/usr/bin/env python3
"""test_console.py - the console's other half: the PS/2 keyboard and the VGA
text screen, driven through QEMU's monitor the way a user at `make run-gui`
would use them. Keys typed with `sendkey` must reach the shell (its output
appears on COM1), and the VGA text buffer (read with `pmemsave`) must show
what a serial terminal would: the line editor's arrows, Home, Delete,
history and Tab from the keyboard; the terminal's own editing in canonical
mode (Backspace, ^U) under `cat`, and ^D; ^Z and ^C for job control; ^L
and other escape sequences drawn on the screen. Then, on the same machine:
the real-time clock against the host's, and poweroff (refused to a user,
obeyed for root). Prints "TEST console.NAME ..." lines.
"""
import os
import re
import socket
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "tools"))
import emu  # noqa: E402
from report_lib import reporter  # noqa: E402

# Characters and the QEMU key that types them ("shift-" added for the rest).
KEYS = {" ": "spc", "\n": "ret", "-": "minus", "/": "slash", ".": "dot",
        "'": "apostrophe", "\\": "backslash", "[": "bracket_left",
        ";": "semicolon", "=": "equal", ",": "comma", "\t": "tab"}
SHIFTED = {"+": "equal", "%": "5", "|": "backslash", '"': "apostrophe",
           ":": "semicolon", "_": "minus", "!": "1", "&": "7"}


report = reporter("console", 2000)


def drain(sock):
    try:
        while sock.recv(4096):
            pass
    except socket.timeout:
        pass


def monitor(sock, cmd):
    """Send a monitor command and wait for the prompt that follows it."""
    drain(sock)
    sock.sendall((cmd + "\n").encode())
    buf, deadline = b"", time.time() + 10
    while b"\n(qemu)" not in buf and time.time() < deadline:
        try:
            buf += sock.recv(4096)
        except socket.timeout:
            pass
    return buf


def key(sock, name):
    monitor(sock, "sendkey " + name)


def type_text(sock, text):
    for ch in text:
        if ch in KEYS:
            key(sock, KEYS[ch])
        elif ch in SHIFTED:
            key(sock, "shift-" + SHIFTED[ch])
        elif ch.isupper():
            key(sock, "shift-" + ch.lower())
        else:
            key(sock, ch)


class Screen:
    """The VGA text buffer: 25 rows of 80 cells, character and attribute."""

    def __init__(self, sock, path):
        reply = monitor(sock, "pmemsave 0xb8000 4000 \"%s\"" % path)
        deadline = time.time() + 10
        while time.time() < deadline and not (
                os.path.exists(path) and os.path.getsize(path) == 4000):
            time.sleep(0.1)
        self.cells = b""
        if os.path.exists(path):
            with open(path, "rb") as f:
                self.cells = f.read()
            os.unlink(path)
        self.error = "" if self.cells else "pmemsave failed: %r" % reply

    def row(self, r):
        return self.cells[r * 160:(r + 1) * 160:2].decode("latin-1")

    def attr(self, r, c):
        return self.cells[r * 160 + c * 2 + 1]

    def text(self):
        return self.error or "\n".join(self.row(r).rstrip()
                                       for r in range(25))


def settle(q, text, count, timeout=10):
    """Wait until text has appeared count times on COM1."""
    return q.wait_until(lambda raw: raw.count(text) >= count, timeout)


def editing(q, sock, screen):
    """The line editor, typed on the keyboard."""
    type_text(sock, "echo ab")
    key(sock, "left")
    type_text(sock, "Z\n")
    ok = settle(q, "aZb", 1)
    report("keyboard_arrows", ok, "<- did not move the cursor",
           q.output)
    q.wait_for("$ ")
    type_text(sock, "xecho hi")
    key(sock, "home")
    key(sock, "delete")
    key(sock, "end")
    type_text(sock, "!\n")
    report("keyboard_home_delete_end", settle(q, "hi!", 1),
           "Home, Delete or End did nothing", q.output)
    key(sock, "up")
    key(sock, "up")
    key(sock, "ret")
    report("keyboard_history", settle(q, "aZb", 2),
           "Up Up did not bring back the older line", q.output)
    type_text(sock, "ech\t tabbed\n")
    report("keyboard_tab", settle(q, "tabbed\r\n", 1),
           "Tab did not complete echo", q.output)
    s = screen()
    report("vga_shows_editing", "aZb" in s and "hi!" in s and
           "tabbed" in s, "the screen does not show the edited lines", s)


def canonical(q, sock, screen):
    """The terminal's own editing (cat reads in canonical mode)."""
    type_text(sock, "cat\n")
    time.sleep(0.5)
    type_text(sock, "abc")
    key(sock, "backspace")
    type_text(sock, "d\n")
    ok = q.wait_until(lambda raw: "d\r\nabd\r\n" in raw, 10)
    report("canonical_backspace", ok, "Backspace did not erase in cat's line",
           q.output)
    type_text(sock, "junk")
    key(sock, "ctrl-u")
    type_text(sock, "kept\n")
    ok = q.wait_until(lambda raw: "kept\r\nkept\r\n" in raw, 10)
    report("canonical_kill", ok, "^U did not erase the line", q.output)
    s = screen()
    rows = [line.strip() for line in s.splitlines()]
    report("vga_canonical_echo", rows.count("abd") == 2 and
           rows.count("kept") == 2 and "junk" not in s,
           "the erased echo is not what the screen shows", s)
    prompts = q.raw.count("$ ")
    key(sock, "ctrl-d")
    report("canonical_eof", settle(q, "$ ", prompts + 1),
           "^D did not end cat", q.output)


def job_control(q, sock):
    type_text(sock, "sleep 30\n")
    time.sleep(1.0)
    key(sock, "ctrl-z")
    ok = q.wait_for("[1]+ Stopped  sleep 30", 10)
    type_text(sock, "fg\n")
    time.sleep(1.0)
    before = q.raw.count("$ ")
    key(sock, "ctrl-c")
    ok = ok and settle(q, "$ ", before + 1)
    report("keyboard_job_control", ok, "^Z, fg and ^C did not work",
           q.output)


def escapes(q, sock, screen):
    """^L clears the screen; cursor addressing and colours are drawn."""
    key(sock, "ctrl-l")
    time.sleep(0.5)
    s = Screen(sock, screen.path)
    blank = all(s.row(r).strip() == "" for r in range(1, 25))
    report("vga_ctrl_l_clears", s.row(0).startswith("$ ") and blank,
           "^L did not clear the screen", s.text())
    type_text(sock, "printf '\\033[2J\\033[5;10HXY\\033[1;31mR\\033[0m\\n'\n")
    time.sleep(1.0)
    s = Screen(sock, screen.path)
    ok = s.row(4)[9:12] == "XYR" and s.attr(4, 11) == 0x0c and \
        s.attr(4, 9) == 0x07
    report("vga_ansi", ok, "ESC[5;10H and ESC[1;31m were not drawn: %r" %
           s.row(4)[:20], s.text())


def rtc(q, sock):
    mark = len(q.raw)
    stamp = re.compile(r"^(\d{9,11})\n", re.M)    # the whole line, not a prefix
    type_text(sock, "date +%s\n")
    now = time.time()
    ok = q.wait_until(
        lambda raw: stamp.search(raw[mark:].replace("\r\n", "\n")), 10)
    m = stamp.search(q.raw[mark:].replace("\r\n", "\n"))
    secs = int(m.group(1)) if m else 0
    report("rtc_is_the_hosts_clock", ok and abs(secs - now) < 10,
           "date +%%s says %d, the host %d" % (secs, now), q.output)


def poweroff(q, sock):
    type_text(sock, "su 1000 poweroff\n")
    ok = q.wait_for("poweroff: Operation not permitted", 10)
    report("poweroff_refused_to_a_user", ok, "a user could power off",
           q.output)
    type_text(sock, "poweroff\n")
    deadline = time.time() + 15
    while q.running() and time.time() < deadline:
        time.sleep(0.2)
    report("poweroff_by_root", not q.running() and "Powering off." in q.raw,
           "the machine is still on", q.output)


def main():
    work = tempfile.mkdtemp(prefix="kestrel-console-")
    mon = os.path.join(work, "monitor.sock")
    with emu.Qemu(extra=["-monitor", "unix:%s,server,nowait" % mon]) as q:
        for _ in range(100):
            if os.path.exists(mon):
                break
            time.sleep(0.05)
        sock = socket.socket(socket.AF_UNIX)
        sock.connect(mon)
        sock.settimeout(0.2)
        monitor(sock, "info status")    # the banner's prompt
        q.wait_for("$ ")
        type_text(sock, "echo typed-on-the-keyboard\n")
        settle(q, "typed-on-the-keyboard", 2, 5)
        out = q.output
        report("keyboard_reaches_shell",
               out.count("typed-on-the-keyboard") >= 2,
               "the typed command or its output is missing", out)
        path = os.path.join(work, "vga.bin")
        screen = Screen(sock, path)
        report("vga_shows_banner", "Kestrel" in screen.text() and
               "memory:" in screen.text(), "the banner is not on the screen",
               screen.text())
        report("vga_shows_shell_output",
               screen.text().count("typed-on-the-keyboard") >= 2,
               "the shell's output is not on the screen", screen.text())

        def shot():
            return Screen(sock, path).text()
        shot.path = path
        editing(q, sock, shot)
        canonical(q, sock, shot)
        job_control(q, sock)
        escapes(q, sock, shot)
        rtc(q, sock)
        poweroff(q, sock)


if __name__ == "__main__":
    main()
