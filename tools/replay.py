"""replay.py - running a transcript of the guide again (tools/transcript.py).

run(block, sessions) gives the lines a real run prints for the block, and
whether the block may stop before the run does (a make command that goes
on serving). Each kind of transcript is replayed the way a student makes
it: typing at Kestrel's shell, gdb through the stub as `make gdb-user`
serves a program, gdb on the kernel as `make qemu-gdb` boots it, or a make
command. Ports are chosen free and printed back as the guide's.
"""
import os
import shlex
import signal
import socket
import subprocess
import tempfile
import threading
import time

import emu

PROMPTS = ("$ ", "(dbg) ")
GDB_PORT = 1234
QUIET = 0.3     # a prompt must stay last this long (seconds) to count


class ReplayError(Exception):
    pass


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def make_env():
    """The environment for make, without what an enclosing make set."""
    env = dict(os.environ)
    for var in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS", "KESTREL_BUILD"):
        env.pop(var, None)
    return env


class Sessions:
    """Kestrel boots that later transcripts of a file may continue."""

    def __init__(self):
        self.open = {}

    def get(self, block):
        if block.opts["continue"]:
            if block.path not in self.open:
                raise ReplayError("`continue`, but no session before it")
            return self.open[block.path]
        self.close(block.path)
        console = Console(block.opts.get("boot", ""))
        self.open[block.path] = console
        return console

    def close(self, path):
        if path in self.open:
            self.open.pop(path).qemu.kill()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        for path in list(self.open):
            self.close(path)


