#!/usr/bin/env python3
"""bochs_debug.py ISO - `make bochs`: boot Kestrel's ISO in Bochs with its
internal debugger, the kernel's symbols loaded and magic breakpoints on.

Bochs starts stopped at the BIOS reset vector with its debugger prompt.
The kernel's symbols (build/kernel.sym, made from kernel.elf by
tools/mksyms.py --bochs) are loaded with `ldsym global`, so backtraces and
disassembly show kernel function names; `BOCHS_BREAK()` in kernel code
(an `xchg bx, bx`) stops in the debugger. Type `c` to boot. COM1 (the
console) goes to build/bochs-debug/serial.out, the VGA screen to a VNC
server on :5900 (or to a window with the GUI debugger when DISPLAY is set).

--batch FILE runs the debugger commands in FILE instead of waiting for you
(used by the tests).
"""
import argparse
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import emu  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("iso")
    ap.add_argument("--batch", help="debugger commands to run, then quit")
    args = ap.parse_args()
    work = os.path.join(emu.BUILD, "bochs-debug")
    os.makedirs(work, exist_ok=True)
    serial = os.path.join(work, "serial.out")
    rc = os.path.join(work, "bochsrc")
    with open(rc, "w") as f:
        f.write(emu.bochsrc(os.path.abspath(args.iso), serial,
                            os.path.join(work, "bochs.log"), debug=True))
    cmds = os.path.join(work, "startup")
    with open(cmds, "w") as f:
        f.write('ldsym global "%s"\n' % os.path.join(emu.BUILD, "kernel.sym"))
        if args.batch:
            with open(args.batch) as b:
                f.write(b.read())
    if not args.batch:
        print("Bochs debugger: kernel symbols loaded; type 'c' to boot, "
              "Ctrl-C to stop, 'q' to quit.")
        print("Console (COM1) output goes to %s (tail -f it); the screen is "
              "on VNC :5900." % serial)
    return subprocess.call(["bochs", "-q", "-f", rc, "-rc", cmds], cwd=work)


if __name__ == "__main__":
    sys.exit(main())
