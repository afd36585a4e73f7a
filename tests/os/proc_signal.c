/*
 * proc_signal.c - signal handlers and sigreturn: the mask while a handler
 * runs and after it returns, SA_RESETHAND, SA_NODEFER, SA_RESTART against
 * EINTR, sigsuspend and sigpending, what a handler sees (siginfo, its
 * stack) and what it may change (uc_mcontext), and what it may not: a
 * forged context that reaches for ring 0 is refused, whether the handler
 * returns into it or the program calls sigreturn directly.
 *
 * Exceptions turned into signals are in proc_trap.c, job control in
 * proc_stop.c. Bochs runs the suite too: its segment checks on iret are the
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
static ucontext_t saved_uc;

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

static int
install(int sig, void (*fn)(int), int flags, uint32_t mask)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sa.sa_flags = flags;
	sa.sa_mask.__bits[0] = mask;
	return sigaction(sig, &sa, NULL);
}

static int
install_info(int sig, void (*fn)(int, siginfo_t *, void *), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = fn;
	sa.sa_flags = flags | SA_SIGINFO;
	return sigaction(sig, &sa, NULL);
}

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
	raise(SIGUSR1);		/* signals do not queue: one delivery */
	KT_CHECK(sigpending(&set) == 0, "sigpending");
	KT_CHECK(set.__bits[0] == BIT(SIGUSR1), "pending %#x", set.__bits[0]);
	KT_CHECK(hits == 0, "delivered while blocked");
	set_mask(0);
	KT_CHECK(hits == 1, "unblocking delivered %d times (expected 1, "
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

static void
set_eax(int sig, siginfo_t *si, void *ctx)
{
	ucontext_t *uc = ctx;

	(void)sig, (void)si;
	hits++;
	uc->uc_mcontext.mc_eax = 1234;
	uc->uc_mcontext.mc_ecx = 5678;
}

/* What the handler writes into uc_mcontext is what the program resumes with. */
static int
test_handler_changes_context(void)
{
	int eax = SYS_kill, ecx = SIGUSR1;

	install_info(SIGUSR1, set_eax, 0);
	__asm__ volatile("int $0x80"
	    : "+a"(eax), "+c"(ecx)
	    : "b"(getpid())
	    : "edx", "memory", "cc");
	KT_CHECK(hits == 1, "handler did not run");
	KT_CHECK(eax == 1234 && ecx == 5678,
	    "after sigreturn eax=%d ecx=%d, expected 1234 and 5678", eax, ecx);
	return 0;
}

/* One way to forge a context; each must be refused. */
struct forgery {
	const char	*what;
	void		(*apply)(mcontext_t *);
};

static void f_cs_kernel(mcontext_t *m) { m->mc_cs = 0x08; }
static void f_cs_rpl0(mcontext_t *m) { m->mc_cs = UCODE_SEL & ~3; }
static void f_cs_data(mcontext_t *m) { m->mc_cs = UDATA_SEL; }
static void f_cs_rpl3_kernel(mcontext_t *m) { m->mc_cs = 0x0b; }
static void f_ss_kernel(mcontext_t *m) { m->mc_ss = 0x10; }
static void f_ss_code(mcontext_t *m) { m->mc_ss = UCODE_SEL; }
static void f_iopl(mcontext_t *m) { m->mc_eflags |= PSL_IOPL; }
static void f_vm(mcontext_t *m) { m->mc_eflags |= PSL_VM; }
static void f_nt(mcontext_t *m) { m->mc_eflags |= PSL_NT; }
static void f_noif(mcontext_t *m) { m->mc_eflags &= ~PSL_I; }
static void f_ds_kernel(mcontext_t *m) { m->mc_ds = 0x10; }
static void f_es_kernel_code(mcontext_t *m) { m->mc_es = 0x08; }
static void f_fs_tss(mcontext_t *m) { m->mc_fs = 0x2b; }
static void f_gs_beyond_gdt(mcontext_t *m) { m->mc_gs = 0xfffb; }
static void f_ds_ldt(mcontext_t *m) { m->mc_ds = 0x27; }
static void f_len(mcontext_t *m) { m->mc_len = 0; }
static void f_fpowner(mcontext_t *m) { m->mc_ownedfp = 0x12345; }

static const struct forgery forgeries[] = {
	{ "cs=0x08 (kernel code)", f_cs_kernel },
	{ "cs=0x18 (user code, RPL 0)", f_cs_rpl0 },
	{ "cs=user data", f_cs_data },
	{ "cs=0x0b (kernel code, RPL 3)", f_cs_rpl3_kernel },
	{ "ss=0x10 (kernel data)", f_ss_kernel },
	{ "ss=user code", f_ss_code },
	{ "eflags IOPL=3", f_iopl },
	{ "eflags VM", f_vm },
	{ "eflags NT", f_nt },
	{ "eflags IF clear", f_noif },
	{ "ds=0x10 (kernel data)", f_ds_kernel },
	{ "es=0x08 (kernel code)", f_es_kernel_code },
	{ "fs=0x2b (the TSS)", f_fs_tss },
	{ "gs beyond the GDT", f_gs_beyond_gdt },
	{ "ds in an LDT", f_ds_ldt },
	{ "mc_len 0", f_len },
	{ "mc_ownedfp garbage", f_fpowner },
};

static const struct forgery *current_forgery;

static void
forge_on_return(int sig, siginfo_t *si, void *ctx)
{
	(void)sig, (void)si;
	current_forgery->apply(&((ucontext_t *)ctx)->uc_mcontext);
}

/*
 * A handler that returns into a forged context: sigreturn refuses it, the
 * trampoline falls through to hlt, and the process dies of SIGSEGV.
 */
static int
test_forged_return(void)
{
	unsigned i;
	int status;

	for (i = 0; i < NELEM(forgeries); i++) {
		pid_t pid;

		current_forgery = &forgeries[i];
		pid = fork();
		if (pid == 0) {
			install_info(SIGUSR1, forge_on_return, 0);
			raise(SIGUSR1);
			_exit(0);
		}
		KT_CHECK(waitpid(pid, &status, 0) == pid, "waitpid");
		KT_CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
		    "returning into a context with %s: status %#x (expected "
		    "death by SIGSEGV)", forgeries[i].what, status);
	}
	return 0;
}

