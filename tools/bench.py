#!/usr/bin/env python3
"""bench.py - `make bench`: boot Kestrel with /bin/bench and print the table.

Each operation is timed by /bin/bench over many iterations with RDTSC, twice:
under plain QEMU (TCG), where the TSC follows host time and the kernel's
PIT calibration turns ticks into microseconds, and under -icount shift=0,
where the TSC advances once per guest instruction, so those figures repeat
exactly from run to run. The FPU switch is measured in both switching modes.
The instruction counts are measured once more with sysenter=0: libc then
enters by int $0x80, whose path is shorter in instructions though longer in
time, and the project's instruction limits were set on that path.
The targets are the project's; "x Linux" compares with Linux 6.1 i686 on
the same QEMU, measured the same way.
"""
import os
import re
import statistics
import struct
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import emu  # noqa: E402

# name: (label, target in instructions or None, Linux figure or None)
ROWS = [
    ("getpid", "null system call (getpid)", 150, 336),
    ("getpid_sysenter", "null system call by SYSENTER", None, 336),
    ("cr3_write", "one CR3 write", None, None),
    ("fork_exit_wait", "fork + exit + wait", 100000, 186000),
    ("fork_exec_wait", "fork + execve + wait (/bin/true)", None, None),
    ("pipe_round_trip", "pipe round trip, two processes", 3000, 16700),
    ("cow_fault", "copy-on-write page fault", None, None),
    ("ptrace_step", "PT_STEP round trip (step + waitpid)", 2000, 13238),
    ("int3_round_trip", "int3 breakpoint round trip", 2500, 15108),
    ("ptrace_read_d", "PT_READ_D of one word", 400, 2181),
    ("ptrace_getregs", "PT_GETREGS", 400, 2200),
    ("ptrace_io_per_byte", "PT_IO of 1 MiB, per byte", 0.4, 0.46),
    ("watchpoint_round_trip", "hardware watchpoint round trip", None, None),
    ("switch_plain_eager", "context switch, no FPU use", None, None),
    ("fpu_switch_eager", "context switch, FPU users, eager", None, None),
    ("fpu_switch_lazy", "context switch, FPU users, lazy", None, None),
    ("thread_create_join", "pthread_create + pthread_join", 30000, None),
    ("mutex_handoff", "contended mutex handoff, two threads", 2000, None),
    ("sem_round_trip", "sem_post/sem_wait round trip, two threads", 2000,
     None),
]
FPUBENCH = re.compile(r"fpubench: (\w+) switching.*no FPU use (\d+) "
                      r"ticks/switch, x87\S* use (\d+)")
FPUCR3 = re.compile(r"fpubench: CR3 writes per switch ([\d.]+), "
                    r"with FPU use ([\d.]+)")
BOOT_TARGET = 0.15

# The CR3 writes an operation cannot do without (its floor), and the
# largest multiple of the floor its TCG time may be (None: no target).
FLOORS = [
    ("fork_exit_wait", 3, None),    # fork's TLB flush, to the child, back
    ("fork_exec_wait", 4, None),    # the same, and exec's new directory
    ("pipe_round_trip", 2, None),
    ("ptrace_step", 2, 1.5),
    ("int3_round_trip", 2, 1.5),
    ("watchpoint_round_trip", 2, 1.5),
    ("switch_plain_eager", 1, None),
    ("fpu_switch_eager", 1, None),
    ("fpu_switch_lazy", 1, None),
]
# Instruction counts the work on the floor started from (make bench, 7 Dec
# 2026) and the project's limits for them.
BASELINE = {"getpid": 130, "ptrace_step": 2335, "switch_plain_eager": 321}
ICOUNT_LIMITS = [("getpid", 126), ("ptrace_step", 1947)]


def run_bench(extra, opts=""):
    b = emu.boot_qemu("test init=/bin/bench %s" % opts, timeout=600,
                      extra=extra)
    vals = {}
    for m in re.finditer(r"^BENCH (\S+) ([\d.]+) ", b.output, re.M):
        vals[m.group(1)] = float(m.group(2))
    for m in re.finditer(r"^CR3 (\S+) ([\d.]+)", b.output, re.M):
        vals["cr3:" + m.group(1)] = float(m.group(2))
    khz = re.search(r"TSC (\d+) kHz", b.output)
    if "BENCH done" not in b.output:
        sys.exit("bench: the benchmark did not finish:\n" + b.output[-2000:])
    return vals, int(khz.group(1)) if khz else 0


