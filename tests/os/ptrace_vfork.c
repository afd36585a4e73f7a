/*
 * ptrace_vfork.c - vfork(2) and tracing it. Untraced: the child borrows
 * the parent's memory (what it writes, the parent sees) and the parent
 * sleeps until the child execs or exits; a SIGKILL ends the parent's wait
 * and the child keeps the memory. Traced: PTRACE_VFORK stops the parent
 * when it goes on (PL_FLAG_VFORK_DONE), PTRACE_FORK follows the child
 * (PL_FLAG_FORKED with PL_FLAG_VFORKED), and a child that asks to be traced
 * (PT_TRACE_ME) makes no stop before its exec, since its tracer, the
 * parent, is waiting for it.
 *
 * The program runs itself as a helper: "/test/ptrace_vfork exit N" exits
 * with N, "... sleep" sleeps until killed.
 */
#include <stdlib.h>
#include <sys/procctl.h>
#include <sys/syscall.h>
#include "ptrace_lib.h"

#define SELF	"/test/ptrace_vfork"

static volatile int shared;	/* written by vfork children */

/* A vfork child that exits 2, collected; then exit 1 (FreeBSD's helper). */
static int
vfork_parent(void)
{
	pid_t c = vfork(), w;
	int st;

	if (c == 0)
		_exit(2);
	if (c < 0)
		return 30;
	while ((w = waitpid(c, &st, 0)) < 0 && errno == EINTR)
		;
	return w == c && WIFEXITED(st) && WEXITSTATUS(st) == 2 ? 1 : 31;
}

/* The child runs first, in our memory; we go on only once it has exited. */
PT_CASE(child_borrows_memory)
{
	int st;
	pid_t c;

	shared = 0;
	c = vfork();
	if (c == 0) {
		shared = 42;
		_exit(7);
	}
	KT_CHECK(c > 0, "vfork: errno %d", errno);
	KT_CHECK(shared == 42, "the child's store did not reach us: %d", shared);
	KT_CHECK(kt_wait_status(c, &st) == c && WIFEXITED(st) &&
	    WEXITSTATUS(st) == 7, "child status %s", pt_str(st));
	return 0;
}

/* exec ends the borrowing: we run while the new program still runs. */
PT_CASE(parent_resumes_at_exec)
{
	char *argv[] = { SELF, "sleep", NULL };
	int st;
	pid_t c;

	shared = 0;
	c = vfork();
	if (c == 0) {
		shared = 1;
		execv(SELF, argv);
		_exit(127);
	}
	KT_CHECK(c > 0 && shared == 1, "vfork %d shared %d", c, shared);
	KT_CHECK(pt_await_state(c, SSLEEP) == 0, "the exec'd child is not "
	    "running");
	KT_CHECK(waitpid(c, &st, WNOHANG) == 0, "the child already ended");
	kill(c, SIGTERM);
	KT_CHECK(kt_wait_status(c, &st) == c && WIFSIGNALED(st) &&
	    WTERMSIG(st) == SIGTERM, "child status %s", pt_str(st));
	return 0;
}

/* A failed exec keeps borrowing; the child's _exit then frees the parent. */
PT_CASE(failed_exec_still_borrows)
{
	char *argv[] = { "/no/such/program", NULL };
	int st;
	pid_t c;

	shared = 0;
	c = vfork();
	if (c == 0) {
		execv(argv[0], argv);
		shared = errno;
		_exit(8);
	}
	KT_CHECK(shared == ENOENT, "the child's errno did not reach us: %d",
	    shared);
	KT_CHECK(kt_wait_status(c, &st) == c && WIFEXITED(st) &&
	    WEXITSTATUS(st) == 8, "child status %s", pt_str(st));
	return 0;
}

/* vfork a child that exits with code; its pid. */
static pid_t __attribute__((noinline))
vfork_exit(int code)
{
	pid_t c = vfork();

	if (c == 0)
		_exit(code);
	return c;
}

