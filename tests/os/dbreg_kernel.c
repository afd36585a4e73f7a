// RUN: bochs
/*
 * dbreg_kernel.c - user watchpoints that the kernel itself trips over.
 *
 * A watched buffer handed to read(), write(), pipe() or sigaction(), or a
 * signal frame written over a watched stack word: the kernel's copyin or
 * copyout takes a #DB in ring 0. Kestrel's rule (docs/debug-registers.md):
 * the call completes with the right data, the tracer then sees exactly one
 * SIGTRAP whose DR6 names the first watchpoint hit, and the watchpoints are
 * armed again for the program's own accesses. Also here: the MOV SS / POP
 * SS deferral (CVE-2018-8897) followed by int $0x80, int3 or int $0x0e with
 * a watchpoint on the SS source, which must leave the kernel running and
 * the process with only user-mode SIGTRAP and SIGSEGV.
 */
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <sched.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include "dbreg_lib.h"

/* An expected stop: its signal and, unless ~0, its exact DR6 status. */
struct stop {
	int		sig;
	uint32_t	dr6;
};

/*
 * Continue through the expected stops, then expect exit 0. SIGCHLD stops
 * (a tracee's own child exiting, whenever that happens) are passed over.
 */
static int
expect_stops(pid_t pid, const struct stop *s, int n)
{
	int i, sig, status;
	uint32_t dr6;

	for (i = 0; i < n; i++) {
		if (dbt_cont(pid, PT_CONTINUE, 0) < 0 ||
		    dbt_wait(pid, &sig, &status) < 0)
			return -1;
		if (sig == SIGCHLD) {
			i--;
			continue;
		}
		if (sig != s[i].sig)
			return DBT_FAIL("stop %d: status %#x, expected signal "
			    "%d", i, status, s[i].sig);
		if (s[i].dr6 != ~0u && (dr6 = dbt_dr6(pid)) != s[i].dr6)
			return DBT_FAIL("stop %d: dr6 %#x, expected %#x", i,
			    dr6, s[i].dr6);
	}
	return dbt_finish(pid, 0);
}

static char rbuf[64] __attribute__((aligned(16)));

static int
read_body(void)
{
	char check[64];
	int fd = open("/bin/true", O_RDONLY), fd2;

	if (fd < 0 || read(fd, rbuf, sizeof(rbuf)) != sizeof(rbuf))
		return 2;
	fd2 = open("/bin/true", O_RDONLY);
	if (fd2 < 0 || read(fd2, check, sizeof(check)) != sizeof(check) ||
	    memcmp(check, rbuf, sizeof(check)) != 0)
		return 3;
	close(fd);
	close(fd2);
	rbuf[9] = 1;			/* the program's own write */
	return 0;
}

/* read() into a watched buffer: one SIGTRAP after it, data intact. */
static int
test_read(void)
{
	static const struct stop s[] = {
		{ SIGTRAP, 1 }, { SIGTRAP, 1 },
	};
	pid_t pid;

	if ((pid = dbt_start(read_body)) < 0 ||
	    dbt_set1(pid, 0, (uint32_t)(rbuf + 8),
	    DR7_L(0) | DR7_RWLEN(0, RW_WRITE, LEN4)) < 0)
		return 1;
	return expect_stops(pid, s, 2) < 0;
}

static char wsrc[64] __attribute__((aligned(16)));

static int
write_body(void)
{
	char check[64], got[64];
	int p[2], i;

	for (i = 0; i < 64; i++)
		check[i] = (char)(i * 7 + 1);
	memcpy(wsrc, check, sizeof(check));
	kill(getpid(), SIGSTOP);	/* the tracer arms the watchpoint now */
	if (pipe(p) < 0 || write(p[1], wsrc, sizeof(wsrc)) != sizeof(wsrc))
		return 2;
	if (read(p[0], got, sizeof(got)) != sizeof(got) ||
	    memcmp(check, got, sizeof(check)) != 0)
		return 3;
	close(p[0]);
	close(p[1]);
	return wsrc[10] == 0;		/* the program's own read */
}

/*
 * write() from a watched buffer: a read/write watchpoint fires once in the
 * kernel's copyin; a write-only one does not fire at all.
 */
static int
write_case(uint32_t rw)
{
	static const struct stop rdwr[] = {
		{ SIGTRAP, 1 }, { SIGTRAP, 1 },
	};
	pid_t pid;

	if ((pid = dbt_start(write_body)) < 0 ||
	    dbt_cont(pid, PT_CONTINUE, 0) < 0 ||
	    dbt_expect(pid, SIGSTOP, ~0u, "checkpoint") < 0 ||
	    dbt_set1(pid, 0, (uint32_t)(wsrc + 8),
	    DR7_G(0) | DR7_RWLEN(0, rw, LEN4)) < 0)
		return 1;
	if (rw == RW_RDWR)
		return expect_stops(pid, rdwr, 2) < 0;
	return dbt_finish(pid, 0) < 0;		/* no stop at all */
}

