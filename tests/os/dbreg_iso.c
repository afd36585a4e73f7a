// RUN: bochs
// TIMEOUT: 180
/*
 * dbreg_iso.c - debug registers belong to one process. Two traced copies
 * of this program (same addresses) with different watchpoints never see
 * each other's; an untraced copy writing the watched variable is never
 * trapped; a watchpoint still fires in its own process only after 10,000
 * context switches; a fork child starts with no debug registers; exec
 * clears them; a process killed with its watchpoint armed leaves nothing
 * behind for the next one; PT_DETACH leaves them to the process.
 */
#include <sched.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/kinfo.h>
#include "dbreg_lib.h"

volatile uint32_t g_a, g_b, g_c;
void	iso_fn(void);

__asm__(".text\n.globl iso_fn\niso_fn: nop\n ret\n");

static const char *self = "/test/dbreg_iso";

/* Both variables, in turn, yielding in between: N rounds. */
#define ROUNDS	20

static int
alternate(void)
{
	int i;

	for (i = 1; i <= ROUNDS; i++) {
		g_a = i;
		sched_yield();
		g_b = i;
		sched_yield();
	}
	return 0;
}

/*
 * P1 watches g_a in DR0, P2 watches g_b in DR1: each stops once per round,
 * for its own variable only, with its own DR6.
 */
static int
test_two_tracees(void)
{
	pid_t pid[2];
	int n[2] = { 0, 0 }, left = 2, sig, status, k, a, b;
	pid_t w;

	if ((pid[0] = dbt_start(alternate)) < 0 ||
	    (pid[1] = dbt_start(alternate)) < 0 ||
	    dbt_set1(pid[0], 0, (uint32_t)&g_a,
	    DR7_L(0) | DR7_RWLEN(0, RW_WRITE, LEN4)) < 0 ||
	    dbt_set1(pid[1], 1, (uint32_t)&g_b,
	    DR7_G(1) | DR7_RWLEN(1, RW_WRITE, LEN4)) < 0 ||
	    dbt_cont(pid[0], PT_CONTINUE, 0) < 0 ||
	    dbt_cont(pid[1], PT_CONTINUE, 0) < 0)
		return 1;
	while (left > 0) {
		KT_CHECK((w = waitpid(-1, &status, 0)) > 0, "waitpid: errno %d",
		    errno);
		k = w == pid[1];
		KT_CHECK(w == pid[k], "waitpid: pid %d", w);
		if (!WIFSTOPPED(status)) {
			KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
			    "P%d: status %#x", k + 1, status);
			left--;
			continue;
		}
		sig = WSTOPSIG(status);
		KT_CHECK(sig == SIGTRAP, "P%d: stop %d", k + 1, sig);
		KT_CHECK(dbt_dr6(w) == (1u << k), "P%d: dr6 %#x", k + 1,
		    dbt_dr6(w));
		a = dbt_peek(w, &g_a);
		b = dbt_peek(w, &g_b);
		n[k]++;
		KT_CHECK(k == 0 ? a == n[0] && b == n[0] - 1 : a == n[1] &&
		    b == n[1], "P%d stop %d: g_a %d g_b %d", k + 1, n[k], a, b);
		if (dbt_cont(w, PT_CONTINUE, 0) < 0)
			return 1;
	}
	KT_CHECK(n[0] == ROUNDS && n[1] == ROUNDS, "%d and %d stops", n[0],
	    n[1]);
	return 0;
}

static int
write_g_a_yielding(void)
{
	int i;

	for (i = 1; i <= 50; i++) {
		g_a = i;
		sched_yield();
	}
	return 0;
}

static int
untraced_writer(int n)
{
	int i;

	for (i = 0; i < n; i++) {
		g_a = i;
		if (i % 64 == 0)
			sched_yield();
	}
	return 0;
}

/* An untraced copy hammering g_a is never trapped; P1 stops 50 times. */
static int
test_untraced_copy(void)
{
	int status, stops = 0, left = 2;
	pid_t pid, other, w;

	if ((pid = dbt_start(write_g_a_yielding)) < 0 ||
	    dbt_set1(pid, 2, (uint32_t)&g_a,
	    DR7_L(2) | DR7_RWLEN(2, RW_WRITE, LEN4)) < 0)
		return 1;
	if ((other = fork()) == 0)
		_exit(untraced_writer(50000));
	if (dbt_cont(pid, PT_CONTINUE, 0) < 0)
		return 1;
	while (left > 0) {
		KT_CHECK((w = waitpid(-1, &status, 0)) > 0, "waitpid");
		if (w == other) {
			KT_CHECK(status == 0, "untraced copy: status %#x",
			    status);
			left--;
		} else if (WIFSTOPPED(status)) {
			KT_CHECK(WSTOPSIG(status) == SIGTRAP &&
			    dbt_dr6(pid) == 4, "stop %d, dr6 %#x",
			    WSTOPSIG(status), dbt_dr6(pid));
			stops++;
			if (dbt_cont(pid, PT_CONTINUE, 0) < 0)
				return 1;
		} else {
			KT_CHECK(status == 0, "tracee: status %#x", status);
			left--;
		}
	}
	KT_CHECK(stops == 50, "%d stops", stops);
	return 0;
}

