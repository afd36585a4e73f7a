/*
 * dbg_proc.c - scripted dbg sessions about the inferior's life: its exit
 * and death reports, kill and run again, signals and "handle", attach to a
 * running process and detach leaving it running (or kill it), a script
 * from a file (dbg -x), and every kind of mistake, each answered by a
 * message while dbg and the inferior carry on.
 *
 * Inferiors: /bin/demo (user/bin/demo.c: exit status 90; "-s 30" raises
 * SIGUSR1 once and prints "caught = 1"; "-d MSEC N" runs slowly enough to
 * be attached to) and this program run as "/test/dbg_proc exit3" (exits 3),
 * "/test/dbg_proc exit0" or "/test/dbg_proc segv" (reads through a null
 * pointer).
 */
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include "lib/ktest.h"
#include "dbg_lib.h"

static struct dbg_run run;
static const char *const demo[] = { "/bin/demo", NULL };
static const char *const nothing[] = { NULL };

/* exited with code N, exited normally, terminated with a signal. */
static int
test_exit_reports(void)
{
	static const char *const self[] = { "/test/dbg_proc", NULL };

	if (dbg_session(&run, "run exit3\nrun exit0\nrun segv\ncontinue\n"
	    "continue\n", self))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, "(dbg) run exit3\nStarting program: /test/dbg_proc exit3\n"
	    "[Inferior 1 (process ");
	DBG_EXPECT(&run, ") exited with code 3]\n");
	DBG_EXPECT(&run, "(dbg) run exit0\nStarting program: /test/dbg_proc exit0\n"
	    "[Inferior 1 (process ");
	DBG_EXPECT(&run, ") exited normally]\n");
	DBG_EXPECT(&run, "(dbg) run segv\nStarting program: /test/dbg_proc segv\n"
	    "\nProgram received signal SIGSEGV, Segmentation fault.\n");
	DBG_EXPECT(&run, "main (argc=");
	DBG_EXPECT(&run, "(dbg) continue\nContinuing.\n\nProgram terminated with "
	    "signal SIGSEGV, Segmentation fault.\nThe program no longer exists.\n"
	    "(dbg) continue\nThe program is not being run.\n");
	return 0;
}

/* kill, then run again; run while running restarts; set $eip = 0 crashes. */
static int
test_kill_and_rerun(void)
{
	if (dbg_session(&run, "break step_c\nrun\nkill\ninfo registers\nbt\n"
	    "run\ninfo breakpoints\nrun\nset $eip = 0\nc\nc\n", demo))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, "\nBreakpoint 1, step_c (x=0) at");
	DBG_EXPECT(&run, "(dbg) kill\n[Inferior 1 (process ");
	DBG_EXPECT(&run, ") killed]\n(dbg) info registers\n"
	    "The program has no registers now.\n(dbg) bt\nNo stack.\n");
	DBG_EXPECT(&run, "(dbg) run\nStarting program: /bin/demo\n\n"
	    "Breakpoint 1, step_c (x=0) at");
	DBG_EXPECT(&run, "\tbreakpoint already hit 1 time\n");
	DBG_EXPECT(&run, "(dbg) run\nThe program being debugged has been started "
	    "already.\nStart it from the beginning? (y or n) [answered Y; input "
	    "not from terminal]\nStarting program: /bin/demo\n\nBreakpoint 1, "
	    "step_c (x=0) at");
	DBG_EXPECT(&run, "(dbg) c\nContinuing.\n\nProgram received signal SIGSEGV,"
	    " Segmentation fault.\n0x00000000 in ?? ()\n");
	DBG_EXPECT(&run, "Program terminated with signal SIGSEGV");
	DBG_ABSENT(&run, "total =");
	return 0;
}

