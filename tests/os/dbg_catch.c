/*
 * dbg_catch.c - scripted dbg sessions about catchpoints and forks: catch
 * fork, vfork, exec and syscall (by name, by number, any) with gdb's
 * messages, info breakpoints listing them among the breakpoints, delete;
 * set/show follow-fork-mode, following the parent (the child goes on
 * untraced, without our int3s) or the child (the parent goes on), for fork
 * and vfork; and the mistakes.
 *
 * The inferior is this program: "fork" forks a child that runs child_work
 * and exits 7, the parent waits and runs parent_work; "vfork" does the same
 * with vfork, the child running vfork_child_work before it execs "after";
 * "exec" execs "after", which prints "after exec" and exits 5; "write"
 * calls getpid, then writes "hello".
 */
#include <fcntl.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lib/ktest.h"
#include "dbg_lib.h"

#define SELF	"/test/dbg_catch"

static struct dbg_run run;
static const char *const self[] = { SELF, NULL };
static volatile int work;

__attribute__((noinline)) static int
child_work(void)
{
	return work + 7;
}

__attribute__((noinline)) static void
parent_work(int status)
{
	printf("parent saw %d\n", status);
	fflush(stdout);
}

__attribute__((noinline)) static void
vfork_child_work(void)
{
	work++;
}

static int
inferior(const char *mode)
{
	pid_t pid = -1;
	int st;

	if (strcmp(mode, "after") == 0) {
		printf("after exec\n");
		return 5;
	}
	if (strcmp(mode, "exec") == 0) {
		execl(SELF, SELF, "after", (char *)NULL);
		return 1;
	}
	if (strcmp(mode, "write") == 0) {
		getpid();
		write(1, "hello\n", 6);
		return 0;
	}
	if (strcmp(mode, "fork") == 0 && (pid = fork()) == 0)
		_exit(child_work());
	if (strcmp(mode, "vfork") == 0 && (pid = vfork()) == 0) {
		vfork_child_work();
		execl(SELF, SELF, "after", (char *)NULL);
		_exit(1);
	}
	if (pid < 0 || waitpid(pid, &st, 0) != pid || !WIFEXITED(st))
		return 1;
	parent_work(WEXITSTATUS(st));
	return 0;
}

/* catch fork: the stop, info breakpoints, then the child goes untraced. */
static int
test_catch_fork(void)
{
	if (dbg_session(&run, "catch fork\ninfo breakpoints\nrun fork\n"
	    "info breakpoints\ncontinue\n", self))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, "(dbg) catch fork\nCatchpoint 1 (fork)\n");
	DBG_EXPECT(&run, "(dbg) info breakpoints\nNum     Type            Disp "
	    "Enb Address    What\n1       catchpoint      keep y              "
	    "fork\n");
	DBG_EXPECT(&run, "\nCatchpoint 1 (forked process ");
	DBG_EXPECT(&run, "), ");
	DBG_EXPECT(&run, "(dbg) info breakpoints\n");
	DBG_EXPECT(&run, "1       catchpoint      keep y              fork, "
	    "process ");
	DBG_EXPECT(&run, "\tcatchpoint already hit 1 time\n");
	DBG_EXPECT(&run, "(dbg) continue\nContinuing.\n"
	    "[Detaching after fork from child process ");
	DBG_EXPECT(&run, "parent saw 7\n");
	DBG_EXPECT(&run, "exited normally]\n");
	return 0;
}

/*
 * Following the parent: the child's copy of memory loses our int3s, so a
 * breakpoint in code the child runs does not kill it (it used to die of
 * SIGTRAP), and the parent stops where asked.
 */
static int
test_follow_parent(void)
{
	if (dbg_session(&run, "show follow-fork-mode\nbreak child_work\n"
	    "break parent_work\nrun fork\ninfo breakpoints\ncontinue\n", self))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, "(dbg) show follow-fork-mode\nDebugger response to a "
	    "program call of fork or vfork is \"parent\".\n");
	DBG_EXPECT(&run, "[Detaching after fork from child process ");
	DBG_EXPECT(&run, "\nBreakpoint 2, parent_work (");
	DBG_EXPECT(&run, "(dbg) continue\nContinuing.\nparent saw 7\n");
	DBG_EXPECT(&run, "exited normally]\n");
	DBG_ABSENT(&run, "Breakpoint 1, ");
	DBG_ABSENT(&run, "SIGTRAP");
	return 0;
}

