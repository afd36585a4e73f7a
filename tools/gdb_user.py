#!/usr/bin/env python3
"""gdb_user.py - serve one user program to a host gdb through Kestrel's stub.

    make gdb-user PROG=NAME [PORT=1234] [ARGS="..."]
    make gdb-user SRC=path/to/file.c [PORT=1234] [ARGS="..."]

PROG is a program of the image (/bin/NAME, e.g. demo). SRC is a C file from
anywhere, compiled and linked as `make run-prog` does it (run_prog.py's
build helper; the Makefile passes -O0 unless OPT is given) into
BUILD/gdb-user/NAME, which a copy of the initrd carries as
/bin/NAME.

Kestrel boots headless with `init=/bin/gdbstub -- /bin/NAME ARGS`: the stub
starts the program stopped at its first instruction and serves it on COM2,
which QEMU bridges to 127.0.0.1:PORT. The console (kernel, stub, and the
program's own output) is this terminal. Once the stub is waiting, the one
command that connects is printed:

    gdb -iex 'set auto-load local-gdbinit off' BUILD/bin/NAME \
        -ex 'target remote :PORT'

its symbol file being the very binary the image carries (built with -g).
Kestrel keeps running until the program ends (then this script exits with
the program's status, like run-prog) or the user presses Ctrl-C.
"""
import argparse
import ctypes
import os
import re
import shutil
import signal
import socket
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import emu  # noqa: E402
import run_prog  # noqa: E402

READY = "waiting for gdb on"
EXITED = re.compile(r"init: job exited with status (\d+)")
EXIT_USAGE, EXIT_PANIC = 2, 125


def die(code, msg):
    sys.stderr.write("gdb-user: %s\n" % msg)
    sys.exit(code)


def die_with_parent():
    """Linux: SIGTERM this process when its parent dies, so nothing is left."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)
    except (OSError, AttributeError):   # PR_SET_PDEATHSIG is Linux's
        pass


def port_is_free(port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        s.bind(("127.0.0.1", port))
        return True
    except OSError:
        return False
    finally:
        s.close()


def program_from_image(name):
    exe = os.path.join(emu.BUILD, "bin", name)
    if not re.match(r"^[A-Za-z0-9_.+-]+$", name) or not os.path.isfile(exe):
        have = sorted(f for f in os.listdir(os.path.join(emu.BUILD, "bin"))
                      if not f.endswith(".d"))
        die(EXIT_USAGE, "no program %r in the image (there are: %s)" %
            (name, " ".join(have)))
    return exe, emu.INITRD


def program_from_source(args):
    """Build SRC as run-prog does; the binary and an initrd that carries it."""
    if not os.path.isfile(args.src):
        die(EXIT_USAGE, "no such source file: %r" % args.src)
    name = os.path.basename(args.src)
    name = name[:-2] if name.endswith(".c") else name
    if not re.match(r"^[A-Za-z0-9_.+-]+$", name):
        die(EXIT_USAGE, "%r is not a usable program name" % name)
    work = os.path.join(emu.BUILD, "gdb-user")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    exe = run_prog.compile_program(args, work, name)
    initrd = os.path.join(work, "initrd.tar")
    run_prog.make_initrd(emu.INITRD, exe, name, initrd)
    return exe, initrd


class Console:
    """Passes the console through to this terminal, and prints the gdb
    command once the stub says it is waiting."""

    def __init__(self, name, exe, port):
        self.name, self.exe, self.port = name, exe, port
        self.seen, self.announced = "", False

    def __call__(self, text):
        sys.stdout.write(text)
        self.seen = (self.seen + text)[-4096:]
        # After the stub's whole line, not in the middle of it.
        if not self.announced and READY in self.seen and \
                "\n" in self.seen[self.seen.index(READY):]:
            self.announced = True
            sys.stdout.write("\r\n*** Kestrel's gdbstub serves /bin/%s on tcp "
                             "port %d. Connect with:\r\n    %s\r\n" %
                             (self.name, self.port, gdb_command(self.exe,
                                                                 self.port)))
        sys.stdout.flush()


def gdb_command(exe, port):
    """What connects: in the checkout, gdb must not try the kernel's
    .gdbinit (it would refuse it, with ten lines of warnings)."""
    return ("gdb -iex 'set auto-load local-gdbinit off' %s "
            "-ex 'target remote :%d'" % (exe, port))


def serve(exe, initrd, port, prog_args):
    """Boot, relay the console, print the gdb command once the stub waits."""
    name = os.path.basename(exe)
    cmdline = "test init=/bin/gdbstub -- /bin/%s %s" % (name, prog_args)
    console = Console(name, exe, port)
    with emu.Qemu(cmdline.strip(), initrd=initrd, on_output=console,
                  extra=["-serial", "tcp:127.0.0.1:%d,server,nowait" % port],
                  stdin="inherit" if sys.stdin.isatty() else "pipe",
                  preexec_fn=die_with_parent) as q:
        try:
            b = q.wait(timeout=None)
        except KeyboardInterrupt:
            # QEMU got the SIGINT too; let it put the terminal back first.
            try:
                q.proc.wait(timeout=3)
            except subprocess.TimeoutExpired:
                pass
            sys.stdout.write("\ngdb-user: stopped\n")
            return 130
    m = EXITED.search(b.output)
    if m:
        return int(m.group(1))
    if b.code == emu.PANIC_EXIT:
        die(EXIT_PANIC, "the kernel panicked")
    die(EXIT_PANIC, "Kestrel stopped without the program's status")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--prog", default="")
    ap.add_argument("--src", default="")
    ap.add_argument("--port", type=int, default=1234)
    ap.add_argument("--args", default="", help="the program's arguments")
    ap.add_argument("--cflags", default="", help="the Makefile's UCFLAGS")
    ap.add_argument("--ldflags", default="", help="the Makefile's ULDFLAGS")
    ap.add_argument("--crt0", default="")
    ap.add_argument("--libc", default="")
    ap.add_argument("--libgcc", default="")
    args = ap.parse_args()
    die_with_parent()
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, lambda signo, frame: sys.exit(128 + signo))

    if bool(args.prog) == bool(args.src):
        die(EXIT_USAGE, "say which program: PROG=name (of the image) or "
            "SRC=path/to/file.c")
    if not 0 < args.port < 65536 or not port_is_free(args.port):
        die(EXIT_USAGE, "tcp port %d is not free; choose another with PORT=" %
            args.port)
    run_prog.build_tree(emu.BUILD, "gdb-user")
    if args.prog:
        exe, initrd = program_from_image(args.prog)
    else:
        exe, initrd = program_from_source(args)
    return serve(exe, initrd, args.port, " ".join(args.args.split()))


if __name__ == "__main__":
    sys.exit(main())