static int test_write_rdwr(void) { return write_case(RW_RDWR); }
static int test_write_wronly(void) { return write_case(RW_WRITE); }

static int pfds[2] __attribute__((aligned(16)));

static int
pipe_body(void)
{
	char c = 0;

	if (pipe(pfds) < 0 || write(pfds[1], "x", 1) != 1 ||
	    read(pfds[0], &c, 1) != 1 || c != 'x')
		return 2;
	close(pfds[0]);
	close(pfds[1]);
	pfds[1] = -1;			/* the program's own write */
	return 0;
}

/* pipe() writing its two descriptors into a watched array. */
static int
test_pipe(void)
{
	static const struct stop s[] = {
		{ SIGTRAP, 2 }, { SIGTRAP, 2 },
	};
	pid_t pid;

	if ((pid = dbt_start(pipe_body)) < 0 ||
	    dbt_set1(pid, 1, (uint32_t)&pfds[1],
	    DR7_L(1) | DR7_RWLEN(1, RW_WRITE, LEN4)) < 0)
		return 1;
	return expect_stops(pid, s, 2) < 0;
}

static volatile int hflag;

static void
on_usr1(int sig)
{
	(void)sig;
	hflag = 1;
}

static struct sigaction act __attribute__((aligned(16)));
static struct sigaction oact __attribute__((aligned(16)));

static int
sigaction_body(void)
{
	act.sa_handler = on_usr1;
	kill(getpid(), SIGSTOP);	/* the tracer arms the watchpoints now */
	if (sigaction(SIGUSR1, &act, &oact) != 0 || oact.sa_handler != SIG_DFL)
		return 2;
	kill(getpid(), SIGUSR1);
	if (hflag != 1)
		return 3;
	oact.sa_flags = 0;		/* the program's own write ... */
	return act.sa_handler == NULL;	/* ... and read */
}

/*
 * sigaction() reading a watched (read/write) new action and writing a
 * watched old one: one SIGTRAP naming one of the two (the first the kernel
 * touched), the handler installed, both watchpoints armed afterwards.
 */
static int
test_sigaction(void)
{
	struct dbreg d;
	pid_t pid;
	uint32_t dr6;

	if ((pid = dbt_start(sigaction_body)) < 0 ||
	    dbt_cont(pid, PT_CONTINUE, 0) < 0 ||
	    dbt_expect(pid, SIGSTOP, ~0u, "checkpoint") < 0)
		return 1;
	memset(&d, 0, sizeof(d));
	d.dr[0] = (uint32_t)&act.sa_handler;
	d.dr[1] = (uint32_t)&oact.sa_flags;
	d.dr[7] = DR7_L(0) | DR7_RWLEN(0, RW_RDWR, LEN4) | DR7_L(1) |
	    DR7_RWLEN(1, RW_WRITE, LEN4);
	if (dbt_set(pid, &d) < 0 || dbt_cont(pid, PT_CONTINUE, 0) < 0 ||
	    dbt_expect(pid, SIGTRAP, ~0u, "sigaction") < 0)
		return 1;
	dr6 = dbt_dr6(pid);
	KT_CHECK(dr6 == 1 || dr6 == 2, "dr6 %#x after sigaction", dr6);
	if (dbt_cont(pid, PT_CONTINUE, 0) < 0 ||
	    dbt_expect(pid, SIGUSR1, ~0u, "raise") < 0 ||
	    dbt_cont(pid, PT_CONTINUE, SIGUSR1) < 0 ||
	    dbt_expect(pid, SIGTRAP, 2, "own write") < 0 ||
	    dbt_cont(pid, PT_CONTINUE, 0) < 0 ||
	    dbt_expect(pid, SIGTRAP, 1, "own read") < 0)
		return 1;
	return dbt_finish(pid, 0) < 0;
}

/* The i386 signal frame (FreeBSD's layout): what sendsig writes. */
struct user_sigframe {
	int		args[4];
	ucontext_t	uc;
	siginfo_t	si;
} __attribute__((aligned(16)));

static volatile uint32_t *volatile watched;	/* poked by the tracer */
static void *volatile seen_uc;

static void
on_usr1_info(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)si;
	hflag = 1;
	seen_uc = uc;
}