#define SWITCHES	10000

static int
yield_then_write(void)
{
	int i;

	for (i = 0; i < SWITCHES / 2; i++)
		sched_yield();
	g_c = 1;
	return 0;
}

static int
yield_and_write(void)
{
	int i;

	for (i = 0; i < SWITCHES / 2; i++) {
		g_c = i;
		sched_yield();
	}
	return 0;
}

/*
 * 10,000 context switches between the tracee (watching g_c) and an
 * untraced copy that writes g_c at every turn: the copy is never trapped,
 * and the tracee's one write afterwards stops it exactly once.
 */
static int
test_switches(void)
{
	int status, before = kinfo(KINFO_CTXSWITCHES), after;
	pid_t pid, other;

	if ((pid = dbt_start(yield_then_write)) < 0 ||
	    dbt_set1(pid, 3, (uint32_t)&g_c,
	    DR7_G(3) | DR7_RWLEN(3, RW_WRITE, LEN4)) < 0)
		return 1;
	if ((other = fork()) == 0)
		_exit(yield_and_write());
	if (dbt_cont(pid, PT_CONTINUE, 0) < 0 ||
	    dbt_expect(pid, SIGTRAP, 8, "the tracee's write") < 0)
		return 1;
	KT_CHECK(dbt_peek(pid, &g_c) == 1, "g_c %d", dbt_peek(pid, &g_c));
	if (dbt_finish(pid, 0) < 0)
		return 1;
	KT_CHECK(kt_wait_status(other, &status) == other && status == 0,
	    "untraced copy: status %#x", status);
	after = kinfo(KINFO_CTXSWITCHES);
	KT_CHECK(after - before >= SWITCHES, "only %d context switches",
	    after - before);
	return 0;
}

/*
 * The traced P1 (all four slots armed) forks C and traces it: C's debug
 * registers read as zero and C runs through every watched access freely.
 * Exit codes: 0 fine, 2-6 which check failed in P1.
 */
static int
fork_body(void)
{
	struct dbreg d, zero;
	int status;
	pid_t c = fork();

	if (c == 0) {
		ptrace(PT_TRACE_ME, 0, NULL, 0);
		kill(getpid(), SIGSTOP);
		g_a = 1;
		iso_fn();
		(void)g_b;
		g_c = 1;
		_exit(0);
	}
	if (c < 0 || kt_wait_status(c, &status) != c || !WIFSTOPPED(status))
		return 2;
	memset(&zero, 0, sizeof(zero));
	if (ptrace(PT_GETDBREGS, c, (caddr_t)&d, 0) != 0)
		return 3;
	if (memcmp(&d, &zero, sizeof(d)) != 0)
		return 4;
	if (ptrace(PT_CONTINUE, c, (caddr_t)1, 0) != 0 ||
	    kt_wait_status(c, &status) != c)
		return 5;
	if (status != 0)
		return 6;
	g_a = 2;			/* P1's own watchpoint still works */
	return 0;
}

static int
arm_all(pid_t pid)
{
	struct dbreg d;

	memset(&d, 0, sizeof(d));
	d.dr[0] = (uint32_t)&g_a;
	d.dr[1] = (uint32_t)iso_fn;
	d.dr[2] = (uint32_t)&g_b;
	d.dr[3] = (uint32_t)&g_c;
	d.dr[7] = DR7_L(0) | DR7_RWLEN(0, RW_WRITE, LEN4) | DR7_G(1) |
	    DR7_RWLEN(1, RW_EXEC, LEN1) | DR7_L(2) |
	    DR7_RWLEN(2, RW_RDWR, LEN4) | DR7_L(3) | DR7_G(3) |
	    DR7_RWLEN(3, RW_WRITE, LEN2);
	return dbt_set(pid, &d);
}

