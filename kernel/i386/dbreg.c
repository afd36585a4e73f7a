/*
 * dbreg.c - the debug registers as per-thread state.
 *
 * A thread's DR0-DR3, DR6 and DR7 live in its pcb. The context switch loads
 * them only for a thread that has a breakpoint enabled, and clears DR7 when
 * it switches to one that has none, so a watchpoint can only ever fire in
 * the process it was set for. Everything a tracer writes is validated first
 * (kernel/i386/dbreg_validate.c); fork starts a child with none, exec clears them.
 *
 * #DB from user mode: DR6 says why. A single step (BS) or a breakpoint hit
 * (B0-B3) becomes SIGTRAP; the trap's DR6 status is kept for PT_GETDBREGS so
 * the debugger can tell which one fired. An execution breakpoint is a fault
 * (the instruction has not run), so the kernel sets RF in the frame: the
 * instruction runs once on resume and the breakpoint stays armed for the
 * next time (the CPU saves RF=0 in this frame; setting it is the handler's
 * job, and QEMU leaves it clear in every other fault frame as well).
 * When a step trap and an execution breakpoint on the next instruction are
 * reported together, the step is reported alone and the breakpoint faults
 * again when the thread resumes: two stops, step first.
 *
 * #DB from kernel mode is never fatal. If a user watchpoint fired because a
 * system call touched the watched buffer (copyin/copyout, a signal frame),
 * the thread's breakpoints are switched off (TDF_DBHIT: the context switch
 * leaves them off too, should the call sleep) until it returns to user mode,
 * and then the hit is reported as one SIGTRAP (dbreg_userret). The MOV SS /
 * POP SS deferral (CVE-2018-8897) delivers the #DB on the first instruction
 * of an entry stub; DR6 names a user watchpoint (or nothing at all, some
 * CPUs' errata) and it is handled the same way. SYSENTER keeps the
 * program's TF: the steps through the start of Xsysenter are ignored, and
 * Xsysenter itself saves TF and clears it (kernel/i386/sysenter.c).
 * Nothing here touches memory through the interrupted code's segment
 * registers: kernel/i386/vectors.asm has made sure of flat ones before any
 * C runs.
 */
#include <string.h>
#include <sys/signal.h>
#include <machine/reg.h>
#include "kernel/i386/dbreg.h"
#include "kernel/i386/frame.h"
#include "kernel/i386/layout.h"
#include "kernel/i386/regs.h"
#include "kernel/i386/sysenter.h"
#include "proc/sys_process.h"
#include "kernel/i386/x86.h"
#include "proc/proc.h"

static int hw_dr7_armed;	/* DR7 in the CPU has enable bits */

void
dbreg_init(void)
{
	lcr4(rcr4() | CR4_DE);	/* DR4/DR5 are not aliases; I/O breakpoints defined */
	ldr7(0);
	ldr6(DR6_RESERVED);
}

/*
 * PT_SETDBREGS: the whole set is validated first (dbreg_validate.c) and
 * stored only if it passes. DR6 can only have its status bits cleared.
 */
int
set_dbregs(struct thread *td, const struct dbreg *d)
{
	struct pcb *pcb = &td->td_pcb;
	int i, error;

	if ((error = dbreg_validate(d)) != 0)
		return error;
	for (i = 0; i < 4; i++)
		pcb->pcb_dr[i] = d->dr[i];
	pcb->pcb_dr[6] &= d->dr[6] | ~DR6_STATUS;
	pcb->pcb_dr[7] = d->dr[7];
	if (pcb->pcb_dr[7] & DR7_ENABLES)
		pcb->pcb_flags |= PCB_DBREGS;
	else
		pcb->pcb_flags &= ~PCB_DBREGS;
	if (td == curthread)
		dbreg_switch(td);
	return 0;
}

/* PT_GETDBREGS: DR6 shows only the status of the last #DB. */
int
fill_dbregs(struct thread *td, struct dbreg *d)
{
	const struct pcb *pcb = &td->td_pcb;
	int i;

	memset(d, 0, sizeof(*d));
	for (i = 0; i < 4; i++)
		d->dr[i] = pcb->pcb_dr[i];
	d->dr[6] = pcb->pcb_dr[6] & DR6_STATUS;
	d->dr[7] = pcb->pcb_dr[7];
	return 0;
}

/*
 * Load the registers of the thread about to run, or switch them off: it
 * has none enabled, or a system call of its tripped over one (TDF_DBHIT).
 */
void
dbreg_switch(struct thread *new)
{
	const struct pcb *pcb = &new->td_pcb;

	if ((pcb->pcb_flags & PCB_DBREGS) && !(new->td_flags & TDF_DBHIT)) {
		ldr0(pcb->pcb_dr[0]);
		ldr1(pcb->pcb_dr[1]);
		ldr2(pcb->pcb_dr[2]);
		ldr3(pcb->pcb_dr[3]);
		ldr7(pcb->pcb_dr[7]);
		hw_dr7_armed = 1;
	} else if (hw_dr7_armed) {
		ldr7(0);
		hw_dr7_armed = 0;
	}
}