static void
save_context(int sig, siginfo_t *si, void *ctx)
{
	(void)sig, (void)si;
	saved_uc = *(ucontext_t *)ctx;
	hits++;
}

static volatile int cli_faults;

static void
skip_cli(int sig, siginfo_t *si, void *ctx)
{
	ucontext_t *uc = ctx;

	(void)sig, (void)si;
	cli_faults++;
	uc->uc_mcontext.mc_eip += 1;	/* cli is one byte */
}

/* Still ring 3 with IOPL 0: cli faults, and the selectors are the user's. */
static int
still_unprivileged(void)
{
	uint32_t eflags;
	uint16_t cs, ss;

	install_info(SIGSEGV, skip_cli, 0);
	cli_faults = 0;
	__asm__ volatile("cli" ::: "memory");
	KT_CHECK(cli_faults == 1, "cli did not fault (%d)", cli_faults);
	__asm__ volatile("pushfl; popl %0" : "=r"(eflags));
	__asm__ volatile("movw %%cs, %0; movw %%ss, %1" : "=r"(cs), "=r"(ss));
	KT_CHECK((eflags & (PSL_IOPL | PSL_VM | PSL_NT)) == 0 &&
	    (eflags & PSL_I), "eflags %#x", eflags);
	KT_CHECK(cs == UCODE_SEL && ss == UDATA_SEL, "cs %#x ss %#x", cs, ss);
	return 0;
}

/* sigreturn called directly with a forged context: EINVAL, nothing changes. */
static int
test_forged_sigreturn_direct(void)
{
	unsigned i;

	install_info(SIGUSR1, save_context, 0);
	raise(SIGUSR1);
	KT_CHECK(hits == 1, "no context saved");
	for (i = 0; i < NELEM(forgeries); i++) {
		ucontext_t uc = saved_uc;
		int r;

		forgeries[i].apply(&uc.uc_mcontext);
		errno = 0;
		r = sigreturn(&uc);
		KT_CHECK(r == -1 && errno == EINVAL,
		    "sigreturn with %s returned %d, errno %d (expected EINVAL)",
		    forgeries[i].what, r, errno);
	}
	return still_unprivileged();
}

static char alt_stack[4096] __attribute__((aligned(16)));

static void __attribute__((noreturn, used))
exit_33(void)
{
	_exit(33);
}

/* A valid context handed to sigreturn directly is resumed. */
static int
test_valid_sigreturn_direct(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		install_info(SIGUSR1, save_context, 0);
		raise(SIGUSR1);
		saved_uc.uc_mcontext.mc_eip = (int)exit_33;
		saved_uc.uc_mcontext.mc_esp = (int)(alt_stack +
		    sizeof(alt_stack) - 12);
		sigreturn(&saved_uc);
		_exit(1);
	}
	KT_CHECK(waitpid(pid, &status, 0) == pid, "waitpid");
	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 33,
	    "status %#x, expected exit 33 from the resumed context", status);
	return 0;
}

/* Flags a program may set itself (arithmetic flags, DF, TF, AC) are accepted. */
static int
test_sigreturn_user_flags(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		install_info(SIGUSR1, save_context, 0);
		raise(SIGUSR1);
		saved_uc.uc_mcontext.mc_eflags |= 0x40cd5;	/* AC OF DF SF ZF AF PF CF */
		saved_uc.uc_mcontext.mc_eip = (int)exit_33;
		saved_uc.uc_mcontext.mc_esp = (int)(alt_stack +
		    sizeof(alt_stack) - 12);
		sigreturn(&saved_uc);
		_exit(1);
	}
	KT_CHECK(waitpid(pid, &status, 0) == pid, "waitpid");
	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 33,
	    "status %#x, expected exit 33 from the resumed context", status);
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
	kt_run("handler_changes_context", test_handler_changes_context);
	kt_run("forged_return", test_forged_return);
	kt_run("forged_sigreturn_direct", test_forged_sigreturn_direct);
	kt_run("valid_sigreturn_direct", test_valid_sigreturn_direct);
	kt_run("sigreturn_user_flags", test_sigreturn_user_flags);
	kt_run("sigaction_errors", test_sigaction_errors);
	kt_run("fork_inherits", test_fork_inherits);
	kt_run("bad_stack_kills", test_bad_stack_kills);
	kt_run("alarm", test_alarm);
	return kt_finish();
}
