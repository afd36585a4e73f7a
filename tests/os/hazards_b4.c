/*
 * hazards_b4.c - what a tracer writes at a system call stop. The number
 * may change after the kernel has looked at it (CVE-2010-3301,
 * CVE-2014-4508): an out-of-range number set at the entry stop must be
 * ENOSYS, never an index past the table. Registers written at the exit
 * stop must take effect through iret, not be lost on a fast path or fault
 * in ring 0 (CVE-2014-4699, CVE-2012-0217): a kernel EIP or ESP becomes a
 * user-mode SIGSEGV in ring 3, a user EIP is where the program goes on,
 * and TF set there traps after exactly one user instruction.
 *
 * The tracee calls b4_call(SYS_getpid): int $0x80 at b4_int, then nop,
 * then b4_ret. PT_TO_SCE and PT_TO_SCX leave their stop in the event mask
 * (as on FreeBSD), so a case that lets the tracee run to its exit takes it
 * out first (PT_CONT_FREE). Kestrel has no indirect syscall(2): number 0
 * (FreeBSD's indirect call) is ENOSYS like any other empty slot. Calls
 * that enter by SYSENTER stop with the same registers (ptrace_step.c).
 */
#include <sys/syscall.h>
#include "hazards_lib.h"

int	b4_call(int nr);
void	b4_after(void), b4_ret(void), b4_push(void);

__asm__(".text\n"
	".globl b4_call, b4_after, b4_ret, b4_push\n"
	"b4_call:\n"
	"	movl 4(%esp), %eax\n"
	"	int $0x80\n"
	"b4_after:\n"
	"	nop\n"
	"b4_ret:\n"
	"	ret\n"
	"b4_push:\n"
	"	pushl $0\n"
	"	hlt\n");

static void __attribute__((noreturn, used))
exit_42(void)
{
	_exit(42);
}

/* The tracee's call returns what the tracer left: 0 if that is `want'. */
static int want;

static int
call_body(void)
{
	int r = b4_call(SYS_getpid);

	if (want == 0)
		want = getpid();
	return r == want ? 0 : 2;
}

/* A tracee stopped at the entry (which == PT_TO_SCE) or exit of b4_call's int. */
static pid_t
at_stop(int which, struct reg *r)
{
	struct ptrace_lwpinfo pl;
	pid_t pid = pt_traced(call_body);
	int st, flag = which == PT_TO_SCE ? PL_FLAG_SCE : PL_FLAG_SCX;

	if (pid < 0 || ptrace(which, pid, (caddr_t)1, 0) < 0)
		return -1;
	st = pt_wait(pid);
	if (st == -1 || !WIFSTOPPED(st) || WSTOPSIG(st) != SIGTRAP ||
	    ptrace(PT_LWPINFO, pid, (caddr_t)&pl, sizeof(pl)) < 0 ||
	    !(pl.pl_flags & flag) || pl.pl_syscall_code != SYS_getpid ||
	    pt_getregs(pid, r) < 0 || r->r_eip != (uint32_t)b4_after) {
		kt_fail(__FILE__, __LINE__, "no system call stop: %s", pt_str(st));
		return -1;
	}
	return pid;
}

static const struct {
	const char	*name;
	uint32_t	nr;
} numbers[] = {
	{ "nr_ffffffff", 0xffffffffu },
	{ "nr_80000000", 0x80000000u },
	{ "nr_max", SYS_MAXSYSCALL },
	{ "nr_max_plus_1", SYS_MAXSYSCALL + 1 },
	{ "nr_7fffffff", 0x7fffffffu },
	{ "nr_0_indirect", 0 },
};
static uint32_t number;

/* At the entry stop eax becomes `number': the exit stop says ENOSYS. */
HZ_CASE(test_entry_number)
{
	struct ptrace_sc_ret sr;
	struct reg r;
	pid_t pid;

	want = -ENOSYS;
	KT_CHECK((pid = at_stop(PT_TO_SCE, &r)) > 0, "no entry stop");
	r.r_eax = number;
	PT_OK(PT_SETREGS, pid, &r, 0);
	PT_OK(PT_TO_SCX, pid, 1, 0);
	PT_STOP(pid, SIGTRAP);
	PT_OK(PT_GET_SC_RET, pid, &sr, sizeof(sr));
	KT_CHECK(sr.sr_error == ENOSYS, "sr_error %d", sr.sr_error);
	PT_CONT_FREE(pid, 0);
	PT_EXITS(pid, 0);
	return 0;
}

