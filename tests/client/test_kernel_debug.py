#!/usr/bin/env python3
"""test_kernel_debug.py - the kernel-debugging paths of docs/debugging.md,
driven the way a student would: the checked-in .gdbinit against QEMU's gdb
server (make qemu-gdb), and Bochs' debugger with the kernel's symbols
(make bochs). Prints "TEST kdebug.NAME PASS|FAIL: why" lines.
"""
import os
import signal
import socket
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "tools"))
import emu  # noqa: E402
from report_lib import reporter  # noqa: E402


report = reporter("kdebug")


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def test_qemu_gdb():
    port = free_port()
    qemu = emu.Qemu(serial="null", extra=["-S", "-gdb",
                                          "tcp:127.0.0.1:%d" % port])
    with open(os.path.join(emu.ROOT, ".gdbinit")) as f:
        script = f.read().replace(":1234", ":%d" % port).replace(
            "file kernel.elf", "file %s" % emu.KERNEL)
    with tempfile.NamedTemporaryFile("w", suffix=".gdb", delete=False) as t:
        t.write(script)
    try:
        out = subprocess.run(
            ["gdb", "-n", "-batch", "-x", t.name, "-ex", "hbreak sys_getpid",
             "-ex", "continue", "-ex", "bt", "-ex", "info registers eip",
             "-ex", "kill"], capture_output=True, text=True, timeout=120)
        log = out.stdout + out.stderr
    except subprocess.TimeoutExpired as e:
        log = str(e.stdout)
    finally:
        qemu.kill()
        os.unlink(t.name)
    report("qemu_gdb_connects", "Connected to QEMU" in log, "no connection", log)
    report("qemu_gdb_breaks_in_kernel", "sys_getpid (" in log and
           "in syscall" in log and "<sys_getpid>" in log,
           "no stop in sys_getpid with a symbolic backtrace", log)


def test_bochs_symbols():
    if not emu.have_bochs():
        print("TEST kdebug.bochs_symbols SKIP: bochs is not installed")
        return
    nm = subprocess.run(["nm", emu.KERNEL], capture_output=True, text=True)
    addr = [l.split()[0] for l in nm.stdout.splitlines()
            if l.endswith(" kmain")][0]
    with tempfile.NamedTemporaryFile("w", delete=False) as t:
        t.write("lb 0x%s\nc\nq\n" % addr)
    # A session of its own, so that a timeout ends Bochs too, not only the
    # script that started it (a breakpoint never reached leaves Bochs
    # running the guest for ever).
    proc = subprocess.Popen([sys.executable, os.path.join(
        emu.ROOT, "tools", "bochs_debug.py"), emu.ISO, "--batch", t.name,
        "--port", str(free_port())], stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        log = proc.communicate(timeout=300)[0]
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        log = proc.communicate()[0] + "\n(timed out: Bochs killed)"
    os.unlink(t.name)
    report("bochs_symbols", "(kmain+0)" in log,
           "Bochs did not stop at kmain with its symbol", log)


if __name__ == "__main__":
    test_qemu_gdb()
    test_bochs_symbols()