/* gdb's default for SIGUSR1 (stop, print, pass) and "handle" changing it. */
static int
test_signals_handle(void)
{
	if (dbg_session(&run, "run -s 30\nc\nhandle SIGUSR1 nostop noprint\n"
	    "run\nhandle SIGUSR1 stop nopass\nrun\nc\nhandle sigusr1 nostop "
	    "print pass\nrun\ninfo signals SIGINT\ninfo signals\n", demo))
		return 1;
	DBG_CLEAN_EXIT(&run);
	/* default: stop with the message; continue passes it to the handler */
	DBG_EXPECT(&run, "Starting program: /bin/demo -s 30\n\nProgram received "
	    "signal SIGUSR1, User defined signal 1.\n");
	DBG_EXPECT(&run, "kill (");
	DBG_EXPECT(&run, "(dbg) c\nContinuing.\ntotal = 90\naverage = 18.000\n"
	    "scaled = 45.000\ncaught = 1\n");
	DBG_EXPECT(&run, "(dbg) handle SIGUSR1 nostop noprint\nSignal        "
	    "Stop\tPrint\tPass to program\tDescription\nSIGUSR1       No\tNo\t"
	    "Yes\t\tUser defined signal 1\n");
	DBG_EXPECT(&run, "(dbg) run\nStarting program: /bin/demo -s 30\n"
	    "total = 90\n");
	DBG_EXPECT(&run, "caught = 1\n");
	/* nopass: the program never sees it */
	DBG_EXPECT(&run, "SIGUSR1       Yes\tYes\tNo\t\tUser defined signal 1\n");
	DBG_EXPECT(&run, "Program received signal SIGUSR1, User defined "
	    "signal 1.\n");
	DBG_EXPECT(&run, "(dbg) c\nContinuing.\ntotal = 90\n");
	DBG_EXPECT(&run, "caught = 0\n");
	/* nostop print: said, passed, not stopped for */
	DBG_EXPECT(&run, "SIGUSR1       No\tYes\tYes\t\tUser defined signal 1\n");
	DBG_EXPECT(&run, "(dbg) run\nStarting program: /bin/demo -s 30\n\n"
	    "Program received signal SIGUSR1, User defined signal 1.\n"
	    "total = 90\n");
	DBG_EXPECT(&run, "caught = 1\n");
	DBG_EXPECT(&run, "(dbg) info signals SIGINT\nSignal        Stop\tPrint\t"
	    "Pass to program\tDescription\nSIGINT        Yes\tYes\tNo\t\t"
	    "Interrupt\n");
	DBG_EXPECT(&run, "SIGALRM       No\tNo\tYes\t\tAlarm clock\n");
	DBG_EXPECT(&run, "SIGUSR2       Yes\tYes\tYes\t\tUser defined signal 2\n");
	return 0;
}

/* A slow demo, not ours: its pid, or -1. Its output goes to /dev/null. */
static pid_t
spawn_slow_demo(void)
{
	pid_t pid = fork();
	int fd;

	if (pid == 0) {
		if ((fd = open("/dev/null", O_WRONLY)) >= 0)
			dup2(fd, 1);
		execl("/bin/demo", "demo", "-d", "40", "20", (char *)NULL);
		_exit(127);
	}
	usleep(150000);
	return pid;
}

/* The slow demo finished on its own: 20 iterations, total 1260 (% 256). */
static int
check_finished(pid_t pid)
{
	int status;

	KT_CHECK(kt_wait_status(pid, &status) == pid, "waitpid(demo)");
	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 236,
	    "demo's status %#x, expected exit 236", status);
	return 0;
}

/* attach, look around, detach: the process runs on and ends normally. */
static int
test_attach_detach(void)
{
	pid_t pid = spawn_slow_demo();

	KT_CHECK(pid > 0, "fork");
	if (dbg_session(&run, dbg_fmt("attach %d\nbt\ndetach\ninfo registers\n",
	    pid), nothing))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, dbg_fmt("(dbg) attach %d\nAttaching to process %d\n"
	    "Reading symbols from /bin/demo...\n", pid, pid));
	DBG_EXPECT(&run, "(dbg) bt\n#0  ");
	DBG_EXPECT(&run, "compute (n=");
	DBG_EXPECT(&run, "main (argc=");
	DBG_EXPECT(&run, dbg_fmt("(dbg) detach\nDetaching from program: /bin/demo, "
	    "process %d\n[Inferior 1 (process %d) detached]\n", pid, pid));
	DBG_EXPECT(&run, "The program has no registers now.\n");
	return check_finished(pid);
}

/*
 * Attached, with a breakpoint and a watchpoint hit: detach takes the int3
 * and the debug registers away, or the untraced process would die of
 * SIGTRAP. quit detaches too.
 */
