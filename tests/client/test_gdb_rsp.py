#!/usr/bin/env python3
"""test_gdb_rsp.py - the gdbstub's protocol edges, by raw packets over TCP.

What gdb itself never sends: bad checksums, garbage, cut-off and overlong
packets, unknown commands, bad hex, addresses outside the program and
register numbers outside the description. Each gets the protocol's answer
('-', an empty reply for unknown packets, "Enn" for errors) and the stub
must go on serving: a real gdb session runs afterwards on the same boot.
Then the run-control edges: gdb's interrupt byte, signal numbers in both
directions, death by a signal ("X"), a line that only carries garbage (the
stub detaches), and a new connection after an abandoned one.
Prints "TEST gdb.rsp_NAME PASS|FAIL: why" lines.
"""
import concurrent.futures
import os
import re
import socket
import sys
import time
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gdbstub_lib import RspClient, Stub, report, symbols  # noqa: E402

SYMS = symbols()
EINVAL = "E16"

BAD_SYNTAX = [
    "mzz,4", "m8048000,zz", "m8048000", "m,4", "M8048000,2:zz11",
    "M8048000,2:11", "M8048000,2", "X8048000,4:ab", "pzz", "p", "P8=zz",
    "P8=1122", "P8", "G00", "Z0,zz,1", "Z0,8048000", "Z0,8048000,1,", "z9",
    "C9z", "Cfff", "vCont;Czz", "vCont;x", "gX", "?X", "Hx", "Tzz", "Dx",
    "m1ffffffff,4",
]
OUT_OF_RANGE = [
    "m0,4", "mc0000000,4", "mfffffff0,10", "Mc0000000,1:cc", "M0,4:00000000",
    "Xc0000000,1:a", "Z0,0,1", "Z0,c0000000,1", "Z2,c0000000,4",
    "Z1,fffffffc,1", "z0,8048000,1", "z2,8048000,4", "Z2,804e000,11",
    "p29", "pffffffff", "P29=00000000", "Pa=08000000", "P9=00320000",
]
UNKNOWN = ["qFooBar", "vFooBar", "!", "b", "y", "QStartNoAckMode", "vRun;00",
           "Z9,8048000,1", "qXfer:exec-file:read::0,100"]


def check(name, cond, why, log=""):
    report("rsp_" + name, bool(cond), why, log)


def tdesc(c):
    """The whole target description, read in the chunks the stub offers."""
    xml, off = "", 0
    while True:
        r = c.command("qXfer:features:read:target.xml:%x,400" % off)
        if not r or r[0] not in "ml":
            return None
        xml += re.sub(r"}(.)", lambda m: chr(ord(m.group(1)) ^ 0x20), r[1:])
        off += len(r) - 1 - r.count("}")
        if r[0] == "l":
            return xml


def framing(c):
    c.raw(b"$g#00")
    check("bad_checksum", c.ack() == b"-", "no '-' for a bad checksum")
    c.raw(b"garbage\x00\xff}}*##\r\n")
    c.raw(b"$m8048")                            # cut off by the next '$'
    check("garbage_then_packet", c.command("?").startswith("T05"),
          "no stop reply after garbage and a cut-off packet")
    ack, r = c.ask("q" + "A" * 6000)
    check("overlong", ack == "+" and r == "E01",
          "an overlong packet got %r %r" % (ack, r))
    bad = {p: c.command(p) for p in BAD_SYNTAX}
    wrong = {p: r for p, r in bad.items() if r != "E01"}
    check("bad_syntax", not wrong, "replies: %s" % wrong)
    unk = {p: c.command(p) for p in UNKNOWN}
    wrong = {p: r for p, r in unk.items() if r != ""}
    check("unknown_empty", not wrong, "replies: %s" % wrong)
    oor = {p: c.command(p) for p in OUT_OF_RANGE}
    wrong = {p: r for p, r in oor.items() if not re.match(r"^E[0-9a-f]{2}$", r)}
    check("out_of_range", not wrong, "replies: %s" % wrong)
    check("register_refused", oor["Pa=08000000"] == EINVAL and
          oor["P9=00320000"] == EINVAL,
          "a kernel cs or IOPL write gave %r %r" % (oor["Pa=08000000"],
                                                    oor["P9=00320000"]))


