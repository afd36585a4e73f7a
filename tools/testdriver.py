#!/usr/bin/env python3
"""testdriver.py - everything `make test` runs, with one verdict line per case.

  1. Host unit tests: each tests/host/test_*.c, compiled for the host (see
     tests/host/README.md), prints "PASS name" / "FAIL name: why"; each
     tests/host/check_*.py checks the source tree itself the same way.
  2. Boot tests: the kernel's self-tests, the panic dumps of deliberate
     kernel faults and their backtraces, the GRUB ISO, the idle CPU, and a
     boot under Bochs.
  3. In-OS suites: each tests/os/NAME.c is installed as /test/NAME and run
     as init's job on a fresh boot; it prints "TEST suite.case VERDICT".
     Lines "// RUN: qemu|bochs [kernel options] [| qemu options]" near the
     top of the file ask for more runs (a lazy-FPU run, a CPU without FXSR,
     Bochs); their cases get the variant's name in brackets. A run with
     its own RAM size ("| -m 16") boots an initrd without the other
     suites' programs, since the initrd stays in memory.
  4. Client tests: each tests/client/test_*.py drives a booted Kestrel with
     host tools (gdb) and prints "TEST name VERDICT" lines.
  5. The labs' proof (tools/labproof.py): each lab's starting tree builds,
     boots, and fails every test its grader counts.

--only REGEX picks tests by name; --test NAME (repeatable) runs exactly
one test: host.FILE.CASE, boot.CHECK or SUITE.CASE[VARIANT] (a suite then
runs only the cases named).

Every test program also gets a verdict of its own: one that exits with a
non-zero status, dies of a signal, times out, panics the kernel or prints
no verdict line fails, whatever it printed before. The last line is
"N passed, N failed"; the exit status is 1 on any failure.
"""
import argparse
import concurrent.futures
import glob
import os
import re
import signal
import subprocess
import sys
import tarfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import emu  # noqa: E402

ROOT = emu.ROOT
HOST_BUILD = os.path.join(emu.BUILD, "host")
TEST_LINE = re.compile(r"^TEST (\S+) (PASS|FAIL|SKIP)(?::\s*(.*))?$")
HOST_LINE = re.compile(r"^(PASS|FAIL|SKIP) (\S+)(?::\s*(.*))?$")


class Results:
    """The verdicts of one run, printed as they come and kept by name
    (tools/lab.py's grader and the labs' proof read them back)."""

    def __init__(self):
        self.passed = self.failed = self.skipped = 0
        self.verdicts = {}

    def add(self, name, verdict, why="", log=""):
        self.verdicts[name] = (verdict, why, log)
        if verdict == "PASS":
            self.passed += 1
        elif verdict == "SKIP":
            self.skipped += 1
        else:
            self.failed += 1
        self.show(name, verdict, why, log)

    def show(self, name, verdict, why="", log=""):
        """The verdict line, and under a failure the tail of its log."""
        if verdict == "PASS":
            print("PASS %s" % name)
        elif verdict == "SKIP":
            print("SKIP %s: %s" % (name, why))
        else:
            print("FAIL %s%s" % (name, ": " + why if why else ""))
            print_log_tail(log)
        sys.stdout.flush()


def print_log_tail(log):
    """A failure's evidence: the last 60 lines of its serial log."""
    if not log:
        return
    tail = log.strip().splitlines()[-60:]
    print("  ---- serial log (last %d lines) ----" % len(tail))
    for line in tail:
        print("  | " + line)
    print("  ----")


# ---------------------------------------------------------------- host tests

def header_value(path, key):
    with open(path) as f:
        for _, line in zip(range(5), f):
            m = re.match(r"\s*//\s*%s:\s*(.*)$" % key, line)
            if m:
                return m.group(1).split()
    return []


def host_runner(exe):
    """How to run a host test: directly, or for an i386 test (-m32) on a
    64-bit host kernel without IA-32 emulation, through qemu-i386."""
    with open(exe, "rb") as f:
        is_i386 = f.read(5)[4] == 1     # EI_CLASS: ELFCLASS32
    if is_i386 and not host_runs_i386():
        return ["qemu-i386"]
    return []


_i386_ok = None


