"""kgdb.py - what host gdb needs to know about Kestrel's kernel (.gdbinit
sources it; it runs inside gdb's Python).

gdb unwinds C code with its DWARF call-frame information, but the entry
stubs of kernel/i386/vectors.asm have none, and an entry from user mode
switches stacks: a kernel backtrace used to end at Xsyscall in "?? ()" and
"corrupt stack?". FreeBSD's kgdb teaches gdb the trap frame; so does this:

- TrapFrameUnwinder: the frame of an entry stub stopped at the return from
  its call (syscall(), trap() or userret(), each given the struct trapframe
  the stub saved) unwinds to the state that trap frame describes: user mode,
  or the kernel code the trap interrupted.
- UserFrameUnwinder: user frames walk the frame-pointer chain (every Kestrel
  program keeps %ebp). gdb's own unwinders stop at them: their stack lies
  below the kernel's, which gdb takes for a corrupt stack. Their frame IDs
  are shifted up by USER_ID_SHIFT to keep gdb's order of frames.
- KestrelFrameFilter: `bt` shows an entry stub's frame as one line, the
  trap frame (vector, system-call number and name from kernel/
  syscalls.master, or the trap's name from trap_table), and the arguments of
  user frames, read from their stack slots.
- On every stop, the symbols of the current process's program (BUILD/bin/
  NAME or BUILD/test/NAME, NAME its p_comm; BUILD the directory kernel.elf
  lives in) are loaded at their link address in place of the last one's;
  `kestrel-user PATH` names another ELF, `kestrel-user off` unloads it.
"""
import os
import struct
import sys

import gdb
from gdb.FrameDecorator import FrameDecorator
from gdb.unwinder import Unwinder, register_unwinder

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KERNBASE = 0xC0000000
USER_ID_SHIFT = 0x40000000
# The entry stubs and the function each calls with the trap frame.
STUBS = {"Xsyscall": "syscall", "Xsysenter": "syscall",
         "alltraps": "trap", "doreti_restart": "userret"}
IDT_SYSCALL = 0x80
BOOT_ENTRY = "_start"   # boot/multiboot.asm: the kernel's outermost frame
# The stack pointers of the user frames found since the target last ran:
# those a trap frame from user mode leads to, then those of their callers.
# Only they are unwound as user frames (not, say, the boot code's caller).
user_stacks = set()


def u32(addr, count=1):
    data = gdb.selected_inferior().read_memory(addr, 4 * count).tobytes()
    return struct.unpack("<%dI" % count, data)


def symbol_address(name):
    try:
        return int(gdb.parse_and_eval("(unsigned)&%s" % name))
    except gdb.error:
        return None


_returns = None


def stub_returns():
    """The address after each entry stub's call: where its frame stops."""
    global _returns
    if not _returns:
        _returns = {}
        arch = gdb.selected_inferior().architecture()
        for stub, callee in STUBS.items():
            start = symbol_address(stub)
            if start is None:
                continue
            insns = arch.disassemble(start, start + 512)
            for insn, after in zip(insns, insns[1:]):
                if insn["asm"].startswith("call") and \
                        "<%s>" % callee in insn["asm"]:
                    _returns[after["addr"]] = (stub, start)
                    break
    return _returns


def trapframe(addr):
    """The struct trapframe at addr, as the kernel's debug information lays
    it out (kernel/i386/frame.h): field name without "tf_" -> value, and
    "esp_at" -> where tf_esp lies."""
    tf_type = gdb.lookup_type("struct trapframe")
    tf = gdb.Value(addr).cast(tf_type.pointer()).dereference()
    fields = {f.name[3:]: int(tf[f.name]) & 0xffffffff
              for f in tf_type.fields()}
    fields["esp_at"] = addr + tf_type["tf_esp"].bitpos // 8
    return fields


class FrameId:
    """What gdb tells frames apart by: a stack address and a code address
    (gdb.Values, as the unwinder interface requires)."""

    def __init__(self, pending, sp, pc):
        self.sp = gdb.Value(sp).cast(pending.read_register("esp").type)
        self.pc = gdb.Value(pc).cast(pending.read_register("eip").type)


def unwind(pending, frame_id, regs):
    info = pending.create_unwind_info(frame_id)
    for name, value in regs.items():
        reg_type = pending.read_register(name).type
        info.add_saved_register(name, gdb.Value(struct.pack("<I", value),
                                                reg_type))
    return info


