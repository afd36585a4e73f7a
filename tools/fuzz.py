#!/usr/bin/env python3
"""fuzz.py - run the ptrace fuzzer (/bin/ptfuzz) on a fresh boot.

    make fuzz [N=requests] [SEED=s] [EMU=bochs] [VERBOSE=from]

Boots Kestrel headless with `test init=/bin/ptfuzz -- -n N -s SEED` and
relays the fuzzer's report: its rate in requests per second of guest time,
the outcome of the requests, and PASS or, on a failure, the seed, the last
requests and the command that replays it. A seed not given is drawn here
and printed first, so every run can be repeated. This script adds the
host's view: the wall time and the rate per host second.

The exit status is the fuzzer's: 0 when the kernel came through, 1 when a
check failed; 124 when the run did not finish in time (by default a minute
plus a second per 1,000 requests, ten times that under Bochs), 125 when the
kernel panicked or the boot ended without a status.
"""
import argparse
import os
import random
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import emu  # noqa: E402

EXIT_TIMEOUT, EXIT_PANIC = 124, 125
STATUS = re.compile(r"^init: job exited with status (\d+)$", re.M)
KILLED = re.compile(r"^init: job \S+ killed by signal (\d+)$", re.M)


def relay(text):
    sys.stdout.write(text.replace("\r\n", "\n"))
    sys.stdout.flush()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=100000)
    ap.add_argument("--seed", type=int)
    ap.add_argument("--emu", choices=("qemu", "bochs"), default="qemu")
    ap.add_argument("--verbose-from", type=int,
                    help="print every request from this one on")
    ap.add_argument("--timeout", type=int,
                    help="seconds (default: 60 + N/1000, x10 under Bochs)")
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 32)
    timeout = args.timeout or (60 + args.n // 1000) * (
        10 if args.emu == "bochs" else 1)
    job = "/bin/ptfuzz -- -n %d -s %d" % (args.n, seed)
    if args.verbose_from is not None:
        job += " -v %d" % args.verbose_from
    cmdline = "test init=" + job
    print("fuzz: %s, seed %d, %d requests, timeout %d s" %
          (args.emu, seed, args.n, timeout))
    sys.stdout.flush()
    start = time.time()
    if args.emu == "bochs":
        if not emu.have_bochs():
            sys.exit("fuzz: bochs is not installed")
        boot = emu.boot_bochs(cmdline, timeout=timeout)
        relay(boot.output if boot.output.endswith("\n") else
              boot.output + "\n")
    else:
        with emu.Qemu(cmdline, on_output=relay) as q:
            boot = q.wait(timeout)
        if not boot.output.endswith("\n"):
            relay("\n")
    wall = time.time() - start
    status = STATUS.search(boot.output)
    print("fuzz: %.1f s of wall time (%.0f requests per host second)" %
          (wall, args.n / wall if wall > 0 else 0))
    if boot.panicked:
        print("fuzz: the kernel panicked (seed %d)" % seed)
        return EXIT_PANIC
    if boot.timed_out:
        print("fuzz: timed out after %d s (seed %d)" % (timeout, seed))
        return EXIT_TIMEOUT
    if KILLED.search(boot.output):
        print("fuzz: the fuzzer was killed by signal %s (seed %d)" %
              (KILLED.search(boot.output).group(1), seed))
        return EXIT_PANIC
    if status is None:
        print("fuzz: the boot ended without a status (seed %d)" % seed)
        return EXIT_PANIC
    return int(status.group(1))


if __name__ == "__main__":
    sys.exit(main())
