/*
 * ptrace_cycles.c - no request may close a cycle of tracers (docs/ptrace.md,
 * the permission table). A stopped tracee waits for its tracer; if the
 * tracer is, through other tracers, traced by the tracee, both would wait
 * for ever. Each case builds a small family of "agents": processes that run
 * one ptrace request per order the case sends them through a pipe (attach
 * and continue, or PT_TRACE_ME) and answer with the errno. Agents are
 * siblings (all children of the case) or a chain (each the parent of the
 * next), so that cycles through parents and through attaches can both be
 * built. Closing the order pipes makes every agent exit.
 */
#include "ptrace_lib.h"

#define MAXAGENTS	4

enum { DO_ATTACH = 1, DO_TRACE_ME };

struct order {
	int	op;
	pid_t	pid;
};

struct agent {
	pid_t	pid;
	int	cmd[2];		/* orders, case -> agent */
	int	ans[2];		/* answers (errno, or the pid at start) */
};

static struct agent ag[MAXAGENTS];
static int nagents, nprocs_before;

static int
attach_and_continue(pid_t pid)
{
	int st;

	if (ptrace(PT_ATTACH, pid, NULL, 0) < 0)
		return errno;
	if (kt_wait_status(pid, &st) != pid || !WIFSTOPPED(st))
		return -1;
	return ptrace(PT_CONTINUE, pid, (caddr_t)1, 0) < 0 ? errno : 0;
}

/* Keep only agent i's own ends of the pipes. */
static void
close_others(int i)
{
	int j;

	for (j = 0; j < nagents; j++) {
		close(ag[j].cmd[1]);
		close(ag[j].ans[0]);
		if (j != i) {
			close(ag[j].cmd[0]);
			close(ag[j].ans[1]);
		}
	}
}

static void __attribute__((noreturn))
agent_main(int i, int chain)
{
	struct order o;
	pid_t me = getpid();
	sigset_t chld;
	ssize_t n;
	int e;

	if (chain && i + 1 < nagents && fork() == 0)
		agent_main(i + 1, chain);
	close_others(i);
	/* A traced agent would stop for its tracees' SIGCHLD; nobody waits there. */
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	write(ag[i].ans[1], &me, sizeof(me));
	for (;;) {
		while ((n = read(ag[i].cmd[0], &o, sizeof(o))) < 0 && errno == EINTR)
			;
		if (n != sizeof(o))
			_exit(0);
		if (o.op == DO_ATTACH)
			e = attach_and_continue(o.pid);
		else
			e = ptrace(PT_TRACE_ME, 0, NULL, 0) < 0 ? errno : 0;
		write(ag[i].ans[1], &e, sizeof(e));
	}
}

/* n agents: siblings, or a chain where agent i is agent i+1's parent. */
static int
agents_start(int n, int chain)
{
	int i;

	nprocs_before = kinfo(KINFO_NPROCS);
	nagents = n;
	for (i = 0; i < n; i++)
		if (pipe(ag[i].cmd) != 0 || pipe(ag[i].ans) != 0)
			return -1;
	for (i = 0; i < n; i++) {
		if (!chain || i == 0) {
			pid_t pid = fork();

			if (pid == 0)
				agent_main(i, chain);
			pt_track(pid);
		}
	}
	for (i = 0; i < n; i++) {
		close(ag[i].cmd[0]);
		close(ag[i].ans[1]);
		if (read(ag[i].ans[0], &ag[i].pid, sizeof(pid_t)) != sizeof(pid_t))
			return -1;
	}
	return 0;
}

/* Agent i runs the request; its errno (0: success), or -2 if it is gone. */
static int
order(int i, int op, pid_t pid)
{
	struct order o = { op, pid };
	int e;

	if (write(ag[i].cmd[1], &o, sizeof(o)) != sizeof(o) ||
	    read(ag[i].ans[0], &e, sizeof(e)) != sizeof(e))
		return -2;
	return e;
}