class TrapFrameUnwinder(Unwinder):
    """An entry stub's frame unwinds through the trap frame it saved."""

    def __init__(self):
        super().__init__("kestrel-trapframe")

    def __call__(self, pending):
        pc = int(pending.read_register("eip"))
        stub = stub_returns().get(pc)
        if stub is None:
            return None
        tf_addr = u32(int(pending.read_register("esp")))[0]
        tf = trapframe(tf_addr)
        regs = {r: tf[r] for r in ("eax", "ecx", "edx", "ebx", "ebp", "esi",
                                   "edi", "eip", "eflags", "cs", "ds", "es",
                                   "fs", "gs")}
        if tf["cs"] & 3:
            regs.update(esp=tf["esp"], ss=tf["ss"])
            user_stacks.add(tf["esp"])
        else:       # no stack switch: the interrupted code's stack goes on
            regs["esp"] = tf["esp_at"]
        return unwind(pending, FrameId(pending, tf_addr, stub[1]), regs)


def function_start(pc):
    try:
        block = gdb.block_for_pc(pc)
    except RuntimeError:
        return None
    while block is not None and block.function is None:
        block = block.superblock
    return None if block is None else block.start


def args_base(start, ebp):
    """Where the arguments of a frame with its frame pointer set up begin:
    above the return address, except in a function whose stack gcc
    realigns (main): its prologue keeps the incoming %esp + 4 in %ecx and
    pushes that among the registers it saves after `mov ebp, esp`."""
    if start is None:
        return ebp + 8
    code = bytes(gdb.selected_inferior().read_memory(start, 24))
    if not code.startswith(b"\x8d\x4c\x24\x04"):      # lea ecx, [esp+4]
        return ebp + 8
    after = code.find(b"\x89\xe5") + 2                 # mov ebp, esp
    for n, op in enumerate(code[after:]):
        if op == 0x51:                                  # push ecx
            return u32(ebp - 4 * (n + 1))[0]
        if not 0x50 <= op <= 0x57:                      # push reg
            break
    return ebp + 8


class UserFrameUnwinder(Unwinder):
    """User frames (below the kernel) unwind by the frame-pointer chain."""

    def __init__(self):
        super().__init__("kestrel-user-frames")

    def __call__(self, pending):
        pc = int(pending.read_register("eip"))
        esp = int(pending.read_register("esp"))
        if pc >= KERNBASE or pc == 0 or (pending.level() > 0 and
                                         esp not in user_stacks):
            return None
        ebp = int(pending.read_register("ebp"))
        start = function_start(pc)
        try:
            ret, caller_ebp, cfa = self.caller(pc, start, esp, ebp)
        except gdb.MemoryError:     # a chain that leads nowhere ends here
            ret, caller_ebp, cfa = 0, 0, esp
        user_stacks.add(cfa)
        return unwind(pending, FrameId(pending, cfa + USER_ID_SHIFT,
                                       start or pc),
                      {"eip": ret, "ebp": caller_ebp, "esp": cfa})

    @staticmethod
    def caller(pc, start, esp, ebp):
        """(return address, caller's %ebp, this frame's CFA)."""
        framed = start is not None and bytes(
            gdb.selected_inferior().read_memory(start, 3)) == b"\x55\x89\xe5"
        if start is not None and framed and pc == start:
            ret, caller_ebp, cfa = u32(esp)[0], ebp, esp + 4
        elif start is not None and framed and pc == start + 1:
            caller_ebp, ret = u32(esp, 2)
            cfa = esp + 8
        elif ebp != 0 and ebp < KERNBASE:
            caller_ebp, ret = u32(ebp, 2)
            cfa = args_base(start, ebp)
        else:       # the outermost frame (crt0 starts with %ebp = 0)
            ret, caller_ebp, cfa = 0, 0, esp
        return ret, caller_ebp, cfa


class Arg:
    def __init__(self, name, value):
        self.name, self.val = name, value

    def symbol(self):
        return self.name

    def value(self):
        return self.val


_syscalls = None


def syscall_name(number):
    """The call's name in kernel/syscalls.master, the one list of them."""
    global _syscalls
    if _syscalls is None:
        sys.path.insert(0, os.path.join(ROOT, "tools"))
        import mksyscalls
        calls, _ = mksyscalls.parse(os.path.join(ROOT, "kernel",
                                                 "syscalls.master"))
        _syscalls = {c.number: c.name for c in calls}
    return _syscalls.get(number, "?")


def trap_name(vector):
    if vector >= 32:
        return "IRQ %d" % (vector - 32)
    try:
        name = gdb.parse_and_eval("trap_table[%d].name" % vector)
        if int(name) != 0:
            return name.string()
    except gdb.error:
        pass
    return "vector %d" % vector


class TrapFrameLine(FrameDecorator):
    """An entry stub's frame, as the trap frame it saved."""

    def __init__(self, base, tf):
        super().__init__(base)
        self.tf = tf

    def function(self):
        return "<trap frame>"

    def address(self):
        return None

    def filename(self):
        return None

    def line(self):
        return None

    def frame_args(self):
        tf = self.tf
        args = [Arg("vector", tf["trapno"])]
        if tf["trapno"] == IDT_SYSCALL:
            args += [Arg("syscall", tf["eax"]),
                     Arg("name", syscall_name(tf["eax"]))]
        else:
            args += [Arg("name", trap_name(tf["trapno"])),
                     Arg("err", tf["err"])]
        args.append(Arg("from", "user" if tf["cs"] & 3 else "kernel"))
        return args

    def frame_locals(self):
        return None