static int
sigframe_body(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_usr1_info;
	sa.sa_flags = SA_SIGINFO;
	if (sigaction(SIGUSR1, &sa, NULL) != 0)
		return 2;
	kill(getpid(), SIGUSR1);
	if (hflag != 1)
		return 3;
	if ((char *)seen_uc + offsetof(ucontext_t, uc_mcontext.mc_eip) !=
	    (char *)watched)
		return 4;
	*watched = 0;			/* the program's own write */
	return 0;
}

/*
 * A signal frame written over a watched stack word (mc_eip of the saved
 * context). The SIGTRAP for the kernel's write comes as the handler is
 * about to run; the handler's own write to a second watched word traps
 * (the registers are armed while it runs); with a read/write watchpoint,
 * sigreturn reading the frame back traps once more.
 */
static int
sigframe_case(uint32_t rw)
{
	struct reg r;
	struct dbreg d;
	uint32_t base, w, saved_eip;
	pid_t pid;

	if ((pid = dbt_start(sigframe_body)) < 0 ||
	    dbt_set1(pid, 1, (uint32_t)&hflag,
	    DR7_L(1) | DR7_RWLEN(1, RW_WRITE, LEN4)) < 0 ||
	    dbt_cont(pid, PT_CONTINUE, 0) < 0 ||
	    dbt_expect(pid, SIGUSR1, ~0u, "raise") < 0 ||
	    dbt_regs(pid, &r) < 0)
		return 1;
	base = (r.r_esp - sizeof(struct user_sigframe)) & ~15u;
	w = base + offsetof(struct user_sigframe, uc.uc_mcontext.mc_eip);
	KT_CHECK(ptrace(PT_WRITE_D, pid, (caddr_t)&watched, w) == 0,
	    "PT_WRITE_D: errno %d", errno);
	if (dbt_get(pid, &d) < 0)
		return 1;
	d.dr[0] = w;
	d.dr[7] |= DR7_L(0) | DR7_RWLEN(0, rw, LEN4);
	if (dbt_set(pid, &d) < 0 || dbt_cont(pid, PT_CONTINUE, SIGUSR1) < 0 ||
	    dbt_expect(pid, SIGTRAP, 1, "frame written") < 0)
		return 1;
	KT_CHECK(dbt_eip(pid) == (uint32_t)on_usr1_info, "eip %#x, not the "
	    "handler", dbt_eip(pid));
	saved_eip = dbt_peek(pid, (void *)w);
	KT_CHECK(saved_eip == r.r_eip, "frame's eip %#x, expected %#x",
	    saved_eip, r.r_eip);
	if (dbt_cont(pid, PT_CONTINUE, 0) < 0 ||
	    dbt_expect(pid, SIGTRAP, 2, "handler's write") < 0)
		return 1;
	if (rw == RW_RDWR) {
		if (dbt_cont(pid, PT_CONTINUE, 0) < 0 ||
		    dbt_expect(pid, SIGTRAP, 1, "sigreturn's read") < 0)
			return 1;
		KT_CHECK(dbt_eip(pid) == r.r_eip, "eip %#x after sigreturn",
		    dbt_eip(pid));
	}
	if (dbt_cont(pid, PT_CONTINUE, 0) < 0 ||
	    dbt_expect(pid, SIGTRAP, 1, "own write") < 0)
		return 1;
	return dbt_finish(pid, 0) < 0;
}

static int test_sigframe_write(void) { return sigframe_case(RW_WRITE); }
static int test_sigframe_rdwr(void) { return sigframe_case(RW_RDWR); }

#define BIG	12000		/* three times the pipe's buffer */
static unsigned char big[BIG] __attribute__((aligned(16)));

static int
check_big(const unsigned char *b)
{
	int i;

	for (i = 0; i < BIG; i++)
		if (b[i] != (unsigned char)(i % 251))
			return 0;
	return 1;
}

static int
sleep_body(void)
{
	static unsigned char in[BIG];
	int p[2], i, n, status;
	pid_t reader;

	for (i = 0; i < BIG; i++)
		big[i] = (unsigned char)(i % 251);
	kill(getpid(), SIGSTOP);	/* the tracer arms the watchpoints now */
	if (pipe(p) < 0 || (reader = fork()) < 0)
		return 2;
	if (reader == 0) {
		close(p[1]);
		for (i = 0; i < BIG; i += n)
			if ((n = read(p[0], in + i, BIG - i)) <= 0)
				_exit(1);
		/* An inherited watchpoint would kill this untraced child. */
		_exit(check_big(in) && big[0] == 0 && big[8000] == 8000 % 251 ?
		    0 : 1);
	}
	close(p[0]);
	if (write(p[1], big, BIG) != BIG)
		return 3;
	close(p[1]);
	if (waitpid(reader, &status, 0) != reader || status != 0)
		return 4;
	return big[0] + big[8000] == 0;	/* the program's own reads */
}