/* exec, and a new fork child: no breakpoints, no status, nothing pending. */
void
dbreg_clear(struct thread *td)
{
	memset(td->td_pcb.pcb_dr, 0, sizeof(td->td_pcb.pcb_dr));
	td->td_pcb.pcb_flags &= ~PCB_DBREGS;
	td->td_flags &= ~TDF_DBHIT;
	if (td == curthread)
		dbreg_switch(td);
}

/* The enabled breakpoints (L or G, alike) among the B bits of dr6. */
static uint32_t
hits(const struct pcb *pcb, uint32_t dr6)
{
	uint32_t h = 0;
	int i;

	if ((pcb->pcb_flags & PCB_DBREGS) == 0)
		return 0;
	for (i = 0; i < 4; i++)
		if ((dr6 & DR6_B(i)) && DBREG_DR7_ENABLED(pcb->pcb_dr[7], i))
			h |= DR6_B(i);
	return h;
}

/* LAB dbreg: BEGIN */
/* The B bits of the slots that are execution breakpoints. */
static uint32_t
exec_slots(const struct pcb *pcb)
{
	uint32_t x = 0;
	int i;

	for (i = 0; i < 4; i++)
		if (DBREG_DR7_ACCESS(pcb->pcb_dr[7], i) == DBREG_DR7_EXEC)
			x |= DR6_B(i);
	return x;
}
/* LAB dbreg: END */

int
dbreg_trap_user(struct thread *td, struct trapframe *tf, int *code)
{
	struct pcb *pcb = &td->td_pcb;
	uint32_t dr6 = rdr6();

	ldr6(DR6_RESERVED);
	/* LAB dbreg: BEGIN stub:
	 *	if (dr6 & DR6_BS)
	 *		ptrace_step_trap(td, tf);
	 *	pcb->pcb_dr[6] = dr6 & (DR6_BS | DR6_BD | DR6_BT);
	 *	*code = (dr6 & DR6_BS) ? TRAP_TRACE : TRAP_BRKPT;
	 */
	uint32_t h = hits(pcb, dr6);

	if (dr6 & DR6_BS) {
		if (h != 0)
			h &= ~exec_slots(pcb);	/* it faults again on resume */
		ptrace_step_trap(td, tf);	/* the debugger's TF only */
	} else if (h & exec_slots(pcb)) {
		tf->tf_eflags |= PSL_RF;	/* resumable breakpoint */
	}
	pcb->pcb_dr[6] = h | (dr6 & (DR6_BS | DR6_BD | DR6_BT));
	*code = (h != 0 || (dr6 & DR6_BS)) ? TRAP_TRACE : TRAP_BRKPT;
	/* LAB dbreg: END */
	return SIGTRAP;
}

/*
 * A #DB in kernel mode: a user watchpoint touched by the kernel, the MOV SS
 * deferral, or (impossible by validation: GD is refused) a debug-register
 * access, which the CPU has already disarmed by clearing GD. Never fatal.
 */
void
dbreg_trap_kernel(struct trapframe *tf)
{
	struct thread *td = curthread;
	uint32_t dr6 = rdr6(), h;

	ldr6(DR6_RESERVED);
	/* Don't single-step the kernel, except SYSENTER's first instructions. */
	if ((dr6 & DR6_BS) && !sysenter_stepping(tf->tf_eip))
		tf->tf_eflags &= ~PSL_T;
	if (td == NULL || (h = hits(&td->td_pcb, dr6)) == 0)
		return;
	td->td_pcb.pcb_dr[6] = h;
	td->td_flags |= TDF_DBHIT | TDF_ASTPENDING;
	ldr7(0);
	hw_dr7_armed = 0;
}

/* On the way back to user mode after a watchpoint fired in the kernel. */
void
dbreg_userret(struct thread *td)
{
	td->td_flags &= ~TDF_DBHIT;
	dbreg_switch(td);
	trapsignal(td, SIGTRAP, TRAP_TRACE, td->td_frame->tf_eip);
}

/*
 * The step trap the system call path posts itself (the int $0x80 gate
 * cleared TF, so no #DB recorded it): DR6 shows a step, BS, as for any
 * other step, not what an earlier trap left there. Only the hits of a
 * watchpoint this very call tripped over (TDF_DBHIT, still to be reported)
 * stay beside it.
 */
void
dbreg_step_posted(struct thread *td)
{
	struct pcb *pcb = &td->td_pcb;
	uint32_t keep = 0;

	if (td->td_flags & TDF_DBHIT)
		keep = pcb->pcb_dr[6] & DR6_BMASK;
	pcb->pcb_dr[6] = keep | DR6_BS;
}
