#!/usr/bin/env python3
"""console.py PORT - a terminal on a Kestrel console served on a local port
(make bochs serves COM1 on 127.0.0.1:4444).

Your terminal goes raw, so every key reaches Kestrel as typed (its line
discipline echoes and edits, as on a serial line) and Kestrel's output
appears as it comes. Ctrl-] quits; the terminal is put back either way.
"""
import os
import select
import socket
import sys
import termios
import tty

QUIT = b"\x1d"      # Ctrl-], as telnet has it


def relay(sock, fd):
    while True:
        ready, _, _ = select.select([sock, fd], [], [])
        if sock in ready:
            data = sock.recv(4096)
            if not data:
                return "the console closed"
            os.write(sys.stdout.fileno(), data)
        if fd in ready:
            data = os.read(fd, 1024)
            if not data or QUIT in data:
                return ""
            sock.sendall(data)


def main():
    if len(sys.argv) != 2 or not sys.argv[1].isdigit():
        sys.exit("usage: python3 tools/console.py PORT")
    try:
        sock = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
    except OSError as e:
        sys.exit("console: cannot connect to 127.0.0.1:%s: %s" %
                 (sys.argv[1], e.strerror))
    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd) if os.isatty(fd) else None
    print("Connected to Kestrel's console; Ctrl-] quits.\r")
    try:
        if saved is not None:
            tty.setraw(fd)
        why = relay(sock, fd)
    finally:
        if saved is not None:
            termios.tcsetattr(fd, termios.TCSADRAIN, saved)
    if why:
        print("\nconsole: %s" % why)


if __name__ == "__main__":
    main()
