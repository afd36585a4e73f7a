/*
 * ptrace_regs.c - PT_GETREGS and PT_SETREGS: every EFLAGS bit and selector
 * a user may not choose is EINVAL with the registers left as they were; the
 * bits and registers a debugger may change take effect; an EIP or ESP in
 * kernel space ends in a user-mode SIGSEGV, not a kernel fault; sigreturn
 * goes through the same validator; and results carry no uninitialised
 * bytes (the caller's buffer is filled with 0xA5 first).
 */
#include <stdint.h>
#include <stdlib.h>
#include <ucontext.h>
#include <sys/syscall.h>
#include "ptrace_lib.h"

#define PSL_C		0x00000001
#define PSL_PF		0x00000004
#define PSL_Z		0x00000040
#define PSL_N		0x00000080
#define PSL_T		0x00000100
#define PSL_I		0x00000200
#define PSL_D		0x00000400
#define PSL_V		0x00000800
#define PSL_IOPL	0x00003000
#define PSL_NT		0x00004000
#define PSL_RF		0x00010000
#define PSL_VM		0x00020000
#define PSL_AC		0x00040000
#define PSL_VIF		0x00080000
#define PSL_VIP		0x00100000
#define PSL_ID		0x00200000

#define UCODE_SEL	0x1b
#define UDATA_SEL	0x23

uint32_t regs_seen[8];		/* what the tracee found in its registers */
extern char after_ud2[], at_ud2[], at_pushf[];

/* Stop at an int3, then record eax..ebp and the flags; skip a ud2 if told. */
static int __attribute__((noinline))
regs_body(void)
{
	__asm__ volatile(
	    "push %%ebp\n"
	    "int3\n"
	    ".globl at_ud2\nat_ud2:\n"
	    "ud2\n"
	    ".globl after_ud2\nafter_ud2:\n"
	    "mov %%eax, regs_seen\n"
	    "mov %%ebx, regs_seen+4\n"
	    "mov %%ecx, regs_seen+8\n"
	    "mov %%edx, regs_seen+12\n"
	    "mov %%esi, regs_seen+16\n"
	    "mov %%edi, regs_seen+20\n"
	    "mov %%ebp, regs_seen+24\n"
	    ".globl at_pushf\nat_pushf:\n"
	    "pushf\n"
	    "popl regs_seen+28\n"
	    "pushl $0x202\n"		/* back to plain flags (DF, AC off) */
	    "popf\n"
	    "pop %%ebp\n"
	    ::: "eax", "ebx", "ecx", "edx", "esi", "edi", "cc", "memory");
	return 9;
}

/* The tracee at regs_body's int3, with its registers in *r. */
static pid_t
at_int3(struct reg *r)
{
	pid_t pid = pt_traced(regs_body);

	if (pid <= 0 || ptrace(PT_CONTINUE, pid, (caddr_t)1, 0) < 0 ||
	    pt_wait(pid) != W_STOPCODE(SIGTRAP) || pt_getregs(pid, r) < 0)
		return -1;
	return pid;
}

/* SETREGS with *bad must be EINVAL and leave the registers as *good. */
static int
refused(pid_t pid, const struct reg *good, const struct reg *bad,
    const char *what)
{
	struct reg now;

	if (ptrace(PT_SETREGS, pid, (caddr_t)bad, 0) != -1 || errno != EINVAL) {
		kt_fail(__FILE__, __LINE__, "%s accepted (errno %d)", what, errno);
		return -1;
	}
	if (pt_getregs(pid, &now) < 0 || memcmp(&now, good, sizeof(now)) != 0) {
		kt_fail(__FILE__, __LINE__, "%s changed the registers", what);
		return -1;
	}
	return 0;
}

PT_CASE(forbidden_eflags)
{
	static const struct {
		uint32_t set, clear;
		const char *what;
	} bad[] = {
		{ 0x1000, 0, "IOPL 1" }, { 0x2000, 0, "IOPL 2" },
		{ 0x3000, 0, "IOPL 3" }, { 0, PSL_I, "IF clear" },
		{ PSL_VM, 0, "VM" }, { PSL_NT, 0, "NT" }, { PSL_VIF, 0, "VIF" },
		{ PSL_VIP, 0, "VIP" }, { 0xffffffff, 0, "0xFFFFFFFF" },
		{ 0, 0x2, "reserved bit 1 clear" }, { 0x00400000, 0, "bit 22" },
		{ 0x80000000, 0, "bit 31" }, { 0x8, 0, "reserved bit 3" },
	};
	struct reg good, r;
	unsigned i;
	pid_t pid = at_int3(&good);

	KT_CHECK(pid > 0, "no tracee at its int3");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		r = good;
		r.r_eflags = (r.r_eflags | bad[i].set) & ~bad[i].clear;
		if (refused(pid, &good, &r, bad[i].what) < 0)
			return 1;
	}
	PT_OK(PT_SETREGS, pid, &good, 0);	/* unchanged: fine */
	return 0;
}