/* A kernel EIP at the exit stop: SIGSEGV in ring 3, at that address. */
HZ_CASE(test_exit_kernel_eip)
{
	struct reg r;
	siginfo_t si;
	pid_t pid;

	KT_CHECK((pid = at_stop(PT_TO_SCX, &r)) > 0, "no exit stop");
	r.r_eip = 0xc0001000u;
	PT_OK(PT_SETREGS, pid, &r, 0);
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGSEGV);
	KT_CHECK(pt_getregs(pid, &r) == 0 && r.r_eip == 0xc0001000u &&
	    r.r_cs == HZ_UCODE, "stopped at %#x cs %#x", r.r_eip, r.r_cs);
	KT_CHECK(hz_siginfo(pid, &si) == 0 &&
	    (uint32_t)si.si_addr == 0xc0001000u, "si_addr %p", si.si_addr);
	PT_CONT(pid, SIGSEGV);
	PT_KILLED(pid, SIGSEGV);
	return 0;
}

/* A user EIP at the exit stop is where the program goes on. */
HZ_CASE(test_exit_user_eip)
{
	struct reg r;
	pid_t pid;

	KT_CHECK((pid = at_stop(PT_TO_SCX, &r)) > 0, "no exit stop");
	r.r_eip = (uint32_t)exit_42;
	PT_OK(PT_SETREGS, pid, &r, 0);
	PT_CONT(pid, 0);
	PT_EXITS(pid, 42);
	return 0;
}

/* A kernel ESP at the exit stop, resuming at a push: SIGSEGV in ring 3. */
HZ_CASE(test_exit_kernel_esp)
{
	struct reg r;
	siginfo_t si;
	pid_t pid;

	KT_CHECK((pid = at_stop(PT_TO_SCX, &r)) > 0, "no exit stop");
	r.r_esp = 0xc0001000u;
	r.r_eip = (uint32_t)b4_push;
	PT_OK(PT_SETREGS, pid, &r, 0);
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGSEGV);
	KT_CHECK(pt_getregs(pid, &r) == 0 && r.r_eip == (uint32_t)b4_push &&
	    r.r_cs == HZ_UCODE, "stopped at %#x cs %#x", r.r_eip, r.r_cs);
	KT_CHECK(hz_siginfo(pid, &si) == 0 &&
	    (uint32_t)si.si_addr == 0xc0000ffcu, "si_addr %p", si.si_addr);
	PT_CONT(pid, SIGSEGV);
	PT_KILLED(pid, SIGSEGV);
	return 0;
}

/*
 * TF written at a stop (which) traps after exactly one user instruction:
 * at the exit stop the nop runs first (stop at b4_ret); at the entry stop
 * the call is the instruction (stop at b4_after, with getpid's value).
 */
static int
tf_at(int which, uint32_t stop_eip)
{
	struct reg r;
	pid_t pid;

	want = 0;
	KT_CHECK((pid = at_stop(which, &r)) > 0, "no system call stop");
	r.r_eflags |= PSL_T;
	PT_OK(PT_SETREGS, pid, &r, 0);
	PT_CONT(pid, 0);
	PT_STOP(pid, SIGTRAP);
	KT_CHECK(pt_getregs(pid, &r) == 0 && r.r_eip == stop_eip,
	    "trap at %#x, expected %#x", r.r_eip, stop_eip);
	KT_CHECK(hz_dr6(pid) == HZ_DR6_BS, "dr6 %#x", hz_dr6(pid));
	r.r_eflags &= ~PSL_T;
	PT_OK(PT_SETREGS, pid, &r, 0);
	PT_CONT_FREE(pid, 0);
	PT_EXITS(pid, 0);
	return 0;
}

HZ_CASE(test_exit_tf) { return tf_at(PT_TO_SCX, (uint32_t)b4_ret); }
HZ_CASE(test_entry_tf) { return tf_at(PT_TO_SCE, (uint32_t)b4_after); }

int
main(void)
{
	unsigned i;

	kt_suite("hazards_b4");
	for (i = 0; i < HZ_NELEM(numbers); i++) {
		number = numbers[i].nr;
		kt_run(numbers[i].name, test_entry_number);
	}
	kt_run("exit_kernel_eip", test_exit_kernel_eip);
	kt_run("exit_user_eip", test_exit_user_eip);
	kt_run("exit_kernel_esp", test_exit_kernel_esp);
	kt_run("exit_tf", test_exit_tf);
	kt_run("entry_tf", test_entry_tf);
	return kt_finish();
}