/* Every agent exits; 1 once all of them are reaped. */
static int
agents_end(void)
{
	int i;

	for (i = 0; i < nagents; i++)
		close(ag[i].cmd[1]);
	for (i = 0; i < nagents; i++)
		close(ag[i].ans[0]);
	pt_reap_all();
	return kt_await_nprocs(nprocs_before);
}

#define ORDER(want, i, op, pid)						\
	do {								\
		int o_e_ = order((i), (op), (pid));			\
		KT_CHECK(o_e_ == (want), "agent %d, %s %d: errno %d, "	\
		    "expected %d", (i), (op) == DO_ATTACH ? "attach" :	\
		    "trace_me", (int)(pid), o_e_, (want));		\
	} while (0)

/* B traces its parent A; B's PT_TRACE_ME would make A trace B too. */
PT_CASE(einval_trace_me_by_own_tracee)
{
	KT_CHECK(agents_start(2, 1) == 0, "agents");
	ORDER(0, 1, DO_ATTACH, ag[0].pid);
	ORDER(EINVAL, 1, DO_TRACE_ME, 0);
	KT_CHECK(agents_end(), "agents left behind");
	return 0;
}

/* A <- C (attach), C <- B (C's PT_TRACE_ME); B's PT_TRACE_ME closes the ring. */
PT_CASE(einval_trace_me_closes_longer_cycle)
{
	KT_CHECK(agents_start(3, 1) == 0, "agents");
	ORDER(0, 2, DO_ATTACH, ag[0].pid);
	ORDER(0, 2, DO_TRACE_ME, 0);
	ORDER(EINVAL, 1, DO_TRACE_ME, 0);
	KT_CHECK(agents_end(), "agents left behind");
	return 0;
}

/* A chain of PT_TRACE_ME without a ring is fine: C <- B <- A. */
PT_CASE(trace_me_chain_allowed)
{
	KT_CHECK(agents_start(3, 1) == 0, "agents");
	ORDER(0, 2, DO_TRACE_ME, 0);
	ORDER(0, 1, DO_TRACE_ME, 0);
	KT_CHECK(agents_end(), "agents left behind");
	return 0;
}

/*
 * Siblings: S0 traces S1, S1 traces S2; S2 attaching S0 would close a ring
 * of three (EINVAL). S3 attaching S0 makes no ring and is allowed.
 */
PT_CASE(einval_attach_closes_sibling_cycle)
{
	KT_CHECK(agents_start(4, 0) == 0, "agents");
	ORDER(0, 0, DO_ATTACH, ag[1].pid);
	ORDER(0, 1, DO_ATTACH, ag[2].pid);
	ORDER(EINVAL, 2, DO_ATTACH, ag[0].pid);
	ORDER(EBUSY, 2, DO_ATTACH, ag[1].pid);
	ORDER(0, 3, DO_ATTACH, ag[0].pid);
	KT_CHECK(agents_end(), "agents left behind");
	return 0;
}

/* S0 traces S1 (attach); S1 attaching S0 is the ring of two. */
PT_CASE(einval_attach_own_tracer_sibling)
{
	KT_CHECK(agents_start(2, 0) == 0, "agents");
	ORDER(0, 0, DO_ATTACH, ag[1].pid);
	ORDER(EINVAL, 1, DO_ATTACH, ag[0].pid);
	KT_CHECK(agents_end(), "agents left behind");
	return 0;
}

int
main(void)
{
	kt_suite("ptrace_cycles");
	kt_run("einval_trace_me_by_own_tracee", einval_trace_me_by_own_tracee);
	kt_run("einval_trace_me_closes_longer_cycle",
	    einval_trace_me_closes_longer_cycle);
	kt_run("trace_me_chain_allowed", trace_me_chain_allowed);
	kt_run("einval_attach_closes_sibling_cycle",
	    einval_attach_closes_sibling_cycle);
	kt_run("einval_attach_own_tracer_sibling",
	    einval_attach_own_tracer_sibling);
	return kt_finish();
}