/*
 * A long write() to a pipe touches two watched words, sleeping in between
 * while a reader drains the pipe: one SIGTRAP after the call, naming the
 * first word (the registers stay off until the call returns, even across
 * the sleep), then both fire again for the program's own reads.
 */
static int
test_sleep_in_call(void)
{
	static const struct stop s[] = {
		{ SIGTRAP, 1 }, { SIGTRAP, 1 }, { SIGTRAP, 2 },
	};
	struct dbreg d;
	pid_t pid;

	if ((pid = dbt_start(sleep_body)) < 0 ||
	    dbt_cont(pid, PT_CONTINUE, 0) < 0 ||
	    dbt_expect(pid, SIGSTOP, ~0u, "checkpoint") < 0)
		return 1;
	memset(&d, 0, sizeof(d));
	d.dr[0] = (uint32_t)big;
	d.dr[1] = (uint32_t)(big + 8000);
	d.dr[7] = DR7_L(0) | DR7_RWLEN(0, RW_RDWR, LEN4) | DR7_G(1) |
	    DR7_RWLEN(1, RW_RDWR, LEN4);
	if (dbt_set(pid, &d) < 0)
		return 1;
	return expect_stops(pid, s, 3) < 0;
}

/*
 * The MOV SS / POP SS deferral. `ssv` holds the user data selector; with a
 * read watchpoint on it, the #DB of "mov ssv, %ss" is held back until the
 * next instruction has run. That instruction enters the kernel (int $0x80,
 * int3, into, or int $0x0e, which #GPs): on real CPUs the #DB
 * arrives on the first instruction of the entry stub, in ring 0; QEMU
 * delivers it in ring 3 before the instruction; Bochs loses it.
 */
int	movss_int80(int nr);
int	popss_int80(int nr);
void	movss_int3(void);
void	movss_int0e(void);
void	popss_int3(void);
void	movss_into(void);

uint32_t ssv __attribute__((aligned(4)));
uint32_t ssv_slot __attribute__((aligned(4)));
uint32_t saved_esp;

__asm__(
	".text\n"
	".globl movss_int80, popss_int80, movss_int3, movss_int0e, popss_int3\n"
	".globl movss_into\n"
	"movss_int80:\n"
	"	movl 4(%esp), %eax\n"
	"	movw ssv, %ss\n"
	"	int $0x80\n"
	"	ret\n"
	"popss_int80:\n"
	"	movl 4(%esp), %eax\n"
	"	movl %esp, saved_esp\n"
	"	movl $ssv_slot, %esp\n"
	"	popl %ss\n"
	"	int $0x80\n"
	"	movl saved_esp, %esp\n"
	"	ret\n"
	"movss_int3:\n"
	"	movw ssv, %ss\n"
	"	int3\n"
	"	ret\n"
	"popss_int3:\n"
	"	movl %esp, saved_esp\n"
	"	movl $ssv_slot, %esp\n"
	"	popl %ss\n"
	"	int3\n"
	"	movl saved_esp, %esp\n"
	"	ret\n"
	"movss_int0e:\n"
	"	movw ssv, %ss\n"
	"	int $0x0e\n"
	"	ret\n"
	"movss_into:\n"
	"	movb $0x7f, %al\n"
	"	addb $1, %al\n"		/* sets OF */
	"	movw ssv, %ss\n"
	"	into\n"
	"	ret\n");

#define ROUNDS	3

static int
movss_body(void)
{
	pid_t me = getpid();
	int i;

	for (i = 0; i < ROUNDS; i++) {
		if (movss_int80(SYS_getpid) != me || popss_int80(SYS_getpid) != me)
			return 2;
		if (movss_int80(9999) != -ENOSYS || popss_int80(9999) != -ENOSYS)
			return 3;
		movss_int3();
		popss_int3();
		movss_int0e();
		movss_into();
	}
	return 0;
}

static int
unrelated_body(void)
{
	volatile uint32_t local = 0;
	int i;

	for (i = 0; i < 200; i++) {
		local += getpid();
		ssv = ssv;
		sched_yield();
	}
	return local == 0;
}

/*
 * Only SIGTRAP, SIGSEGV and SIGFPE: one SIGSEGV per int $0x0e (the tracer
 * skips the instruction), one SIGFPE per into, SIGTRAP for each int3 and
 * at most one more per mov/pop ss; every syscall right; the DR6
 * seen at each SIGSEGV names nothing but the watched slots; and an
 * unrelated process then runs to its end untroubled.
 */
