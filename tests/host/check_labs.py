#!/usr/bin/env python3
"""check_labs.py - the labs' registry, their markers and tools/lab.py.

  labs.registry          docs/labs/labs.conf reads: at least eight labs,
                         points summing to 100, a page docs/labs/NAME.md
                         for each with its five parts, and the teachers'
                         page links every one
  labs.markers           the tree's markers are well formed: paired, named
                         after a listed lab, no lab without a region
  labs.parse.*           the marker forms a file may use, cut as they should
  labs.rejects.*         marker and registry mistakes refused, one each
  labs.check.*           a region of an unlisted lab, a lab with none
  labs.cut_branch        make lab LAB=x in a git checkout: the branch lab/x,
                         checked out, its commit naming the lab, the stubs
                         in place, .lab recording it; make grade's lab
  labs.cut_refuses.*     over uncommitted changes, onto an existing branch
  labs.cut_dir           outside git: a directory, build products left out

The cut and check cases run on small trees made in a temporary directory,
so they hold in a lab's starting tree as well as on the complete one.
Prints PASS/FAIL lines for tools/testdriver.py.
"""
import contextlib
import io
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import lab as labtool  # noqa: E402
import labmarks  # noqa: E402
from labmarks import LabError  # noqa: E402

failed = 0
# What every lab's page has, after its goal.
PAGE_PARTS = ("Background", "Steps", "Hints", "What the grader checks",
              "Going further")

# A tree of two labs for the cut cases: alpha has a C and a master-list
# region, beta one C region that stays solved when alpha is cut.
MINI_CONF = """lab alpha 2 boot.md The first lab
	60 suite.one
	40 suite.two
lab beta 3 boot.md The second lab
	100 suite.three
"""
MINI_C = """int
f(void)
{
	/* LAB alpha: BEGIN stub:
	 *	return -1;
	 */
	return 42;
	/* LAB alpha: END */
}

/* LAB beta: BEGIN stub: int g(void) { return 0; } */
int g(void) { return 7; }
/* LAB beta: END */
"""
MINI_C_CUT = """int
f(void)
{
	/* LAB alpha: your code here */
	return -1;
}

/* LAB beta: BEGIN stub: int g(void) { return 0; } */
int g(void) { return 7; }
/* LAB beta: END */
"""
MINI_MASTER = """1	STD	int exit(int rval)
; LAB alpha: BEGIN
2	STD	int alpha(void)
; LAB alpha: END
"""


def report(name, ok, why=""):
    global failed
    if ok:
        print("PASS labs.%s" % name)
    else:
        failed += 1
        print("FAIL labs.%s: %s" % (name, why))


def refused(name, call, says):
    """call() must raise LabError with a message that says says."""
    try:
        call()
        report(name, False, "accepted")
    except LabError as e:
        report(name, says in str(e), "the message %r does not say %r"
               % (str(e), says))


def write(root, path, text):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as f:
        f.write(text)


def read(root, path):
    with open(os.path.join(root, path)) as f:
        return f.read()


def mini_tree(root):
    write(root, labmarks.REGISTRY, MINI_CONF)
    write(root, "kernel/f.c", MINI_C)
    write(root, "kernel/syscalls.master", MINI_MASTER)


def check_registry():
    try:
        labs = labmarks.read_registry(ROOT)
    except LabError as e:
        report("registry", False, str(e))
        return None
    bad = []
    if len(labs) < 8:
        bad.append("only %d labs" % len(labs))
    teachers = read(ROOT, "docs/labs/README.md")
    for lab in labs:
        page = "docs/labs/%s.md" % lab.name
        if not os.path.isfile(os.path.join(ROOT, page)):
            bad.append("no " + page)
        else:
            text = read(ROOT, page)
            bad += ["%s has no '## %s'" % (page, h) for h in PAGE_PARTS
                    if not re.search(r"^## %s$" % h, text, re.M)]
        if "](%s.md)" % lab.name not in teachers:
            bad.append("docs/labs/README.md does not link %s.md" % lab.name)
    report("registry", not bad, "; ".join(bad))
    return labs


def check_markers(labs):
    if labs is None:
        report("markers", False, "no registry to check the markers against")
        return
    errors = labmarks.check(ROOT, labs, labmarks.read_cut(ROOT))
    report("markers", not errors, "; ".join(errors))


