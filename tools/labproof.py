"""labproof.py - the proof that every lab's grader grades, run by make test.

For each lab of docs/labs/labs.conf, its starting tree is cut into a
directory of its own beside the build directory (build-labs/NAME for
build/), and:

  labs.NAME.builds          the tree builds warning-free (-Werror) in its
                            own build directory, which starts as a copy of
                            the complete tree's, so only what the stubs
                            change is compiled again;
  labs.NAME.boots           its kernel boots to the shell's prompt;
  labs.NAME.grader_fails    make grade on it fails every graded test and
                            scores 0/100 (a test that passed without the
                            student's code would not test the lab);
  labs.NAME.full_marks      every graded test passes on the complete tree
                            (in this make test's own run of it).

Two labs are proved at a time (--jobs). A lab's directory is removed once
its proof passed and kept to look into when it failed.
"""
import concurrent.futures
import os
import re
import shutil
import subprocess
import sys
import time

import emu
import lab as labtool
import labmarks

# Not copied into a lab's build directory: nothing its build or tests use.
BUILD_SKIP = ("host", "bochs", "iso", "kestrel.iso", "grub-mkrescue.log")
GRADE_LINE = re.compile(r"^(.+?)\s+(\d+)\s+(PASS|FAIL)$")


def clean_env(build):
    """The environment of a lab tree's make and tests: none of this make's
    variables (B=, OPT= on the command line would pass to it)."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES",
                        "B", "OPT")}
    env["KESTREL_BUILD"] = build
    env["KESTREL_DEPS_OK"] = "1"
    return env


def build_tree(tree):
    """Copy the complete tree's build directory in, then make. (ok, why,
    log, number of files compiled)."""
    build = os.path.join(tree, "build")
    shutil.copytree(emu.BUILD, build, symlinks=True,
                    ignore=lambda d, names: [n for n in names if
                                             d == emu.BUILD and
                                             n in BUILD_SKIP])
    run = subprocess.run(["make", "-C", tree, "B=build", "all"],
                         capture_output=True, text=True,
                         env=clean_env(build), stdin=subprocess.DEVNULL)
    out = run.stdout + run.stderr
    compiled = len(re.findall(r"^  (?:CC|NASM) ", out, re.M))
    if run.returncode != 0:
        return False, "make failed", out, compiled
    if "warning:" in out:
        return False, "warnings", out, compiled
    return True, "", out, compiled


def boots(tree):
    build = os.path.join(tree, "build")
    with emu.Qemu(kernel=os.path.join(build, "kernel.elf"),
                  initrd=os.path.join(build, "initrd.tar")) as q:
        ok = q.wait_for("$ ", 60)
        return ok, q.output


def grade_tree(tree, lab):
    """Run make grade's grader on the tree: (ok, why, output)."""
    run = subprocess.run([sys.executable, os.path.join(tree, "tools", "lab.py"),
                          "grade", lab.name, "--jobs", "1"],
                         capture_output=True, text=True, cwd=tree,
                         env=clean_env(os.path.join(tree, "build")),
                         stdin=subprocess.DEVNULL)
    out = run.stdout + run.stderr
    seen = {m.group(1): m.group(3) for m in
            (GRADE_LINE.match(line) for line in run.stdout.splitlines()) if m}
    passed = [t for t, _ in lab.tests if seen.get(t) != "FAIL"]
    if passed:
        return False, "not FAIL without the lab's code: %s" % \
            ", ".join(passed), out
    if "\nScore: 0/100\n" not in "\n" + run.stdout or run.returncode == 0:
        return False, "the grader did not score 0/100", out
    return True, "", out


def prove(root, lab, workdir):
    """The first three verdicts of one lab: [(name, verdict, why, log)]."""
    tree = os.path.join(workdir, lab.name)
    shutil.rmtree(tree, ignore_errors=True)
    start = time.time()
    out = []
    name = "labs.%s." % lab.name
    try:
        labtool.cut_into_dir(root, lab, tree)
    except (labmarks.LabError, OSError) as e:
        return [(name + "builds", "FAIL", "cannot cut: %s" % e, "")]
    ok, why, log, compiled = build_tree(tree)
    out.append((name + "builds", "PASS" if ok else "FAIL", why, log))
    if ok:
        ok, log = boots(tree)
        out.append((name + "boots", "PASS" if ok else "FAIL",
                    "" if ok else "no shell prompt", log))
        ok2, why, log = grade_tree(tree, lab)
        out.append((name + "grader_fails", "PASS" if ok2 else "FAIL", why,
                    log))
        ok = ok and ok2
    print("labs: %s: %d files compiled, proved in %.0f s" %
          (lab.name, compiled, time.time() - start), flush=True)
    if ok:
        shutil.rmtree(tree, ignore_errors=True)
    return out


def full_marks(res, lab, jobs):
    """Every graded test PASS on the complete tree: from this run's
    verdicts, running those it did not run."""
    import grade
    missing = [t for t, _ in lab.tests if t not in res.verdicts]
    extra = {}
    if missing:
        sub = labmarks.Lab(lab.name, lab.hours, lab.chapter, lab.title)
        sub.tests = [(t, 0) for t in missing]
        extra = grade.run(sub, jobs)
    bad = []
    for test, _ in lab.tests:
        verdict = extra[test][0] if test in extra else res.verdicts[test][0]
        if verdict != "PASS":
            bad.append("%s %s" % (test, verdict))
    return bad


def run(res, jobs):
    """Add the labs' verdicts to res (make test's results so far)."""
    root = emu.ROOT
    cut = labmarks.read_cut(root)
    if cut is not None:
        res.add("labs", "SKIP", "this is lab %s's starting tree; the proof "
                "needs the complete one" % cut)
        return
    try:
        labs = labmarks.read_registry(root)
    except labmarks.LabError as e:
        res.add("labs", "FAIL", str(e))
        return
    workdir = emu.BUILD.rstrip("/") + "-labs"
    start = time.time()
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        proofs = [pool.submit(prove, root, lab, workdir) for lab in labs]
        for lab, fut in zip(labs, proofs):
            for name, verdict, why, log in fut.result():
                res.add(name, verdict, why, log)
    for lab in labs:
        bad = full_marks(res, lab, jobs)
        res.add("labs.%s.full_marks" % lab.name, "FAIL" if bad else "PASS",
                "; ".join(bad))
    print("labs: %d labs proved in %.0f s" % (len(labs), time.time() - start))
