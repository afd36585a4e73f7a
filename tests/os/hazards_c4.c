// RUN: qemu hz=1000
/*
 * hazards_c4.c - debug registers belong to one process (FreeBSD's
 * x86_clear_dbregs, NetBSD's x86_dbregs_switch). Two copies of this
 * program share every address; a write watchpoint on `g' in the traced
 * copy must never fire in the untraced one while both run and preempt each
 * other (the hz=1000 run makes that happen often); exec starts with none;
 * a process killed with its watchpoint armed leaves nothing for the next;
 * a fork child of an armed process starts with none (Kestrel's rule; an
 * untraced child that inherited one would die of SIGTRAP).
 */
#include "hazards_lib.h"

volatile uint32_t g;

#define P1_WRITES	50
#define P2_WRITES	200000

static int
p1_body(void)
{
	int i;

	for (i = 0; i < P1_WRITES; i++) {
		g = i;
		sched_yield();
	}
	return 0;
}

static int
p2_body(void)
{
	int i;

	for (i = 0; i < P2_WRITES; i++)
		g = i;
	return 0;
}

/* A tracee running body with a write watchpoint on g (slot 0, L0). */
static pid_t
armed(int (*body)(void))
{
	struct dbreg d;
	pid_t pid = pt_traced(body);

	if (pid < 0)
		return -1;
	memset(&d, 0, sizeof(d));
	d.dr[0] = (uint32_t)&g;
	d.dr[7] = 0x000d0001;
	if (ptrace(PT_SETDBREGS, pid, (caddr_t)&d, 0) < 0) {
		kt_fail(__FILE__, __LINE__, "SETDBREGS: errno %d", errno);
		return -1;
	}
	return pid;
}

/* P1 traps once per write; P2, writing the same address, never does. */
HZ_CASE(test_two_processes)
{
	struct hz_stop s[P1_WRITES + 1];
	pid_t p1 = armed(p1_body), p2;
	int st, n, i;

	KT_CHECK(p1 > 0, "no tracee");
	p2 = hz_child(p2_body);
	st = hz_collect(p1, s, P1_WRITES + 1, &n, 0);
	KT_CHECK(st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0,
	    "P1: %s", pt_str(st));
	KT_CHECK(n == P1_WRITES, "P1 stopped %d times", n);
	for (i = 0; i < n; i++)
		KT_CHECK(s[i].sig == SIGTRAP && s[i].dr6 == HZ_DR6_B(0),
		    "stop %d: signal %d dr6 %#x", i, s[i].sig, s[i].dr6);
	PT_EXITS(p2, 0);
	return 0;
}

static int
exec_body(void)
{
	char *argv[] = { "true", NULL };

	execv("/bin/true", argv);
	return 127;
}

/* exec: the new image starts with no debug registers and runs untrapped. */
HZ_CASE(test_exec_clears)
{
	pid_t pid = armed(exec_body);

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGTRAP);
	KT_CHECK(hz_clean_exec_state(pid), "exec kept debug or FPU state");
	PT_CONT(pid, 0);
	PT_EXITS(pid, 0);
	return 0;
}

/* Killed while armed and running: the next process writing g is untouched. */
HZ_CASE(test_killed_armed)
{
	pid_t pid = armed(hz_yield_forever), p2;

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	usleep(20000);
	KT_CHECK(kill(pid, SIGKILL) == 0, "kill: errno %d", errno);
	PT_KILLED(pid, SIGKILL);
	p2 = hz_child(p2_body);
	PT_EXITS(p2, 0);
	return 0;
}

/* fork while armed: the child writes g untrapped; the parent still traps. */
static int
fork_body(void)
{
	int st;
	pid_t c = fork();

	if (c == 0) {
		g = 1;
		_exit(0);
	}
	if (c < 0 || kt_wait_status(c, &st) != c)
		return 2;
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
		return 3;		/* it inherited the watchpoint */
	g = 2;
	return 0;
}

HZ_CASE(test_fork_armed)
{
	struct hz_stop s[4];
	pid_t pid = armed(fork_body);
	int st, n, i, traps = 0;

	KT_CHECK(pid > 0, "no tracee");
	st = hz_collect(pid, s, 4, &n, HZ_SIGBIT(SIGCHLD));
	KT_CHECK(st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0,
	    "tracee: %s (3: the child died)", pt_str(st));
	for (i = 0; i < n && i < 4; i++) {
		KT_CHECK(s[i].sig == SIGCHLD || (s[i].sig == SIGTRAP &&
		    s[i].dr6 == HZ_DR6_B(0)), "stop %d: signal %d dr6 %#x", i,
		    s[i].sig, s[i].dr6);
		traps += s[i].sig == SIGTRAP;
	}
	KT_CHECK(traps == 1, "%d watchpoint stops, expected the parent's one",
	    traps);
	return 0;
}

int
main(void)
{
	kt_suite("hazards_c4");
	kt_run("two_processes", test_two_processes);
	kt_run("exec_clears", test_exec_clears);
	kt_run("killed_armed", test_killed_armed);
	kt_run("fork_armed", test_fork_armed);
	return kt_finish();
}
