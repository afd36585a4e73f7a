"""grade.py - make grade: a lab's graded tests, JOS-style.

The tests are make test's own, run by tools/testdriver.py (each host test
file, boot check and suite boot once; a suite runs only the cases asked
for). One line per graded test, its points and its verdict; under a
failure its reason and the tail of its serial log, as make test shows
them; then "Score: N/100". A graded test with no verdict of its own (its
suite panicked before reaching it, say) fails, with the reason its suite
or file gave.
"""
import emu
import testdriver


class Quiet(testdriver.Results):
    """Verdicts kept, not printed: the grader prints them its own way."""

    def show(self, name, verdict, why="", log=""):
        pass


def unit_name(test):
    """The name under which a test's suite, host file or boot check
    reports its own verdict."""
    where = testdriver.split_test_name(test)
    if where is None:
        return None
    if where[0] == "host":
        return "host." + where[1]
    if where[0] == "boot":
        return "boot"
    return where[1][0] + where[1][1]


def verdict_of(res, test):
    """(verdict, why, log) of a graded test, a missing one explained."""
    if test in res.verdicts:
        verdict, why, log = res.verdicts[test]
        if verdict == "SKIP":
            return "FAIL", "skipped: " + why, log
        return verdict, why, log
    unit = res.verdicts.get(unit_name(test))
    if unit is not None and unit[0] == "FAIL":
        return "FAIL", "no verdict (%s: %s)" % (unit_name(test), unit[1]), \
            unit[2]
    return "FAIL", "no verdict", ""


def run(lab, jobs):
    """Run lab's graded tests: {test: (verdict, why, log)}."""
    res = Quiet()
    names = [t for t, _ in lab.tests]
    for name in testdriver.run_tests(res, names, jobs, emu.have_bochs()):
        res.add(name, "FAIL", "not a test name the driver knows")
    return {t: verdict_of(res, t) for t in names}


def grade(lab, jobs):
    """Print lab's grade; 0 at full marks, else 1."""
    print("Grading lab %s: %s (%d tests)" % (lab.name, lab.title,
                                             len(lab.tests)), flush=True)
    verdicts = run(lab, jobs)
    width = max(len(t) for t, _ in lab.tests)
    score = 0
    for test, points in lab.tests:
        verdict, why, log = verdicts[test]
        print("%-*s  %3d  %s" % (width, test, points, verdict))
        if verdict == "PASS":
            score += points
            continue
        if why:
            print("  " + why)
        testdriver.print_log_tail(log)
    print("Score: %d/100" % score)
    return 0 if score == 100 else 1