/* Many vforks: nothing of the shared address space is lost or freed twice. */
PT_CASE(many_vforks)
{
	int i, st;
	pid_t c;

	for (i = 0; i < 200; i++) {
		c = vfork_exit(i & 0x7f);
		KT_CHECK(c > 0 && kt_wait_status(c, &st) == c &&
		    WEXITSTATUS(st) == (i & 0x7f), "vfork %d: %s", i,
		    pt_str(st));
	}
	return 0;
}

/* A vfork parent killed while it waits: it dies, the child goes on with the memory. */
static int
killed_parent(int *rfd)
{
	pid_t c = vfork();

	if (c == 0) {
		char ch;

		read(*rfd, &ch, 1);	/* the grandparent's go-ahead */
		shared = 5;		/* the memory is still there */
		_exit(shared == 5 ? 6 : 66);
	}
	return 99;			/* never: SIGKILL came first */
}

PT_CASE(sigkill_ends_parents_wait)
{
	int fds[2], st;
	pid_t p, c;

	KT_CHECK(procctl(P_PID, 0, PROC_REAP_ACQUIRE, NULL) == 0, "reaper");
	KT_CHECK(pipe(fds) == 0, "pipe");
	p = pt_track(fork());
	if (p == 0)
		_exit(killed_parent(&fds[0]));
	KT_CHECK(pt_await_state(p, SSLEEP) == 0, "the parent is not waiting");
	kill(p, SIGKILL);
	KT_CHECK(kt_wait_status(p, &st) == p && WIFSIGNALED(st) &&
	    WTERMSIG(st) == SIGKILL, "parent %s", pt_str(st));
	KT_CHECK(write(fds[1], "g", 1) == 1, "write");
	c = kt_wait_status(-1, &st);	/* the orphan is ours now */
	KT_CHECK(c > 0 && WIFEXITED(st) && WEXITSTATUS(st) == 6,
	    "child %d: %s", c, pt_str(st));
	close(fds[0]);
	close(fds[1]);
	return 0;
}

/* PTRACE_VFORK alone: no fork stops, one stop when the parent goes on. */
PT_CASE(vfork_done_event)
{
	struct ptrace_lwpinfo pl;
	int ev = PTRACE_EXEC | PTRACE_VFORK;
	pid_t p = pt_traced(vfork_parent);

	KT_CHECK(p > 0, "no tracee");
	PT_OK(PT_SET_EVENT_MASK, p, &ev, sizeof(ev));
	PT_CONT(p, 0);
	PT_STOP(p, SIGTRAP);
	PT_OK(PT_LWPINFO, p, &pl, sizeof(pl));
	KT_CHECK((pl.pl_flags & (PL_FLAG_VFORK_DONE | PL_FLAG_FORKED |
	    PL_FLAG_SCX | PL_FLAG_SCE | PL_FLAG_SI)) == PL_FLAG_VFORK_DONE,
	    "flags %#x", pl.pl_flags);
	KT_CHECK(pl.pl_syscall_code == 0 && pl.pl_child_pid == 0,
	    "code %u child %d", pl.pl_syscall_code, pl.pl_child_pid);
	PT_CONT(p, 0);
	PT_EXITS(p, 1);
	PT_NOCHILD();
	return 0;
}

/* Collect a followed vfork's two stops: the parent's first or the child's. */
static pid_t
vfork_events(pid_t p, struct ptrace_lwpinfo pl[2])
{
	int i, st;
	pid_t w, c = -1;

	for (i = 0; i < 2; i++) {
		struct ptrace_lwpinfo x;

		if ((w = kt_wait_status(-1, &st)) <= 0 || !WIFSTOPPED(st) ||
		    ptrace(PT_LWPINFO, w, (caddr_t)&x, sizeof(x)) < 0)
			return -1;
		if (w == p && WSTOPSIG(st) == SIGTRAP &&
		    (x.pl_flags & PL_FLAG_FORKED)) {
			pl[0] = x;
			c = x.pl_child_pid;
		} else if (w != p && WSTOPSIG(st) == SIGSTOP &&
		    (x.pl_flags & PL_FLAG_CHILD)) {
			pl[1] = x;
			pt_track(w);
		} else {
			return -1;
		}
	}
	return c;
}

