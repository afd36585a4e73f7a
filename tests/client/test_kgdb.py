#!/usr/bin/env python3
"""test_kgdb.py - host gdb on the kernel, the way `make qemu-gdb` and the
checked-in .gdbinit (with tools/kgdb.py) have a student use it.

bt_*: stopped in a system call, `bt` shows the kernel frames, then one line
for the trap frame (vector 128, the call's number and its name from
kernel/syscalls.master), then the user program's frames with its symbols down to
main; stopped in the clock interrupt, the trap frame says IRQ 0 from the
kernel and the frames go on into the code it interrupted, ending at the
boot entry. debug_kernel_*: `make qemu-gdb` builds with -O0 (build-O0/),
where kern_ptrace, the function docs/debugging.md walks through, shows all
its arguments and locals. Prints "TEST kgdb.NAME PASS|FAIL: why" lines.
"""
import os
import re
import socket
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "tools"))
import emu  # noqa: E402
from report_lib import reporter  # noqa: E402

FRAME = re.compile(r"^#(\d+)\s+(?:0x[0-9a-f]+ in )?(<trap frame>|\S+) "
                   r"\((.*)\)(?: at (\S+?)(?::\d+)?)?$", re.M)


report = reporter("kgdb", 4000)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def session(kernel, job, *commands, initrd=emu.INITRD):
    """Boot QEMU halted with its gdb server, as make qemu-gdb does, and run
    gdb with the checked-in .gdbinit (its port and kernel adjusted)."""
    port = free_port()
    with open(os.path.join(emu.ROOT, ".gdbinit")) as f:
        script = f.read().replace(":1234", ":%d" % port).replace(
            "file kernel.elf", "file %s" % kernel)
    with tempfile.NamedTemporaryFile("w", suffix=".gdb", delete=False) as t:
        t.write(script)
    argv = ["gdb", "-n", "-batch", "-x", t.name]
    for c in commands + ("kill",):
        argv += ["-ex", c]
    with emu.Qemu(job, kernel=kernel, initrd=initrd, serial="null",
                  extra=["-S", "-gdb", "tcp:127.0.0.1:%d" % port]):
        try:
            run = subprocess.run(argv, capture_output=True, text=True,
                                 timeout=180, cwd=emu.ROOT)
            log = run.stdout + run.stderr
        except subprocess.TimeoutExpired as e:
            log = str(e.stdout) + "\n(gdb timed out)"
    os.unlink(t.name)
    return log


def frames(log):
    """(function, args, file) of the last backtrace in the log."""
    last = log.rfind("\n#0 ")
    return [m.group(2, 3, 4) for m in FRAME.finditer(log[last + 1:])]


def test_syscall_bt():
    log = session(emu.KERNEL, "test init=/bin/demo",
                  'hbreak sys_write if $_streq(curthread->td_proc->p_comm, '
                  '"demo")', "continue", "bt")
    fs = frames(log)
    names = [f[0] for f in fs]
    traps = [i for i, f in enumerate(fs) if f[0] == "<trap frame>"]
    trap_line = [l for l in log.splitlines() if "<trap frame>" in l]
    report("bt_kernel_frames", names[:2] == ["sys_write", "syscall"],
           "the backtrace starts %s" % names[:3], log)
    report("bt_one_trap_frame", traps == [2] and len(trap_line) == 1 and
           "(vector=128, syscall=4, name=\"write\", from=\"user\")" in
           trap_line[0], "no single trap-frame line naming write", log)
    user = fs[3:]
    report("bt_user_frames", len(user) >= 2 and user[-1][0] == "main" and
           user[-1][2] == "user/bin/demo.c" and "write" in
           [f[0] for f in user] and re.match(r"argc=1, argv=0x[0-9a-f]+$",
                                             user[-1][1]) is not None,
           "the user frames do not go down to demo's main (argc=1, ...)",
           log)


def test_interrupt_bt():
    # A tick while the idle thread runs: it interrupts kernel code.
    log = session(emu.KERNEL, "test", "hbreak clock_intr if curthread == "
                  "'proc/sched.c'::idlethread", "continue", "continue", "bt")
    fs = frames(log)
    names = [f[0] for f in fs]
    # Whatever the tick interrupted, its frames go on to the start of that
    # kernel stack: the boot entry, or a new thread's fork_trampoline.
    report("bt_interrupt_in_kernel", names[:2] == ["clock_intr", "trap"] and
           "<trap frame> (vector=32, name=\"IRQ 0\", err=0, from=\"kernel\")"
           in log and len(names) > 3 and "??" not in names and
           (names[-1].startswith("_start") or names[-1] == "fork_trampoline"),
           "the frames do not go from the trap frame on through the kernel: "
           "%s" % names, log)


def build_debug_tree():
    """What `make qemu-gdb` boots (an -O0 build in its own directory): the
    kernel and initrd paths, or None."""
    build = emu.BUILD + "-O0"
    n = subprocess.run(["make", "-n", "qemu-gdb"], cwd=emu.ROOT,
                       capture_output=True, text=True)
    report("debug_kernel_default", "-kernel build-O0/kernel.elf" in n.stdout
           and "-gdb tcp:127.0.0.1:1234" in n.stdout,
           "make qemu-gdb does not boot an -O0 kernel from build-O0/ with "
           "its gdb server on 127.0.0.1",
           n.stdout[-2000:] + n.stderr)
    # Its kernel and initrd by name: `all` would also point ./kernel.elf,
    # the user's, at this build. The Makefile spells a build directory
    # inside the checkout relative to it, so the targets are spelt so too.
    rel = os.path.relpath(build, emu.ROOT)
    name = build if rel.startswith("..") else rel
    run = subprocess.run(["make", "-s", "OPT=-O0", "B=" + build,
                          name + "/kernel.elf", name + "/initrd.tar"],
                         cwd=emu.ROOT, capture_output=True, text=True)
    if run.returncode != 0:
        report("debug_kernel_builds", False, "make OPT=-O0 failed",
               run.stdout + run.stderr)
        return None
    return (os.path.join(build, "kernel.elf"),
            os.path.join(build, "initrd.tar"))


def test_debug_kernel():
    tree = build_debug_tree()
    if tree is None:
        return
    log = session(tree[0], "test init=/bin/truss -- /bin/true",
                  "hbreak kern_ptrace", "continue", "info args",
                  "info locals", "bt", initrd=tree[1])
    fs = frames(log)
    report("debug_kernel_args_locals", "Breakpoint 1, kern_ptrace" in log and
           "req = " in log and "error = " in log and
           "optimized out" not in log.split("Breakpoint 1, kern_ptrace")[-1],
           "kern_ptrace's arguments or locals are <optimized out>", log)
    report("debug_kernel_bt", [f[0] for f in fs][:3] == [
        "kern_ptrace", "sys_ptrace", "syscall"] and fs[3][0] == "<trap frame>" and
        "main" in [f[0] for f in fs], "the -O0 backtrace is %s" %
        [f[0] for f in fs], log)


if __name__ == "__main__":
    test_syscall_bt()
    test_interrupt_bt()
    test_debug_kernel()
