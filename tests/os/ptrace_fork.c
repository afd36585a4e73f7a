/*
 * ptrace_fork.c - following fork (PT_FOLLOW_FORK, PTRACE_FORK), the cases
 * of FreeBSD's ptrace(2) and its tests: the parent's exit stop reports the
 * fork (PL_FLAG_FORKED, pl_child_pid), the child starts traced by the same
 * tracer and stops with SIGSTOP (PL_FLAG_CHILD), both as system call exit
 * stops of fork; then either side may be detached, the tracer may be a
 * child of the forking process's parent or an unrelated process, and the
 * tracer may die with both stopped.
 */
#include <stdlib.h>
#include <sys/procctl.h>
#include <sys/syscall.h>
#include "ptrace_lib.h"

/* The next event of any process is pid's exit with code. */
#define NEXT_EXIT(pid, code)						\
	do {								\
		int ne_st_;						\
		pid_t ne_w_ = kt_wait_status(-1, &ne_st_);		\
									\
		KT_CHECK(ne_w_ == (pid) && WIFEXITED(ne_st_) &&		\
		    WEXITSTATUS(ne_st_) == (code), "expected %d's exit %d, "	\
		    "got %d: %s", (int)(pid), (code), (int)ne_w_,	\
		    pt_str(ne_st_));					\
	} while (0)

/* The traced process: forks a child that exits 2, collects it, exits 1. */
static int
fork_parent(void)
{
	pid_t c = fork(), w;
	int st;

	if (c == 0)
		_exit(2);
	if (c < 0)
		return 30;
	while ((w = waitpid(c, &st, 0)) < 0 && errno == EINTR)
		;
	return w == c && WIFEXITED(st) && WEXITSTATUS(st) == 2 ? 1 : 31;
}

/*
 * Collect the two stops of a followed fork of parent, in either order:
 * the parent's SIGTRAP with PL_FLAG_FORKED, the child's SIGSTOP with
 * PL_FLAG_CHILD. The child's pid, or -1; pl[0] and pl[1] get their
 * PT_LWPINFO.
 */
static pid_t
fork_events(pid_t parent, struct ptrace_lwpinfo pl[2])
{
	int i, st, seen[2] = { 0, 0 };
	pid_t w, child = -1;

	for (i = 0; i < 2; i++) {
		struct ptrace_lwpinfo x;
		int side;

		if ((w = kt_wait_status(-1, &st)) <= 0 || !WIFSTOPPED(st) ||
		    ptrace(PT_LWPINFO, w, (caddr_t)&x, sizeof(x)) < 0) {
			kt_fail(__FILE__, __LINE__, "fork event %d: %s", i,
			    pt_str(st));
			return -1;
		}
		side = (x.pl_flags & PL_FLAG_CHILD) != 0;
		if (side == ((x.pl_flags & PL_FLAG_FORKED) != 0) || seen[side] ||
		    (side ? WSTOPSIG(st) != SIGSTOP || w == parent :
		    WSTOPSIG(st) != SIGTRAP || w != parent)) {
			kt_fail(__FILE__, __LINE__, "stop of %d: %s flags %#x", w,
			    pt_str(st), x.pl_flags);
			return -1;
		}
		seen[side] = 1;
		if (side)
			pt_track(w);
		if (child != -1 && child != (side ? w : x.pl_child_pid)) {
			kt_fail(__FILE__, __LINE__, "pl_child_pid %d, child %d",
			    x.pl_child_pid, w);
			return -1;
		}
		child = side ? w : x.pl_child_pid;
		pl[side] = x;
	}
	return child;
}

#define FORK_EVENTS(parent, pl, child)					\
	KT_CHECK(((child) = fork_events((parent), (pl))) > 0, "fork events")

/* Both stay traced: the child's exit reaches us first, then the parent's. */
PT_CASE(both_attached)
{
	struct ptrace_lwpinfo pl[2];
	pid_t p = pt_traced(fork_parent), c;

	KT_CHECK(p > 0, "no tracee");
	PT_OK(PT_FOLLOW_FORK, p, 0, 1);
	PT_CONT(p, 0);
	FORK_EVENTS(p, pl, c);
	KT_CHECK(pt_events(c) == PTRACE_DEFAULT, "the child's mask %#x",
	    pt_events(c));
	PT_CONT(p, 0);
	PT_CONT(c, 0);
	NEXT_EXIT(c, 2);	/* the parent waits for it: it comes first */
	NEXT_EXIT(p, 1);
	PT_NOCHILD();
	return 0;
}