def host_runs_i386():
    global _i386_ok
    if _i386_ok is None:
        probe = os.path.join(HOST_BUILD, "i386-probe")
        with open(probe + ".c", "w") as f:
            f.write("int main(void) { return 0; }\n")
        subprocess.run(["gcc", "-m32", probe + ".c", "-o", probe],
                       capture_output=True)
        try:
            _i386_ok = subprocess.run([probe]).returncode == 0
        except OSError:
            _i386_ok = False
    return _i386_ok


def run_host_tests(res, only, checks=True):
    os.makedirs(HOST_BUILD, exist_ok=True)
    for src in sorted(glob.glob(os.path.join(ROOT, "tests/host/test_*.c"))):
        name = os.path.splitext(os.path.basename(src))[0]
        if only and not re.search(only, "host." + name):
            continue
        exe = os.path.join(HOST_BUILD, name)
        sources = [os.path.join(ROOT, s) for s in header_value(src, "SOURCES")]
        cmd = (["gcc", "-O2", "-Wall", "-Wextra", "-Werror", "-I" + ROOT,
                "-I" + os.path.join(ROOT, "user"),
                "-I" + os.path.join(ROOT, "tests/host")] +
               header_value(src, "CFLAGS") + [src] + sources + ["-o", exe])
        cc = subprocess.run(cmd, capture_output=True, text=True)
        if cc.returncode != 0:
            res.add("host.%s" % name, "FAIL", "does not compile", cc.stderr)
            continue
        try:
            run = subprocess.run(host_runner(exe) + [exe], capture_output=True,
                                 text=True, timeout=300)
        except subprocess.TimeoutExpired as e:
            res.add("host." + name, "FAIL", "timed out", text_of(e.stdout))
            continue
        seen = 0
        for line in run.stdout.splitlines():
            m = HOST_LINE.match(line)
            if m:
                seen += 1
                res.add("host.%s.%s" % (name[5:], m.group(2)), m.group(1),
                        m.group(3) or "")
        program_verdict(res, "host." + name, seen, ending(run.returncode),
                        run.stdout + run.stderr)
    if not checks:
        return
    for script in sorted(glob.glob(os.path.join(ROOT, "tests/host/check_*.py"))):
        run_host_check(res, only, script)