def run_fpubench(extra, opts=""):
    """/bin/fpubench: ticks per switch without and with FPU use."""
    b = emu.boot_qemu("test init=/bin/fpubench %s" % opts, timeout=600,
                      extra=extra)
    m = FPUBENCH.search(b.output)
    if m is None:
        sys.exit("bench: fpubench did not finish:\n" + b.output[-2000:])
    mode = m.group(1)
    c = FPUCR3.search(b.output)
    vals = {"fpu_switch_" + mode: float(m.group(3))}
    if c:
        vals["cr3:fpu_switch_" + mode] = float(c.group(2))
    if mode == "eager":
        vals["switch_plain_eager"] = float(m.group(2))
        if c:
            vals["cr3:switch_plain_eager"] = float(c.group(1))
    return vals


def boot_to_prompt(**kw):
    """Seconds from starting QEMU to the shell's prompt on the console.
    kw: emu.Qemu's arguments (another kernel, another initrd)."""
    times = []
    for _ in range(3):
        with emu.Qemu(**kw) as q:
            q.wait_for("$ ", 30)
            times.append(time.time() - q.start)
    return statistics.median(times)


def count(n):
    """An instruction count as the table shows it (n/a: not measured)."""
    if n is None:
        return "n/a"
    return "%.2f" % n if n < 10 else "%.0f" % n


def floor_kernel(path):
    """Write a Multiboot kernel that prints "$ " on COM1 and halts: a flat
    image whose header gives its load and entry addresses (Multiboot's
    a.out kludge, flag bit 16)."""
    load, magic, flags = 0x100000, 0x1BADB002, 1 << 16
    code = bytes([0x66, 0xba, 0xf8, 0x03,     # mov $0x3f8, %dx
                  0xb0, 0x24, 0xee,           # mov $'$', %al; out %al, (%dx)
                  0xb0, 0x20, 0xee,           # mov $' ', %al; out %al, (%dx)
                  0xfa, 0xf4, 0xeb, 0xfd])    # cli; 1: hlt; jmp 1b
    end = load + 32 + len(code)
    header = struct.pack("<8I", magic, flags, -(magic + flags) & 0xffffffff,
                         load, load, end, end, load + 32)
    with open(path, "wb") as f:
        f.write(header + code)


def qemu_floor():
    """boot_to_prompt() of a kernel that prints the prompt at once, without
    an initrd and with Kestrel's: what QEMU and its BIOS cost before any
    kernel runs."""
    fd, kernel = tempfile.mkstemp(prefix="kestrel-floor-")
    os.close(fd)
    try:
        floor_kernel(kernel)
        return (boot_to_prompt(kernel=kernel, initrd=os.devnull),
                boot_to_prompt(kernel=kernel))
    finally:
        os.unlink(kernel)


def verdict(value, target):
    if target is None:
        return ""
    if value <= target:
        return "ok"
    return "MISSED by %.0f%%" % ((value / target - 1) * 100)


def us(vals, key, khz):
    return vals[key] * 1000.0 / khz if khz and key in vals else None


def floor_table(tcg, khz):
    """Each operation's CR3 writes, floor, and time over the floor."""
    cr3_us = us(tcg, "cr3_write", khz)
    if not cr3_us:
        print("\n(no CR3 write cost measured: no floor table)")
        return {}
    print("\nThe floor: one CR3 write costs %.2f us here; one int $0x80 "
          "round trip (getpid) %.2f us" % (cr3_us, us(tcg, "getpid", khz)))
    print("%-38s %8s %6s %9s %9s %7s  %s" % ("operation", "CR3/op", "needed",
          "floor us", "TCG us", "x floor", ""))
    ratios = {}
    for key, needed, limit in FLOORS:
        t = us(tcg, key, khz)
        if t is None:
            continue
        label = next(r[1] for r in ROWS if r[0] == key)
        floor = needed * cr3_us
        ratios[key] = t / floor
        print("%-38s %8.2f %6d %9.2f %9.2f %7.2f  %s" % (
            label, tcg.get("cr3:" + key, float("nan")), needed, floor, t,
            t / floor, "target <= %.1f: %s" % (limit, verdict(t / floor, limit))
            if limit else ""))
    return ratios