# (name, path, text, [(lab, stub lines)], the text cut for lab "a")
PARSES = [
    ("c_one_line", "x.c",
     "\t/* LAB a: BEGIN stub: return ENOSYS; */\n\tdo();\n\t/* LAB a: END */\n",
     [("a", ["return ENOSYS;"])],
     "\t/* LAB a: your code here */\n\treturn ENOSYS;\n"),
    ("c_lines", "x.c",
     "/* LAB a: BEGIN stub:\n *\tif (x)\n *\t\treturn EINVAL;\n *\n"
     " *\treturn 0;\n */\nsolved();\n/* LAB a: END */\n",
     [("a", ["if (x)", "\treturn EINVAL;", "", "return 0;"])],
     "/* LAB a: your code here */\nif (x)\n\treturn EINVAL;\n\nreturn 0;\n"),
    ("c_no_stub", "x.h",
     "int keep;\n/* LAB a: BEGIN */\nint helper;\n/* LAB a: END */\n",
     [("a", [])],
     "int keep;\n/* LAB a: your code here */\n"),
    ("asm", "x.asm",
     "\t; LAB a: BEGIN stub:\n\t;\tmov eax, -1\n\tmov eax, 1\n"
     "\t; LAB a: END\n",
     [("a", ["mov eax, -1"])],
     "\t; LAB a: your code here\n\tmov eax, -1\n"),
    ("python", "x.py",
     "# LAB a: BEGIN stub:\n#\treturn None\nreturn 1\n# LAB a: END\n",
     [("a", ["return None"])],
     "# LAB a: your code here\nreturn None\n"),
    ("empty_region", "x.c",
     "/* LAB a: BEGIN stub: int placeholder; */\n/* LAB a: END */\n",
     [("a", ["int placeholder;"])],
     "/* LAB a: your code here */\nint placeholder;\n"),
]

# (name, path, text, what the message must say)
REJECTS = [
    ("end_without_begin", "x.c", "x;\n/* LAB a: END */\n", "without its BEGIN"),
    ("begin_without_end", "x.c", "/* LAB a: BEGIN */\nx;\n",
     "BEGIN of lab a without END"),
    ("nested", "x.c",
     "/* LAB a: BEGIN */\n/* LAB b: BEGIN */\n/* LAB b: END */\n"
     "/* LAB a: END */\n", "BEGIN inside lab a's region"),
    ("end_of_another_lab", "x.c", "/* LAB a: BEGIN */\n/* LAB b: END */\n",
     "END of lab b without its BEGIN"),
    ("stub_line_without_tab", "x.c",
     "/* LAB a: BEGIN stub:\n * return 0;\n */\n/* LAB a: END */\n",
     "comment leader, a tab"),
    ("stub_comment_ends_on_code", "x.c",
     "/* LAB a: BEGIN stub:\n *\treturn 0; */\n/* LAB a: END */\n",
     "on a line of its own"),
    ("empty_one_line_stub", "x.c",
     "/* LAB a: BEGIN stub: */\n/* LAB a: END */\n", "after BEGIN"),
    ("words_after_begin", "x.c",
     "/* LAB a: BEGIN solved below */\n/* LAB a: END */\n", "after BEGIN"),
    ("stray_marker", "x.c", "/* LAB a: START */\n",
     "'LAB name: BEGIN' or 'LAB name: END'"),
    ("begin_comment_never_ends", "x.c", "/* LAB a: BEGIN stub:\n *\tx;",
     "never ends"),
]

# (name, labs.conf text, what the message must say)
REGISTRY_REJECTS = [
    ("points_not_100", "lab a 1 x.md A\n\t50 s.one\n\t40 s.two\n",
     "sum to 90"),
    ("lab_twice", "lab a 1 x.md A\n\t100 s.one\nlab a 1 x.md A\n\t100 s.one\n",
     "lab a again"),
    ("test_twice", "lab a 1 x.md A\n\t50 s.one\n\t50 s.one\n", "s.one again"),
    ("test_before_lab", "\t100 s.one\n", "under a lab"),
    ("hours_not_a_number", "lab a some x.md A\n\t100 s.one\n",
     "lab NAME HOURS"),
    ("no_labs", "# nothing yet\n", "no labs"),
]


def check_parses():
    for name, path, text, want, cut in PARSES:
        try:
            regions = labmarks.parse_text(path, text)
            got = [(r.lab, r.stub) for r in regions]
            out = labmarks.cut_text(text, regions, labmarks.style_of(path))
        except LabError as e:
            report("parse." + name, False, str(e))
            continue
        if got != want:
            report("parse." + name, False, "regions %r, not %r" % (got, want))
        else:
            report("parse." + name, out == cut, "cut to %r, not %r"
                   % (out, cut))


def check_rejects():
    for name, path, text, says in REJECTS:
        refused("rejects." + name,
                lambda: labmarks.parse_text(path, text), says)
    for name, conf, says in REGISTRY_REJECTS:
        with tempfile.TemporaryDirectory() as root:
            write(root, labmarks.REGISTRY, conf)
            refused("rejects." + name,
                    lambda: labmarks.read_registry(root), says)


