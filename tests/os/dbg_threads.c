// RUN: qemu sysenter=0
/*
 * dbg_threads.c - scripted dbg sessions on /bin/thrdemo (main and two
 * workers, user/bin/thrdemo.c): a breakpoint stops the whole process and
 * the report names the thread ('Thread 2 "worker-1" hit Breakpoint 1');
 * info threads lists all three with the selected one marked; thread N
 * selects another (registers and backtrace are then its own); thread
 * apply all bt shows every stack; a watchpoint set once watches every
 * thread; the next breakpoint is the other worker's.
 */
#include <string.h>
#include "lib/ktest.h"
#include "dbg_lib.h"

static struct dbg_run run;
static const char *const thrdemo[] = { "/bin/thrdemo", NULL };

static int
test_break_and_threads(void)
{
	if (dbg_session(&run, "break spot\nrun\ninfo threads\nthread\n"
	    "thread apply all bt\nthread 1\nbt 1\nthread 9\ncontinue\n"
	    "print id\ncontinue\n", thrdemo))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, "\nThread 2 \"worker-1\" hit Breakpoint 1, spot (id=1) "
	    "at ");
	DBG_EXPECT(&run, "(dbg) info threads\n  Id   Target Id");
	DBG_EXPECT(&run, "\n  1    LWP ");
	DBG_EXPECT(&run, " \"main\"");
	DBG_EXPECT(&run, "\n* 2    LWP ");
	DBG_EXPECT(&run, " \"worker-1\"");
	DBG_EXPECT(&run, "spot (id=1) at ");
	DBG_EXPECT(&run, "\n  3    LWP ");
	DBG_EXPECT(&run, " \"worker-2\"");
	DBG_EXPECT(&run, "(dbg) thread\n[Current thread is 2 (LWP ");
	DBG_EXPECT(&run, "(dbg) thread apply all bt\n\nThread 3 (LWP ");
	DBG_EXPECT(&run, "\"worker-2\"):\n#0  ");
	DBG_EXPECT(&run, " in worker (arg=");
	DBG_EXPECT(&run, "\nThread 2 (LWP ");
	DBG_EXPECT(&run, "\"worker-1\"):\n#0  spot (id=1) at ");
	DBG_EXPECT(&run, " in worker (arg=");
	DBG_EXPECT(&run, "\nThread 1 (LWP ");
	DBG_EXPECT(&run, "\"main\"):\n#0  ");
	DBG_EXPECT(&run, "main () at ");
	DBG_EXPECT(&run, "(dbg) thread 1\n[Switching to thread 1 (LWP ");
	DBG_EXPECT(&run, "(dbg) bt 1\n#0  ");
	DBG_EXPECT(&run, "(dbg) thread 9\nInvalid thread ID: 9\n");
	DBG_EXPECT(&run, "\nThread 3 \"worker-2\" hit Breakpoint 1, spot (id=2) "
	    "at ");
	DBG_EXPECT(&run, "(dbg) print id\n$1 = 2\n");
	DBG_EXPECT(&run, ") exited with code 30]\n");
	return 0;
}

/* A watchpoint set at the first stop fires in the thread that writes. */
static int
test_watch_every_thread(void)
{
	if (dbg_session(&run, "break spot\nrun\ndelete\nwatch total\ncontinue\n"
	    "continue\ncontinue\n", thrdemo))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, "hit Breakpoint 1, spot (id=1)");
	DBG_EXPECT(&run, "Hardware watchpoint 2: total\n\nOld value = 0\n"
	    "New value = 10\n");
	DBG_EXPECT(&run, "Hardware watchpoint 2: total\n\nOld value = 10\n"
	    "New value = 30\n");
	return 0;
}

int
main(void)
{
	kt_suite("dbg_threads");
	kt_run("break_and_threads", test_break_and_threads);
	kt_run("watch_every_thread", test_watch_every_thread);
	return kt_finish();
}