/* The child detached at its first stop: only the parent's exit is ours. */
PT_CASE(child_detached)
{
	struct ptrace_lwpinfo pl[2];
	pid_t p = pt_traced(fork_parent), c;

	KT_CHECK(p > 0, "no tracee");
	PT_OK(PT_FOLLOW_FORK, p, 0, 1);
	PT_CONT(p, 0);
	FORK_EVENTS(p, pl, c);
	PT_CONT(p, 0);
	PT_OK(PT_DETACH, c, 1, 0);
	NEXT_EXIT(p, 1);
	PT_NOCHILD();
	return 0;
}

/* The parent detached: the child's exit is ours, the parent's too (our child). */
PT_CASE(parent_detached)
{
	struct ptrace_lwpinfo pl[2];
	pid_t p = pt_traced(fork_parent), c;

	KT_CHECK(p > 0, "no tracee");
	PT_OK(PT_FOLLOW_FORK, p, 0, 1);
	PT_CONT(p, 0);
	FORK_EVENTS(p, pl, c);
	PT_OK(PT_DETACH, p, 1, 0);
	PT_CONT(c, 0);
	NEXT_EXIT(c, 2);
	NEXT_EXIT(p, 1);
	PT_NOCHILD();
	return 0;
}

/*
 * A forking process that is not our child: made by a helper that exits at
 * once (3), it sends its pid and waits until the pipe's other end closes,
 * then runs fork_parent. It uses one end both ways, as FreeBSD's test does.
 */
static pid_t
unrelated_forker(int *release)
{
	int fds[2], st;
	pid_t helper, p = -1;

	if (pipe(fds) < 0)
		return -1;
	if ((helper = fork()) == 0) {
		close(fds[0]);
		if (fork() != 0)
			_exit(3);
		p = getpid();
		write(fds[1], &p, sizeof(p));
		while (read(fds[1], &st, 1) < 0 && errno == EINTR)
			;
		_exit(fork_parent());
	}
	close(fds[1]);
	if (kt_wait_status(helper, &st) != helper || !WIFEXITED(st) ||
	    WEXITSTATUS(st) != 3 || read(fds[0], &p, sizeof(p)) != sizeof(p))
		p = -1;
	*release = fds[0];
	return pt_track(p);
}

/* Attach to the unrelated forker, follow forks, let it go; the forker's pid. */
static pid_t
attach_unrelated(int *release)
{
	pid_t p = unrelated_forker(release);

	if (p <= 0 || ptrace(PT_ATTACH, p, NULL, 0) < 0 || pt_wait(p) !=
	    W_STOPCODE(SIGSTOP) || ptrace(PT_FOLLOW_FORK, p, NULL, 1) < 0 ||
	    ptrace(PT_CONTINUE, p, (caddr_t)1, 0) < 0) {
		kt_fail(__FILE__, __LINE__, "cannot attach to the forker");
		return -1;
	}
	close(*release);
	return p;
}

PT_CASE(both_attached_unrelated)
{
	struct ptrace_lwpinfo pl[2];
	int rel;
	pid_t p = attach_unrelated(&rel), c;

	KT_CHECK(p > 0, "no forker");
	FORK_EVENTS(p, pl, c);
	PT_CONT(p, 0);
	PT_CONT(c, 0);
	NEXT_EXIT(c, 2);
	NEXT_EXIT(p, 1);
	PT_NOCHILD();
	return 0;
}

PT_CASE(child_detached_unrelated)
{
	struct ptrace_lwpinfo pl[2];
	int rel;
	pid_t p = attach_unrelated(&rel), c;

	KT_CHECK(p > 0, "no forker");
	FORK_EVENTS(p, pl, c);
	PT_CONT(p, 0);
	PT_OK(PT_DETACH, c, 1, 0);
	NEXT_EXIT(p, 1);
	PT_NOCHILD();
	return 0;
}