/* PTRACE_FORK | PTRACE_VFORK: both sides, then the parent's done stop after the child's exit. */
PT_CASE(vfork_follow)
{
	struct ptrace_lwpinfo pl[2];
	int ev, st;
	pid_t p = pt_traced(vfork_parent), c;

	KT_CHECK(p > 0, "no tracee");
	ev = pt_events(p) | PTRACE_FORK | PTRACE_VFORK;
	PT_OK(PT_SET_EVENT_MASK, p, &ev, sizeof(ev));
	PT_CONT(p, 0);
	KT_CHECK((c = vfork_events(p, pl)) > 0, "fork events");
	KT_CHECK((pl[0].pl_flags & (PL_FLAG_FORKED | PL_FLAG_VFORKED |
	    PL_FLAG_SCX)) == (PL_FLAG_FORKED | PL_FLAG_VFORKED | PL_FLAG_SCX) &&
	    !(pl[0].pl_flags & PL_FLAG_VFORK_DONE), "parent flags %#x",
	    pl[0].pl_flags);
	KT_CHECK((pl[1].pl_flags & (PL_FLAG_CHILD | PL_FLAG_SCX)) ==
	    (PL_FLAG_CHILD | PL_FLAG_SCX), "child flags %#x", pl[1].pl_flags);
	KT_CHECK(pl[0].pl_syscall_code == SYS_vfork && pl[1].pl_syscall_code ==
	    SYS_vfork && pl[0].pl_syscall_narg == pl[1].pl_syscall_narg,
	    "codes %u %u", pl[0].pl_syscall_code, pl[1].pl_syscall_code);
	PT_CONT(p, 0);
	KT_CHECK(waitpid(p, &st, WNOHANG) == 0, "the parent did not wait");
	PT_CONT(c, 0);
	PT_EXITS(c, 2);
	PT_STOP(p, SIGTRAP);
	PT_OK(PT_LWPINFO, p, &pl[0], sizeof(pl[0]));
	KT_CHECK((pl[0].pl_flags & (PL_FLAG_VFORK_DONE | PL_FLAG_FORKED |
	    PL_FLAG_SCX)) == PL_FLAG_VFORK_DONE, "done flags %#x",
	    pl[0].pl_flags);
	PT_CONT(p, 0);
	PT_EXITS(p, 1);
	PT_NOCHILD();
	return 0;
}

/* PTRACE_FORK alone follows a vfork too, with no done stop. */
PT_CASE(vfork_follow_without_done)
{
	struct ptrace_lwpinfo pl[2];
	pid_t p = pt_traced(vfork_parent), c;

	KT_CHECK(p > 0, "no tracee");
	PT_OK(PT_FOLLOW_FORK, p, 0, 1);
	PT_CONT(p, 0);
	KT_CHECK((c = vfork_events(p, pl)) > 0, "fork events");
	KT_CHECK(pl[0].pl_flags & PL_FLAG_VFORKED, "flags %#x", pl[0].pl_flags);
	PT_CONT(p, 0);
	PT_CONT(c, 0);
	PT_EXITS(c, 2);
	PT_EXITS(p, 1);
	PT_NOCHILD();
	return 0;
}

