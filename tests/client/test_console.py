#!/usr/bin/env python3
"""test_console.py - the console's other half: the PS/2 keyboard and the VGA
text screen, driven through QEMU's monitor the way a user at `make run-gui`
would use them. Keys typed with `sendkey` must reach the shell (its output
appears on COM1), and the VGA text buffer (read with `pmemsave`) must hold
the same banner and the shell's output. Prints "TEST console.NAME ..." lines.
"""
import os
import socket
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "tools"))
import emu  # noqa: E402

KEYS = {" ": "spc", "\n": "ret", "-": "minus", "/": "slash", ".": "dot"}


def report(name, ok, why, log=""):
    print("TEST console.%s %s%s" % (name, "PASS" if ok else "FAIL",
                                    "" if ok else ": " + why), flush=True)
    if not ok and log:
        print(log[-2000:])


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


def read_screen(sock, path):
    reply = monitor(sock, "pmemsave 0xb8000 4000 \"%s\"" % path)
    deadline = time.time() + 10
    while time.time() < deadline and not (
            os.path.exists(path) and os.path.getsize(path) == 4000):
        time.sleep(0.1)
    if not os.path.exists(path):
        return "pmemsave failed: %r" % reply
    with open(path, "rb") as f:
        cells = f.read()
    rows = []
    for r in range(25):
        row = cells[r * 160:(r + 1) * 160:2]
        rows.append(row.decode("latin-1").rstrip())
    return "\n".join(rows)


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
        for ch in "echo typed-on-the-keyboard\n":
            monitor(sock, "sendkey " + KEYS.get(ch, ch))
        deadline = time.time() + 5
        while q.output.count("typed-on-the-keyboard") < 2 and \
                time.time() < deadline:
            time.sleep(0.05)
        out = q.output
        report("keyboard_reaches_shell",
               out.count("typed-on-the-keyboard") >= 2,
               "the typed command or its output is missing", out)
        screen = read_screen(sock, os.path.join(work, "vga.bin"))
        report("vga_shows_banner", "Kestrel" in screen and
               "memory:" in screen, "the banner is not on the screen", screen)
        report("vga_shows_shell_output",
               screen.count("typed-on-the-keyboard") >= 2,
               "the shell's output is not on the screen", screen)


if __name__ == "__main__":
    main()