/* The forker detached: it is not our child, so only the child's exit is ours. */
PT_CASE(parent_detached_unrelated)
{
	struct ptrace_lwpinfo pl[2];
	int rel;
	pid_t p = attach_unrelated(&rel), c;

	KT_CHECK(p > 0, "no forker");
	FORK_EVENTS(p, pl, c);
	PT_OK(PT_DETACH, p, 1, 0);
	PT_CONT(c, 0);
	NEXT_EXIT(c, 2);
	PT_NOCHILD();
	KT_CHECK(pt_await_state(p, 0) == 0, "init did not reap the forker");
	return 0;
}

/*
 * Both sides report fork's exit (PL_FLAG_SCX, SYS_fork, the same narg);
 * the parent's result is the child's pid, the child's is 0.
 */
PT_CASE(fork_stops_are_syscall_exits)
{
	struct ptrace_lwpinfo pl[2];
	struct ptrace_sc_ret sr;
	struct reg r;
	pid_t p = pt_traced(fork_parent), c;

	KT_CHECK(p > 0, "no tracee");
	PT_OK(PT_FOLLOW_FORK, p, 0, 1);
	PT_CONT(p, 0);
	FORK_EVENTS(p, pl, c);
	KT_CHECK((pl[0].pl_flags & (PL_FLAG_SCX | PL_FLAG_SI | PL_FLAG_VFORKED))
	    == PL_FLAG_SCX && (pl[1].pl_flags & (PL_FLAG_SCX | PL_FLAG_SI)) ==
	    PL_FLAG_SCX, "flags %#x %#x", pl[0].pl_flags, pl[1].pl_flags);
	KT_CHECK(pl[0].pl_syscall_code == SYS_fork && pl[1].pl_syscall_code ==
	    SYS_fork && pl[0].pl_syscall_narg == pl[1].pl_syscall_narg,
	    "codes %u %u narg %u %u", pl[0].pl_syscall_code,
	    pl[1].pl_syscall_code, pl[0].pl_syscall_narg, pl[1].pl_syscall_narg);
	KT_CHECK(pl[1].pl_child_pid == 0 && pl[0].pl_lwpid > 99999 &&
	    pl[1].pl_lwpid > 99999 && pl[0].pl_lwpid != pl[1].pl_lwpid, "child %d lwpids %d %d", pl[1].pl_child_pid,
	    pl[0].pl_lwpid, pl[1].pl_lwpid);
	PT_OK(PT_GET_SC_RET, p, &sr, sizeof(sr));
	KT_CHECK(sr.sr_error == 0 && sr.sr_retval[0] == c, "parent result %d",
	    (int)sr.sr_retval[0]);
	PT_OK(PT_GET_SC_RET, c, &sr, sizeof(sr));
	KT_CHECK(sr.sr_error == 0 && sr.sr_retval[0] == 0, "child result %d",
	    (int)sr.sr_retval[0]);
	PT_OK(PT_GETREGS, c, &r, 0);
	KT_CHECK(r.r_eax == 0, "child eax %u", r.r_eax);
	PT_CONT(p, 0);
	PT_CONT(c, 0);
	NEXT_EXIT(c, 2);
	NEXT_EXIT(p, 1);
	return 0;
}

/* Under PT_SYSCALL the fork event is the parent's one exit stop of fork. */
PT_CASE(fork_event_under_pt_syscall)
{
	struct ptrace_lwpinfo pl[2];
	pid_t p = pt_traced(fork_parent), c;

	KT_CHECK(p > 0, "no tracee");
	PT_OK(PT_FOLLOW_FORK, p, 0, 1);
	PT_OK(PT_TO_SCE, p, 1, 0);
	PT_STOP(p, SIGTRAP);
	PT_OK(PT_LWPINFO, p, &pl[0], sizeof(pl[0]));
	KT_CHECK((pl[0].pl_flags & PL_FLAG_SCE) && pl[0].pl_syscall_code ==
	    SYS_fork, "flags %#x code %u", pl[0].pl_flags,
	    pl[0].pl_syscall_code);
	PT_OK(PT_SYSCALL, p, 1, 0);
	FORK_EVENTS(p, pl, c);
	PT_CONT_FREE(p, 0);
	PT_CONT(c, 0);
	NEXT_EXIT(c, 2);
	NEXT_EXIT(p, 1);
	return 0;
}

/* Without PTRACE_FORK the child is not traced, and the fork makes no stop. */
PT_CASE(no_follow_without_mask)
{
	pid_t p = pt_traced(fork_parent);

	KT_CHECK(p > 0, "no tracee");
	PT_CONT(p, 0);
	PT_EXITS(p, 1);
	PT_NOCHILD();
	return 0;
}