def check_check():
    with tempfile.TemporaryDirectory() as root:
        mini_tree(root)
        labs = labmarks.read_registry(root)
        write(root, "user/g.c", "/* LAB gamma: BEGIN */\n/* LAB gamma: END */\n")
        errors = labmarks.check(root, labs)
        report("check.unlisted_lab",
               any("lab gamma is not in" in e for e in errors), repr(errors))
        write(root, "user/g.c", "int g;\n")
        write(root, "kernel/f.c", "int f;\n")
        errors = labmarks.check(root, labs)
        report("check.lab_without_region",
               errors == ["lab beta has no marked region"], repr(errors))
        errors = labmarks.check(root, labs, cut_lab="beta")
        report("check.cut_lab_has_notes", errors == [], repr(errors))


def git(root, *args):
    run = subprocess.run(["git", "-C", root] + list(args),
                         capture_output=True, text=True)
    if run.returncode != 0:
        raise LabError("git %s: %s" % (" ".join(args), run.stderr.strip()))
    return run.stdout


def git_env():
    """A committer for the temporary repositories, whoever runs the test."""
    for who in ("AUTHOR", "COMMITTER"):
        os.environ["GIT_%s_NAME" % who] = "check_labs"
        os.environ["GIT_%s_EMAIL" % who] = "check_labs@kestrel.invalid"
    os.environ["GIT_CONFIG_NOSYSTEM"] = "1"
    os.environ["HOME"] = tempfile.gettempdir()


def check_cut_branch():
    git_env()
    with tempfile.TemporaryDirectory() as root:
        mini_tree(root)
        git(root, "init", "-q", "-b", "main")
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", "complete")
        labs = labmarks.read_registry(root)
        alpha = labmarks.find_lab(labs, "alpha")

        write(root, "kernel/f.c", MINI_C + "int dirty;\n")
        refused("cut_refuses.uncommitted",
                lambda: labtool.cut_into_branch(root, alpha), "uncommitted")
        git(root, "checkout", "-q", "--", "kernel/f.c")

        try:
            with contextlib.redirect_stdout(io.StringIO()):
                labtool.cut_into_branch(root, alpha)
        except LabError as e:
            report("cut_branch", False, str(e))
            return
        bad = []
        branch = git(root, "rev-parse", "--abbrev-ref", "HEAD").strip()
        if branch != "lab/alpha":
            bad.append("on %s, not lab/alpha" % branch)
        subject = git(root, "log", "-1", "--format=%s")
        if not re.match(r"^Lab alpha: The first lab\b", subject):
            bad.append("commit message %r" % subject)
        if git(root, "status", "--porcelain"):
            bad.append("uncommitted after the cut")
        if read(root, "kernel/f.c") != MINI_C_CUT:
            bad.append("kernel/f.c cut as %r" % read(root, "kernel/f.c"))
        if "int alpha(void)" in read(root, "kernel/syscalls.master"):
            bad.append("the master list's region stayed")
        if labmarks.read_cut(root) != "alpha":
            bad.append(".lab says %r" % labmarks.read_cut(root))
        if labtool.current_lab(root) != "alpha":
            bad.append("make grade's lab is %r" % labtool.current_lab(root))
        if git(root, "show", "main:kernel/f.c") != MINI_C:
            bad.append("main changed")
        report("cut_branch", not bad, "; ".join(bad))

        git(root, "checkout", "-q", "main")
        refused("cut_refuses.branch_exists",
                lambda: labtool.cut_into_branch(root, alpha),
                "exists already")


def check_cut_dir():
    with tempfile.TemporaryDirectory() as tmp:
        root = os.path.join(tmp, "tree")
        mini_tree(root)
        write(root, "build/kernel/f.o", "object\n")
        write(root, "tools/__pycache__/x.pyc", "bytes\n")
        labs = labmarks.read_registry(root)
        dest = os.path.join(tmp, "cut")
        bad = []
        try:
            labtool.cut_into_dir(root, labmarks.find_lab(labs, "alpha"), dest)
        except LabError as e:
            report("cut_dir", False, str(e))
            return
        if read(dest, "kernel/f.c") != MINI_C_CUT:
            bad.append("kernel/f.c cut as %r" % read(dest, "kernel/f.c"))
        if labmarks.read_cut(dest) != "alpha":
            bad.append(".lab says %r" % labmarks.read_cut(dest))
        for product in ("build", "tools/__pycache__"):
            if os.path.exists(os.path.join(dest, product)):
                bad.append("%s copied" % product)
        if read(root, "kernel/f.c") != MINI_C:
            bad.append("the complete tree changed")
        try:
            labtool.cut_into_dir(root, labs[0], dest)
            bad.append("cut over an existing directory")
        except LabError:
            pass
        report("cut_dir", not bad, "; ".join(bad))


def main():
    labs = check_registry()
    check_markers(labs)
    check_parses()
    check_rejects()
    check_check()
    check_cut_branch()
    check_cut_dir()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