def run_host_check(res, only, script):
    """A python check of the tree (tests/host/check_*.py): its own
    PASS/FAIL lines, with names it chooses."""
    name = os.path.splitext(os.path.basename(script))[0]
    if only and not re.search(only, "host." + name):
        return
    try:
        run = subprocess.run([sys.executable, script], capture_output=True,
                             text=True, timeout=300, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as e:
        res.add("host." + name, "FAIL", "timed out", text_of(e.stdout))
        return
    seen = 0
    for line in run.stdout.splitlines():
        m = HOST_LINE.match(line)
        if m:
            seen += 1
            res.add("host.%s" % m.group(2), m.group(1), m.group(3) or "")
    program_verdict(res, "host." + name, seen, ending(run.returncode),
                    run.stdout + run.stderr)


def text_of(out):
    """What a timed-out subprocess had printed, as text."""
    if isinstance(out, bytes):
        return out.decode("utf-8", "replace")
    return out or ""


def ending(returncode):
    """Why a test program's end makes it fail: "" for exit status 0."""
    if returncode < 0:
        try:
            return "killed by %s" % signal.Signals(-returncode).name
        except ValueError:
            return "killed by signal %d" % -returncode
    return "exit status %d" % returncode if returncode else ""


def program_verdict(res, name, seen, why_end, log):
    """Each test program gets a verdict of its own after its cases': a
    FAIL if it ended badly or gave no verdict at all, whatever it printed
    before (a crash after some PASS lines is still a crash)."""
    if why_end:
        res.add(name, "FAIL", why_end, log)
    elif seen == 0:
        res.add(name, "FAIL", "no test results", log)


# ---------------------------------------------------------------- boot tests

def check_selftest(res):
    b = emu.boot_qemu("selftest=halt test", timeout=60)
    report_test_lines(res, b, "", expect_exit=0)


def check_panic(res, kind, expect):
    b = emu.boot_qemu("test crash=%s" % kind, timeout=30)
    missing = [e for e in expect if e not in b.output]
    name = "boot.panic_%s" % kind
    if b.code != emu.PANIC_EXIT:
        res.add(name, "FAIL", "exit code %s, expected the panic code" % b.code,
                b.output)
    elif missing:
        res.add(name, "FAIL", "dump lacks %s" % missing, b.output)
    else:
        res.add(name, "PASS")


def backtrace_names(output):
    """The function of each line of a panic's backtrace, in order: "?"
    for an address without a name."""
    names = []
    for line in output.partition("\nbacktrace:\n")[2].splitlines():
        m = re.match(r"^  [0-9a-f]{8}  (\S+?)(?:\+0x[0-9a-f]+)?$", line)
        if m is None:
            break
        names.append(m.group(1))
    return names


def check_backtrace(res, kind, callers):
    """crash=kind's backtrace walks every frame: from its first line it
    names the functions of callers in that order (a recursion's repeated
    lines counted once, a name matching by its start, as gcc may call a
    clone "overflow.isra.0"), has no line without a name, and ends in the
    boot code's _start."""
    b = emu.boot_qemu("test crash=%s" % kind, timeout=30)
    names = backtrace_names(b.output)
    calls = [n for i, n in enumerate(names) if i == 0 or names[i - 1] != n]
    name = "boot.backtrace_%s" % kind
    if b.code != emu.PANIC_EXIT:
        res.add(name, "FAIL", "exit code %s, expected the panic code" % b.code,
                b.output)
    elif len(calls) < len(callers) or "?" in names or \
            not all(n.startswith(c) for n, c in zip(calls, callers)) or \
            not names[-1].startswith("_start"):
        res.add(name, "FAIL", "the backtrace names %s; expected %s ... _start"
                % (" ".join(names) or "nothing", " ".join(callers)), b.output)
    else:
        res.add(name, "PASS")


def check_grub_iso(res):
    with emu.Qemu(cdrom=emu.ISO) as q:
        q.wait_for("$ ", 60)
        out = q.output
    ok = "Kestrel" in out and "$ " in out
    res.add("boot.grub_iso_qemu", "PASS" if ok else "FAIL",
            "" if ok else "no banner and prompt", out)


def cpu_seconds(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def check_idle(res):
    """At the shell prompt, QEMU should need almost no host CPU (hlt)."""
    with emu.Qemu() as q:
        q.wait_for("$ ", 30)
        time.sleep(1)
        c0, t0 = cpu_seconds(q.pid), time.time()
        time.sleep(3)
        share = (cpu_seconds(q.pid) - c0) / (time.time() - t0)
        out = q.output
    ok = "$ " in out and share < 0.25
    res.add("boot.idle_halts_cpu", "PASS" if ok else "FAIL",
            "" if ok else "QEMU used %.0f%% of a CPU at the prompt" % (share * 100),
            out)


def check_bochs_boot(res):
    if not emu.have_bochs():
        res.add("boot.bochs_iso", "SKIP", "bochs is not installed")
        return
    b = emu.boot_bochs("selftest=halt test", timeout=240)
    report_test_lines(res, b, "[bochs]", expect_exit=None)
    ok = "Kestrel" in b.output and "selftest: all passed" in b.output
    res.add("boot.bochs_iso", "PASS" if ok else "FAIL", "" if ok else
            ("timed out" if b.timed_out else "no banner"), b.output)


# ---------------------------------------------------------------- in-OS suites

def suite_runs(src):
    """The runs a suite asks for: (label, emulator, kernel opts, qemu args)."""
    runs = []
    with open(src) as f:
        head = [next(f, "") for _ in range(30)]
    for line in head:
        m = re.match(r"\s*//\s*RUN:\s*(qemu|bochs)\b([^|]*)(?:\|(.*))?$", line)
        if m:
            opts = m.group(2).split()
            qargs = (m.group(3) or "").split()
            label = " ".join(opts + qargs)
            runs.append((label, m.group(1), opts, qargs))
    timeout = 120
    for line in head:
        m = re.match(r"\s*//\s*TIMEOUT:\s*(\d+)", line)
        if m:
            timeout = int(m.group(1))
    if not any(r[1] == "qemu" and not r[0] for r in runs):
        runs.insert(0, ("", "qemu", [], []))
    return runs, timeout


def report_test_lines(res, boot, variant, expect_exit=0, suite=""):
    """The verdict lines of one boot, then the boot's own verdict: FAIL on a
    panic, a timeout, no verdict lines, or (unless expect_exit is None) an
    exit code other than expect_exit: a suite's job status, or the kernel's
    exit code for a boot without a job."""
    seen = 0
    for line in boot.output.splitlines():
        m = TEST_LINE.match(line.strip())
        if m:
            seen += 1
            res.add(m.group(1) + variant, m.group(2), m.group(3) or "",
                    boot.output if m.group(2) == "FAIL" else "")
    why = ""
    if boot.panicked:
        why = "kernel panic"
    elif boot.timed_out:
        why = "timed out after %ds" % boot.seconds
    elif expect_exit is not None:
        code = boot.job_status() if suite else boot.code
        killed = re.search(r"^init: job \S+ killed by signal (\d+)$",
                           boot.output, re.M)
        if suite and code is None:
            why = "the suite did not finish"
        elif killed:
            why = "killed by signal %s" % killed.group(1)
        elif code != expect_exit:
            why = "exit status %s" % code
    program_verdict(res, (suite or "boot") + variant, seen, why, boot.output)


def run_suite(src, label, emulator, opts, qargs, timeout, cases=None):
    """One boot running the suite src as init's job; with cases, only those
    (ktest.c reads the kernel option cases=a,b from its environment)."""
    name = os.path.splitext(os.path.basename(src))[0]
    cmdline = " ".join(["test", "init=/test/" + name] + opts +
                       (["cases=" + ",".join(cases)] if cases else []))
    if emulator == "bochs":
        work = os.path.join(emu.BUILD, "bochs", name + "-" +
                            re.sub(r"\W+", "_", label or "default"))
        return emu.boot_bochs(cmdline, timeout=max(timeout, 600), workdir=work)
    mem, initrd = 128, emu.INITRD
    if "-m" in qargs:
        i = qargs.index("-m")
        mem = int(qargs[i + 1])
        qargs = qargs[:i] + qargs[i + 2:]
        initrd = lean_initrd(name)
    return emu.boot_qemu(cmdline, timeout=timeout, mem=mem, extra=qargs,
                         initrd=initrd)


def lean_initrd(name):
    """The initrd without the other suites' programs, for a run with little
    RAM: the initrd stays in memory, and what the run measures is the
    kernel and the programs it uses, not how many test programs exist."""
    path = os.path.join(emu.BUILD, "initrd-" + name + ".tar")
    with tarfile.open(emu.INITRD) as src, \
            tarfile.open(path + ".tmp", "w", format=tarfile.USTAR_FORMAT) as out:
        for m in src.getmembers():
            if (m.name.startswith("test/") and m.name != "test/" + name and
                    not m.name.startswith("test/badelf")):
                continue
            out.addfile(m, src.extractfile(m) if m.isfile() else None)
    os.replace(path + ".tmp", path)
    return path


def run_suites(res, only, jobs, with_bochs, cases=None):
    """Every suite run whose name and variant only matches; with cases (a
    dict from (suite, variant) to case names), exactly those runs, each
    limited to its cases."""
    work = []
    for src in sorted(glob.glob(os.path.join(ROOT, "tests/os/*.c"))):
        name = os.path.splitext(os.path.basename(src))[0]
        runs, timeout = suite_runs(src)
        for label, emulator, opts, qargs in runs:
            variant = "[%s%s]" % ("bochs " if emulator == "bochs" else "",
                                  label) if (label or emulator == "bochs") else ""
            variant = variant.replace(" ]", "]")
            if only and not re.search(only, name + variant):
                continue
            if cases is not None and (name, variant) not in cases:
                continue
            if emulator == "bochs" and not with_bochs:
                res.add("%s%s" % (name, variant), "SKIP",
                        "bochs is not installed")
                continue
            work.append((name, variant, src, label, emulator, opts, qargs,
                         timeout, (cases or {}).get((name, variant))))
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = [(w, pool.submit(run_suite, *w[2:])) for w in work]
        for w, fut in futures:
            report_test_lines(res, fut.result(), w[1], suite=w[0])


# ---------------------------------------------------------------- client tests

def run_client_tests(res, only):
    for script in sorted(glob.glob(os.path.join(ROOT, "tests/client/test_*.py"))):
        name = os.path.splitext(os.path.basename(script))[0]
        if only and not re.search(only, "client." + name):
            continue
        try:
            run = subprocess.run([sys.executable, script], capture_output=True,
                                 text=True, timeout=600, cwd=ROOT,
                                 stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired as e:
            res.add("client." + name, "FAIL", "timed out", text_of(e.stdout))
            continue
        out = run.stdout + run.stderr
        seen = 0
        for line in run.stdout.splitlines():
            m = TEST_LINE.match(line.strip())
            if m:
                seen += 1
                res.add("client." + m.group(1), m.group(2), m.group(3) or "",
                        out if m.group(2) == "FAIL" else "")
        program_verdict(res, "client." + name, seen, ending(run.returncode),
                        out)


BOOT_TESTS = [
    ("selftest", check_selftest),
    ("panic_pf", lambda res: check_panic(res, "pf", [
        "panic: page fault in kernel mode", "cr2", "backtrace:",
        "selftest_crash"])),
    ("panic_df", lambda res: check_panic(res, "df", [
        "double fault", "backtrace:", "overflow"])),
    ("backtrace_pf", lambda res: check_backtrace(res, "pf", [
        "selftest_crash", "kmain"])),
    ("backtrace_panic", lambda res: check_backtrace(res, "panic", [
        "selftest_crash", "kmain"])),
    ("backtrace_df", lambda res: check_backtrace(res, "df", [
        "overflow", "selftest_crash", "kmain"])),
    ("grub_iso_qemu", check_grub_iso),
    ("idle_halts_cpu", check_idle),
    ("bochs_iso", check_bochs_boot),
]


def run_boot_tests(res, only, with_bochs, names=None):
    """The boot tests whose "boot.NAME" only matches (or named in names)."""
    for name, check in BOOT_TESTS:
        if only and not re.search(only, "boot." + name):
            continue
        if names is not None and name not in names:
            continue
        if name == "bochs_iso" and not with_bochs:
            res.add("boot.bochs_iso", "SKIP", "bochs is not installed")
        else:
            check(res)


def split_test_name(name):
    """Where a test's verdict comes from: ("host", file) for
    host.FILE.CASE, ("boot", check) for boot.CHECK, ("suite", (suite,
    variant), case) for SUITE.CASE[VARIANT]; None for any other name."""
    m = re.match(r"^host\.(\w+)\.\w+$", name)
    if m:
        return ("host", "test_" + m.group(1))
    m = re.match(r"^boot\.(\w+)$", name)
    if m:
        return ("boot", m.group(1))
    m = re.match(r"^(\w+)\.(\w+)(\[[^]]*\])?$", name)
    if m:
        return ("suite", (m.group(1), m.group(3) or ""), m.group(2))
    return None


def run_tests(res, names, jobs, with_bochs):
    """Exactly the named tests (host.FILE.CASE, boot.CHECK or
    SUITE.CASE[VARIANT]), each unit run once: a host test file, a boot
    check, one boot of a suite limited to the cases asked for. Other
    verdicts of those units (another case of a host file, a suite's own
    verdict) are recorded too. Returns the names it cannot place."""
    host, boot, cases, unknown = set(), set(), {}, []
    for name in names:
        where = split_test_name(name)
        if where is None:
            unknown.append(name)
        elif where[0] == "host":
            host.add(where[1])
        elif where[0] == "boot":
            boot.add(where[1])
        else:
            cases.setdefault(where[1], []).append(where[2])
    if host:
        run_host_tests(res, "^host\\.(%s)$" % "|".join(sorted(host)),
                       checks=False)
    if boot:
        run_boot_tests(res, None, with_bochs, boot)
    if cases:
        run_suites(res, None, jobs, with_bochs, cases)
    return unknown


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--host-only", action="store_true")
    ap.add_argument("--only", help="regular expression selecting tests")
    ap.add_argument("--test", action="append", metavar="NAME",
                    help="run exactly this test (host.FILE.CASE, boot.CHECK "
                    "or SUITE.CASE[VARIANT]); may be repeated")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--no-bochs", action="store_true")
    args = ap.parse_args()
    res = Results()
    start = time.time()
    with_bochs = emu.have_bochs() and not args.no_bochs

    if args.test:
        for name in run_tests(res, args.test, args.jobs, with_bochs):
            res.add(name, "FAIL", "not a test name the driver knows")
    else:
        run_host_tests(res, args.only)
    if not args.host_only and not args.test:
        run_boot_tests(res, args.only, with_bochs)
        run_suites(res, args.only, args.jobs, with_bochs)
        run_client_tests(res, args.only)
        if not args.only or re.search(args.only, "labs"):
            import labproof
            labproof.run(res, args.jobs)
    print("(%d skipped, %.0f s)" % (res.skipped, time.time() - start))
    print("%d passed, %d failed" % (res.passed, res.failed))
    return 1 if res.failed else 0


if __name__ == "__main__":
    sys.exit(main())