PT_CASE(forbidden_selectors)
{
	static const uint32_t bad_cs[] = {
		0x08, 0x18, 0x10, 0x00, 0x23, 0x0b, 0x13, 0x2b, 0x33, 0x0f, 0xfffb,
		0x1b | 0x10000,
	};
	static const uint32_t bad_ss[] = {
		0x10, 0x00, 0x1b, 0x13, 0x20, 0x0f, 0xfffb, 0x2b,
	};
	static const uint32_t bad_data[] = {
		0x10, 0x08, 0x13, 0x0b, 0x2b, 0x0f, 0x0c, 0xfffb, 0x04, 0x1f,
		0x27, 0x23 | 0x10000,
	};
	struct reg good, r;
	unsigned i, k;
	char what[40];
	pid_t pid = at_int3(&good);

	KT_CHECK(pid > 0, "no tracee at its int3");
	KT_CHECK(good.r_cs == UCODE_SEL && good.r_ss == UDATA_SEL,
	    "cs %#x ss %#x", good.r_cs, good.r_ss);
	for (i = 0; i < sizeof(bad_cs) / sizeof(bad_cs[0]); i++) {
		r = good;
		r.r_cs = bad_cs[i];
		snprintf(what, sizeof(what), "cs %#x", bad_cs[i]);
		if (refused(pid, &good, &r, what) < 0)
			return 1;
	}
	for (i = 0; i < sizeof(bad_ss) / sizeof(bad_ss[0]); i++) {
		r = good;
		r.r_ss = bad_ss[i];
		snprintf(what, sizeof(what), "ss %#x", bad_ss[i]);
		if (refused(pid, &good, &r, what) < 0)
			return 1;
	}
	for (k = 0; k < 4; k++)
		for (i = 0; i < sizeof(bad_data) / sizeof(bad_data[0]); i++) {
			r = good;
			*(k == 0 ? &r.r_ds : k == 1 ? &r.r_es : k == 2 ? &r.r_fs :
			    &r.r_gs) = bad_data[i];
			snprintf(what, sizeof(what), "%s %#x",
			    k == 0 ? "ds" : k == 1 ? "es" : k == 2 ? "fs" : "gs",
			    bad_data[i]);
			if (refused(pid, &good, &r, what) < 0)
				return 1;
		}
	/* The null selector is a valid data selector. */
	r = good;
	r.r_fs = 0;
	r.r_gs = 0;
	PT_OK(PT_SETREGS, pid, &r, 0);
	return 0;
}

/*
 * What a debugger may change takes effect: general registers, EIP (here:
 * past a ud2 the tracee would die of), and the user flags CF, PF, ZF, SF,
 * DF, OF, AC, ID, RF.
 */
PT_CASE(allowed_changes)
{
	static const uint32_t want[7] = {
		0x11111111, 0x22222222, 0x33333333, 0x44444444, 0x55555555,
		0x66666666, 0x77777777,
	};
	const uint32_t flags = PSL_C | PSL_PF | PSL_Z | PSL_N | PSL_D | PSL_V |
	    PSL_AC | PSL_ID;
	struct reg r, back;
	pid_t pid = at_int3(&r);

	KT_CHECK(pid > 0, "no tracee at its int3");
	KT_CHECK(r.r_eip == (uint32_t)at_ud2, "int3 stop at %#x", r.r_eip);
	r.r_eax = want[0];
	r.r_ebx = want[1];
	r.r_ecx = want[2];
	r.r_edx = want[3];
	r.r_esi = want[4];
	r.r_edi = want[5];
	r.r_ebp = want[6];
	r.r_eip = (uint32_t)after_ud2;
	r.r_eflags |= flags | PSL_RF;
	PT_OK(PT_SETREGS, pid, &r, 0);
	PT_OK(PT_GETREGS, pid, &back, 0);
	KT_CHECK(memcmp(&r, &back, sizeof(r)) == 0, "GETREGS differs from SETREGS");
	PT_CONT(pid, 0);
	PT_EXITS(pid, 9);	/* the ud2 was skipped */
	return 0;
}