/* The child's mask is the default: its own forks are not followed. */
static int
fork_twice(void)
{
	pid_t c = fork(), w;
	int st;

	if (c == 0)
		_exit(fork_parent() == 1 ? 5 : 40);
	while ((w = waitpid(c, &st, 0)) < 0 && errno == EINTR)
		;
	return w == c && WIFEXITED(st) ? WEXITSTATUS(st) : 41;
}

PT_CASE(grandchild_not_followed)
{
	struct ptrace_lwpinfo pl[2];
	pid_t p = pt_traced(fork_twice), c;

	KT_CHECK(p > 0, "no tracee");
	PT_OK(PT_FOLLOW_FORK, p, 0, 1);
	PT_CONT(p, 0);
	FORK_EVENTS(p, pl, c);
	PT_CONT(p, 0);
	PT_CONT(c, 0);
	NEXT_EXIT(c, 5);	/* its own child was not ours to see */
	NEXT_EXIT(p, 5);
	PT_NOCHILD();
	return 0;
}

/* The tracer dies with both stopped: PT_TRACE_ME's rule kills both. */
static int
tracer_of_forker(void)
{
	struct ptrace_lwpinfo pl[2];
	pid_t p = pt_traced(fork_parent), c;

	if (p <= 0 || ptrace(PT_FOLLOW_FORK, p, NULL, 1) < 0 ||
	    ptrace(PT_CONTINUE, p, (caddr_t)1, 0) < 0 ||
	    (c = fork_events(p, pl)) <= 0)
		return 50;
	_exit(0);		/* both stopped, still traced */
}

PT_CASE(tracer_dies_both_stopped)
{
	int st, i, killed = 0;
	pid_t w;

	KT_CHECK(procctl(P_PID, 0, PROC_REAP_ACQUIRE, NULL) == 0, "reaper");
	w = pt_track(fork());
	if (w == 0)
		_exit(tracer_of_forker());
	PT_EXITS(w, 0);
	for (i = 0; i < 2; i++) {
		w = kt_wait_status(-1, &st);
		KT_CHECK(w > 0 && WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL,
		    "expected a death by SIGKILL, got %s", pt_str(st));
		killed++;
	}
	KT_CHECK(killed == 2, "%d killed", killed);
	PT_NOCHILD();
	return 0;
}

/* ... and attached ones, with their followed children, go free and run on. */
static int
attaching_tracer(void)
{
	struct ptrace_lwpinfo pl[2];
	int rel;
	pid_t p = attach_unrelated(&rel);

	if (p <= 0 || fork_events(p, pl) <= 0)
		return 50;
	_exit(0);
}

PT_CASE(tracer_dies_attached_both_run_on)
{
	int st;
	pid_t w;

	KT_CHECK(procctl(P_PID, 0, PROC_REAP_ACQUIRE, NULL) == 0, "reaper");
	w = pt_track(fork());
	if (w == 0)
		_exit(attaching_tracer());
	PT_EXITS(w, 0);
	/* The forker (now ours) collects its child's exit 2, then exits 1. */
	w = kt_wait_status(-1, &st);
	KT_CHECK(w > 0 && WIFEXITED(st) && WEXITSTATUS(st) == 1,
	    "expected the forker's exit 1, got %s", pt_str(st));
	PT_NOCHILD();
	return 0;
}

int
main(void)
{
	kt_suite("ptrace_fork");
	kt_run("both_attached", both_attached);
	kt_run("child_detached", child_detached);
	kt_run("parent_detached", parent_detached);
	kt_run("both_attached_unrelated", both_attached_unrelated);
	kt_run("child_detached_unrelated", child_detached_unrelated);
	kt_run("parent_detached_unrelated", parent_detached_unrelated);
	kt_run("fork_stops_are_syscall_exits", fork_stops_are_syscall_exits);
	kt_run("fork_event_under_pt_syscall", fork_event_under_pt_syscall);
	kt_run("no_follow_without_mask", no_follow_without_mask);
	kt_run("grandchild_not_followed", grandchild_not_followed);
	kt_run("tracer_dies_both_stopped", tracer_dies_both_stopped);
	kt_run("tracer_dies_attached_both_run_on",
	    tracer_dies_attached_both_run_on);
	return kt_finish();
}
