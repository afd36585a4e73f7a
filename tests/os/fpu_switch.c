// RUN: qemu hz=1000
// RUN: qemu hz=1000 fpu=lazy
// RUN: qemu hz=1000 | -cpu pentium
// RUN: qemu hz=1000 fpu=lazy | -cpu pentium
// RUN: qemu hz=1000 | -cpu 486
// TIMEOUT: 120
/*
 * fpu_switch.c - every process keeps its own x87 and SSE registers: across
 * thousands of preemptions among two and among eight processes (each
 * proves it was switched out while its values were loaded), across fork
 * (the child starts with a copy, later changes stay private), across a
 * signal handler that scribbles on the FPU (and starts with a clean state),
 * and when another process takes a signal or execs while this one's values
 * are still in the FPU (lazy switching). exec starts the new image with the
 * clean state, FIP/FDP/FOP zero, nothing of the old image and no pending
 * exception. Lazy switching really is lazy: CR0.TS, which user mode can
 * read, is set when a process comes back to an FPU someone else took.
 *
 * The runs: eager and lazy switching, FXSAVE (default CPU) and FNSAVE
 * (-cpu pentium, -cpu 486) formats, all with a 1000 Hz clock.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include "fpu_lib.h"

#define SPIN	20000		/* loop iterations between two looks at the clock */

static void
spin(int n)
{
	volatile int i;

	for (i = 0; i < n; i++)
		;
}

/*
 * Hold p in the registers for at least ticks clock ticks, then check it.
 * Returns 1 if a context switch happened meanwhile (on one CPU, the switch
 * counter can only move while this process is not running), 0 if not, -1
 * (after kt_fail) if the registers changed.
 */
static int
hold(const struct fppattern *p, int ticks)
{
	struct fpview v;
	char why[120];
	int t0, sw0;

	fpu_load(p);
	sw0 = kinfo(KINFO_CTXSWITCHES);
	t0 = kinfo(KINFO_TICKS);
	do
		spin(SPIN);
	while (kinfo(KINFO_TICKS) - t0 < ticks);
	sw0 = kinfo(KINFO_CTXSWITCHES) != sw0;
	fpu_snapshot(&v);
	if (!fpu_holds(p, &v, why, sizeof(why))) {
		kt_fail(__FILE__, __LINE__, "pid %d: %s", getpid(), why);
		return -1;
	}
	return sw0;
}

/* A worker: hold its own pattern again and again until the tick `until`. */
static void
worker(unsigned seed, int until, int fd)
{
	struct fppattern p;
	int counts[2] = { 0, 0 }, r;

	fpu_pattern(&p, seed);
	while (kinfo(KINFO_TICKS) < until) {
		if ((r = hold(&p, 2)) < 0)
			_exit(1);
		counts[0]++;
		counts[1] += r;
	}
	write(fd, counts, sizeof(counts));
	_exit(0);
}

/*
 * n workers for `seconds`. Nearly every clock tick preempts one of them
 * while all hold their values: demand half a switch per tick, and that
 * every worker was switched out in the middle of at least 10 of its holds.
 */
static int
preempt(int n, int seconds)
{
	int hz = kinfo(KINFO_HZ), until, fds[2], i, status, bad = 0;
	int counts[2], holds = 0, switched = 0, least = 1 << 30, sw;
	pid_t pids[8];

	KT_CHECK(pipe(fds) == 0, "pipe");
	sw = kinfo(KINFO_CTXSWITCHES);
	until = kinfo(KINFO_TICKS) + seconds * hz;
	for (i = 0; i < n; i++) {
		if ((pids[i] = fork()) == 0) {
			close(fds[0]);
			worker(0x51 + i * 7, until, fds[1]);
		}
		KT_CHECK(pids[i] > 0, "fork %d", i);
	}
	close(fds[1]);
	for (i = 0; i < n; i++) {
		KT_CHECK(kt_wait_status(pids[i], &status) == pids[i], "wait");
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			bad++;
	}
	sw = kinfo(KINFO_CTXSWITCHES) - sw;
	while (read(fds[0], counts, sizeof(counts)) == sizeof(counts)) {
		holds += counts[0];
		switched += counts[1];
		if (counts[1] < least)
			least = counts[1];
	}
	close(fds[0]);
	KT_CHECK(bad == 0, "%d of %d workers saw foreign FPU values", bad, n);
	kt_log("%d workers, %d context switches in %d s at %d Hz; %d holds, "
	    "%d across a switch (fewest per worker %d)", n, sw, seconds, hz,
	    holds, switched, least);
	KT_CHECK(sw >= seconds * hz / 2 && least >= 10,
	    "too few preemptions: %d switches, fewest holds across one %d",
	    sw, least);
	return 0;
}