/* The same, checked by the tracee itself, which exits 0 if all were seen. */
static int
regs_check_body(void)
{
	static const uint32_t want[7] = {
		0x11111111, 0x22222222, 0x33333333, 0x44444444, 0x55555555,
		0x66666666, 0x77777777,
	};
	const uint32_t flags = PSL_C | PSL_PF | PSL_Z | PSL_N | PSL_D | PSL_V |
	    PSL_AC | PSL_ID;
	int i;

	regs_body();
	for (i = 0; i < 7; i++)
		if (regs_seen[i] != want[i])
			return 10 + i;
	if ((regs_seen[7] & flags) != flags)
		return 20;
	if (regs_seen[7] & (PSL_T | PSL_RF))
		return 21;
	return 0;
}

PT_CASE(allowed_changes_seen_by_tracee)
{
	const uint32_t flags = PSL_C | PSL_PF | PSL_Z | PSL_N | PSL_D | PSL_V |
	    PSL_AC | PSL_ID;
	struct reg r;
	pid_t pid = pt_traced(regs_check_body);

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGTRAP);
	PT_OK(PT_GETREGS, pid, &r, 0);
	r.r_eax = 0x11111111;
	r.r_ebx = 0x22222222;
	r.r_ecx = 0x33333333;
	r.r_edx = 0x44444444;
	r.r_esi = 0x55555555;
	r.r_edi = 0x66666666;
	r.r_ebp = 0x77777777;
	r.r_eip = (uint32_t)after_ud2;
	r.r_eflags |= flags | PSL_RF;
	PT_OK(PT_SETREGS, pid, &r, 0);
	PT_CONT(pid, 0);
	PT_EXITS(pid, 0);
	return 0;
}

/* TF set with PT_SETREGS: one trap after the next instruction. */
PT_CASE(setregs_tf)
{
	struct reg r;
	pid_t pid = at_int3(&r);

	KT_CHECK(pid > 0, "no tracee at its int3");
	r.r_eip = (uint32_t)after_ud2;
	r.r_eflags |= PSL_T;
	PT_OK(PT_SETREGS, pid, &r, 0);
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGTRAP);
	PT_OK(PT_GETREGS, pid, &r, 0);
	KT_CHECK(r.r_eip == (uint32_t)after_ud2 + 5, "trap at %#x", r.r_eip);
	r.r_eflags &= ~PSL_T;
	PT_OK(PT_SETREGS, pid, &r, 0);
	PT_CONT(pid, 0);
	PT_EXITS(pid, 9);
	return 0;
}

/* EIP or ESP in kernel space: a user-mode SIGSEGV, the kernel unharmed. */
static int
kernel_pointer(int esp)
{
	static const uint32_t addrs[] = { 0xc0001000, 0xc0100000, 0xfffff000 };
	struct ptrace_lwpinfo pl;
	struct reg r;
	unsigned i;

	for (i = 0; i < sizeof(addrs) / sizeof(addrs[0]); i++) {
		pid_t pid = at_int3(&r);

		KT_CHECK(pid > 0, "no tracee at its int3");
		if (esp) {
			r.r_esp = addrs[i];
			r.r_eip = (uint32_t)at_pushf;
		} else {
			r.r_eip = addrs[i];
		}
		PT_OK(PT_SETREGS, pid, &r, 0);
		PT_CONT(pid, 0);
		PT_STOP(pid, SIGSEGV);
		PT_OK(PT_LWPINFO, pid, &pl, sizeof(pl));
		KT_CHECK(pl.pl_siginfo.si_signo == SIGSEGV, "signo %d",
		    pl.pl_siginfo.si_signo);
		PT_OK(PT_GETREGS, pid, &r, 0);
		KT_CHECK(r.r_cs == UCODE_SEL, "cs %#x at the fault", r.r_cs);
		if (!esp)
			KT_CHECK(r.r_eip == addrs[i], "faulted at %#x", r.r_eip);
		PT_CONT(pid, SIGSEGV);
		PT_KILLED(pid, SIGSEGV);
	}
	return 0;
}

PT_CASE(eip_in_kernel)
{
	return kernel_pointer(0);
}

PT_CASE(esp_in_kernel)
{
	return kernel_pointer(1);
}

