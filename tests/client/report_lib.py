"""report_lib.py - the one way a client test reports a case.

reporter(suite) gives report(name, ok, why="", log=""): one line
"TEST suite.name PASS" or "TEST suite.name FAIL: why" for tools/testdriver.py,
and on a failure the last `tail` characters of log (a console or a tool's
output), flushed at once so that the lines keep their order with the
driver's. With `lock`, tests that report from several threads do not mix
their lines.
"""
import sys


def reporter(suite, tail=3000, lock=None):
    def report(name, ok, why="", log=""):
        text = "TEST %s.%s %s%s" % (suite, name, "PASS" if ok else "FAIL",
                                    "" if ok else ": " + why)
        if not ok and log:
            text += "\n" + log[-tail:]
        if lock is not None:
            with lock:
                print(text)
                sys.stdout.flush()
        else:
            print(text)
            sys.stdout.flush()
    return report