static int
test_fork_child_clean(void)
{
	int sig, status;
	pid_t pid;

	if ((pid = dbt_start(fork_body)) < 0 || arm_all(pid) < 0)
		return 1;
	for (;;) {		/* C's stop and exit send P1 SIGCHLD: pass over */
		if (dbt_cont(pid, PT_CONTINUE, 0) < 0 ||
		    dbt_wait(pid, &sig, &status) < 0)
			return 1;
		if (sig != SIGCHLD)
			break;
	}
	KT_CHECK(sig == SIGTRAP && dbt_dr6(pid) == 1, "status %#x dr6 %#x "
	    "(exit code 2-6: a check in P1 failed)", status, dbt_dr6(pid));
	KT_CHECK(dbt_peek(pid, &g_a) == 2, "g_a %d", dbt_peek(pid, &g_a));
	for (;;) {
		if (dbt_cont(pid, PT_CONTINUE, 0) < 0 ||
		    dbt_wait(pid, &sig, &status) < 0)
			return 1;
		if (sig != SIGCHLD)
			break;
	}
	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "status %#x",
	    status);
	return 0;
}

/* What the exec'd copy does: every access the old registers watched. */
static int
exec_child(void)
{
	g_a = 1;
	iso_fn();
	(void)g_b;
	g_c = 1;
	return 0;
}

static int
exec_body(void)
{
	execl(self, self, "exec-child", (char *)NULL);
	return 99;
}

/* exec clears the registers: none at the exec stop, no trap after it. */
static int
test_exec_clears(void)
{
	struct dbreg d, zero;
	pid_t pid;

	if ((pid = dbt_start(exec_body)) < 0 || arm_all(pid) < 0 ||
	    dbt_cont(pid, PT_CONTINUE, 0) < 0 ||
	    dbt_expect(pid, SIGTRAP, ~0u, "exec") < 0 || dbt_get(pid, &d) < 0)
		return 1;
	memset(&zero, 0, sizeof(zero));
	KT_CHECK(memcmp(&d, &zero, sizeof(d)) == 0, "after exec: dr0 %#x "
	    "dr1 %#x dr2 %#x dr3 %#x dr6 %#x dr7 %#x", d.dr[0], d.dr[1],
	    d.dr[2], d.dr[3], d.dr[6], d.dr[7]);
	return dbt_finish(pid, 0) < 0;
}

/* Killed while armed and stopped: the next process writes g_a freely. */
static int
test_kill_armed(void)
{
	int status;
	pid_t pid, other;

	if ((pid = dbt_start(write_g_a_yielding)) < 0 ||
	    dbt_set1(pid, 0, (uint32_t)&g_a,
	    DR7_L(0) | DR7_RWLEN(0, RW_WRITE, LEN4)) < 0 ||
	    dbt_cont(pid, PT_CONTINUE, 0) < 0 ||
	    dbt_expect(pid, SIGTRAP, 1, "first write") < 0)
		return 1;
	KT_CHECK(ptrace(PT_KILL, pid, NULL, 0) == 0, "PT_KILL: errno %d",
	    errno);
	KT_CHECK(kt_wait_status(pid, &status) == pid && WIFSIGNALED(status) &&
	    WTERMSIG(status) == SIGKILL, "status %#x", status);
	if ((other = fork()) == 0)
		_exit(untraced_writer(1000));
	KT_CHECK(kt_wait_status(other, &status) == other && status == 0,
	    "next process: status %#x", status);
	return 0;
}

/*
 * PT_DETACH keeps the registers (as FreeBSD does): the next hit, now in an
 * untraced process, takes SIGTRAP's default action.
 */
static int
test_detach_keeps(void)
{
	int status;
	pid_t pid;

	if ((pid = dbt_start(write_g_a_yielding)) < 0 ||
	    dbt_set1(pid, 1, (uint32_t)&g_a,
	    DR7_G(1) | DR7_RWLEN(1, RW_WRITE, LEN4)) < 0)
		return 1;
	KT_CHECK(ptrace(PT_DETACH, pid, (caddr_t)1, 0) == 0,
	    "PT_DETACH: errno %d", errno);
	KT_CHECK(kt_wait_status(pid, &status) == pid && WIFSIGNALED(status) &&
	    WTERMSIG(status) == SIGTRAP, "status %#x", status);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "exec-child") == 0)
		return exec_child();
	if (argc > 0 && argv[0][0] == '/')
		self = argv[0];
	kt_suite("dbreg_iso");
	kt_run("two_tracees", test_two_tracees);
	kt_run("untraced_copy", test_untraced_copy);
	kt_run("switches_10000", test_switches);
	kt_run("fork_child_clean", test_fork_child_clean);
	kt_run("exec_clears", test_exec_clears);
	kt_run("kill_armed", test_kill_armed);
	kt_run("detach_keeps", test_detach_keeps);
	return kt_finish();
}