/* No byte of a result is left over from the caller's buffer (0xA5). */
static int
has_a5_word(const void *p, size_t n)
{
	const uint8_t *b = p;
	size_t i;

	for (i = 0; i + 4 <= n; i++)
		if (b[i] == 0xa5 && b[i + 1] == 0xa5 && b[i + 2] == 0xa5 &&
		    b[i + 3] == 0xa5)
			return 1;
	return 0;
}

PT_CASE(no_uninitialised_bytes)
{
	lwpid_t lwpid;
	struct reg r;
	struct dbreg d;
	struct ptrace_lwpinfo pl;
	pid_t pid = at_int3(&r);

	KT_CHECK(pid > 0, "no tracee at its int3");
	memset(&r, 0xa5, sizeof(r));
	PT_OK(PT_GETREGS, pid, &r, 0);
	KT_CHECK(r.r_trapno == 0 && r.r_err == 0 && r.r_isp == 0,
	    "trapno %#x err %#x isp %#x", r.r_trapno, r.r_err, r.r_isp);
	KT_CHECK(!has_a5_word(&r, sizeof(r)), "0xA5 left in struct reg");
	memset(&d, 0xa5, sizeof(d));
	PT_OK(PT_GETDBREGS, pid, &d, 0);
	KT_CHECK(d.dr[4] == 0 && d.dr[5] == 0, "dr4 %#x dr5 %#x", d.dr[4],
	    d.dr[5]);
	KT_CHECK(!has_a5_word(&d, sizeof(d)), "0xA5 left in struct dbreg");
	memset(&pl, 0xa5, sizeof(pl));
	PT_OK(PT_LWPINFO, pid, &pl, sizeof(pl));
	KT_CHECK(!has_a5_word(&pl, sizeof(pl)), "0xA5 left in ptrace_lwpinfo");
	KT_CHECK(pl.pl_lwpid > 99999 && pl.pl_child_pid == 0 &&
	    pl.pl_syscall_code == 0, "lwpinfo fields");
	lwpid = pl.pl_lwpid;
	/* A short PT_LWPINFO copies only what was asked for. */
	memset(&pl, 0xa5, sizeof(pl));
	PT_OK(PT_LWPINFO, pid, &pl, 8);
	KT_CHECK(pl.pl_lwpid == lwpid && pl.pl_flags == (int)0xa5a5a5a5,
	    "PT_LWPINFO of 8 bytes wrote more");
	return 0;
}

static volatile int handler_ran;

static void
forge_iopl(int sig, siginfo_t *si, void *ctx)
{
	ucontext_t *uc = ctx;

	(void)sig;
	(void)si;
	handler_ran = 1;
	uc->uc_mcontext.mc_eflags |= PSL_IOPL;
}

static void
forge_cs(int sig, siginfo_t *si, void *ctx)
{
	ucontext_t *uc = ctx;

	(void)sig;
	(void)si;
	uc->uc_mcontext.mc_cs = 0x08;
}

/* sigreturn uses the same validator: a forged IOPL or CS never takes effect. */
PT_CASE(sigreturn_same_validator)
{
	int i;

	for (i = 0; i < 2; i++) {
		pid_t pid = pt_track(fork());

		if (pid == 0) {
			struct sigaction sa;

			memset(&sa, 0, sizeof(sa));
			sa.sa_sigaction = i == 0 ? forge_iopl : forge_cs;
			sa.sa_flags = SA_SIGINFO;
			sigaction(SIGUSR1, &sa, NULL);
			raise(SIGUSR1);
			_exit(0);	/* would run with IOPL 3 or CS 0x08 */
		}
		PT_KILLED(pid, SIGSEGV);
	}
	return 0;
}

int
main(void)
{
	kt_suite("ptrace_regs");
	kt_run("forbidden_eflags", forbidden_eflags);
	kt_run("forbidden_selectors", forbidden_selectors);
	kt_run("allowed_changes", allowed_changes);
	kt_run("allowed_changes_seen_by_tracee", allowed_changes_seen_by_tracee);
	kt_run("setregs_tf", setregs_tf);
	kt_run("eip_in_kernel", eip_in_kernel);
	kt_run("esp_in_kernel", esp_in_kernel);
	kt_run("no_uninitialised_bytes", no_uninitialised_bytes);
	kt_run("sigreturn_same_validator", sigreturn_same_validator);
	return kt_finish();
}