/* Following the child: the parent is let go, the child stops. */
static int
test_follow_child(void)
{
	if (dbg_session(&run, "set follow-fork-mode child\n"
	    "show follow-fork-mode\nbreak child_work\nbreak parent_work\n"
	    "run fork\nbacktrace 1\ncontinue\n", self))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, "(dbg) show follow-fork-mode\nDebugger response to a "
	    "program call of fork or vfork is \"child\".\n");
	DBG_EXPECT(&run, "[Attaching after process ");
	DBG_EXPECT(&run, " fork to child process ");
	DBG_EXPECT(&run, "[Detaching after fork from parent process ");
	DBG_EXPECT(&run, "\nBreakpoint 1, ");
	DBG_EXPECT(&run, "child_work () at ");
	DBG_EXPECT(&run, "(dbg) backtrace 1\n#0  ");
	DBG_EXPECT(&run, "child_work () at ");
	DBG_EXPECT(&run, "(dbg) continue\nContinuing.\n");
	DBG_EXPECT(&run, "exited with code 7]\n");
	DBG_ABSENT(&run, "Breakpoint 2, ");
	return 0;
}

/*
 * catch vfork, following the parent: the child shares the memory and runs
 * vfork_child_work untouched (no int3 while it may), the parent's
 * breakpoints are back once the child has exec'd.
 */
static int
test_vfork_parent(void)
{
	if (dbg_session(&run, "catch vfork\nbreak vfork_child_work\n"
	    "break parent_work\nrun vfork\ncontinue\ncontinue\n", self))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, "(dbg) catch vfork\nCatchpoint 1 (vfork)\n");
	DBG_EXPECT(&run, "\nCatchpoint 1 (vforked process ");
	DBG_EXPECT(&run, "(dbg) continue\nContinuing.\n"
	    "[Detaching after vfork from child process ");
	DBG_EXPECT(&run, "after exec\n");
	DBG_EXPECT(&run, "\nBreakpoint 3, parent_work (");
	DBG_EXPECT(&run, "exited normally]\n");
	DBG_ABSENT(&run, "Breakpoint 2, ");
	return 0;
}

/* Following a vfork child: a hardware breakpoint, then its exec. */
static int
test_vfork_child(void)
{
	if (dbg_session(&run, "set follow-fork-mode child\n"
	    "hbreak vfork_child_work\nrun vfork\ncontinue\n", self))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, " vfork to child process ");
	DBG_EXPECT(&run, "[Detaching after vfork from parent process ");
	DBG_EXPECT(&run, "\nBreakpoint 1, ");
	DBG_EXPECT(&run, "vfork_child_work () at ");
	DBG_EXPECT(&run, "(dbg) continue\nContinuing.\nprocess ");
	DBG_EXPECT(&run, " is executing new program: " SELF "\n"
	    "Reading symbols from " SELF "...\nafter exec\n");
	DBG_EXPECT(&run, "exited with code 5]\n");
	return 0;
}

static int
test_catch_exec(void)
{
	if (dbg_session(&run, "catch exec\nrun exec\ninfo breakpoints\n"
	    "continue\n", self))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, "(dbg) catch exec\nCatchpoint 1 (exec)\n");
	DBG_EXPECT(&run, " is executing new program: " SELF "\n");
	DBG_EXPECT(&run, "\nCatchpoint 1 (exec'd " SELF "), ");
	DBG_EXPECT(&run, "_start");
	DBG_EXPECT(&run, "(dbg) info breakpoints\n");
	DBG_EXPECT(&run, "1       catchpoint      keep y              exec, "
	    "program \"" SELF "\"\n\tcatchpoint already hit 1 time\n");
	DBG_EXPECT(&run, "(dbg) continue\nContinuing.\nafter exec\n");
	DBG_EXPECT(&run, "exited with code 5]\n");
	return 0;
}

