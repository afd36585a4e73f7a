#!/usr/bin/env python3
"""mkbadelf.py - malformed executables for the exec tests.

    mkbadelf.py OUTDIR

Writes into OUTDIR a tiny valid static i386 program ("good": it calls
exit(42)) and variants of it that are broken in one way each: truncated,
the wrong class, byte order, machine or type, program headers or segments
outside the file, segments in page 0, in the stack or in kernel space, sizes
that wrap or are absurd, an entry point outside the executable segment. The
Makefile packs them into the initrd as /test/badelf/NAME, and
tests/os/proc_exec.c expects every variant to fail with ENOEXEC (or
EFAULT/ENOMEM for the size cases) while the caller keeps its image.
"noexec" is the good program without execute permission (EACCES).
"""
import os
import struct
import sys

BASE = 0x08048000
EHDR = struct.Struct("<16sHHIIIIIHHHHHH")
PHDR = struct.Struct("<IIIIIIII")
PT_LOAD, PF_X, PF_W, PF_R = 1, 1, 2, 4
# mov eax, 1 (SYS_exit); mov ebx, 42; int 0x80
CODE = bytes.fromhex("b801000000bb2a000000cd80")
KERNBASE = 0xC0000000
VM_MAXUSER = 0xBFC00000
MAXSSIZ = 8 << 20


def ident(cls=1, data=1, version=1, magic=b"\x7fELF"):
    return magic + bytes([cls, data, version]) + bytes(9)


def elf(phdrs=None, entry=None, ident_bytes=None, etype=2, machine=3,
        phentsize=PHDR.size, phnum=None, phoff=EHDR.size, code=CODE,
        extra=b""):
    """An executable: the ELF header, its program headers, then the code."""
    hdr_len = EHDR.size + PHDR.size * (len(phdrs) if phdrs else 1)
    size = hdr_len + len(code) + len(extra)
    if phdrs is None:
        phdrs = [(PT_LOAD, 0, BASE, BASE, size, size, PF_R | PF_X, 0x1000)]
    if entry is None:
        entry = BASE + hdr_len
    head = EHDR.pack(ident_bytes or ident(), etype, machine, 1, entry, phoff,
                     0, 0, EHDR.size, phentsize,
                     len(phdrs) if phnum is None else phnum, 40, 0, 0)
    return head + b"".join(PHDR.pack(*p) for p in phdrs) + code + extra


def load(vaddr, memsz=None, filesz=None, offset=0, flags=PF_R | PF_X):
    size = EHDR.size + PHDR.size + len(CODE)
    return (PT_LOAD, offset, vaddr, vaddr, size if filesz is None else filesz,
            size if memsz is None else memsz, flags, 0x1000)


def variants():
    good = elf()
    top = VM_MAXUSER - MAXSSIZ
    yield "good", good, True
    yield "noexec", good, False
    yield "empty", b"", True
    yield "short_header", good[:20], True
    yield "no_phdrs", good[:EHDR.size], True
    yield "truncated_segment", elf(phdrs=[load(BASE, filesz=0x2000,
                                                memsz=0x2000)]), True
    yield "not_elf", b"this is not a program\n", True
    yield "bad_magic", elf(ident_bytes=ident(magic=b"\x7fELG")), True
    yield "class64", elf(ident_bytes=ident(cls=2)), True
    yield "big_endian", elf(ident_bytes=ident(data=2)), True
    yield "version0", elf(ident_bytes=ident(version=0)), True
    yield "machine_x86_64", elf(machine=62), True
    yield "machine_arm", elf(machine=40), True
    yield "type_rel", elf(etype=1), True
    yield "type_dyn", elf(etype=3), True
    yield "type_core", elf(etype=4), True
    yield "phentsize", elf(phentsize=40), True
    yield "phnum_zero", elf(phnum=0), True
    yield "phnum_huge", elf(phnum=0xffff), True
    yield "phoff_beyond", elf(phoff=0x10000), True
    yield "phoff_wraps", elf(phoff=0xfffffff0), True
    yield "seg_page0", elf(phdrs=[load(0)], entry=EHDR.size + PHDR.size), True
    yield "seg_kernel", elf(phdrs=[load(KERNBASE)],
                            entry=KERNBASE + EHDR.size + PHDR.size), True
    yield "seg_into_kernel", elf(phdrs=[load(KERNBASE - 0x1000,
                                             memsz=0x2000)],
                                 entry=KERNBASE - 0x1000 + 84), True
    yield "seg_in_stack", elf(phdrs=[load(top - 0x1000, memsz=0x3000)],
                              entry=top - 0x1000 + 84), True
    yield "seg_wraps", elf(phdrs=[load(BASE, memsz=0xfffff000)]), True
    yield "memsz_huge", elf(phdrs=[load(BASE, memsz=0x7fffffff)]), True
    yield "filesz_gt_memsz", elf(phdrs=[load(BASE, memsz=0x40)]), True
    yield "offset_beyond", elf(phdrs=[load(BASE, offset=0x100000)]), True
    yield "offset_wraps", elf(phdrs=[load(BASE, offset=0xffffffff,
                                          filesz=2)]), True
    yield "entry_outside", elf(entry=0x10000000), True
    yield "entry_not_exec", elf(phdrs=[load(BASE, flags=PF_R)]), True
    yield "segments_overlap", elf(phdrs=[load(BASE), load(BASE)]), True
    yield "too_many_segments", elf(phdrs=[load(BASE + i * 0x1000)
                                          for i in range(17)]), True


def main(argv):
    out = argv[1]
    os.makedirs(out, exist_ok=True)
    for name, data, executable in variants():
        path = os.path.join(out, name)
        with open(path, "wb") as f:
            f.write(data)
        os.chmod(path, 0o755 if executable else 0o644)


if __name__ == "__main__":
    main(sys.argv)