static int
test_preempt_2(void)
{
	return preempt(2, 2);
}

static int
test_preempt_8(void)
{
	return preempt(8, 3);
}

/* Wait for one byte on fd. */
static void
await(int fd)
{
	char c;

	while (read(fd, &c, 1) < 0 && errno == EINTR)
		;
}

static int
check_holds(const struct fppattern *p, const char *who)
{
	struct fpview v;
	char why[120];

	fpu_snapshot(&v);
	KT_CHECK(fpu_holds(p, &v, why, sizeof(why)), "%s: %s", who, why);
	return 0;
}

/* The child starts with the parent's values; afterwards each keeps its own. */
static int
test_fork_inherit(void)
{
	struct fppattern pp, pc, pq;
	int to_parent[2], to_child[2], status;
	pid_t pid;

	fpu_pattern(&pp, 3);
	fpu_pattern(&pc, 4);
	fpu_pattern(&pq, 5);
	KT_CHECK(pipe(to_parent) == 0 && pipe(to_child) == 0, "pipe");
	fpu_load(&pp);
	if ((pid = fork()) == 0) {
		if (check_holds(&pp, "child after fork"))
			_exit(1);
		fpu_load(&pc);
		write(to_parent[1], "c", 1);
		await(to_child[0]);
		_exit(check_holds(&pc, "child after the parent's change"));
	}
	KT_CHECK(pid > 0, "fork");
	close(to_parent[1]);	/* a child that dies early means EOF */
	close(to_child[0]);
	await(to_parent[0]);
	if (check_holds(&pp, "parent after the child's change"))
		return 1;
	fpu_load(&pq);
	write(to_child[1], "p", 1);
	KT_CHECK(kt_wait_status(pid, &status) == pid, "wait");
	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "child status %#x", status);
	return check_holds(&pq, "parent at the end");
}

static const float zero_f = 0.0f;
static const uint16_t cw_unmask_ze = 0x037b;

/*
 * Dirty every register, leave a divide-by-zero pending, make sure the
 * dirty state is in the save area too (fork flushes it), then exec.
 */
static int
test_exec_reset(void)
{
	struct fppattern p;
	int status;
	pid_t pid;

	if ((pid = fork()) == 0) {
		char *argv[] = { "fpu_switch", "exec-child", "6", NULL };

		fpu_pattern(&p, 6);
		fpu_load(&p);
		__asm__ volatile("fldcw %0\n\tfdivs %1"
		    : : "m"(cw_unmask_ze), "m"(zero_f));
		if ((pid = fork()) == 0)
			_exit(0);
		kt_wait_status(pid, &status);
		execv("/test/fpu_switch", argv);
		_exit(99);
	}
	KT_CHECK(pid > 0, "fork");
	KT_CHECK(kt_wait_status(pid, &status) == pid, "wait");
	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "the new image %s %d (2: not the clean state, 3: old values "
	    "visible, 4: FNSTENV differs, 99: exec failed)",
	    WIFSIGNALED(status) ? "died of signal" : "exited with",
	    WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
	return 0;
}

