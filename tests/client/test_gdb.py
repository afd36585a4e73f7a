#!/usr/bin/env python3
"""test_gdb.py - host gdb debugging /bin/demo through Kestrel's gdbstub.

Each session boots Kestrel with `init=/bin/gdbstub -- /bin/demo`, COM2
bridged to a TCP port, and runs `gdb -batch` against it the way
docs/debugging.md tells a student to. Expected values come from the binary
(nm, objdump) and from demo.c's documented arithmetic: step_a(i) = 6i + 6,
total = 90 for N = 5, average = 18.0, ratio = 2.5, exit status total % 256.
Prints "TEST gdb.NAME PASS|FAIL: why" lines.
"""
import concurrent.futures
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gdbstub_lib import (Stub, report, symbols, disassembly,  # noqa: E402
                         initrd_with, DEMO)

SYMS = symbols()
SYMS_PATH = DEMO


def frames(log):
    """Function names of the backtrace frames, innermost first."""
    return re.findall(r"^#\d+\s+(?:0x[0-9a-f]+ in )?(\w+) \(", log, re.M)


def test_break_backtrace():
    with Stub() as k:
        if not k.ready():
            return report("break_bt", False, "the stub never came up", k.output)
        log = k.gdb("break step_c", "continue", "bt", "print counter",
                    "continue", "print counter", "print $pc", "kill")
        status = k.status()
    report("break_bt", frames(log)[:5] == ["step_c", "step_b", "step_a",
                                            "compute", "main"],
           "backtrace is %s" % frames(log), log)
    report("break_args", "step_c (x=0)" in log and "step_c (x=1)" in log,
           "the breakpoint did not stop twice with x=0 and x=1", log)
    report("break_pc", "$3 = (void (*)()) 0x%x <step_c>" % SYMS["step_c"] in log,
           "the stop is not on step_c's first instruction", log)
    report("kill", "[Inferior 1 (Remote target) killed]" in log and
           status == 137, "kill gave status %s" % status, log + k.output)


def test_stepi():
    insns = disassembly("step_c")
    ret = next(i for i, (_, text) in enumerate(insns) if text.startswith("ret"))
    step_b = disassembly("step_b")
    after_call = next(step_b[i + 1][0] for i, (_, text) in enumerate(step_b)
                      if "<step_c>" in text)
    expect = [a for a, _ in insns[1:ret + 1]] + [after_call]
    with Stub() as k:
        if not k.ready():
            return report("stepi", False, "the stub never came up", k.output)
        cmds = ["break step_c", "continue", "info registers eip"]
        for _ in expect:
            cmds += ["stepi", "info registers eip"]
        cmds.append("kill")
        log = k.gdb(*cmds)
    eips = [int(x, 16) for x in re.findall(r"^eip\s+(0x[0-9a-f]+)", log, re.M)]
    want = [SYMS["step_c"]] + expect
    report("stepi", eips == want, "eip went %s, expected %s" %
           ([hex(e) for e in eips], [hex(e) for e in want]), log)


def test_print_globals(options="", suffix=""):
    with Stub(options=options) as k:
        if not k.ready():
            return report("print_int" + suffix, False,
                          "the stub never came up", k.output)
        log = k.gdb("break mean", "continue", "print total", "print ratio",
                    "print counter", "finish", "print average",
                    "info float", "print $st0", "kill")
    report("print_int" + suffix, re.search(r"^\$1 = 90$", log, re.M) is not
           None and re.search(r"^\$3 = 4$", log, re.M) is not None,
           "total/counter not 90/4", log)
    report("print_double" + suffix, re.search(r"^\$2 = 2\.5$", log, re.M)
           is not None, "ratio is not 2.5", log)
    report("finish_double" + suffix, "Value returned is $4 = 18" in log,
           "mean() did not return 18", log)
    st7 = r"=>R7: Valid\s+0x40039000000000000000 \+18"
    report("info_float" + suffix, re.search(st7, log) is not None and
           re.search(r"^\$6 = 18$", log, re.M) is not None,
           "st0 is not shown holding 18", log)