class Console:
    """Kestrel booted to its shell, typed at like a terminal."""

    def __init__(self, options):
        self.qemu = emu.Qemu(("test " + options).strip())
        if not self.at_prompt(("$ ",), 60):
            self.qemu.kill()
            raise ReplayError("Kestrel did not come up to the shell")

    def at_prompt(self, prompts, timeout, since=0):
        """Wait until the console ends with a prompt printed after offset
        since, and stays so."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.qemu.wait_until(lambda raw: raw[since:].endswith(prompts),
                                    deadline - time.time()):
                size = len(self.qemu.raw)
                time.sleep(QUIET)
                if len(self.qemu.raw) == size:
                    return True
            elif not self.qemu.running():
                return False
        return False

    def session(self, lines, timeout=120):
        """Type the lines that follow a prompt; what the console showed."""
        typed = [(p, line[len(p):]) for line in lines for p in PROMPTS
                 if line.startswith(p) and line[len(p):].strip()]
        if not typed:
            raise ReplayError("no line starts with a prompt to type after")
        start = since = None
        for prompt, text in typed:
            if not self.at_prompt((prompt,), timeout, since or 0):
                raise ReplayError("no %r prompt to type %r at" % (prompt, text))
            if start is None:
                start = len(self.qemu.raw) - len(prompt)
            since = len(self.qemu.raw)
            self.qemu.send(text + "\n")
        self.at_prompt(PROMPTS, timeout, since)
        got = self.qemu.raw[start:].replace("\r", "").split("\n")
        if got and got[-1] in PROMPTS and lines[-1].rstrip() != \
                got[-1].rstrip():
            got.pop()       # the next prompt, which the guide leaves out
        return got


class Terminal:
    """A program on a pseudo-terminal of its own, typed at like a person
    would (gdb then prints exactly what it prints in a session)."""

    def __init__(self, argv):
        master, slave = os.openpty()
        env = dict(os.environ, TERM="dumb", COLUMNS="1000", LINES="1000")
        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave,
                                     stderr=slave, cwd=emu.ROOT, env=env,
                                     start_new_session=True)
        os.close(slave)
        self.master, self.text = master, ""
        self.changed = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        while True:
            try:
                data = os.read(self.master, 4096)
            except OSError:
                data = b""
            with self.changed:
                self.text += data.decode("utf-8", "replace")
                self.changed.notify_all()
            if not data:
                return

    def at_prompt(self, prompt, timeout, since=0):
        """Wait for the prompt at the end of what came after offset since."""
        deadline = time.time() + timeout
        with self.changed:
            while not self.text[since:].replace("\r", "").endswith(prompt):
                left = deadline - time.time()
                if left <= 0 or self.proc.poll() is not None:
                    return False
                self.changed.wait(min(left, 0.5))
        return True

    def type(self, line):
        """Type a line; the offset of the output from here on."""
        with self.changed:
            since = len(self.text)
        os.write(self.master, (line + "\n").encode())
        return since

    def close(self):
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        os.close(self.master)


def gdb_session(argv, lines):
    """Type the block's "(gdb) " commands into gdb; the session's lines
    (from the block's "$ gdb" line, or from gdb's first output)."""
    head = lines[:1] if lines and lines[0].startswith("$ ") else []
    commands = [line[6:] for line in lines if line.startswith("(gdb) ")]
    term = Terminal(argv + ([] if head else ["-q"]))
    since = 0
    try:
        for c in commands:
            if not term.at_prompt("(gdb) ", 180, since):
                raise ReplayError("gdb gave no prompt to type %r at" % c)
            since = term.type(c)
        if not term.at_prompt("(gdb) ", 180, since):
            raise ReplayError("gdb did not finish the last command")
    finally:
        term.close()
    got = head + term.text.replace("\r", "").split("\n")
    if got[-1] == "(gdb) " and lines[-1].rstrip() != "(gdb)":
        got.pop()
    return got


def gdb_user(block):
    words = block.opts.get("prog", "demo").split()
    exe = os.path.join(emu.BUILD, "bin", words[0])
    port = free_port()
    job = "test init=/bin/gdbstub -- /bin/%s" % " ".join(words)
    with emu.Qemu(job, extra=["-serial", "tcp:127.0.0.1:%d,server,nowait" %
                              port]) as q:
        if not q.wait_for("waiting for gdb", 60):
            raise ReplayError("the stub never came up")
        got = gdb_session(["gdb", "-iex", "set auto-load local-gdbinit off",
                           exe, "-ex", "target remote :%d" % port],
                          block.lines)
    return [line.replace(":%d" % port, ":%d" % GDB_PORT) for line in got]


def debug_build():
    """make qemu-gdb's build: the kernel and initrd of build-O0 (by name,
    so that ./kernel.elf keeps pointing where the user left it)."""
    build = emu.BUILD + "-O0"
    run = subprocess.run(["make", "-s", "OPT=-O0", "B=" + build,
                          build + "/kernel.elf", build + "/initrd.tar"],
                         cwd=emu.ROOT, capture_output=True, text=True,
                         env=make_env())
    if run.returncode != 0:
        raise ReplayError("make OPT=-O0 failed:\n" + run.stdout + run.stderr)
    return build


def qemu_gdb(block):
    build = debug_build()
    kernel = os.path.join(build, "kernel.elf")
    port = free_port()
    with open(os.path.join(emu.ROOT, ".gdbinit")) as f:
        script = f.read().replace(":1234", ":%d" % port).replace(
            "file kernel.elf", "file " + kernel)
    with tempfile.NamedTemporaryFile("w", suffix=".gdb", delete=False) as t:
        t.write(script)
    try:
        with emu.Qemu(("test " + block.opts.get("boot", "")).strip(),
                      kernel=kernel, initrd=os.path.join(build, "initrd.tar"),
                      serial="null", extra=["-S", "-gdb",
                                            "tcp:127.0.0.1:%d" % port]):
            got = gdb_session(["gdb", "-n", "-x", t.name], block.lines)
    finally:
        os.unlink(t.name)
    return [line.replace(":%d" % port, ":%d" % GDB_PORT) for line in got]


def make(block):
    """The block's make command, until its last line has come."""
    if not block.lines or not block.lines[0].startswith("$ make "):
        raise ReplayError("a make transcript starts with \"$ make ...\"")
    words = shlex.split(block.lines[0][2:])
    port = free_port()
    shown = block.opts.get("port")
    argv = ["make", "--no-print-directory", "-o", "kernel.elf"] + words[1:]
    if shown:
        argv.append("PORT=%d" % port)
    if os.path.realpath(emu.BUILD) != os.path.join(emu.ROOT, "build"):
        opt = "-O0" if "qemu-gdb" in words else ""
        argv.append("B=%s%s" % (emu.BUILD, opt))
    # What the command builds is built first, quietly: the guide shows a
    # run in an up-to-date tree.
    build = [w for w in words[1:] if "=" in w and not w.startswith("CMDLINE")]
    if "qemu-gdb" in words and not any(w.startswith("OPT=") for w in build):
        build.append("OPT=-O0")
    if os.path.realpath(emu.BUILD) != os.path.join(emu.ROOT, "build"):
        build.append(argv[-1])
    prep = subprocess.run(["make", "-s", "-o", "kernel.elf"] + build +
                          ["all"] + (["iso"] if "bochs" in words else []),
                          cwd=emu.ROOT, env=make_env(), capture_output=True,
                          text=True)
    if prep.returncode != 0:
        raise ReplayError("building for %s failed:\n%s" % (
            block.lines[0], prep.stdout + prep.stderr))
    last = [line for line in block.lines if line.strip() != "..."][-1]
    vary = block.vary
    # stdin stays open (and empty): Bochs' debugger would take its end
    # for a quit.
    proc = subprocess.Popen(argv, cwd=emu.ROOT, env=make_env(),
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, start_new_session=True)
    out, deadline = b"", time.time() + 300
    os.set_blocking(proc.stdout.fileno(), False)
    try:
        while time.time() < deadline:
            chunk = proc.stdout.read()
            if chunk:
                out += chunk
            text = out.decode("utf-8", "replace").replace("\r", "")
            if shown:
                text = text.replace(str(port), shown)
            if any(sub(vary, line.rstrip()) == sub(vary, last.rstrip())
                   for line in text.split("\n")):
                break
            if not chunk and proc.poll() is not None:
                break
            time.sleep(0.05)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    lines = block.lines[:1] + text.split("\n")
    cut = [i for i, line in enumerate(lines)
           if sub(vary, line.rstrip()) == sub(vary, last.rstrip())]
    return lines[:cut[0] + 1] if cut else lines


def sub(vary, line):
    for rx in vary:
        line = rx.sub("<varies>", line)
    return line


def run(block, sessions):
    """(the run's lines, whether the block may end before the run)."""
    if block.kind == "kestrel":
        return sessions.get(block).session(block.lines), False
    if block.kind == "gdb-user":
        return gdb_user(block), False
    if block.kind == "qemu-gdb":
        return qemu_gdb(block), False
    return make(block), True

