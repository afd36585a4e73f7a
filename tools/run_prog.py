#!/usr/bin/env python3
"""run_prog.py - build one C program against Kestrel's libc and run it.

    make run-prog SRC=path/to/file.c [ARGS="..."] [TIMEOUT=s] [EMU=bochs]
    make run-prog SRC=path/to/file.c PROMPT=1 [TIMEOUT=s]

The program is compiled and linked the way user/bin programs are (the
Makefile passes its flags: the headers of user/include, crt0, libc.a,
user/user.ld, libgcc), added to a copy of the initrd as /bin/NAME (NAME: the
file's base name without .c) and run as init's only job on a fresh headless
boot: `test init=/bin/NAME -- ARGS`, ARGS being split at white space and
otherwise passed as written. Warnings are shown but, unlike in the tree, do
not stop the build: the program was written elsewhere.

The program's standard input is the console. A terminal is passed through
(QEMU reads it); anything else (a pipe, a file, /dev/null) is typed on the
console once the program has started, without echo (the kernel option
echo=off), and its end arrives as the terminal's end of file (^D).

What the program writes to the console is relayed to stdout (without the
kernel's banner and without init's report), and the exit status is the
program's: its exit code, or 128+N when signal N killed it. A timeout, a
kernel panic or a failed build is a non-zero status with a message on stderr:
  2    the program does not compile or link
  124  the timeout expired (the emulator is killed)
  125  the kernel panicked, or the boot ended without a status

With PROMPT=1 the program is installed the same way but not run: Kestrel
boots to the shell's prompt as `make run` does, and the program is one
command among the others, to be run with arguments, pipes and redirections
on files made in /tmp. The whole console is relayed; input that is not a
terminal is typed once the first prompt is there. The session ends when
the machine does (`poweroff`), with status 0, or at the timeout (124).
"""
import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import emu  # noqa: E402
import mkinitrd  # noqa: E402

ROOT = emu.ROOT
# init's lines about its job: the start marker and the two report lines.
START = re.compile(r"^init: running job (\S+)\r?$", re.M)
KILLED = re.compile(r"^init: job \S+ killed by signal (\d+)$")
EXITED = re.compile(r"^init: job exited with status (\d+)$")

EXIT_BUILD, EXIT_TIMEOUT, EXIT_PANIC = 2, 124, 125


def die(code, msg, detail=""):
    if detail:
        sys.stderr.write(detail if detail.endswith("\n") else detail + "\n")
    sys.stderr.write("run-prog: %s\n" % msg)
    sys.exit(code)


def build_tree(build, who="run-prog"):
    """Bring the kernel, the libc and the initrd up to date. A rebuild can
    take a minute, so it is announced on stderr; make's own output is
    shown only if it fails (stdout is the program's)."""
    make = ["make", "-s", "--no-print-directory", "B=" + build]
    if subprocess.run(make + ["-q", "all"], cwd=ROOT,
                      capture_output=True).returncode == 0:
        return
    sys.stderr.write("%s: building Kestrel in %s (make all) ...\n" %
                     (who, os.path.relpath(build, ROOT)))
    sys.stderr.flush()
    run = subprocess.run(make + ["all"], cwd=ROOT, capture_output=True,
                         text=True)
    if run.returncode != 0:
        die(EXIT_BUILD, "building Kestrel failed", run.stdout + run.stderr)


def compile_program(args, work, name):
    obj, exe = os.path.join(work, name + ".o"), os.path.join(work, name)
    cflags = [f for f in shlex.split(args.cflags) if f != "-Werror"]
    cc = ["gcc"] + cflags + ["-c", os.path.abspath(args.src), "-o", obj]
    link = (["gcc"] + shlex.split(args.ldflags) +
            ["-o", exe, args.crt0, obj, args.libc, args.libgcc])
    for cmd in (cc, link):
        run = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        if run.stderr:
            sys.stderr.write(run.stderr)
        if run.returncode != 0:
            die(EXIT_BUILD, "%s does not %s" % (args.src, "compile" if
                cmd is cc else "link"))
    return exe