def test_watch():
    with Stub() as k:
        if not k.ready():
            return report("watch", False, "the stub never came up", k.output)
        log = k.gdb("watch counter", "continue", "continue", "delete",
                    "awatch total", "continue", "delete",
                    "rwatch total", "continue", "bt 1", "kill")
    report("watch", "Hardware watchpoint 1: counter" in log and
           re.search(r"Old value = 0\nNew value = 1\n", log) is not None and
           re.search(r"Old value = 1\nNew value = 2\n", log) is not None,
           "no old/new values 0->1, 1->2 for counter", log)
    report("awatch", "Hardware access (read/write) watchpoint 2: total" in log
           and re.search(r"(Value = 6|Old value = 6)", log) is not None,
           "no access watchpoint report for total", log)
    report("rwatch", "Hardware read watchpoint 3: total" in log and
           re.search(r"Value = \d+", log.split("watchpoint 3: total", 2)[-1])
           is not None, "no read watchpoint report for total", log)


def test_hbreak_exit():
    with Stub() as k:
        if not k.ready():
            return report("hbreak", False, "the stub never came up", k.output)
        log = k.gdb("hbreak step_b", "continue", "continue", "info breakpoints",
                    "delete", "continue")
        status = k.status()
    report("hbreak", "Hardware assisted breakpoint 1 at 0x%x" % SYMS["step_b"]
           in log and "step_b (x=0)" in log and "step_b (x=1)" in log,
           "the hardware breakpoint did not stop twice", log)
    report("continue_exit", "exited with code 0132]" in log and status == 90,
           "exit not reported as code 90 (status %s)" % status, log + k.output)


def test_set_var():
    with Stub() as k:
        if not k.ready():
            return report("set_var", False, "the stub never came up", k.output)
        log = k.gdb("set var ratio = 4.0", "break mean", "continue",
                    "set var total = 1000", "delete", "continue")
        status = k.status()
    report("set_var", "exited with code 0350]" in log and status == 232 and
           "total = 1000" in k.output and "scaled = 72.000" in k.output,
           "the writes did not change the output and status (%s)" % status,
           log + k.output)


def test_set_register():
    with Stub() as k:
        if not k.ready():
            return report("set_register", False, "the stub never came up",
                          k.output)
        log = k.gdb("break step_b", "continue", "finish", "print $eax",
                    "set $eax = 10", "print $eax", "delete",
                    "set $xmm0.v4_int32[1] = 0x12345678",
                    "info registers xmm0", "print $mxcsr", "continue")
        status = k.status()
    report("set_register", status == 104 and "exited with code 0150]" in log,
           "step_b returning 10 once should make total 104, got %s" % status,
           log + k.output)
    report("xmm_registers", "v4_int32 = {0x0, 0x12345678, 0x0, 0x0}" in log
           and re.search(r"= \[ IM DM ZM OM UM PM \]", log) is not None,
           "xmm0 write or mxcsr not shown", log)


def test_interrupt():
    """Ctrl-C in gdb: a SIGINT to gdb itself, which sends the stub 0x03."""
    ctrl_c = ("python import threading, os, signal; threading.Timer(1.0, "
              "lambda: os.kill(os.getpid(), signal.SIGINT)).start()")
    with Stub(job="/bin/gdbstub -- /bin/demo -d 100 20") as k:
        if not k.ready():
            return report("interrupt", False, "the stub never came up",
                          k.output)
        log = k.gdb(ctrl_c, "continue", "bt", "continue")
        status = k.status()
    total = sum(6 * i + 6 for i in range(20)) % 256
    report("interrupt", "Program received signal SIGINT" in log and
           "compute" in frames(log) and status == total and
           "exited with code 0%o]" % total in log,
           "no SIGINT stop, or no clean run to the end after it (%s)" %
           status, log + k.output)


