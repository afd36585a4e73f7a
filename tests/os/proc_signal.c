// RUN: qemu sysenter=0
/*
 * proc_signal.c - signal handlers: the mask while a handler runs and after
 * it returns, SA_RESETHAND, SA_NODEFER, SA_RESTART against EINTR,
 * sigsuspend and sigpending, and what a handler sees (siginfo, its stack).
 *
 * What a handler may change in its context, and what it may not, is in
 * proc_sigreturn.c; exceptions turned into signals are in proc_trap.c, job
 * control in proc_stop.c. Bochs runs the suite too: its segment checks on iret are the
 * CPU's own.
 */
// RUN: bochs
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/kinfo.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>
#include "lib/ktest.h"
#include "signal_lib.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define PSL_T		0x00000100
#define PSL_I		0x00000200
#define PSL_IOPL	0x00003000
#define PSL_NT		0x00004000
#define PSL_VM		0x00020000
#define UCODE_SEL	0x1b
#define UDATA_SEL	0x23

static volatile int hits, depth, max_depth, last_sig;
static volatile uint32_t mask_in_handler;

static uint32_t
cur_mask(void)
{
	sigset_t m;

	sigprocmask(SIG_BLOCK, NULL, &m);
	return m.__bits[0];
}

static void
set_mask(uint32_t bits)
{
	sigset_t m;

	sigemptyset(&m);
	m.__bits[0] = bits;
	sigprocmask(SIG_SETMASK, &m, NULL);
}

#define BIT(sig)	(1u << ((sig) - 1))

static void
count(int sig)
{
	hits++;
	last_sig = sig;
	mask_in_handler = cur_mask();
}

static int
test_handler_runs(void)
{
	KT_CHECK(signal(SIGUSR1, count) == SIG_DFL, "signal() old handler");
	KT_CHECK(raise(SIGUSR1) == 0, "raise");
	KT_CHECK(hits == 1 && last_sig == SIGUSR1,
	    "handler ran %d times, last signal %d", hits, last_sig);
	KT_CHECK(raise(SIGUSR1) == 0 && hits == 2, "second delivery");
	KT_CHECK(cur_mask() == 0, "mask after the handler %#x", cur_mask());
	return 0;
}

/* The order in which the two handlers below enter and leave. */
static char order[8];
static volatile int norder;

static void
usr2_handler(int sig)
{
	(void)sig;
	order[norder++] = '2';
}

static void
usr1_raises_usr2(int sig)
{
	(void)sig;
	order[norder++] = '(';
	mask_in_handler = cur_mask();
	raise(SIGUSR2);		/* blocked by sa_mask: must wait */
	order[norder++] = ')';
}

static int
test_mask_during_handler(void)
{
	set_mask(BIT(SIGINT));
	KT_CHECK(install(SIGUSR1, usr1_raises_usr2, 0, BIT(SIGUSR2)) == 0,
	    "sigaction");
	KT_CHECK(install(SIGUSR2, usr2_handler, 0, 0) == 0, "sigaction");
	raise(SIGUSR1);
	KT_CHECK(mask_in_handler == (BIT(SIGINT) | BIT(SIGUSR1) | BIT(SIGUSR2)),
	    "mask in the handler %#x", mask_in_handler);
	KT_CHECK(norder == 3 && memcmp(order, "()2", 3) == 0,
	    "handlers ran in the order %.*s, expected ()2", norder, order);
	KT_CHECK(cur_mask() == BIT(SIGINT), "mask afterwards %#x", cur_mask());
	return 0;
}

static void
unblock_all(int sig)
{
	(void)sig;
	hits++;
	set_mask(0);
}

/* Whatever the handler does to its mask, sigreturn restores the old one. */
static int
test_mask_restored(void)
{
	set_mask(BIT(SIGINT) | BIT(SIGHUP));
	install(SIGUSR1, unblock_all, 0, 0);
	raise(SIGUSR1);
	KT_CHECK(hits == 1, "handler did not run");
	KT_CHECK(cur_mask() == (BIT(SIGINT) | BIT(SIGHUP)),
	    "mask after the handler %#x", cur_mask());
	return 0;
}