static int
test_attach_break_watch(void)
{
	pid_t pid = spawn_slow_demo();

	KT_CHECK(pid > 0, "fork");
	if (dbg_session(&run, dbg_fmt("attach %d\nbreak step_c\nwatch counter\n"
	    "c\nc\nquit\n", pid), nothing))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, "Hardware watchpoint 2: counter\n");
	DBG_EXPECT(&run, "(dbg) c\nContinuing.\n\n");
	DBG_EXPECT(&run, "(dbg) c\nContinuing.\n\n");
	DBG_EXPECT(&run, "(dbg) quit\n");
	KT_CHECK(strstr(run.out, "Breakpoint 1, step_c (") != NULL &&
	    strstr(run.out, "\nOld value = ") != NULL,
	    "no breakpoint and watchpoint hits");
	return check_finished(pid);
}

/* kill works on an attached process too; its parent sees SIGKILL. */
static int
test_attach_kill(void)
{
	pid_t pid = spawn_slow_demo();
	int status;

	KT_CHECK(pid > 0, "fork");
	if (dbg_session(&run, dbg_fmt("attach %d\nkill\nbt\n", pid), nothing))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, dbg_fmt("(dbg) kill\n[Inferior 1 (process %d) killed]\n"
	    "(dbg) bt\nNo stack.\n", pid));
	KT_CHECK(kt_wait_status(pid, &status) == pid, "waitpid(demo)");
	KT_CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
	    "demo's status %#x, expected SIGKILL", status);
	return 0;
}

/* Commands from a file: dbg -x FILE PROG, echoed, then dbg quits. */
static int
test_script_file(void)
{
	static const char *const args[] = {
		"-x", "/etc/demo.dbg", "/bin/demo", NULL,
	};

	if (dbg_session(&run, "print 1\n", args))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, "Reading symbols from /bin/demo...\n"
	    "(dbg) # demo.dbg - a dbg session");
	DBG_EXPECT(&run, "(dbg) break step_c\nBreakpoint 1 at 0x");
	DBG_EXPECT(&run, "(dbg) backtrace\n#0  step_c (x=0) at");
	DBG_EXPECT(&run, "Value returned is $1 = 1\n");
	DBG_EXPECT(&run, "Old value = 0\nNew value = 1\n");
	DBG_EXPECT(&run, "exited with code 90]\n");
	DBG_ABSENT(&run, "print 1");	/* stdin is not read after -x */
	return 0;
}

/* Mistakes before the program runs: messages, and dbg goes on. */
static int
test_errors_no_process(void)
{
	if (dbg_session(&run, "foo\ns\ninfo foo\ncontinue\nstepi\nx/4xw 0\n"
	    "info registers\nbt\ndetach\nkill\nfinish\nprint $eax\nbreak nosuch\n"
	    "delete 9\nwatch counter 9\nhandle SIGFOO stop\nhandle SIGUSR1 "
	    "sideways\nx/4q counter\nattach\nattach abc\nattach 999\n"
	    "info float\nprint ratio\nrun\n", demo))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, "(dbg) foo\nUndefined command: \"foo\".  Try \"help\".\n");
	DBG_EXPECT(&run, "(dbg) s\nThe program is not being run.\n");
	DBG_EXPECT(&run, "(dbg) info foo\nUndefined info command: \"foo\".  "
	    "Try \"help info\".\n");
	DBG_EXPECT(&run, "(dbg) continue\nThe program is not being run.\n"
	    "(dbg) stepi\nThe program is not being run.\n(dbg) x/4xw 0\n"
	    "Cannot access memory at address 0x0\n(dbg) info registers\n"
	    "The program has no registers now.\n(dbg) bt\nNo stack.\n"
	    "(dbg) detach\nThe program is not being run.\n(dbg) kill\n"
	    "The program is not being run.\n(dbg) finish\n"
	    "The program is not being run.\n(dbg) print $eax\nNo registers.\n");
	DBG_EXPECT(&run, "(dbg) break nosuch\n"
	    "No symbol \"nosuch\" in current context.\n");
	DBG_EXPECT(&run, "(dbg) delete 9\nNo breakpoint number 9.\n");
	DBG_EXPECT(&run, "(dbg) watch counter 9\n"
	    "Invalid watch length \"9\" (1 to 8 bytes).\n");
	DBG_EXPECT(&run, "(dbg) handle SIGFOO stop\n"
	    "Unrecognized or ambiguous flag word: \"SIGFOO\".\n");
	DBG_EXPECT(&run, "(dbg) handle SIGUSR1 sideways\n"
	    "Unrecognized or ambiguous flag word: \"sideways\".\n");
	DBG_EXPECT(&run, "(dbg) x/4q counter\nUndefined output format \"q\".\n");
	DBG_EXPECT(&run, "(dbg) attach\nArgument required (process-id to "
	    "attach).\n(dbg) attach abc\nIllegal process-id: abc.\n"
	    "(dbg) attach 999\nCannot attach to process 999: No such process.\n");
	DBG_EXPECT(&run, "(dbg) info float\nThe program has no registers now.\n");
	/* Before run, as in gdb, data is read from the program file. */
	DBG_EXPECT(&run, "(dbg) print ratio\n$1 = 2.5\n");
	DBG_EXPECT(&run, "(dbg) run\nStarting program: /bin/demo\ntotal = 90\n");
	DBG_EXPECT(&run, "exited with code 90]\n");
	return 0;
}

