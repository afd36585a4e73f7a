#!/usr/bin/env python3
"""check_syscalls.py - the system call list and its generator.

  syscalls.master_parses   kernel/syscalls.master is a valid list
  syscalls.handlers        every sys_NAME handler in the kernel has its line
                           in the list, and every line its handler
  syscalls.words           argument words: an off_t takes two, and truss's
                           table names the right words (lseek's whence is 3)
  syscalls.stub            a STD line becomes the libc function it declares
  syscalls.rejects.*       mistakes the generator must refuse, one each

Prints PASS/FAIL lines for tools/testdriver.py.
"""
import glob
import os
import re
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
MASTER = os.path.join(ROOT, "kernel", "syscalls.master")
sys.path.insert(0, os.path.join(ROOT, "tools"))
import mksyscalls  # noqa: E402

failed = 0


def report(name, ok, why=""):
    global failed
    if ok:
        print("PASS syscalls.%s" % name)
    else:
        failed += 1
        print("FAIL syscalls.%s: %s" % (name, why))


def parse_text(text):
    with tempfile.NamedTemporaryFile("w", suffix=".master", delete=False) as f:
        f.write(text)
    try:
        return mksyscalls.parse(f.name)
    finally:
        os.unlink(f.name)


def check_master():
    try:
        calls, _ = mksyscalls.parse(MASTER)
    except mksyscalls.MasterError as e:
        report("master_parses", False, str(e))
        return []
    report("master_parses", True)
    return calls


def check_handlers(calls):
    defined = set()
    for path in glob.glob(os.path.join(ROOT, "kernel", "**", "*.c"),
                          recursive=True) + \
            glob.glob(os.path.join(ROOT, "proc", "*.c")) + \
            glob.glob(os.path.join(ROOT, "vm", "*.c")):
        with open(path) as f:
            defined |= set(re.findall(r"^sys_(\w+)\(struct thread", f.read(),
                                      re.M))
    listed = set(c.name for c in calls)
    why = []
    if defined - listed:
        why.append("handlers without a line: %s" % sorted(defined - listed))
    if listed - defined:
        why.append("lines without a handler: %s" % sorted(listed - defined))
    report("handlers", not why, "; ".join(why))


def check_words():
    calls, _ = parse_text(
        "700\tNOSTUB\toff_t seek(int fd, off_t offset, int whence : whence)\n")
    c = calls[0]
    table = "\n".join(mksyscalls.truss_c(calls))
    ok = c.words == 4 and [a.word for a in c.args] == [0, 1, 3] and \
        "{ A_INT, 0 }, { A_OFF, 1 }, { A_WHENCE, 3 }" in table and \
        '"seek", 3, R_OFF' in table and \
        "[SYS_seek] = { sys_seek, 4 }" in "\n".join(mksyscalls.sysent_c(calls))
    report("words", ok, "words %d, args at %s; table:\n%s" % (
        c.words, [a.word for a in c.args], table))


def check_stub():
    calls, inc = parse_text("#include <unistd.h>\n"
                            "700\tSTD\tssize_t get(int fd, void *buf : rbuf "
                            "out, size_t n)\n"
                            "701\tNOSTUB\tint put(int fd)\n")
    text = "\n".join(mksyscalls.stub_c(calls[0]))
    header = "\n".join(mksyscalls.syscall_h(calls, inc))
    ok = "ssize_t\nget(int fd, void *buf, size_t n)\n{\n" \
         "\treturn __sys3(SYS_get, fd, buf, n);\n}" in text and \
        "#include <unistd.h>" in header and \
        "ssize_t\tget(int fd, void *buf, size_t n);" in header and \
        "put(" not in header.split("#ifndef _KERNEL")[1]
    report("stub", ok, text + "\n" + header)


REJECTS = {
    "same_number": "1\tSTD\tint a(void)\n1\tSTD\tint b(void)\n",
    "same_name": "1\tSTD\tint a(void)\n2\tSTD\tint a(void)\n",
    "unknown_kind": "1\tSTD\tint a(int x : colour)\n",
    "type_without_kind": "1\tSTD\tint a(struct foo x)\n",
    "stub_with_off_t": "1\tSTD\tint a(off_t o)\n",
    "stub_returning_void": "1\tSTD\tvoid a(int x)\n",
    "stub_with_six_words": "1\tSTD\tint a(int a, int b, int c, int d, "
                           "int e, int f)\n",
    "seven_words": "1\tNOSTUB\tint a(off_t a, off_t b, off_t c, int d)\n",
    "buf_without_count": "1\tSTD\tint a(int fd, void *b : buf)\n",
    "no_class": "1\tint a(void)\n",
}


def check_rejects():
    for name, text in sorted(REJECTS.items()):
        try:
            parse_text(text)
            report("rejects." + name, False, "accepted:\n" + text)
        except mksyscalls.MasterError as e:
            report("rejects." + name, ":" in str(e), str(e))


def main():
    calls = check_master()
    if calls:
        check_handlers(calls)
    check_words()
    check_stub()
    check_rejects()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