static siginfo_t got_si;

static void
info_handler(int sig, siginfo_t *si, void *ctx)
{
	(void)ctx;
	hits++;
	last_sig = sig;
	got_si = *si;
}

static int
test_resethand(void)
{
	struct sigaction old;
	int status;
	pid_t pid;

	KT_CHECK(install_info(SIGUSR1, info_handler, SA_RESETHAND) == 0,
	    "sigaction");
	raise(SIGUSR1);
	KT_CHECK(hits == 1, "handler did not run");
	KT_CHECK(sigaction(SIGUSR1, NULL, &old) == 0, "sigaction query");
	KT_CHECK(old.sa_handler == SIG_DFL, "handler not reset: %p",
	    (void *)old.sa_handler);
	KT_CHECK(!(old.sa_flags & SA_SIGINFO), "SA_SIGINFO survived the reset");
	pid = fork();
	if (pid == 0) {
		install(SIGUSR1, count, SA_RESETHAND, 0);
		raise(SIGUSR1);
		raise(SIGUSR1);
		_exit(hits);
	}
	KT_CHECK(waitpid(pid, &status, 0) == pid, "waitpid");
	KT_CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGUSR1,
	    "second delivery after SA_RESETHAND: status %#x", status);
	return 0;
}

static void
recurse(int sig)
{
	hits++;
	if (++depth > max_depth)
		max_depth = depth;
	if (hits == 1)
		raise(sig);
	depth--;
}

static int
test_nodefer(void)
{
	install(SIGUSR1, recurse, SA_NODEFER, 0);
	raise(SIGUSR1);
	KT_CHECK(hits == 2 && max_depth == 2,
	    "SA_NODEFER: %d deliveries, depth %d (expected 2, 2)", hits,
	    max_depth);
	hits = max_depth = 0;
	install(SIGUSR1, recurse, 0, 0);
	raise(SIGUSR1);
	KT_CHECK(hits == 2 && max_depth == 1,
	    "without SA_NODEFER: %d deliveries, depth %d (expected 2, 1)",
	    hits, max_depth);
	return 0;
}

/*
 * A helper that signals us during a blocking read, then writes one byte:
 * with SA_RESTART the read resumes and returns it, without it fails EINTR.
 */
static int
read_interrupted(int flags, ssize_t *r, int *err, char *c)
{
	int fds[2], status;
	pid_t parent = getpid(), pid;

	hits = 0;
	if (pipe(fds) != 0 || install(SIGUSR1, count, flags, 0) != 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		usleep(30000);
		kill(parent, SIGUSR1);
		usleep(30000);
		write(fds[1], "x", 1);
		_exit(0);
	}
	*c = 0;
	errno = 0;
	*r = read(fds[0], c, 1);
	*err = errno;
	waitpid(pid, &status, 0);
	close(fds[0]);
	close(fds[1]);
	return 0;
}

static int
test_restart_vs_eintr(void)
{
	ssize_t r;
	int err;
	char c;

	KT_CHECK(read_interrupted(SA_RESTART, &r, &err, &c) == 0, "setup");
	KT_CHECK(hits == 1, "SA_RESTART: handler ran %d times", hits);
	KT_CHECK(r == 1 && c == 'x', "SA_RESTART: read returned %d (errno %d)",
	    (int)r, err);
	KT_CHECK(read_interrupted(0, &r, &err, &c) == 0, "setup");
	KT_CHECK(hits == 1, "no SA_RESTART: handler ran %d times", hits);
	KT_CHECK(r == -1 && err == EINTR,
	    "no SA_RESTART: read returned %d, errno %d (expected EINTR)",
	    (int)r, err);
	return 0;
}