def test_lazy_fpu():
    """The same values when the kernel switches the FPU lazily (CR0.TS)."""
    test_print_globals("fpu=lazy", "_lazy_fpu")


def test_no_sse():
    """A Pentium has no FXSAVE: the description has the x87 registers only."""
    with Stub(qemu_args=["-cpu", "pentium"]) as k:
        if not k.ready():
            return report("no_sse", False, "the stub never came up", k.output)
        log = k.gdb("break mean", "continue", "finish", "info float",
                    "print $xmm0", "print $fctrl", "kill")
    report("no_sse", "Value returned is $1 = 18" in log and
           re.search(r"=>R7: Valid\s+0x40039000000000000000 \+18", log) and
           "$2 = void" in log and "$3 = 895" in log,
           "x87 state not shown, or xmm0 present, without SSE", log)


def test_attach_detach():
    # The pause lets the child finish execve first: attaching while it is
    # still the shell would stop it in the shell's image.
    script = ("/bin/demo -d 100 30 &\n"
              "sleep 0.5\n"
              "/bin/gdbstub -p $!\n"
              "wait $!\n")
    with Stub(job="/bin/sh -- /etc/gdb-attach",
              initrd=initrd_with({"etc/gdb-attach": script})) as k:
        if not k.ready():
            return report("attach", False, "the stub never came up", k.output)
        log = k.gdb("break step_c", "continue", "bt", "print counter > 0",
                    "detach")
        status = k.status(timeout=30)
    report("attach", "step_c (x=" in log and "main" in frames(log),
           "attached session did not reach step_c", log)
    # sh's `wait PID` does not give the job's status back: check the output.
    total = sum(6 * i + 6 for i in range(30))
    report("detach", "[Inferior 1 (Remote target) detached]" in log and
           "total = %d" % total in k.output and status is not None,
           "the program did not run on to its end", log + k.output)


def test_threads():
    """/bin/thrdemo: main and two workers; the first stop is worker-1's."""
    thrdemo = os.path.join(os.path.dirname(SYMS_PATH), "thrdemo")
    with Stub(job="/bin/gdbstub -- /bin/thrdemo") as k:
        if not k.ready():
            return report("threads", False, "the stub never came up", k.output)
        log = k.gdb("break spot", "continue", "info threads",
                    "thread apply all bt", "print id", "thread 1", "bt",
                    "delete", "continue", binary=thrdemo)
        status = k.status()
    listed = re.findall(r"^[ *] (\d+)\s+Thread (0x[0-9a-f]+|\d+)[^\n]*"
                        r"\"(main|worker-1|worker-2)\"", log, re.M)
    names = sorted(n for _, _, n in listed)
    report("threads_info", names == ["main", "worker-1", "worker-2"],
           "info threads listed %s" % listed, log)
    report("threads_stop", re.search(r"Thread \S+ \"worker-1\" hit "
                                     r"Breakpoint 1, spot \(id=1\)", log)
           is not None and "$1 = 1" in log,
           "the stop was not worker-1's in spot(1)", log)
    apply = log.split("thread apply all bt", 1)[-1]
    report("threads_apply_all_bt", apply.count("\nThread ") >= 3 and
           "spot (id=1)" in log and "worker (arg=" in log and
           re.search(r"in main \(\) at", log) is not None,
           "thread apply all bt did not show three stacks", log)
    report("threads_exit", "exited with code 036]" in log and status == 30,
           "the program did not end with 30 (status %s)" % status,
           log + k.output)


def main():
    tests = [test_break_backtrace, test_stepi, test_print_globals, test_watch,
             test_hbreak_exit, test_set_var, test_set_register, test_no_sse,
             test_interrupt, test_lazy_fpu, test_attach_detach, test_threads]
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        for f in [pool.submit(t) for t in tests]:
            f.result()


if __name__ == "__main__":
    main()