/* The parent detached at its fork stop: it still waits for the traced child. */
PT_CASE(parent_detached_at_fork_stop)
{
	struct ptrace_lwpinfo pl[2];
	int ev;
	pid_t p = pt_traced(vfork_parent), c;

	KT_CHECK(p > 0, "no tracee");
	ev = PTRACE_FORK | PTRACE_VFORK;
	PT_OK(PT_SET_EVENT_MASK, p, &ev, sizeof(ev));
	PT_CONT(p, 0);
	KT_CHECK((c = vfork_events(p, pl)) > 0, "fork events");
	PT_OK(PT_DETACH, p, 1, 0);
	KT_CHECK(pt_await_state(p, SSLEEP) == 0, "the parent is not waiting");
	PT_CONT(c, 0);
	PT_EXITS(c, 2);
	PT_EXITS(p, 1);
	PT_NOCHILD();
	return 0;
}

static void
note_usr2(int sig)
{
	(void)sig;
	shared = 1;
}

/*
 * A vfork child's PT_TRACE_ME: no stop until its exec, since its tracer
 * (the parent) waits for it; its signal is delivered unreported.
 */
PT_CASE(traceme_in_vfork_child)
{
	char *argv[] = { SELF, "exit", "9", NULL };
	struct ptrace_lwpinfo pl;
	pid_t c;

	shared = 0;
	c = pt_track(vfork());
	if (c == 0) {
		ptrace(PT_TRACE_ME, 0, NULL, 0);
		signal(SIGUSR2, note_usr2);
		raise(SIGUSR2);
		execv(SELF, argv);
		_exit(127);
	}
	KT_CHECK(c > 0, "vfork");
	KT_CHECK(shared == 1, "the child's handler did not run before exec");
	PT_STOP(c, SIGTRAP);
	PT_OK(PT_LWPINFO, c, &pl, sizeof(pl));
	KT_CHECK(pl.pl_flags & PL_FLAG_EXEC, "first stop is not the exec: %#x",
	    pl.pl_flags);
	PT_CONT(c, 0);
	PT_EXITS(c, 9);
	return 0;
}

/*
 * A stop signal waits until the vfork child lets go (it would block its
 * parent). SIGSTOP, not SIGTSTP: the suite's group is orphaned (init, its
 * parent, is in another session), where the terminal's stops are discarded.
 */
PT_CASE(stop_signal_waits_for_exec)
{
	char *argv[] = { SELF, "exit", "4", NULL };
	int st;
	pid_t c;

	c = pt_track(vfork());
	if (c == 0) {
		raise(SIGSTOP);
		execv(SELF, argv);
		_exit(127);
	}
	KT_CHECK(c > 0, "vfork");
	KT_CHECK(waitpid(c, &st, WUNTRACED) == c && WIFSTOPPED(st) &&
	    WSTOPSIG(st) == SIGSTOP, "expected the exec'd child to stop: %s",
	    pt_str(st));
	kill(c, SIGCONT);
	KT_CHECK(kt_wait_status(c, &st) == c && WIFEXITED(st) &&
	    WEXITSTATUS(st) == 4, "child %s", pt_str(st));
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "exit") == 0)
		return atoi(argv[2]);
	if (argc == 2 && strcmp(argv[1], "sleep") == 0) {
		for (;;)
			sleep(1000);
	}
	kt_suite("ptrace_vfork");
	kt_run("child_borrows_memory", child_borrows_memory);
	kt_run("parent_resumes_at_exec", parent_resumes_at_exec);
	kt_run("failed_exec_still_borrows", failed_exec_still_borrows);
	kt_run("many_vforks", many_vforks);
	kt_run("sigkill_ends_parents_wait", sigkill_ends_parents_wait);
	kt_run("vfork_done_event", vfork_done_event);
	kt_run("vfork_follow", vfork_follow);
	kt_run("vfork_follow_without_done", vfork_follow_without_done);
	kt_run("parent_detached_at_fork_stop", parent_detached_at_fork_stop);
	kt_run("traceme_in_vfork_child", traceme_in_vfork_child);
	kt_run("stop_signal_waits_for_exec", stop_signal_waits_for_exec);
	return kt_finish();
}