/* catch syscall: by name and number, entry and return, then deleted. */
static int
test_catch_syscall(void)
{
	if (dbg_session(&run, "catch syscall 20 write\ncatch syscall\n"
	    "catch syscall close\ninfo breakpoints\ndelete 2\nrun write\n"
	    "continue\ncontinue\ncontinue\ncontinue\n", self))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, "(dbg) catch syscall 20 write\nCatchpoint 1 (syscalls "
	    "'getpid' [20] 'write' [4])\n");
	DBG_EXPECT(&run, "(dbg) catch syscall\nCatchpoint 2 (any syscall)\n");
	DBG_EXPECT(&run, "(dbg) catch syscall close\nCatchpoint 3 (syscall "
	    "'close' [6])\n");
	DBG_EXPECT(&run, "1       catchpoint      keep y              "
	    "syscalls \"getpid, write\" \n");
	DBG_EXPECT(&run, "2       catchpoint      keep y              "
	    "syscall \"<any syscall>\" \n");
	DBG_EXPECT(&run, "3       catchpoint      keep y              "
	    "syscall \"close\" \n");
	DBG_EXPECT(&run, "\nCatchpoint 1 (call to syscall getpid), ");
	DBG_EXPECT(&run, "\nCatchpoint 1 (returned from syscall getpid), ");
	DBG_EXPECT(&run, "\nCatchpoint 1 (call to syscall write), ");
	DBG_EXPECT(&run, "(dbg) continue\nContinuing.\nhello\n\n"
	    "Catchpoint 1 (returned from syscall write), ");
	DBG_EXPECT(&run, "exited normally]\n");
	return 0;
}

static int
test_mistakes(void)
{
	if (dbg_session(&run, "catch\ncatch fork now\ncatch signal\n"
	    "catch syscall nosuch\nset follow-fork-mode sideways\n"
	    "set follow-fork-mode\nshow nothing\ncatch fork\ncatch exec\n"
	    "delete 1\ninfo breakpoints\ndelete 9\ndelete\ninfo breakpoints\n",
	    self))
		return 1;
	DBG_CLEAN_EXIT(&run);
	DBG_EXPECT(&run, "(dbg) catch\n\"catch\" must be followed by the name "
	    "of a catch subcommand.\n");
	DBG_EXPECT(&run, "(dbg) catch fork now\nJunk at end of arguments.\n");
	DBG_EXPECT(&run, "(dbg) catch signal\nUndefined catch command: "
	    "\"signal\".  Try \"help catch\".\n");
	DBG_EXPECT(&run, "(dbg) catch syscall nosuch\n"
	    "Unknown syscall name 'nosuch'.\n");
	DBG_EXPECT(&run, "(dbg) set follow-fork-mode sideways\n"
	    "Undefined item: \"sideways\".\n");
	DBG_EXPECT(&run, "(dbg) set follow-fork-mode\nRequires an argument. "
	    "Valid arguments are parent, child.\n");
	DBG_EXPECT(&run, "(dbg) show nothing\nUndefined show command: "
	    "\"nothing\".  Try \"help show\".\n");
	DBG_EXPECT(&run, "(dbg) catch fork\nCatchpoint 1 (fork)\n"
	    "(dbg) catch exec\nCatchpoint 2 (exec)\n(dbg) delete 1\n"
	    "(dbg) info breakpoints\nNum     Type            Disp Enb Address"
	    "    What\n2       catchpoint      keep y              exec\n"
	    "(dbg) delete 9\nNo breakpoint number 9.\n(dbg) delete\n"
	    "(dbg) info breakpoints\nNo breakpoints or watchpoints.\n");
	return 0;
}

int
main(int argc, char *argv[])
{
	if (argc > 1)
		return inferior(argv[1]);
	kt_suite("dbg_catch");
	kt_run("catch_fork", test_catch_fork);
	kt_run("follow_parent", test_follow_parent);
	kt_run("follow_child", test_follow_child);
	kt_run("vfork_parent", test_vfork_parent);
	kt_run("vfork_child", test_vfork_child);
	kt_run("catch_exec", test_catch_exec);
	kt_run("catch_syscall", test_catch_syscall);
	kt_run("mistakes", test_mistakes);
	return kt_finish();
}
