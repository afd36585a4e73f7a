"""gdbstub_lib.py - what the gdbstub client tests share.

Kestrel boots with /bin/gdbstub as init's job (or a shell script that runs
it), COM2 bridged to a free TCP port on 127.0.0.1; a test then talks to the
stub with host gdb in batch mode (Stub.gdb) or with raw protocol packets
(RspClient). The console is collected on a thread, so a test can wait for a
line and read the job's exit status (init: "job exited with status N").
Facts the tests compare against (symbol addresses, instruction sequences)
come from the very binary in the image, through nm and objdump.
"""
import os
import re
import socket
import subprocess
import sys
import tarfile
import tempfile
import threading

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "tools"))
import emu  # noqa: E402
import mkinitrd  # noqa: E402
from report_lib import reporter  # noqa: E402

DEMO = os.path.join(emu.BUILD, "bin", "demo")
READY = "waiting for gdb on"
STATUS = re.compile(r"init: job exited with status (\d+)")
_print_lock = threading.Lock()


report = reporter("gdb", 4000, _print_lock)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def symbols(path=DEMO):
    """name -> address, from the binary's symbol table."""
    out = subprocess.run(["nm", path], capture_output=True, text=True).stdout
    syms = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3:
            syms[parts[2]] = int(parts[0], 16)
    return syms


def disassembly(func, path=DEMO):
    """[(address, text)] of the instructions of one function."""
    out = subprocess.run(["objdump", "-d", "--no-show-raw-insn", path],
                         capture_output=True, text=True).stdout
    body = out.split("<%s>:\n" % func, 1)[1].split("\n\n", 1)[0]
    insns = []
    for line in body.splitlines():
        m = re.match(r"\s*([0-9a-f]+):\s+(.*)$", line)
        if m:
            insns.append((int(m.group(1), 16), m.group(2).strip()))
    return insns


def initrd_with(files):
    """A copy of the image's initrd plus {path: text}; the caller deletes it."""
    fd, path = tempfile.mkstemp(prefix="kestrel-gdb-", suffix=".tar")
    os.close(fd)
    with open(emu.INITRD, "rb") as src, open(path, "wb") as dst:
        dst.write(src.read())
    with tarfile.open(path, "a", format=tarfile.USTAR_FORMAT) as tar:
        for name, text in files.items():
            mkinitrd.add(tar, name, text.encode(), 0o755)
    return path


class Stub:
    """One boot of Kestrel with the stub's line on a TCP port."""

    def __init__(self, job="/bin/gdbstub -- /bin/demo", initrd=emu.INITRD,
                 qemu_args=(), options=""):
        self.port = free_port()
        self.initrd = initrd
        cmdline = " ".join(["test", options, "init=" + job]).replace("  ", " ")
        self.qemu = emu.Qemu(cmdline, initrd=initrd, extra=[
            "-serial", "tcp:127.0.0.1:%d,server,nowait" % self.port] +
            list(qemu_args))

    @property
    def output(self):
        return self.qemu.output

    def wait_for(self, text, timeout=30):
        return self.qemu.wait_for(text, timeout)

    def ready(self):
        return self.wait_for(READY)

    def gdb(self, *commands, timeout=60, binary=DEMO):
        """A gdb -batch session; its stdout and stderr together."""
        cmd = ["gdb", "-nx", "-batch", "-ex", "set pagination off",
               "-ex", "set remotetimeout 20",
               "-ex", "target remote 127.0.0.1:%d" % self.port]
        for c in commands:
            cmd += ["-ex", c]
        cmd.append(binary)
        try:
            run = subprocess.run(cmd, capture_output=True, text=True,
                                 timeout=timeout, stdin=subprocess.DEVNULL)
            return run.stdout + run.stderr
        except subprocess.TimeoutExpired as e:
            out = e.stdout or b""
            return (out.decode() if isinstance(out, bytes) else out) + \
                "\n(gdb timed out)"

    def status(self, timeout=30):
        """The job's exit status once Kestrel has powered off, or None."""
        b = self.qemu.wait(timeout)
        m = STATUS.search(b.output)
        return int(m.group(1)) if m and not b.timed_out else None

    def close(self):
        self.qemu.kill()
        if self.initrd != emu.INITRD:
            os.unlink(self.initrd)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class RspClient:
    """The remote protocol by hand: for what gdb itself would never send."""

    def __init__(self, port, timeout=10):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout)
        self.sock.settimeout(timeout)
        self.buf = b""

    def close(self):
        self.sock.close()

    def raw(self, data):
        self.sock.sendall(data)

    def byte(self):
        while not self.buf:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise EOFError("the line closed")
            self.buf += chunk
        b, self.buf = self.buf[:1], self.buf[1:]
        return b

    @staticmethod
    def frame(payload):
        if isinstance(payload, str):
            payload = payload.encode("latin-1")
        return b"$%s#%02x" % (payload, sum(payload) & 0xff)

    def ack(self):
        """The stub's '+' or '-' for what we just sent (skipping nothing)."""
        return self.byte()

    def packet(self):
        """The stub's next packet payload (acknowledged with '+')."""
        while self.byte() != b"$":
            pass
        data = b""
        while True:
            b = self.byte()
            if b == b"#":
                break
            data += b
        check = self.byte() + self.byte()
        if int(check, 16) != sum(data) & 0xff:
            raise ValueError("bad checksum from the stub: %r" % data)
        self.raw(b"+")
        return data.decode("latin-1")

    def ask(self, payload):
        """Send one packet; (ack, reply)."""
        self.raw(self.frame(payload))
        a = self.ack()
        return a.decode(), (self.packet() if a == b"+" else None)

    def command(self, payload):
        return self.ask(payload)[1]