def passed_on_stack(function):
    """Does this function take its arguments on the stack? An optimising
    gcc may pass a static function's in registers instead."""
    if gdb.lookup_global_symbol(function.name) is not None:
        return True
    producer = function.symtab.producer or ""
    return "-O" not in producer or "-O0" in producer.split()


class UserFrame(FrameDecorator):
    """A user frame: its arguments read from the caller's stack slots (gdb
    cannot place them: its DWARF needs a CFA only its own unwinder gives).
    Where there are no such slots (a function inlined into another, or a
    static one an optimising gcc passed its arguments in registers), the
    arguments are left out."""

    def frame_args(self):
        frame = self.inferior_frame()
        if frame.type() == gdb.INLINE_FRAME:
            return None         # inlined: no stack slots of its own
        try:
            block = frame.block()
        except RuntimeError:
            return None
        while block is not None and block.function is None:
            block = block.superblock
        if block is None:
            return None
        if int(frame.pc()) in (block.start, block.start + 1) or \
                not passed_on_stack(block.function):
            return None
        args = []
        try:
            addr = args_base(block.start, int(frame.read_register("ebp")))
            for sym in block:
                if sym.is_argument:
                    slot = gdb.Value(addr).cast(sym.type.pointer())
                    value = slot.dereference()
                    value.fetch_lazy()
                    args.append(Arg(sym.print_name, value))
                    addr += (sym.type.sizeof + 3) & ~3
        except gdb.MemoryError:
            return None
        return args

    def frame_locals(self):
        return None


class KestrelFrameFilter:
    def __init__(self):
        self.name = "kestrel"
        self.priority = 100
        self.enabled = True
        gdb.frame_filters[self.name] = self

    def filter(self, frames):
        for frame in frames:
            pc = frame.inferior_frame().pc()
            if pc in stub_returns():
                esp = int(frame.inferior_frame().read_register("esp"))
                yield TrapFrameLine(frame, trapframe(u32(esp)[0]))
            elif pc < KERNBASE:
                yield UserFrame(frame)
            else:
                yield frame
                name = frame.inferior_frame().name() or ""
                if name.split(".")[0] == BOOT_ENTRY:
                    return      # beyond it, only what the loader left


class UserSymbols:
    """The current process's program, loaded for its symbols."""

    def __init__(self):
        self.loaded = None
        self.pinned = False

    def build_dir(self):
        kernel = gdb.objfiles()[0].filename if gdb.objfiles() else ""
        return os.path.dirname(os.path.realpath(kernel))

    def guess(self):
        try:
            comm = gdb.parse_and_eval("curthread->td_proc->p_comm").string()
        except (gdb.error, gdb.MemoryError):
            return None
        for sub in ("bin", "test"):
            path = os.path.join(self.build_dir(), sub, comm)
            if comm and os.path.isfile(path):
                return path
        return None

    def load(self, path):
        if path == self.loaded:
            return
        if self.loaded is not None:
            gdb.execute("remove-symbol-file %s" % self.loaded, to_string=True)
            self.loaded = None
        if path is not None:
            gdb.execute("add-symbol-file %s" % path, to_string=True)
            self.loaded = path

    def on_stop(self, event):
        if not self.pinned:
            self.load(self.guess())


class KestrelUser(gdb.Command):
    """kestrel-user PATH | off | auto: whose user frames bt names.

PATH loads that program's symbols (a program built elsewhere, say);
off unloads them; auto (the default) follows the current process."""

    def __init__(self, user):
        super().__init__("kestrel-user", gdb.COMMAND_FILES,
                         gdb.COMPLETE_FILENAME)
        self.user = user

    def invoke(self, arg, from_tty):
        arg = arg.strip()
        if arg == "auto":
            self.user.pinned = False
            self.user.load(self.user.guess())
        elif arg == "off":
            self.user.pinned = True
            self.user.load(None)
        elif os.path.isfile(arg):
            self.user.pinned = True
            self.user.load(os.path.abspath(arg))
        else:
            raise gdb.GdbError("kestrel-user: no such file: %r" % arg)
        print("user symbols: %s" % (self.user.loaded or "none"))


def install():
    register_unwinder(None, TrapFrameUnwinder(), replace=True)
    register_unwinder(None, UserFrameUnwinder(), replace=True)
    KestrelFrameFilter()
    user = UserSymbols()
    gdb.events.stop.connect(user.on_stop)
    gdb.events.cont.connect(lambda event: user_stacks.clear())
    KestrelUser(user)


install()