def queries(c, pid):
    sup = c.command("qSupported:multiprocess+;swbreak+;hwbreak+")
    check("qsupported", "PacketSize=1000" in sup and
          "qXfer:features:read+" in sup and "swbreak+" in sup, sup)
    xml = tdesc(c)
    try:
        root = ET.fromstring(xml)
        feats = {f.get("name"): [r.get("name") for r in f.iter("reg")]
                 for f in root.iter("feature")}
        core = feats.get("org.gnu.gdb.i386.core", [])
        sse = feats.get("org.gnu.gdb.i386.sse", [])
        ok = (core[:9] == ["eax", "ecx", "edx", "ebx", "esp", "ebp", "esi",
                           "edi", "eip"] and "st7" in core and "fop" in core
              and sse == ["xmm%d" % i for i in range(8)] + ["mxcsr"])
        why = "features %s" % feats
    except (ET.ParseError, TypeError) as e:
        ok, why = False, "not XML: %s" % e
    check("target_xml", ok, why, xml or "")
    bad = [c.command("qXfer:features:read:foo.xml:0,100"),
           c.command("qXfer:features:read:target.xml:zz,10")]
    check("qxfer_malformed", bad == ["E00", "E00"],
          "an unknown annex and bad hex gave %s, not E00" % bad)
    g = c.command("g")
    check("g_size", len(g) == 2 * 308 and re.match("^[0-9a-f]+$", g),
          "g has %d characters" % len(g))
    # A thread's id is its kernel (LWP) id, never the pid.
    qc = c.command("qC")
    tid = int(qc[2:], 16) if re.match("^QC[0-9a-f]+$", qc) else 0
    threads = [c.command(p) for p in ("qfThreadInfo", "qsThreadInfo",
                                      "qAttached", "Hg0", "Hc-1",
                                      "T%x" % tid, "T%x" % (tid + 4096),
                                      "vCont?")]
    check("threads", tid > 99999 and tid != pid and
          threads[:6] == ["m%x" % tid, "l", "0", "OK", "OK", "OK"] and
          threads[6].startswith("E") and
          threads[7].startswith("vCont;c;C;s;S"),
          "qC %s, replies %s" % (qc, threads))


def memory(c):
    big = c.command("m8048000,100000")
    check("read_clamped", 0 < len(big) <= 4096 and len(big) % 2 == 0 and
          big.startswith("7f454c46"), "a huge read gave %d characters" %
          len(big))
    total = SYMS["total"]
    w = c.command(b"X%x,4:}\x03}\x04}]}\x0a" % total)
    back = c.command("m%x,4" % total)
    c.command("M%x,4:00000000" % total)
    check("write_escaped", w == "OK" and back == "23247d2a",
          "X of '#$}*' gave %r, read back %r" % (w, back))
    step_c = SYMS["step_c"]
    orig = c.command("m%x,1" % step_c)
    ins = c.command("Z0,%x,1" % step_c)
    shadow = c.command("m%x,1" % step_c)
    rm = [c.command("z0,%x,1" % step_c), c.command("z0,%x,1" % step_c)]
    check("breakpoint_hidden", ins == "OK" and shadow == orig == "55" and
          rm[0] == "OK" and rm[1].startswith("E"),
          "planted %r, reads %r/%r, removes %s" % (ins, orig, shadow, rm))


def test_malformed_then_gdb():
    with Stub() as k:
        if not k.ready():
            return check("framing", False, "the stub never came up", k.output)
        pid = int(re.search(r"\(pid (\d+)\)", k.output).group(1))
        c = RspClient(k.port)
        c.raw(b"+")
        try:
            queries(c, pid)
            framing(c)
            memory(c)
        except (OSError, EOFError, ValueError) as e:
            check("framing", False, "the stub stopped answering: %s" % e,
                  k.output)
        c.close()
        log = k.gdb("break step_c", "continue", "bt 2", "delete", "continue")
        status = k.status()
    check("gdb_after_garbage", "step_c (x=0)" in log and
          "exited with code 0132]" in log and status == 90,
          "no proper session afterwards (status %s)" % status, log + k.output)