/* nanosleep is never restarted: EINTR and the time that was left. */
static int
test_nanosleep_eintr(void)
{
	struct timespec req = { 2, 0 }, rem = { 0, 0 };
	pid_t parent = getpid(), pid;
	int r, err, status;

	install(SIGUSR1, count, SA_RESTART, 0);
	pid = fork();
	if (pid == 0) {
		usleep(50000);
		kill(parent, SIGUSR1);
		_exit(0);
	}
	r = nanosleep(&req, &rem);
	err = errno;
	waitpid(pid, &status, 0);
	KT_CHECK(r == -1 && err == EINTR, "nanosleep returned %d, errno %d",
	    r, err);
	KT_CHECK(hits == 1, "handler ran %d times", hits);
	KT_CHECK(rem.tv_sec == 1 && rem.tv_nsec > 0,
	    "remaining %ld.%09ld s of 2 s after ~50 ms", (long)rem.tv_sec,
	    rem.tv_nsec);
	return 0;
}

static int
test_sigsuspend(void)
{
	sigset_t wait_mask;
	int r;

	install(SIGUSR1, count, 0, 0);
	set_mask(BIT(SIGUSR1) | BIT(SIGUSR2));
	raise(SIGUSR1);
	KT_CHECK(hits == 0, "a blocked signal was delivered");
	sigemptyset(&wait_mask);
	sigaddset(&wait_mask, SIGUSR2);
	errno = 0;
	r = sigsuspend(&wait_mask);
	KT_CHECK(r == -1 && errno == EINTR, "sigsuspend returned %d, errno %d",
	    r, errno);
	KT_CHECK(hits == 1, "handler ran %d times", hits);
	KT_CHECK(mask_in_handler == (BIT(SIGUSR1) | BIT(SIGUSR2)),
	    "mask in the handler %#x (sigsuspend's mask plus the signal)",
	    mask_in_handler);
	KT_CHECK(cur_mask() == (BIT(SIGUSR1) | BIT(SIGUSR2)),
	    "mask after sigsuspend %#x", cur_mask());
	return 0;
}

/* sigsuspend sleeps until a signal comes from elsewhere. */
static int
test_sigsuspend_waits(void)
{
	pid_t parent = getpid(), pid;
	sigset_t none;
	int status;

	install(SIGUSR1, count, 0, 0);
	set_mask(BIT(SIGUSR1));
	pid = fork();
	if (pid == 0) {
		usleep(20000);
		kill(parent, SIGUSR1);
		_exit(0);
	}
	sigemptyset(&none);
	KT_CHECK(sigsuspend(&none) == -1 && errno == EINTR, "sigsuspend");
	KT_CHECK(hits == 1, "handler ran %d times", hits);
	KT_CHECK(cur_mask() == BIT(SIGUSR1), "mask after %#x", cur_mask());
	waitpid(pid, &status, 0);
	return 0;
}

/* A stop and a continue do not end sigsuspend: only a handler does. */
static int
test_sigsuspend_survives_stop(void)
{
	int fds[2], status;
	char c = 0;
	pid_t pid;

	KT_CHECK(pipe(fds) == 0, "pipe");
	pid = fork();
	if (pid == 0) {
		sigset_t none;
		int r;

		install(SIGUSR1, count, 0, 0);
		set_mask(BIT(SIGUSR1));
		write(fds[1], "s", 1);
		sigemptyset(&none);
		r = sigsuspend(&none);
		c = r == -1 && errno == EINTR && hits == 1 ? 'h' : 'n';
		write(fds[1], &c, 1);
		_exit(0);
	}
	KT_CHECK(read(fds[0], &c, 1) == 1, "child did not start");
	usleep(20000);
	kill(pid, SIGSTOP);
	KT_CHECK(waitpid(pid, &status, WUNTRACED) == pid && WIFSTOPPED(status),
	    "no stop: %#x", status);
	kill(pid, SIGCONT);
	kill(pid, SIGCHLD);		/* ignored by default: no wake-up either */
	usleep(50000);
	KT_CHECK(waitpid(pid, &status, WNOHANG) == 0,
	    "the child ended (status %#x)", status);
	kill(pid, SIGUSR1);
	KT_CHECK(read(fds[0], &c, 1) == 1 && c == 'h',
	    "sigsuspend returned before the handler ran, or without it (%c)", c);
	KT_CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status), "wait");
	close(fds[0]);
	close(fds[1]);
	return 0;
}

/*
 * A signal whose frame cannot be pushed (the stack pointer is garbage)
 * kills the process with SIGILL, as on FreeBSD.
 */