static int
movss_case(uint32_t dr7)
{
	int sig, status, traps = 0, segvs = 0, fpes = 0, ok;
	struct dbreg d;
	struct reg r;
	pid_t pid, other;

	__asm__ volatile("movl %%ss, %0" : "=r"(ssv));
	ssv_slot = ssv;
	if ((pid = dbt_start(movss_body)) < 0)
		return 1;
	memset(&d, 0, sizeof(d));
	d.dr[0] = (uint32_t)&ssv;
	d.dr[1] = (uint32_t)&ssv_slot;
	d.dr[7] = dr7;
	if (dbt_set(pid, &d) < 0)
		return 1;
	for (;;) {
		if (dbt_cont(pid, PT_CONTINUE, 0) < 0 ||
		    dbt_wait(pid, &sig, &status) < 0)
			return 1;
		if (sig < 0)
			break;
		if (sig == SIGTRAP || sig == SIGFPE) {
			traps += sig == SIGTRAP;
			fpes += sig == SIGFPE;
			continue;
		}
		KT_CHECK(sig == SIGSEGV, "stop with signal %d at %#x", sig,
		    dbt_eip(pid));
		segvs++;
		if (dbt_regs(pid, &r) < 0)
			return 1;
		r.r_eip += 2;			/* over int $0x0e */
		KT_CHECK(ptrace(PT_SETREGS, pid, (caddr_t)&r, 0) == 0,
		    "PT_SETREGS: errno %d", errno);
		if (dbt_get(pid, &d) < 0)
			return 1;
		KT_CHECK((d.dr[6] & ~3u) == 0, "dr6 %#x", d.dr[6]);
	}
	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "tracee status %#x", status);
	KT_CHECK(segvs == ROUNDS && fpes == ROUNDS, "%d SIGSEGV and %d SIGFPE "
	    "stops", segvs, fpes);
	kt_log("%d SIGTRAP stops in %d rounds", traps, ROUNDS);
	ok = traps >= 2 * ROUNDS && traps <= 10 * ROUNDS;
	KT_CHECK(ok, "%d SIGTRAP stops", traps);
	if ((other = fork()) == 0)
		_exit(unrelated_body());
	KT_CHECK(other > 0 && kt_wait_status(other, &status) == other &&
	    status == 0, "unrelated process: status %#x", status);
	return 0;
}

static int
test_movss_rdwr(void)
{
	return movss_case(DR7_L(0) | DR7_RWLEN(0, RW_RDWR, LEN2) | DR7_G(1) |
	    DR7_RWLEN(1, RW_RDWR, LEN4));
}

static int
test_movss_1byte(void)
{
	return movss_case(DR7_G(0) | DR7_RWLEN(0, RW_RDWR, LEN1) | DR7_L(1) |
	    DR7_RWLEN(1, RW_RDWR, LEN1));
}

static volatile int steps;

static void
on_trap(int sig)
{
	(void)sig;
	steps++;
}

/* The program's own TF, then mov ss and int $0x80: no watchpoint at all. */
static int
test_movss_tf(void)
{
	int status, r = 0;
	pid_t pid;

	__asm__ volatile("movl %%ss, %0" : "=r"(ssv));
	if ((pid = fork()) == 0) {
		signal(SIGTRAP, on_trap);
		__asm__ volatile(
		    "pushfl\n"
		    "orl $0x100, (%%esp)\n"
		    "popfl\n"
		    "movw ssv, %%ss\n"
		    "int $0x80\n"
		    "pushfl\n"
		    "andl $~0x100, (%%esp)\n"
		    "popfl\n"
		    : "=a"(r) : "a"(SYS_getpid) : "memory", "cc");
		_exit(r == getpid() && steps > 0 ? 0 : 1);
	}
	KT_CHECK(pid > 0 && kt_wait_status(pid, &status) == pid &&
	    status == 0, "status %#x", status);
	return 0;
}

int
main(void)
{
	kt_suite("dbreg_kernel");
	kt_run("read", test_read);
	kt_run("write_rdwr", test_write_rdwr);
	kt_run("write_wronly", test_write_wronly);
	kt_run("pipe", test_pipe);
	kt_run("sigaction", test_sigaction);
	kt_run("sigframe_write", test_sigframe_write);
	kt_run("sigframe_rdwr", test_sigframe_rdwr);
	kt_run("sleep_in_call", test_sleep_in_call);
	kt_run("movss_rdwr", test_movss_rdwr);
	kt_run("movss_1byte", test_movss_1byte);
	kt_run("movss_tf", test_movss_tf);
	return kt_finish();
}