def make_initrd(base, exe, name, out):
    shutil.copy(base, out)
    with open(exe, "rb") as f:
        data = f.read()
    with tarfile.open(out, "a", format=tarfile.USTAR_FORMAT) as tar:
        mkinitrd.add(tar, "bin/" + name, data, 0o755)


class Relay:
    """Passes the job's console output through, line by line, as it comes.

    The kernel banner (everything before init's start marker) and init's
    report lines are dropped. init begins its report on a new line, so the
    newline before a report line belongs to init: each line's newline is
    held back until the next line shows whose it was.
    """

    def __init__(self, out):
        self.out = out
        self.started = False
        self.pending_nl = False
        self.partial = ""
        self.status = None
        self.signal = None

    def feed(self, text):
        self.partial = (self.partial + text).replace("\r\n", "\n")
        while "\n" in self.partial and self.status is None:
            line, self.partial = self.partial.split("\n", 1)
            self.line(line)
        if not self.started or self.status is not None:
            return
        # A line in progress (a prompt) is passed on at once, unless it may
        # be init's report or its last byte the CR of a CR LF line end.
        cr = self.partial.endswith("\r")
        head = self.partial[:-1] if cr else self.partial
        if head and not "init: job ".startswith(head[:10]):
            self.emit(head)
            self.partial = "\r" if cr else ""

    def emit(self, text):
        if self.pending_nl:
            self.out.write("\n")
            self.pending_nl = False
        self.out.write(text)
        self.out.flush()

    def line(self, line):
        if not self.started:
            self.started = START.match(line) is not None
            return
        m = KILLED.match(line)
        if m:
            self.signal = int(m.group(1))
            self.pending_nl = False
            return
        m = EXITED.match(line)
        if m:
            self.status = int(m.group(1))
            self.pending_nl = False
            return
        self.emit(line)
        self.pending_nl = True

    def finish(self):
        """The end of the output; its last line may lack a newline."""
        if self.started and self.status is None and self.partial:
            line, self.partial = self.partial.rstrip("\r"), ""
            self.line(line)
            if self.status is None:
                self.pending_nl = False
        if self.pending_nl:
            self.out.write("\n")
        self.out.flush()


def boot_qemu(cmdline, initrd, timeout, relay):
    """Boot, relaying the console; this process's stdin becomes the
    program's: a terminal directly, anything else copied once the program
    has started and ended with the terminal's end of file."""
    tty = sys.stdin.isatty()
    with emu.Qemu(cmdline, initrd=initrd, on_output=relay.feed,
                  stdin="inherit" if tty else "pipe") as q:
        if not tty and q.wait_until(lambda raw: START.search(raw), timeout):
            q.feed(sys.stdin.buffer)
        b = q.wait(max(0, q.start + timeout - time.time()))
    return b.output, b.code, b.timed_out


def boot_bochs(cmdline, initrd, timeout, relay):
    b = emu.boot_bochs(cmdline, timeout=timeout, initrd=initrd)
    relay.feed(b.output)
    return b.output, b.code, b.timed_out


def prompt_session(initrd, timeout):
    """Boot to the shell with the program in /bin; 0 once powered off."""
    tty = sys.stdin.isatty()

    def relay(text):
        sys.stdout.write(text)
        sys.stdout.flush()
    with emu.Qemu("", initrd=initrd, on_output=relay,
                  stdin="inherit" if tty else "pipe") as q:
        if not tty and q.wait_for("$ ", timeout):
            q.feed(sys.stdin.buffer)
        b = q.wait(max(0, q.start + timeout - time.time()))
    if b.timed_out:
        die(EXIT_TIMEOUT, "timed out after %g s; the machine was not powered "
            "off" % timeout)
    if b.panicked:
        die(EXIT_PANIC, "the kernel panicked")
    return 0


