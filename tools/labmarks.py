"""labmarks.py - the labs' registry and the markers that cut them from the
kernel (docs/labs/README.md tells teachers the whole story).

The registry, docs/labs/labs.conf, lists the labs in course order:

    lab NAME HOURS CHAPTER TITLE...     a lab: its page is docs/labs/NAME.md
        POINTS TEST                     a graded test, as make test names it

The code a lab asks for is marked where it lives. In C:

    /* LAB name: BEGIN stub: return (ENOSYS); */     one-line stub
    ...the solution...
    /* LAB name: END */

    /* LAB name: BEGIN stub:                         several lines: each
     *	if (x)                                        is " *" and a tab,
     *		return (EINVAL);                          then the code, indented
     */                                              relative to the marker
    ...
    /* LAB name: END */

A BEGIN without "stub:" has an empty stub: the region just goes. Files
whose comments start with ";" (nasm, kernel/syscalls.master) or "#" use
the same words in line comments: the stub's lines are the comment lines
right after "stub:", each the comment character, a tab, then the code.

Cutting lab NAME replaces each of its regions, markers included, by the
line "LAB NAME: your code here" (as a comment) and the stub; every other
lab's regions stay as they are, solved.
"""
import os
import re

REGISTRY = "docs/labs/labs.conf"
SOURCE_DIRS = ("boot", "kernel", "vm", "proc", "user")
STYLES = {".c": "c", ".h": "c", ".asm": ";", ".master": ";", ".py": "#"}
CUT_FILE = ".lab"               # a cut tree's lab, for make grade


class LabError(Exception):
    pass


class Lab:
    def __init__(self, name, hours, chapter, title):
        self.name, self.hours, self.chapter, self.title = \
            name, hours, chapter, title
        self.tests = []          # (test name, points)

    def points(self):
        return sum(p for _, p in self.tests)


def read_registry(root):
    """The labs of root's registry, in course order. LabError on a line
    it cannot read, a name used twice or points that do not sum to 100."""
    path = os.path.join(root, REGISTRY)
    labs = []
    with open(path) as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip()
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            where = "%s:%d: " % (REGISTRY, n)
            words = line.split()
            if not raw[0].isspace():
                if len(words) < 5 or words[0] != "lab" or \
                        not re.match(r"^[a-z][a-z0-9_]*$", words[1]) or \
                        not words[2].isdigit():
                    raise LabError(where + "not 'lab NAME HOURS CHAPTER TITLE'")
                if any(lab.name == words[1] for lab in labs):
                    raise LabError(where + "lab %s again" % words[1])
                labs.append(Lab(words[1], int(words[2]), words[3],
                                " ".join(words[4:])))
                continue
            test = re.match(r"^(\d+)\s+(\w+\.\w+(?:\.\w+|\[[^]]+\])?)$",
                            line.strip())
            if test is None or not labs:
                raise LabError(where + "not 'POINTS TEST' under a lab")
            if any(t == test.group(2) for t, _ in labs[-1].tests):
                raise LabError(where + "test %s again" % test.group(2))
            labs[-1].tests.append((test.group(2), int(test.group(1))))
    for lab in labs:
        if lab.points() != 100:
            raise LabError("%s: lab %s: the points sum to %d, not 100"
                           % (REGISTRY, lab.name, lab.points()))
    if not labs:
        raise LabError(REGISTRY + ": no labs")
    return labs


def find_lab(labs, name):
    for lab in labs:
        if lab.name == name:
            return lab
    raise LabError("no lab %r (make lab lists them)" % name)


class Region:
    """One marked region: lines [begin, end] of path (the markers
    included), the lab it belongs to and the stub that replaces it."""

    def __init__(self, path, lab, begin, end, indent, stub):
        self.path, self.lab, self.begin, self.end = path, lab, begin, end
        self.indent, self.stub = indent, stub


def style_of(path):
    return STYLES.get(os.path.splitext(path)[1])


def _patterns(style):
    lead = re.escape("/*" if style == "c" else style)
    return (re.compile(r"^(\s*)%s LAB (\w+): BEGIN\b(.*)$" % lead),
            re.compile(r"^\s*%s LAB (\w+): END(?: \*/)?\s*$" % lead))


def _stub_line(text, style, where):
    """One stub line of a comment: the code after the comment leader and
    its tab ("" for a bare leader)."""
    lead = r"\*" if style == "c" else re.escape(style)
    m = re.match(r"^\s*%s(?:\t(.*))?$" % lead, text)
    if m is None:
        raise LabError(where + "a stub line is the comment leader, a tab, "
                       "then code")
    return m.group(1) or ""


