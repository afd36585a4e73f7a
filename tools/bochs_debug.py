#!/usr/bin/env python3
"""bochs_debug.py ISO [--port N] - `make bochs`: Kestrel's ISO in Bochs with
its internal debugger, the kernel's symbols loaded and magic breakpoints on.

This terminal is Bochs' debugger. Bochs starts stopped at the BIOS reset
vector; the kernel's symbols (BUILD/kernel.sym, made from kernel.elf by
tools/mksyms.py --bochs) are loaded with `ldsym global`, so backtraces and
disassembly show kernel function names; `BOCHS_BREAK()` in kernel code (an
`xchg bx, bx`) stops in the debugger. Type `c` to boot; ^C stops the guest
and gives the prompt back (only Bochs acts on it; this script waits); `q`
quits.

Kestrel's console (COM1) is a pseudo-terminal that this script serves on
127.0.0.1:PORT (default 4444) to one client at a time, replaying what
Kestrel printed before the client came; the command that connects is
printed (tools/console.py). It is also logged to BUILD/bochs-debug/serial.out.
Nothing else listens: Bochs' headless display, a VNC server that takes every
interface, runs shut in a network namespace (emu.bochs_command). With
DISPLAY set and Bochs' X display installed, its GUI debugger opens instead.

--batch FILE runs the debugger commands in FILE instead of waiting for you
(used by the tests).
"""
import argparse
import glob
import os
import signal
import socket
import subprocess
import sys
import threading
import tty

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import emu  # noqa: E402

BACKLOG = 64 * 1024


class ConsoleServer:
    """COM1's pseudo-terminal on a TCP port of 127.0.0.1.

    One client at a time types into the line and sees what Kestrel prints;
    a new client first gets the last BACKLOG bytes, so nothing printed
    before it came is lost. Everything also goes to the log file.
    """

    def __init__(self, port, log_path):
        self.master, self.slave = os.openpty()
        tty.setraw(self.slave)
        self.device = os.ttyname(self.slave)
        self.log = open(log_path, "wb")
        self.backlog = b""
        self.client = None
        self.lock = threading.Lock()
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server.bind(("127.0.0.1", port))
        self.server.listen(1)
        for work in (self._from_kestrel, self._accept):
            threading.Thread(target=work, daemon=True).start()

    def _from_kestrel(self):
        while True:
            try:
                data = os.read(self.master, 4096)
            except OSError:
                return
            self.log.write(data)
            self.log.flush()
            with self.lock:
                self.backlog = (self.backlog + data)[-BACKLOG:]
                if self.client is not None:
                    try:
                        self.client.sendall(data)
                    except OSError:
                        self.client = None

    def _accept(self):
        while True:
            conn, _ = self.server.accept()
            with self.lock:
                if self.client is not None:
                    self.client.close()
                self.client = conn
                conn.sendall(self.backlog)
            threading.Thread(target=self._to_kestrel, args=(conn,),
                             daemon=True).start()

    def _to_kestrel(self, conn):
        while True:
            try:
                data = conn.recv(4096)
            except OSError:
                data = b""
            if not data:
                return
            os.write(self.master, data)


def display():
    """Bochs' X display with its GUI debugger when there is an X server to
    show it and the plugin is installed; else rfb (see the note above)."""
    if os.environ.get("DISPLAY") and glob.glob(
            "/usr/lib/*/bochs/plugins/libbx_x.so*"):
        return "display_library: x, options=\"gui_debug\""
    return emu.RFB_DISPLAY


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("iso")
    ap.add_argument("--port", type=int, default=4444,
                    help="the console's TCP port on 127.0.0.1")
    ap.add_argument("--batch", help="debugger commands to run, then quit")
    args = ap.parse_args()
    work = os.path.join(emu.BUILD, "bochs-debug")
    os.makedirs(work, exist_ok=True)
    try:
        console = ConsoleServer(args.port, os.path.join(work, "serial.out"))
    except OSError as e:
        sys.exit("bochs: cannot serve the console on 127.0.0.1:%d (%s); "
                 "choose another port with PORT=" % (args.port, e.strerror))
    rc = os.path.join(work, "bochsrc")
    with open(rc, "w") as f:
        f.write(emu.bochsrc(os.path.abspath(args.iso),
                            "mode=term, dev=%s" % console.device,
                            os.path.join(work, "bochs.log"), display=display()))
    cmds = os.path.join(work, "startup")
    with open(cmds, "w") as f:
        f.write('ldsym global "%s"\n' % os.path.join(emu.BUILD, "kernel.sym"))
        if args.batch:
            with open(args.batch) as b:
                f.write(b.read())
    if not args.batch:
        print("Bochs debugger: kernel symbols loaded; type 'c' to boot, "
              "Ctrl-C to stop, 'q' to quit.")
        print("Kestrel's console is on 127.0.0.1:%d. In another terminal:\n"
              "    python3 tools/console.py %d        (or: nc 127.0.0.1 %d)\n"
              "It is logged to %s too." %
              (args.port, args.port, args.port,
               os.path.relpath(os.path.join(work, "serial.out"))))
        if not emu.isolated():
            print("bochs: no network namespace here: Bochs' VNC display "
                  "listens on every interface (port 5900 on)")
        sys.stdout.flush()
    # ^C at the terminal is for Bochs: it stops the guest at the prompt.
    # A handler (not SIG_IGN) is reset for Bochs when it starts.
    signal.signal(signal.SIGINT, lambda signo, frame: None)
    return subprocess.call(emu.bochs_command("-q", "-f", rc, "-rc", cmds),
                           cwd=work)


if __name__ == "__main__":
    sys.exit(main())