def test_interrupt_and_signals():
    with Stub(job="/bin/gdbstub -- /bin/demo -d 100 40") as k:
        if not k.ready():
            return check("interrupt", False, "the stub never came up", k.output)
        c = RspClient(k.port, timeout=20)
        c.raw(b"+")
        c.command("qSupported:swbreak+")
        stops = []
        for resume in ("vCont;c", "c"):
            c.raw(c.frame(resume))
            c.ack()
            time.sleep(0.5)
            c.raw(b"\x03")
            stops.append(c.packet())
        check("interrupt", all(s.startswith("T02thread:") for s in stops),
              "stops after 0x03: %s" % stops, k.output)
        end = c.command("C0f")
        c.close()
        status = k.status()
    check("exit_by_signal", end == "X0f" and status == 128 + 15,
          "SIGTERM passed with C0f gave %r, status %s" % (end, status),
          k.output)


def test_signal_numbers():
    with Stub(job="/bin/gdbstub -- /bin/demo -s 29") as k:
        if not k.ready():
            return check("siginfo", False, "the stub never came up", k.output)
        c = RspClient(k.port, timeout=20)
        c.raw(b"+")
        stop = c.command("vCont;c")
        end = c.command("C8e")
        c.close()
        status = k.status()
    check("siginfo_to_gdb", stop.startswith("T8e"),
          "SIGINFO (29) reported as %r, not gdb's 142" % stop)
    check("siginfo_from_gdb", end == "W5a" and "caught = 1" in k.output and
          status == 90, "C8e gave %r; the handler did not run" % end,
          k.output)


def test_line_lost():
    with Stub() as k:
        if not k.ready():
            return check("line_lost", False, "the stub never came up", k.output)
        c = RspClient(k.port)
        c.raw(b"+")
        planted = c.command("Z0,%x,1" % SYMS["step_c"])
        c.raw(b"noise " * 4000)
        status = k.status()
        c.close()
    check("line_lost_detaches", planted == "OK" and status == 90 and
          "total = 90" in k.output and "garbage" in k.output,
          "after 24000 bytes of garbage: status %s" % status, k.output)


def test_step_over():
    """Resuming from a planted int3 is the stub's job when gdb leaves it in."""
    step_c = SYMS["step_c"]
    with Stub() as k:
        if not k.ready():
            return check("step_over", False, "the stub never came up", k.output)
        c = RspClient(k.port)
        c.raw(b"+")
        c.command("qSupported:swbreak+;hwbreak+")
        c.command("Z0,%x,1" % step_c)
        stops = [c.command("vCont;c"), c.command("vCont;s"), c.command("c")]
        c.command("z0,%x,1" % step_c)
        c.command("Z1,%x,1" % SYMS["step_b"])
        hw = [c.command("c"), c.command("c")]
        c.command("z1,%x,1" % SYMS["step_b"])
        end = c.command("c")
        c.close()
        status = k.status()
    pcs = [re.search(r"08:([0-9a-f]{8});", s or "") for s in stops + hw]
    pcs = [int.from_bytes(bytes.fromhex(m.group(1)), "little") if m else None
           for m in pcs]
    check("swbreak_step_over", pcs[:3] == [step_c, step_c + 1, step_c] and
          "swbreak:;" in stops[0] and "swbreak:;" in stops[2] and
          "swbreak" not in stops[1],
          "stops %s at %s" % (stops, [hex(p or 0) for p in pcs]))
    check("hwbreak_reason", pcs[3:] == [SYMS["step_b"]] * 2 and
          all("hwbreak:;" in h for h in hw) and end == "W5a" and status == 90,
          "stops %s, end %r" % (hw, end), k.output)


def test_reconnect():
    with Stub() as k:
        if not k.ready():
            return check("reconnect", False, "the stub never came up", k.output)
        c = RspClient(k.port)
        c.raw(b"+")
        c.command("qSupported:swbreak+")
        old = [c.command("Z0,%x,1" % SYMS["step_c"]),
               c.command("Z2,%x,4" % SYMS["counter"])]
        c.sock.shutdown(socket.SHUT_RDWR)
        c.close()
        time.sleep(0.3)
        c = RspClient(k.port)
        c.raw(b"+")
        c.command("qSupported:swbreak+")
        end = c.command("vCont;c")
        c.close()
        status = k.status()
    check("reconnect_clears", old == ["OK", "OK"] and end == "W5a" and
          status == 90, "the old session's breakpoints stayed: %r" % end,
          k.output)


def main():
    tests = [test_malformed_then_gdb, test_interrupt_and_signals,
             test_signal_numbers, test_line_lost, test_reconnect,
             test_step_over]
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        for f in [pool.submit(t) for t in tests]:
            f.result()


if __name__ == "__main__":
    main()