def targets(tcg, ic, ic80, boot):
    """The project's targets for this work, met or missed by how much."""
    print("\nTargets")
    rows = []
    if "getpid_sysenter" in tcg:
        r = tcg["getpid_sysenter"] / tcg["getpid"]
        rows.append(("getpid by SYSENTER <= 0.6 x int $0x80 (TCG time)",
                     "%.2f x" % r, verdict(r, 0.6)))
    if "switch_plain_eager" in tcg and "fpu_switch_eager" in tcg:
        r = tcg["switch_plain_eager"] / tcg["fpu_switch_eager"]
        rows.append(("switch without FPU <= 0.9 x one moving FPU state "
                     "(TCG)", "%.2f x" % r, verdict(r, 0.9)))
    if "cr3:fork_exit_wait" in tcg:
        rows.append(("fork + exit + wait: 3 CR3 writes, none for exit",
                     "%.2f" % tcg["cr3:fork_exit_wait"],
                     verdict(tcg["cr3:fork_exit_wait"], 3)))
    for key, limit in ICOUNT_LIMITS:
        for entry, counts in (("", ic), (", int $0x80", ic80)):
            if key in counts:
                rows.append(("%s <= %d instructions (was %d)%s" % (
                    key, limit, BASELINE[key], entry), "%.0f" % counts[key],
                    verdict(counts[key], limit)))
    rows.append(("boot to the prompt <= %.2f s" % BOOT_TARGET, "%.3f s" % boot,
                 verdict(boot, BOOT_TARGET)))
    for what, value, v in rows:
        print("  %-58s %10s  %s" % (what, value, v))


def main():
    print("Kestrel benchmark: QEMU TCG (us) and -icount shift=0 (guest "
          "instructions)\n")
    icount = ["-icount", "shift=0"]
    tcg, khz = run_bench([])
    ic, _ = run_bench(icount)
    ic80, _ = run_bench(icount, "sysenter=0")
    for mode in ("", "fpu=lazy"):
        tcg.update(run_fpubench([], mode))
        ic.update(run_fpubench(icount, mode))
    print("%-38s %10s %12s %9s %9s %9s  %s" % ("operation", "TCG us",
          "instructions", "int $0x80", "target", "x Linux", ""))
    for key, label, target, linux in ROWS:
        if key not in ic:
            print("%-38s %10s" % (label, "n/a"))
            continue
        us = tcg.get(key, 0) * 1000.0 / khz if khz else 0
        unit_us = "%10.4f" % us if us < 0.1 else "%10.2f" % us
        print("%-38s %s %12s %9s %9s %9s  %s" % (
            label, unit_us, count(ic[key]), count(ic80.get(key)),
            "" if target is None else "<= %g" % target,
            "" if linux is None else "%.2f" % (ic[key] / linux),
            verdict(ic[key], target)))
    if "fpu_switch_eager" in ic and "fpu_switch_lazy" in ic:
        print("\nFPU context switch, lazy / eager: %.2f (instructions), "
              "%.2f (TCG time)" % (ic["fpu_switch_lazy"] / ic["fpu_switch_eager"],
                                   tcg["fpu_switch_lazy"] / tcg["fpu_switch_eager"]))
    t = boot_to_prompt()
    print("boot to the shell prompt under TCG: %.3f s (target <= %.2f s: %s)"
          % (t, BOOT_TARGET, "ok" if t <= BOOT_TARGET else "MISSED"))
    bare, initrd = qemu_floor()
    print("  of which QEMU before the kernel runs: %.3f s (%.3f s without the "
          "initrd)" % (initrd, bare))
    floor_table(tcg, khz)
    targets(tcg, ic, ic80, t)


if __name__ == "__main__":
    main()