def _begin_block(lines, i, style, rest, where):
    """The stub of the BEGIN marker at lines[i] and the index of its last
    comment line."""
    rest = rest.strip()
    closed = style != "c" or rest.endswith("*/")
    if style == "c" and closed:
        rest = rest[:-2].strip()
    if rest != "stub:" or closed and style == "c":
        m = re.match(r"^stub:\s*(.*)$", rest)
        if not closed or (rest and (m is None or not m.group(1))):
            raise LabError(where + "after BEGIN: nothing, 'stub: code', or "
                           "'stub:' and the stub's lines")
        return ([m.group(1)] if m else []), i
    stub, j = [], i + 1
    while j < len(lines):
        text = lines[j]
        if style == "c":
            if text.strip() == "*/":
                return stub, j
            if "*/" in text:
                raise LabError("%s:%d: end the stub's comment with '*/' on "
                               "a line of its own" % (where.split(":")[0], j + 1))
        elif not text.lstrip().startswith(style):
            return stub, j - 1
        stub.append(_stub_line(text, style, "%s:%d: "
                               % (where.split(":")[0], j + 1)))
        j += 1
    raise LabError(where + "the BEGIN comment never ends")


def parse_text(path, text):
    """The regions of one file's text. LabError (path:line: what) on a
    marker out of place: an END without its BEGIN, a BEGIN without END,
    one region inside another, a malformed stub."""
    style = style_of(path)
    if style is None or "LAB " not in text:
        return []
    begin_re, end_re = _patterns(style)
    lines = text.split("\n")
    regions, open_region = [], None
    i = 0
    while i < len(lines):
        where = "%s:%d: " % (path, i + 1)
        b, e = begin_re.match(lines[i]), end_re.match(lines[i])
        if b:
            if open_region:
                raise LabError(where + "BEGIN inside lab %s's region"
                               % open_region[1])
            stub, last = _begin_block(lines, i, style, b.group(3), where)
            open_region = (i, b.group(2), b.group(1), stub)
            i = last + 1
            continue
        if e:
            if not open_region or open_region[1] != e.group(1):
                raise LabError(where + "END of lab %s without its BEGIN"
                               % e.group(1))
            start, lab, indent, stub = open_region
            regions.append(Region(path, lab, start, i, indent, stub))
            open_region = None
        elif re.search(r"\bLAB \w+:", lines[i]) and \
                not re.search(r"\bLAB \w+: your code here", lines[i]):
            raise LabError(where + "a LAB marker is 'LAB name: BEGIN' or "
                           "'LAB name: END'")
        i += 1
    if open_region:
        raise LabError("%s:%d: BEGIN of lab %s without END"
                       % (path, open_region[0] + 1, open_region[1]))
    return regions


def source_files(root):
    """The files that may hold markers, relative to root, sorted."""
    out = []
    for top in SOURCE_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames.sort()
            for f in sorted(filenames):
                path = os.path.relpath(os.path.join(dirpath, f), root)
                if style_of(path) or f == "syscalls.master":
                    out.append(path)
    return out


def all_regions(root):
    regions = []
    for path in source_files(root):
        with open(os.path.join(root, path)) as f:
            regions += parse_text(path, f.read())
    return regions


def cut_text(text, regions, style):
    """text with the given regions (all of one file) replaced by their
    stubs, each under a "your code here" comment."""
    lines = text.split("\n")
    for r in sorted(regions, key=lambda r: -r.begin):
        note = ("/* LAB %s: your code here */" if style == "c" else
                style + " LAB %s: your code here") % r.lab
        new = [r.indent + note] + [(r.indent + s) if s else "" for s in r.stub]
        lines[r.begin:r.end + 1] = new
    return "\n".join(lines)


def check(root, labs, cut_lab=None):
    """What is wrong with the markers of root: a list of messages. Every
    region names a listed lab, and every lab has regions (in a cut tree,
    its own lab has "your code here" notes instead)."""
    names = {lab.name for lab in labs}
    errors, seen = [], set()
    try:
        regions = all_regions(root)
    except LabError as e:
        return [str(e)]
    for r in regions:
        if r.lab not in names:
            errors.append("%s:%d: lab %s is not in %s"
                          % (r.path, r.begin + 1, r.lab, REGISTRY))
        seen.add(r.lab)
    if cut_lab is not None:
        seen.add(cut_lab)
    for lab in labs:
        if lab.name not in seen:
            errors.append("lab %s has no marked region" % lab.name)
    return errors


def read_cut(root):
    """The lab a cut tree was made for (its .lab file), or None."""
    try:
        with open(os.path.join(root, CUT_FILE)) as f:
            return f.read().strip() or None
    except OSError:
        return None