static int
test_bad_stack_kills(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		install(SIGSEGV, count, 0, 0);
		__asm__ volatile("movl $0x10, %%esp; movl $0, 0" ::: "memory");
		_exit(0);
	}
	KT_CHECK(waitpid(pid, &status, 0) == pid, "wait");
	KT_CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGILL,
	    "status %#x, expected death by SIGILL", status);
	return 0;
}

static int
test_sigpending(void)
{
	sigset_t set;

	install(SIGUSR1, count, 0, 0);
	set_mask(BIT(SIGUSR1));
	raise(SIGUSR1);
	raise(SIGUSR1);		/* each is an instance, as on FreeBSD */
	KT_CHECK(sigpending(&set) == 0, "sigpending");
	KT_CHECK(set.__bits[0] == BIT(SIGUSR1), "pending %#x", set.__bits[0]);
	KT_CHECK(hits == 0, "delivered while blocked");
	set_mask(0);
	KT_CHECK(hits == 2, "unblocking delivered %d times (expected 2, "
	    "before sigprocmask returned)", hits);
	KT_CHECK(sigpending(&set) == 0 && set.__bits[0] == 0,
	    "still pending %#x", set.__bits[0]);
	return 0;
}

/* Setting SIG_IGN discards a pending signal (POSIX). */
static int
test_ignore_discards_pending(void)
{
	sigset_t set;

	set_mask(BIT(SIGUSR1));
	raise(SIGUSR1);
	signal(SIGUSR1, SIG_IGN);
	KT_CHECK(sigpending(&set) == 0 && set.__bits[0] == 0,
	    "still pending after SIG_IGN: %#x", set.__bits[0]);
	set_mask(0);
	return 0;
}

static int
test_siginfo_kill(void)
{
	install_info(SIGUSR2, info_handler, 0);
	kill(getpid(), SIGUSR2);
	KT_CHECK(hits == 1 && last_sig == SIGUSR2, "handler did not run");
	KT_CHECK(got_si.si_signo == SIGUSR2, "si_signo %d", got_si.si_signo);
	KT_CHECK(got_si.si_code == SI_USER, "si_code %#x, expected SI_USER",
	    got_si.si_code);
	return 0;
}

static volatile uint32_t handler_fp;

static void
note_frame(int sig)
{
	(void)sig;
	handler_fp = (uint32_t)__builtin_frame_address(0);
}

/* A handler is called like a function on a 16-byte aligned stack (i386 ABI). */
static int
test_handler_stack_aligned(void)
{
	int i;

	install(SIGUSR1, note_frame, 0, 0);
	for (i = 0; i < 4; i++) {
		/* Vary the interrupted stack pointer. */
		char *pad = __builtin_alloca(i * 4 + 1);

		__asm__ volatile("" : : "r"(pad) : "memory");
		raise(SIGUSR1);
		KT_CHECK((handler_fp + 8) % 16 == 0,
		    "handler entered with %%esp %#x, not 16-byte aligned "
		    "at the call", handler_fp + 4);
	}
	return 0;
}

static int
test_sigaction_errors(void)
{
	struct sigaction sa, old;
	static const int bad[] = { 0, -1, NSIG, 100 };
	unsigned i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = count;
	for (i = 0; i < NELEM(bad); i++) {
		errno = 0;
		KT_CHECK(sigaction(bad[i], &sa, &old) == -1 && errno == EINVAL,
		    "sigaction(%d): errno %d", bad[i], errno);
		errno = 0;
		KT_CHECK(kill(getpid(), bad[i]) == (bad[i] == 0 ? 0 : -1),
		    "kill(self, %d): errno %d", bad[i], errno);
	}
	errno = 0;
	KT_CHECK(sigprocmask(99, &sa.sa_mask, NULL) == -1 && errno == EINVAL,
	    "sigprocmask(99): errno %d", errno);
	errno = 0;
	KT_CHECK(kill(99997, SIGTERM) == -1 && errno == ESRCH,
	    "kill(no such pid): errno %d", errno);

	sa.sa_flags = SA_RESTART | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGHUP);
	KT_CHECK(sigaction(SIGUSR2, &sa, NULL) == 0, "sigaction");
	memset(&old, 0, sizeof(old));
	KT_CHECK(sigaction(SIGUSR2, NULL, &old) == 0, "query");
	KT_CHECK(old.sa_handler == count && old.sa_flags == sa.sa_flags &&
	    old.sa_mask.__bits[0] == BIT(SIGHUP),
	    "query returned handler %p flags %#x mask %#x",
	    (void *)old.sa_handler, old.sa_flags, old.sa_mask.__bits[0]);
	return 0;
}

