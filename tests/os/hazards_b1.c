/*
 * hazards_b1.c - privileged EFLAGS bits from PT_SETREGS and sigreturn
 * (SerenityOS "wisdom2", ToaruOS #306, Asterinas #3781, rr #1614). IOPL 3
 * or 1 would hand the process the I/O ports, IF clear the CPU, VM a vm86
 * frame, VIF/VIP and NT states the kernel never meant to return to. Each
 * value replaces the whole EFLAGS image: PT_SETREGS refuses it with EINVAL
 * and the registers stay as they were, sigreturn refuses it (EINVAL when
 * called directly, SIGSEGV when a handler returns into it), and the process
 * then still sees IOPL 0, IF 1, no VM or NT, and takes SIGSEGV for both
 * `in' and `cli' (hz_unprivileged). The bits a program may change itself
 * (CF, ZF, DF, AC, RF) are accepted and read back.
 */
#include "hazards_regs.h"

static const struct hz_bad bads[] = {
	HZ_BAD("iopl3", r_eflags, mc_eflags, 0x00003202),
	HZ_BAD("iopl1", r_eflags, mc_eflags, 0x00001202),
	HZ_BAD("if0", r_eflags, mc_eflags, 0x00000002),
	HZ_BAD("vm", r_eflags, mc_eflags, 0x00020202),
	HZ_BAD("vif", r_eflags, mc_eflags, 0x00080202),
	HZ_BAD("vip", r_eflags, mc_eflags, 0x00100202),
	HZ_BAD("nt", r_eflags, mc_eflags, 0x00004202),
	HZ_BAD("all_ones", r_eflags, mc_eflags, 0xffffffff),
};

HZ_CASE(test_setregs) { return hz_bad_setregs(); }
HZ_CASE(test_sigreturn) { return hz_bad_sigreturn(); }

/* CF, ZF, DF, AC and RF: accepted, and read back as written. */
HZ_CASE(test_setregs_user_bits)
{
	const uint32_t bits = PSL_C | PSL_Z | PSL_D | PSL_AC | PSL_RF;
	struct reg was, r, now;
	pid_t pid = pt_traced(hz_unprivileged);
	struct hz_stop s[4];
	int st, n;

	KT_CHECK(pid > 0, "no tracee");
	KT_CHECK(pt_getregs(pid, &was) == 0, "GETREGS: errno %d", errno);
	r = was;
	r.r_eflags ^= bits;
	PT_OK(PT_SETREGS, pid, &r, 0);
	KT_CHECK(pt_getregs(pid, &now) == 0 && now.r_eflags == r.r_eflags,
	    "eflags %#x, wrote %#x", now.r_eflags, r.r_eflags);
	PT_OK(PT_SETREGS, pid, &was, 0);	/* DF would upset the libc */
	st = hz_collect(pid, s, 4, &n, HZ_SIGBIT(SIGSEGV));
	KT_CHECK(st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0,
	    "tracee: %s", pt_str(st));
	return 0;
}

int
main(void)
{
	kt_suite("hazards_b1");
	hz_run_bads(bads, HZ_NELEM(bads), test_setregs, test_sigreturn);
	kt_run("setregs_user_bits", test_setregs_user_bits);
	return kt_finish();
}
