"""emu.py - booting Kestrel under QEMU or Bochs from host scripts.

Shared by the test driver, make run-prog, make bench, make gdb-user and the
client tests: every QEMU boot goes through the Qemu runner below. Every boot
is headless: the console (COM1) is captured, the kernel ends the emulator
itself (isa-debug-exit under QEMU, the Bochs shutdown port), and a timeout
kills whatever hangs. QEMU gets no network card: Kestrel has no driver for
one, and the BIOS would run its boot ROM on every boot (a fifth of QEMU's
own start-up). The VGA card stays: the console writes its text screen, and
a test or a user may read that back.
"""
import codecs
import os
import shutil
import subprocess
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.environ.get("KESTREL_BUILD") or os.path.join(ROOT, "build")
KERNEL = os.path.join(BUILD, "kernel.elf")
ISO = os.path.join(BUILD, "kestrel.iso")
INITRD = os.path.join(BUILD, "initrd.tar")
QEMU = os.environ.get("QEMU", "qemu-system-i386")
PANIC_EXIT = 0x7e           # kernel/i386/machine.h KEXIT_PANIC


class Boot:
    """The outcome of one boot: console text, exit code, and how it ended."""

    def __init__(self, output, code, timed_out, seconds):
        self.output = output
        self.code = code            # the kernel's exit code, or None
        self.timed_out = timed_out
        self.seconds = seconds

    @property
    def panicked(self):
        return "\npanic: " in self.output or self.code == PANIC_EXIT

    def job_status(self):
        """The status init reported for its job, or None."""
        for line in self.output.splitlines():
            if line.startswith("init: job exited with status "):
                return int(line.split()[-1])
        return None


def clean(raw):
    return raw.decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "")


def qemu_command(cmdline="", mem=128, extra=(), kernel=KERNEL, initrd=INITRD,
                 serial="stdio", cdrom=None):
    """QEMU's argument list: headless, no network card, the exit device,
    COM1 on `serial`.

    Kestrel boots from kernel and initrd with `cmdline`, or, given `cdrom`,
    from that ISO through GRUB (its own grub.cfg holds the options)."""
    medium = (["-cdrom", cdrom] if cdrom else
              ["-kernel", kernel, "-initrd", initrd, "-append", cmdline])
    return [QEMU, "-m", str(mem), "-no-reboot", "-display", "none",
            "-net", "none", "-device", "isa-debug-exit,iobase=0xf4,iosize=4"] + \
        medium + \
        ["-serial", serial] + list(extra)


def qemu_exit_code(rc):
    """isa-debug-exit makes QEMU exit with 2*code+1."""
    if rc is not None and rc > 0 and rc % 2 == 1:
        return (rc - 1) // 2
    return None


class Qemu:
    """One QEMU running Kestrel headless: the one way host scripts boot it.

    The console (COM1, QEMU's stdout) is collected by a thread as it comes
    and handed, piece by piece, to on_output if one is given; wait_for()
    waits for a text on it, wait() for the end of the boot (a timeout kills
    QEMU) and gives a Boot. QEMU's stdin is a pipe that send() and feed()
    write to (the console's keyboard side), or, with stdin="inherit", this
    process's own terminal. As a context manager QEMU never outlives the
    block. Other arguments are qemu_command's.
    """

    def __init__(self, cmdline="", mem=128, extra=(), kernel=KERNEL,
                 initrd=INITRD, serial="stdio", cdrom=None, on_output=None,
                 stdin="pipe", preexec_fn=None):
        self.command = qemu_command(cmdline, mem, extra, kernel, initrd,
                                    serial, cdrom)
        self.on_output = on_output
        self.raw = ""
        self.timed_out = False
        self.start = time.time()
        self._changed = threading.Condition()
        self._decode = codecs.getincrementaldecoder("utf-8")("replace")
        self.proc = subprocess.Popen(
            self.command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            stdin=None if stdin == "inherit" else subprocess.PIPE,
            preexec_fn=preexec_fn)
        self.pid = self.proc.pid
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self):
        while True:
            chunk = self.proc.stdout.read1(65536)
            text = self._decode.decode(chunk, final=not chunk)
            if text and self.on_output:
                self.on_output(text)
            with self._changed:
                self.raw += text
                if not chunk:
                    self._changed.notify_all()
                    return
                self._changed.notify_all()

    @property
    def output(self):
        """The console so far, its CR LF line ends made LF."""
        return self.raw.replace("\r\n", "\n").replace("\r", "")

    def running(self):
        return self.proc.poll() is None

    def wait_for(self, text, timeout=30):
        """True once text has appeared on the console (raw, as it came);
        False if QEMU ended or the timeout passed first."""
        return self.wait_until(lambda raw: text in raw, timeout)

    def wait_until(self, ready, timeout=30):
        """True once ready(console so far, raw) is; False if QEMU ended or
        the timeout passed first."""
        deadline = time.time() + timeout
        with self._changed:
            while not ready(self.raw):
                left = deadline - time.time()
                if left <= 0 or not self._reader.is_alive():
                    return ready(self.raw)
                self._changed.wait(min(left, 0.5))
        return True

    def send(self, data):
        """Type data (bytes or text) on the console; False once QEMU's
        stdin is closed."""
        if isinstance(data, str):
            data = data.encode()
        try:
            self.proc.stdin.write(data)
            self.proc.stdin.flush()
            return True
        except (BrokenPipeError, ValueError, OSError):
            return False

    def feed(self, stream):
        """Copy a byte stream (a pipe, a file) to the console on a thread,
        then end it the way a terminal does: ^D on an empty line (after a
        last line without its newline, a first ^D hands that line over)."""
        def copy():
            last = b"\n"
            for chunk in iter(lambda: os.read(stream.fileno(), 4096), b""):
                if not self.send(chunk):
                    return
                last = chunk[-1:]
            self.send(b"\x04" if last == b"\n" else b"\x04\x04")
        threading.Thread(target=copy, daemon=True).start()

    def wait(self, timeout=60):
        """Wait up to timeout s for QEMU to end, then kill it; a Boot."""
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.timed_out = True
            self.kill()
        self._reader.join(5)
        code = None if self.timed_out else qemu_exit_code(self.proc.returncode)
        return Boot(self.output, code, self.timed_out, time.time() - self.start)

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        if self.proc.stdin:
            try:
                self.proc.stdin.close()
            except OSError:
                pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.kill()
        self._reader.join(5)