/* main() of the image exec_reset starts: look before any FP instruction. */
static int
exec_child(unsigned seed)
{
	union fpimage img;
	struct fpview v;
	struct fppattern p;
	uint32_t env[7];
	char why[120];

	memset(&img, 0, sizeof(img));
	if (fpu_fxsr())
		__asm__ volatile("fxsave %0" : "=m"(img.raw));
	else
		__asm__ volatile("fnsave %0\n\tfrstor %0" : "+m"(img.raw));
	__asm__ volatile("fnstenv %0" : "=m"(env));
	if (fpu_fxsr())
		fpu_view_fx(&img.fx, &v);
	else
		fpu_view_fn(&img.fn, &v);
	fpu_pattern(&p, seed);
	if (!fpu_is_clean(&v, why, sizeof(why))) {
		kt_log("exec: %s", why);
		return 2;
	}
	if (fpu_shows(&p, &v)) {
		kt_log("exec: the old image's register values are visible");
		return 3;
	}
	if ((env[0] & 0xffff) != FCW_DEFAULT || (env[1] & 0xffff) != 0 ||
	    (env[2] & 0xffff) != 0xffff || env[3] != 0 || env[5] != 0 ||
	    (env[4] >> 16) != 0) {
		kt_log("exec: FNSTENV cw %#x sw %#x tw %#x fip %#x fdp %#x",
		    env[0], env[1], env[2], env[3], env[5]);
		return 4;
	}
	__asm__ volatile("fwait");	/* a pending exception would fire here */
	return 0;
}

static volatile int handled, handler_dirty;
static char handler_why[120];

/* Checks that it starts clean, then loads other values everywhere. */
static void
scribbler(int sig, siginfo_t *si, void *uc)
{
	struct fppattern s;
	struct fpview v;

	(void)sig;
	(void)si;
	(void)uc;
	fpu_snapshot(&v);
	if (!fpu_is_clean(&v, handler_why, sizeof(handler_why)))
		handler_dirty++;
	fpu_pattern(&s, 100 + handled);
	fpu_load(&s);
	handled++;
}

static int
catch_usr1(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = scribbler;
	sa.sa_flags = SA_SIGINFO;
	return sigaction(SIGUSR1, &sa, NULL);
}

/*
 * One signal sent to itself, then 200 from another process while it loops
 * (signals that arrive while one is pending merge: demand half of them).
 */
static int
test_signal_handler(void)
{
	struct fppattern p;
	struct fpview v;
	char why[120];
	int status, i;
	pid_t parent = getpid(), pid;

	KT_CHECK(catch_usr1() == 0, "sigaction");
	fpu_pattern(&p, 7);
	fpu_load(&p);
	kill(getpid(), SIGUSR1);
	KT_CHECK(handled == 1, "handler ran %d times", handled);
	KT_CHECK(handler_dirty == 0, "the handler did not start clean: %s",
	    handler_why);
	if (check_holds(&p, "after the handler"))
		return 1;
	if ((pid = fork()) == 0) {
		for (i = 0; i < 200; i++) {
			kill(parent, SIGUSR1);
			usleep(1000);
		}
		_exit(0);
	}
	KT_CHECK(pid > 0, "fork");
	do {
		spin(SPIN);
		fpu_snapshot(&v);
		KT_CHECK(fpu_holds(&p, &v, why, sizeof(why)),
		    "after %d handlers: %s", handled, why);
	} while (waitpid(pid, &status, WNOHANG) == 0);
	kt_log("%d handlers ran", handled);
	KT_CHECK(handled >= 101, "only %d signals arrived", handled);
	KT_CHECK(handler_dirty == 0, "a handler did not start clean: %s",
	    handler_why);
	return 0;
}

static void
quiet_handler(int sig)
{
	(void)sig;
	handled++;
}

/*
 * Process A holds its values and sleeps; meanwhile process B, which has
 * never used the FPU since A last did, does `what` (takes a signal whose
 * handler stays off the FPU, one whose handler scribbles, or execs). With
 * lazy switching A's values are still in the FPU then, and must survive.
 */