/* Mistakes while a program is stopped: neither dbg nor the program suffer. */
static int
test_errors_with_process(void)
{
	if (dbg_session(&run, "break step_c\nrun\nx/4xw 0\nx/s 0xc0000000\n"
	    "set var counter\nset $foo = 1\nprint nosuch\ninfo registers foo\n"
	    "attach 1\nstepi 0\nhbreak step_a\nhbreak step_b\nhbreak compute\n"
	    "hbreak *0xc0000000\nwatch 0xbffffffe 2\nhbreak main\nhbreak mean\n"
	    "break *0x10\nc\ndelete\nc\n", demo))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, "(dbg) x/4xw 0\nCannot access memory at address 0x0\n");
	DBG_EXPECT(&run, "(dbg) x/s 0xc0000000\n0xc0000000:\t<error: Cannot "
	    "access memory at address 0xc0000000>\n");
	DBG_EXPECT(&run, "(dbg) set var counter\n"
	    "A syntax error in expression, near `'.\n");
	DBG_EXPECT(&run, "(dbg) set $foo = 1\n"
	    "Left operand of assignment is not an lvalue.\n");
	DBG_EXPECT(&run, "(dbg) print nosuch\n"
	    "No symbol \"nosuch\" in current context.\n");
	DBG_EXPECT(&run, "(dbg) info registers foo\nInvalid register `foo'\n");
	DBG_EXPECT(&run, "(dbg) attach 1\nA program is being debugged already");
	DBG_EXPECT(&run, "(dbg) stepi 0\nInvalid count \"0\".\n");
	/* The kernel refuses a breakpoint beyond user space. */
	DBG_EXPECT(&run, "(dbg) hbreak *0xc0000000\n"
	    "Couldn't write debug registers: Invalid argument.\n");
	DBG_EXPECT(&run, "(dbg) watch 0xbffffffe 2\n"
	    "Cannot access memory at address 0xbffffffe\n");
	DBG_EXPECT(&run, "(dbg) hbreak mean\nHardware breakpoints used exceeds "
	    "limit (4 debug registers).\n");
	DBG_EXPECT(&run, "(dbg) break *0x10\nBreakpoint 6 at 0x10\n(dbg) c\n"
	    "Continuing.\nWarning:\nCannot insert breakpoint 6.\n"
	    "Cannot access memory at address 0x10\n");
	DBG_EXPECT(&run, "(dbg) delete\n(dbg) c\nContinuing.\ntotal = 90\n");
	DBG_EXPECT(&run, "exited with code 90]\n");
	return 0;
}

int
main(int argc, char *argv[])
{
	if (argc > 1 && strcmp(argv[1], "exit0") == 0)
		return 0;
	if (argc > 1 && strcmp(argv[1], "segv") == 0)
		return *(volatile int *)0;
	if (argc > 1 && strcmp(argv[1], "exit3") == 0)
		return 3;
	if (argc > 1)
		return 2;
	kt_suite("dbg_proc");
	kt_run("exit_reports", test_exit_reports);
	kt_run("kill_and_rerun", test_kill_and_rerun);
	kt_run("signals_handle", test_signals_handle);
	kt_run("attach_detach", test_attach_detach);
	kt_run("attach_break_watch", test_attach_break_watch);
	kt_run("attach_kill", test_attach_kill);
	kt_run("script_file", test_script_file);
	kt_run("errors_no_process", test_errors_no_process);
	kt_run("errors_with_process", test_errors_with_process);
	return kt_finish();
}