def signal_name(sig):
    names = {1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 4: "SIGILL", 5: "SIGTRAP",
             6: "SIGABRT", 7: "SIGEMT", 8: "SIGFPE", 9: "SIGKILL", 10: "SIGBUS",
             11: "SIGSEGV", 12: "SIGSYS", 13: "SIGPIPE", 14: "SIGALRM",
             15: "SIGTERM", 24: "SIGXCPU", 30: "SIGUSR1", 31: "SIGUSR2"}
    return names.get(sig, "signal %d" % sig)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", required=True)
    ap.add_argument("--args", default="")
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--emu", choices=("qemu", "bochs"), default="qemu")
    ap.add_argument("--prompt", action="store_true",
                    help="boot to the shell with the program installed")
    ap.add_argument("--cflags", required=True, help="the Makefile's UCFLAGS")
    ap.add_argument("--ldflags", required=True, help="the Makefile's ULDFLAGS")
    ap.add_argument("--crt0", required=True)
    ap.add_argument("--libc", required=True)
    ap.add_argument("--libgcc", required=True)
    args = ap.parse_args()

    if not args.src or not os.path.isfile(args.src):
        die(EXIT_BUILD, "no such source file: %r (use SRC=path/to/file.c)" %
            args.src)
    name = os.path.basename(args.src)
    name = name[:-2] if name.endswith(".c") else name
    if not re.match(r"^[A-Za-z0-9_.+-]+$", name):
        die(EXIT_BUILD, "%r is not a usable program name" % name)
    if name in ("init", "sh"):
        die(EXIT_BUILD, "a program named %s would replace /bin/%s, which "
            "runs it: rename the file" % (name, name))
    if args.prompt and (args.emu != "qemu" or args.args.split()):
        die(EXIT_BUILD, "PROMPT=1 boots QEMU to the shell: no ARGS or EMU "
            "(give the arguments at the prompt)")
    if args.emu == "bochs" and not emu.have_bochs():
        die(EXIT_BUILD, "bochs is not installed")
    build_tree(emu.BUILD)
    work = tempfile.mkdtemp(prefix="kestrel-run-")
    try:
        exe = compile_program(args, work, name)
        initrd = os.path.join(work, "initrd.tar")
        make_initrd(emu.INITRD, exe, name, initrd)
        if args.prompt:
            return prompt_session(initrd, args.timeout)
        # Input that is not typed is not echoed, as by a pipe elsewhere.
        cmdline = "test init=/bin/%s%s" % (
            name, "" if sys.stdin.isatty() else " echo=off")
        if args.args.split():
            cmdline += " -- " + " ".join(args.args.split())
        relay = Relay(sys.stdout)
        boot = boot_bochs if args.emu == "bochs" else boot_qemu
        log, code, timed_out = boot(cmdline, initrd, args.timeout, relay)
        relay.finish()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    if relay.status is not None:
        # make can only exit 0 or 2: say the status where a user sees it.
        if relay.signal is not None:
            sys.stderr.write("run-prog: %s killed by signal %d (%s), exit "
                             "status %d\n" % (name, relay.signal,
                                               signal_name(relay.signal),
                                               relay.status))
        elif relay.status != 0:
            sys.stderr.write("run-prog: %s exited with status %d\n" %
                             (name, relay.status))
        return relay.status
    text = log.replace("\r\n", "\n")
    if timed_out:
        die(EXIT_TIMEOUT, "timed out after %g s; the program did not finish"
            % args.timeout)
    if "\npanic: " in text or code == emu.PANIC_EXIT:
        tail = text[text.find("\npanic: ") + 1:] if "\npanic: " in text else ""
        die(EXIT_PANIC, "the kernel panicked", tail)
    if not relay.started:
        die(EXIT_PANIC, "the program never started", text)
    die(EXIT_PANIC, "the boot ended without the program's status (code %s)"
        % code)


if __name__ == "__main__":
    sys.exit(main())
