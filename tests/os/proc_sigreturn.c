/*
 * proc_sigreturn.c - what a signal handler may change in the context it
 * returns to, and what it may not. Changes to general registers and the
 * flags a program could set itself take effect; a forged context that
 * reaches for ring 0 (a kernel selector, IOPL, VM, NT, interrupts off, a
 * selector the CPU would refuse, a bad FPU owner or length) is refused,
 * whether the handler returns into it or the program calls sigreturn
 * directly, and the process stays in ring 3 with IOPL 0.
 *
 * Bochs runs the suite too: its segment checks on iret are the CPU's own.
 */
// RUN: bochs
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>
#include "lib/ktest.h"
#include "signal_lib.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define PSL_I		0x00000200
#define PSL_IOPL	0x00003000
#define PSL_NT		0x00004000
#define PSL_VM		0x00020000
#define UCODE_SEL	0x1b
#define UDATA_SEL	0x23

static volatile int hits;
static ucontext_t saved_uc;

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

/*
 * A child saves its context in a handler, changes it (eflags |= set_flags,
 * resume at exit_33 on alt_stack) and hands it to sigreturn directly: the
 * changed context must be resumed, so the child exits 33.
 */
static int
resume_changed_context(uint32_t set_flags)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		install_info(SIGUSR1, save_context, 0);
		raise(SIGUSR1);
		saved_uc.uc_mcontext.mc_eflags |= set_flags;
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

/* A valid context handed to sigreturn directly is resumed. */
static int
test_valid_sigreturn_direct(void)
{
	return resume_changed_context(0);
}

/* Flags a program may set itself (arithmetic flags, DF, AC) are accepted. */
static int
test_sigreturn_user_flags(void)
{
	return resume_changed_context(0x40cd5);	/* AC OF DF SF ZF AF PF CF */
}

int
main(void)
{
	kt_suite("proc_sigreturn");
	kt_run("handler_changes_context", test_handler_changes_context);
	kt_run("forged_return", test_forged_return);
	kt_run("forged_sigreturn_direct", test_forged_sigreturn_direct);
	kt_run("valid_sigreturn_direct", test_valid_sigreturn_direct);
	kt_run("sigreturn_user_flags", test_sigreturn_user_flags);
	return kt_finish();
}
