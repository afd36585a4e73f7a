#!/usr/bin/env python3
"""lab.py - coursework cut from the complete kernel (docs/labs/README.md).

    lab.py list                  the labs in course order: name, hours, title
    lab.py cut NAME [--dir DIR]  the student's starting tree for lab NAME
    lab.py grade [NAME]          run lab NAME's graded tests; Score: N/100
    lab.py check                 are the markers well formed?

cut, in a git checkout with no uncommitted changes, makes the branch
lab/NAME, checks it out and commits the tree with that lab's regions
replaced by their stubs (every other lab stays solved); with --dir, or
outside a git checkout, it writes the tree into a directory instead
(../kestrel-lab-NAME unless DIR is given). grade's lab is NAME, else the
one of the lab/NAME branch checked out, else the one a cut directory
records; it prints one line per graded test and the score, and exits 0
only at full marks. The tests are make test's own (tools/testdriver.py
runs them), so the build must be current: make grade builds first.
"""
import argparse
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import labmarks  # noqa: E402
from labmarks import LabError  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# What a copy of the tree leaves behind outside git: build products.
NOT_SOURCE = ("build", "kernel.elf", "kestrel.iso", "__pycache__", ".git")


def git(root, *args, check=True):
    run = subprocess.run(["git", "-C", root] + list(args),
                         capture_output=True, text=True)
    if check and run.returncode != 0:
        raise LabError("git %s: %s" % (" ".join(args), run.stderr.strip()))
    return run.stdout


def in_git(root):
    run = subprocess.run(["git", "-C", root, "rev-parse", "--show-toplevel"],
                         capture_output=True, text=True)
    return run.returncode == 0 and \
        os.path.realpath(run.stdout.strip()) == os.path.realpath(root)


def tree_files(root):
    """The source files of root, relative: git's (tracked, and untracked
    ones it does not ignore) in a checkout, else everything but build
    products."""
    if in_git(root):
        names = git(root, "ls-files", "-co", "--exclude-standard", "-z")
        return sorted(n for n in names.split("\0")
                      if n and os.path.isfile(os.path.join(root, n)))
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not
                             d.startswith(NOT_SOURCE))
        for f in sorted(filenames):
            if not f.startswith(NOT_SOURCE) and not f.endswith(".pyc"):
                out.append(os.path.relpath(os.path.join(dirpath, f), root))
    return out


def stub_files(root, lab):
    """{path: new text} for the files lab's regions are in."""
    by_file = {}
    for r in labmarks.all_regions(root):
        if r.lab == lab.name:
            by_file.setdefault(r.path, []).append(r)
    if not by_file:
        raise LabError("lab %s has no marked region" % lab.name)
    out = {}
    for path, regions in by_file.items():
        with open(os.path.join(root, path)) as f:
            out[path] = labmarks.cut_text(f.read(), regions,
                                          labmarks.style_of(path) or ";")
    return out


def write_cut(dest, lab, changed):
    for path, text in changed.items():
        with open(os.path.join(dest, path), "w") as f:
            f.write(text)
    with open(os.path.join(dest, labmarks.CUT_FILE), "w") as f:
        f.write(lab.name + "\n")


def cut_into_dir(root, lab, dest):
    """A copy of root's sources in dest (times kept, so that a copied
    build directory rebuilds only what the stubs change), cut for lab."""
    if os.path.exists(dest):
        raise LabError("%s exists already" % dest)
    changed = stub_files(root, lab)
    for path in tree_files(root):
        os.makedirs(os.path.dirname(os.path.join(dest, path)), exist_ok=True)
        shutil.copy2(os.path.join(root, path), os.path.join(dest, path),
                     follow_symlinks=False)
    write_cut(dest, lab, changed)


def cut_into_branch(root, lab):
    branch = "lab/" + lab.name
    if git(root, "status", "--porcelain", "--untracked-files=no").strip():
        raise LabError("uncommitted changes: commit or stash them first")
    if git(root, "rev-parse", "--verify", "--quiet", "refs/heads/" + branch,
           check=False).strip():
        raise LabError("branch %s exists already" % branch)
    changed = stub_files(root, lab)
    git(root, "checkout", "-q", "-b", branch)
    write_cut(root, lab, changed)
    git(root, "add", "--", labmarks.CUT_FILE, *sorted(changed))
    git(root, "commit", "-q", "-m", "Lab %s: %s - the starting tree\n\n"
        "Its marked regions are replaced by their stubs; every other lab "
        "is solved.\nThe lab's page: docs/labs/%s.md; make grade scores it."
        % (lab.name, lab.title, lab.name))
    print("On branch %s: lab %s's starting tree, committed." % (branch,
                                                                  lab.name))
    print("Read docs/labs/%s.md; make grade scores your work." % lab.name)


def current_lab(root):
    """The lab of the lab/NAME branch checked out, or of a cut directory."""
    if in_git(root):
        branch = git(root, "rev-parse", "--abbrev-ref", "HEAD",
                     check=False).strip()
        if branch.startswith("lab/"):
            return branch[4:]
    return labmarks.read_cut(root)


def cmd_list(labs, args):
    for lab in labs:
        print("%-10s %2d h  %s" % (lab.name, lab.hours, lab.title))
    return 0


def cmd_cut(labs, args):
    lab = labmarks.find_lab(labs, args.name)
    cut = labmarks.read_cut(ROOT)
    if cut is not None:
        raise LabError("this is lab %s's starting tree: start lab %s from "
                       "the complete tree (git checkout main)" %
                       (cut, lab.name))
    if args.dir or not in_git(ROOT):
        dest = args.dir or os.path.join(os.path.dirname(ROOT),
                                        "kestrel-lab-" + lab.name)
        cut_into_dir(ROOT, lab, dest)
        print("Lab %s's starting tree is in %s; read docs/labs/%s.md there."
              % (lab.name, dest, lab.name))
    else:
        cut_into_branch(ROOT, lab)
    return 0


def cmd_grade(labs, args):
    import grade
    name = args.name or current_lab(ROOT)
    if not name:
        raise LabError("which lab? make grade LAB=name (make lab lists them)")
    return grade.grade(labmarks.find_lab(labs, name), args.jobs)


def cmd_check(labs, args):
    errors = labmarks.check(ROOT, labs, labmarks.read_cut(ROOT))
    for e in errors:
        print(e)
    if not errors:
        print("lab markers: %d labs, all regions well formed" % len(labs))
    return 1 if errors else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("list")
    p = sub.add_parser("cut")
    p.add_argument("name")
    p.add_argument("--dir")
    p = sub.add_parser("grade")
    p.add_argument("name", nargs="?")
    p.add_argument("--jobs", type=int, default=2)
    sub.add_parser("check")
    args = ap.parse_args()
    try:
        labs = labmarks.read_registry(ROOT)
        return {"list": cmd_list, "cut": cmd_cut, "grade": cmd_grade,
                "check": cmd_check}[args.cmd](labs, args)
    except LabError as e:
        print("lab: %s" % e, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