def boot_qemu(cmdline, timeout=60, **kw):
    """Boot once to the end (or timeout s); a Boot. kw: Qemu's arguments."""
    with Qemu(cmdline, **kw) as q:
        return q.wait(timeout)


def make_iso(path, cmdline, kernel=KERNEL, initrd=INITRD):
    """A GRUB ISO that boots at once with the given kernel options."""
    work = tempfile.mkdtemp(prefix="kestrel-iso-")
    try:
        os.makedirs(os.path.join(work, "boot", "grub"))
        shutil.copy(kernel, os.path.join(work, "boot", "kernel.elf"))
        shutil.copy(initrd, os.path.join(work, "boot", "initrd.tar"))
        with open(os.path.join(work, "boot", "grub", "grub.cfg"), "w") as f:
            f.write("set timeout=0\nset default=0\n"
                    "serial --unit=0 --speed=115200\n"
                    "terminal_output serial\n"
                    "menuentry \"Kestrel\" {\n"
                    "\tmultiboot /boot/kernel.elf %s\n"
                    "\tmodule /boot/initrd.tar initrd\n\tboot\n}\n" % cmdline)
        subprocess.run(["grub-mkrescue", "-o", path, work], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    finally:
        shutil.rmtree(work)


RFB_DISPLAY = "display_library: rfb, options=\"timeout=0\""


def bochsrc(iso, com1, log_path, mem=128, display=RFB_DISPLAY):
    """A bochsrc booting iso; com1 is the COM1 line's mode and device
    ("mode=file, dev=PATH", "mode=term, dev=/dev/pts/N")."""
    lines = [
        "megs: %d" % mem,
        "romimage: file=/usr/share/bochs/BIOS-bochs-latest",
        "vgaromimage: file=/usr/share/vgabios/vgabios.bin",
        "ata0-master: type=cdrom, path=%s, status=inserted" % iso,
        "boot: cdrom",
        "com1: enabled=1, %s" % com1,
        "log: %s" % log_path,
        "magic_break: enabled=1",
        "cpu: ips=50000000",
        "clock: sync=none, time0=local",
        # Debian's Bochs aborts loading its sound plugins headless.
        "plugin_ctrl: speaker=0, sb16=0, es1370=0, e1000=0, ne2k=0, pcipnic=0",
        "sound: waveoutdrv=dummy, waveindrv=dummy, midioutdrv=dummy",
    ]
    lines.append(display)
    return "\n".join(lines) + "\n"


_isolated = None


def bochs_command(*args):
    """How to start Bochs with these arguments. Debian's Bochs has one
    headless display, rfb, a VNC server that listens on every interface
    and cannot be told otherwise; so Bochs runs in a network namespace of
    its own (unshare, no root needed) where nothing can reach it. Where
    the host allows no namespace, Bochs runs as it is (isolated() says)."""
    prefix = ["unshare", "--net", "--map-root-user"] if isolated() else []
    return prefix + ["bochs"] + list(args)


def isolated():
    """Can Bochs run in a network namespace of its own here?"""
    global _isolated
    if _isolated is None:
        _isolated = shutil.which("unshare") is not None and subprocess.run(
            ["unshare", "--net", "--map-root-user", "true"],
            capture_output=True).returncode == 0
    return _isolated


def have_bochs():
    return (shutil.which("bochs") is not None and
            os.path.exists("/usr/share/bochs/BIOS-bochs-latest"))


def boot_bochs(cmdline, timeout=300, mem=128, workdir=None, initrd=INITRD):
    """Boot a fresh ISO with these options under Bochs; returns a Boot."""
    work = workdir or tempfile.mkdtemp(prefix="kestrel-bochs-")
    os.makedirs(work, exist_ok=True)
    iso = os.path.join(work, "boot.iso")
    serial = os.path.join(work, "serial.out")
    make_iso(iso, cmdline + " emu=bochs", initrd=initrd)
    with open(os.path.join(work, "bochsrc"), "w") as f:
        f.write(bochsrc(iso, "mode=file, dev=%s" % serial,
                        os.path.join(work, "bochs.log"), mem))
    with open(os.path.join(work, "cmds"), "w") as f:
        f.write("c\nquit\n")
    start = time.time()
    proc = subprocess.Popen(bochs_command("-q", "-f", "bochsrc", "-rc", "cmds"),
                            cwd=work, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    timed_out = False
    deadline = start + timeout
    while proc.poll() is None:
        if time.time() > deadline:
            proc.kill()
            proc.wait()
            timed_out = True
            break
        time.sleep(0.2)
    out = b""
    if os.path.exists(serial):
        with open(serial, "rb") as f:
            out = f.read()
    text = clean(out)
    boot = Boot(text, None, timed_out, time.time() - start)
    status = boot.job_status()
    boot.code = PANIC_EXIT if "\npanic: " in text else status
    if workdir is None:
        shutil.rmtree(work, ignore_errors=True)
    return boot
