/*
 * hazards_c3.c - DR6 hygiene. The CPU never clears DR6's status bits; a
 * kernel that keeps them makes one event look like the last (a step
 * reported as a watchpoint hit; FreeBSD r334009). Kestrel records each
 * debug trap's own status for PT_GETDBREGS: a tracer may clear DR6 but
 * never set a bit; a step shows BS alone, also right after a watchpoint
 * hit the tracer did not clear, and also when the step is the one the
 * kernel posts itself after int $0x80 (the gate clears TF, so no #DB
 * records it).
 */
#include <sys/syscall.h>
#include "hazards_lib.h"

uint32_t c3_g;
void	c3_hit_then_nop(void), c3_hit_then_int(void);
void	c3_after_write(void), c3_after_nop(void), c3_at_int(void);
void	c3_after_int(void);

__asm__(".text\n"
	".globl c3_hit_then_nop, c3_after_write, c3_after_nop\n"
	"c3_hit_then_nop:\n"
	"	movl $1, c3_g\n"
	"c3_after_write:\n"
	"	nop\n"
	"c3_after_nop:\n"
	"	ret\n"
	".globl c3_hit_then_int, c3_at_int, c3_after_int\n"
	"c3_hit_then_int:\n"
	"	movl $20, %eax\n"		/* SYS_getpid */
	"	movl %eax, c3_g\n"
	"c3_at_int:\n"
	"	int $0x80\n"
	"c3_after_int:\n"
	"	ret\n");

static int nop_body(void) { c3_hit_then_nop(); return 0; }
static int int_body(void) { c3_hit_then_int(); return 0; }

/* A tracee with a write watchpoint on c3_g, stopped at its start. */
static pid_t
watched(int (*body)(void))
{
	struct dbreg d;
	pid_t pid = pt_traced(body);

	if (pid < 0)
		return -1;
	memset(&d, 0, sizeof(d));
	d.dr[0] = (uint32_t)&c3_g;
	d.dr[7] = 0x000d0001;		/* L0, write, 4 bytes */
	if (ptrace(PT_SETDBREGS, pid, (caddr_t)&d, 0) < 0) {
		kt_fail(__FILE__, __LINE__, "SETDBREGS: errno %d", errno);
		return -1;
	}
	return pid;
}

/* The next stop is SIGTRAP at eip with exactly this DR6 status. */
#define C3_STOP(pid, eip, dr6)	do {					\
		struct reg r_;						\
		PT_STOP(pid, SIGTRAP);					\
		KT_CHECK(pt_getregs(pid, &r_) == 0 &&			\
		    r_.r_eip == (uint32_t)(eip), "stop at %#x, expected %#x", \
		    r_.r_eip, (uint32_t)(eip));				\
		KT_CHECK(hz_dr6(pid) == (dr6), "dr6 %#x, expected %#x",	\
		    hz_dr6(pid), (dr6));				\
	} while (0)

/* DR6 all ones from the tracer sets nothing; the next step shows BS alone. */
HZ_CASE(test_dr6_all_ones)
{
	struct dbreg d;
	pid_t pid = pt_traced(hz_exit0);

	KT_CHECK(pid > 0, "no tracee");
	memset(&d, 0, sizeof(d));
	d.dr[6] = 0xffffffffu;
	PT_OK(PT_SETDBREGS, pid, &d, 0);
	KT_CHECK(hz_dr6(pid) == 0, "dr6 %#x after the tracer's write",
	    hz_dr6(pid));
	PT_OK(PT_STEP, pid, 1, 0);
	PT_STOP(pid, SIGTRAP);
	KT_CHECK(hz_dr6(pid) == HZ_DR6_BS, "dr6 %#x at the step", hz_dr6(pid));
	PT_CONT(pid, 0);
	PT_EXITS(pid, 0);
	return 0;
}

/* A watchpoint armed, a step that does not touch it: BS without B0. */
HZ_CASE(test_step_not_touching)
{
	pid_t pid = watched(nop_body);

	KT_CHECK(pid > 0, "no tracee");
	PT_OK(PT_STEP, pid, 1, 0);
	PT_STOP(pid, SIGTRAP);
	KT_CHECK(hz_dr6(pid) == HZ_DR6_BS, "dr6 %#x", hz_dr6(pid));
	PT_CONT(pid, 0);
	C3_STOP(pid, c3_after_write, HZ_DR6_B(0));
	PT_CONT(pid, 0);
	PT_EXITS(pid, 0);
	return 0;
}

/* A hit (B0) the tracer leaves in DR6, then a step over nop: BS alone. */
HZ_CASE(test_step_after_hit)
{
	pid_t pid = watched(nop_body);

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	C3_STOP(pid, c3_after_write, HZ_DR6_B(0));
	PT_OK(PT_STEP, pid, 1, 0);
	C3_STOP(pid, c3_after_nop, HZ_DR6_BS);
	PT_CONT(pid, 0);
	PT_EXITS(pid, 0);
	return 0;
}

/* The same, stepping over int $0x80: the kernel's own step trap shows BS. */
HZ_CASE(test_step_over_int80_after_hit)
{
	struct reg r;
	pid_t pid = watched(int_body);

	KT_CHECK(pid > 0, "no tracee");
	PT_CONT(pid, 0);
	C3_STOP(pid, c3_at_int, HZ_DR6_B(0));
	PT_OK(PT_STEP, pid, 1, 0);
	C3_STOP(pid, c3_after_int, HZ_DR6_BS);
	KT_CHECK(pt_getregs(pid, &r) == 0 && r.r_eax == (uint32_t)pid,
	    "getpid gave %d", r.r_eax);
	PT_CONT(pid, 0);
	PT_EXITS(pid, 0);
	return 0;
}

int
main(void)
{
	kt_suite("hazards_c3");
	kt_run("dr6_all_ones", test_dr6_all_ones);
	kt_run("step_not_touching", test_step_not_touching);
	kt_run("step_after_hit", test_step_after_hit);
	kt_run("step_over_int80_after_hit", test_step_over_int80_after_hit);
	return kt_finish();
}