/* fork keeps handlers and the mask; pending signals stay with the parent. */
static int
test_fork_inherits(void)
{
	int status;
	pid_t pid;

	install(SIGUSR1, count, 0, 0);
	set_mask(BIT(SIGUSR2) | BIT(SIGUSR1));
	raise(SIGUSR1);
	pid = fork();
	if (pid == 0) {
		sigset_t set;

		sigpending(&set);
		if (set.__bits[0] != 0)
			_exit(1);
		if (cur_mask() != (BIT(SIGUSR2) | BIT(SIGUSR1)))
			_exit(2);
		set_mask(0);
		raise(SIGUSR1);
		_exit(hits == 1 ? 0 : 3);
	}
	KT_CHECK(waitpid(pid, &status, 0) == pid, "waitpid");
	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "child: status %#x (1: inherited a pending signal, 2: mask, "
	    "3: handler)", status);
	set_mask(0);
	KT_CHECK(hits == 1, "parent's pending signal was lost");
	return 0;
}

/*
 * alarm: SIGALRM after the time, the time left, none for a fork child.
 * (The harness's watchdog is an alarm too: it is put back at the end.)
 */
static int
test_alarm(void)
{
	int hz = kinfo(KINFO_HZ), t0, status;
	unsigned watchdog;
	sigset_t none;
	pid_t pid;

	install(SIGALRM, count, 0, 0);
	watchdog = alarm(5);
	KT_CHECK(watchdog > 0, "the harness's alarm was not pending");
	KT_CHECK(alarm(1) >= 4, "alarm(1) after alarm(5) returned less than 4");
	pid = fork();
	if (pid == 0)
		_exit(alarm(0) == 0 ? 0 : 1);
	KT_CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0, "a fork child inherited the alarm");
	t0 = kinfo(KINFO_TICKS);
	set_mask(BIT(SIGALRM));
	sigemptyset(&none);
	while (hits == 0)
		sigsuspend(&none);
	KT_CHECK(kinfo(KINFO_TICKS) - t0 >= hz * 9 / 10, "SIGALRM after %d "
	    "ticks, expected about %d", kinfo(KINFO_TICKS) - t0, hz);
	KT_CHECK(alarm(0) == 0, "an alarm is still pending");
	alarm(3);
	KT_CHECK(alarm(0) >= 2, "alarm(0) did not return the time left");
	signal(SIGALRM, SIG_DFL);
	alarm(watchdog);
	return 0;
}

int
main(void)
{
	kt_suite("proc_signal");
	kt_run("handler_runs", test_handler_runs);
	kt_run("mask_during_handler", test_mask_during_handler);
	kt_run("mask_restored", test_mask_restored);
	kt_run("resethand", test_resethand);
	kt_run("nodefer", test_nodefer);
	kt_run("restart_vs_eintr", test_restart_vs_eintr);
	kt_run("nanosleep_eintr", test_nanosleep_eintr);
	kt_run("sigsuspend_mask", test_sigsuspend);
	kt_run("sigsuspend_waits", test_sigsuspend_waits);
	kt_run("sigsuspend_survives_stop", test_sigsuspend_survives_stop);
	kt_run("sigpending", test_sigpending);
	kt_run("ignore_discards_pending", test_ignore_discards_pending);
	kt_run("siginfo_kill", test_siginfo_kill);
	kt_run("handler_stack_aligned", test_handler_stack_aligned);
	kt_run("sigaction_errors", test_sigaction_errors);
	kt_run("fork_inherits", test_fork_inherits);
	kt_run("bad_stack_kills", test_bad_stack_kills);
	kt_run("alarm", test_alarm);
	return kt_finish();
}