static int
other_process(int what)
{
	struct fppattern p;
	int a_ready[2], a_go[2], status_a, status_b;
	pid_t a, b;

	KT_CHECK(pipe(a_ready) == 0 && pipe(a_go) == 0, "pipe");
	if ((a = fork()) == 0) {
		fpu_pattern(&p, 8);
		fpu_load(&p);
		write(a_ready[1], "a", 1);
		await(a_go[0]);
		_exit(check_holds(&p, "A after B's turn"));
	}
	KT_CHECK(a > 0, "fork A");
	close(a_ready[1]);
	close(a_go[0]);
	await(a_ready[0]);
	if ((b = fork()) == 0) {
		char *argv[] = { "true", NULL };

		if (what == 0)
			signal(SIGUSR1, quiet_handler);
		else
			catch_usr1();
		if (what == 2) {
			execv("/bin/true", argv);
			_exit(98);
		}
		kill(getpid(), SIGUSR1);
		_exit(handled == 1 && handler_dirty == 0 ? 0 : 1);
	}
	KT_CHECK(b > 0, "fork B");
	KT_CHECK(kt_wait_status(b, &status_b) == b, "wait B");
	write(a_go[1], "g", 1);
	KT_CHECK(kt_wait_status(a, &status_a) == a, "wait A");
	KT_CHECK(WIFEXITED(status_b) && WEXITSTATUS(status_b) == 0,
	    "B status %#x", status_b);
	KT_CHECK(WIFEXITED(status_a) && WEXITSTATUS(status_a) == 0,
	    "A lost its FPU values: status %#x", status_a);
	return 0;
}

static int
test_other_signal(void)
{
	return other_process(0);
}

static int
test_other_signal_fp(void)
{
	return other_process(1);
}

static int
test_other_exec(void)
{
	return other_process(2);
}

/* CR0.TS as user mode sees it: smsw is not privileged. */
static int
cr0_ts(void)
{
	uint16_t msw;

	__asm__ volatile("smsw %0" : "=r"(msw));
	return (msw & 0x8) != 0;
}

/*
 * Lazy switching is lazy: a process whose FPU another process took while it
 * slept comes back with CR0.TS set, and its first FP instruction (the
 * snapshot's FXSAVE or FNSAVE) clears it, with its values intact: #NM gave
 * the FPU back. An eager kernel never leaves TS set for a user process.
 */
static int
test_lazy_owner(void)
{
	struct fppattern mine, other;
	struct fpview v;
	int p[2], status, ts_back, ts_after, lazy = kinfo(KINFO_FPUMODE);
	char why[120], c;
	pid_t pid;

	fpu_pattern(&mine, 7);
	fpu_pattern(&other, 8);
	KT_CHECK(pipe(p) == 0, "pipe");
	fpu_load(&mine);
	pid = fork();
	KT_CHECK(pid >= 0, "fork");
	if (pid == 0) {
		fpu_load(&other);
		write(p[1], "x", 1);
		_exit(0);
	}
	close(p[1]);
	KT_CHECK(read(p[0], &c, 1) == 1, "the child died before its FPU use");
	ts_back = cr0_ts();
	fpu_snapshot(&v);
	ts_after = cr0_ts();
	kt_wait_status(pid, &status);
	KT_CHECK(fpu_holds(&mine, &v, why, sizeof(why)), "%s", why);
	if (lazy) {
		KT_CHECK(ts_back, "back from sleep with the FPU another "
		    "process's, CR0.TS is clear: the switch was not lazy");
		KT_CHECK(!ts_after, "after an FP instruction CR0.TS is still set");
	} else {
		KT_CHECK(!ts_back && !ts_after, "eager switching left CR0.TS "
		    "set");
	}
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "exec-child") == 0)
		return exec_child(strtoul(argv[2], NULL, 10));
	kt_suite("fpu_switch");
	kt_run("preempt_2", test_preempt_2);
	kt_run("preempt_8", test_preempt_8);
	kt_run("fork_inherit", test_fork_inherit);
	kt_run("exec_reset", test_exec_reset);
	kt_run("signal_handler", test_signal_handler);
	kt_run("other_signal", test_other_signal);
	kt_run("other_signal_fp", test_other_signal_fp);
	kt_run("other_exec", test_other_exec);
	kt_run("lazy_owner", test_lazy_owner);
	return kt_finish();
}
