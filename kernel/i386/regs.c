/*
 * regs.c - general registers for ptrace and sigreturn, and single-stepping.
 *
 * struct reg has the trap frame's layout, so reading is a copy (with the
 * kernel-only fields zeroed, so no kernel bytes leak). Writing goes through
 * regs_validate(), the one check that PT_SETREGS and sigreturn share: the
 * result must be a ring-3 state the kernel can return to safely.
 *   - EFLAGS may differ from the current value only in bits a user could
 *     change itself (FreeBSD's EFL_SECURE): never IOPL, IF, NT, VM, VIF, VIP.
 *   - CS must be the user code selector and SS the user data selector,
 *     both with RPL 3 (CS_SECURE: never a kernel descriptor or RPL 0).
 *   - DS, ES, FS, GS may hold exactly what ring 3 can load itself: a null
 *     selector (any RPL), or the user data selector, the readable user code
 *     selector or the thread's TLS selector (GUGS_SEL) at any RPL (all are
 *     DPL 3, so max(CPL, RPL) <= DPL holds for every RPL). The kernel
 *     reloads them in ring 0 and irets; none of these can fault there, and
 *     iret keeps them (it only clears a null DS/ES). Kernel descriptors, the
 *     TSS, LDT selectors and slots beyond the GDT are refused: ring 3 can
 *     never hold them.
 *   - A selector is 16 bits: the upper half of its word must be zero. The
 *     trap frame's upper halves are whatever `push sreg` left (a CPU may
 *     write only the low 16 bits), so results show them as zero.
 * EIP and ESP are not checked: pointing them into the kernel makes the first
 * user instruction fault in user mode, and the process gets SIGSEGV.
 * Single-stepping (who owns TF) is in kernel/i386/ptrace_step.c.
 */
#include <string.h>
#include <sys/errno.h>
#include <machine/reg.h>
#include "kernel/i386/regs.h"
#include "kernel/i386/frame.h"
#include "kernel/i386/segments.h"
#include "kernel/i386/fpu.h"
#include "kernel/i386/x86.h"
#include "proc/proc.h"

void
fill_regs(struct thread *td, struct reg *r)
{
	const struct trapframe *tf = td->td_frame;

	r->r_isp = r->r_trapno = r->r_err = 0;	/* the kernel's business */
	r->r_fs = SEL_WORD(tf->tf_fs);
	r->r_es = SEL_WORD(tf->tf_es);
	r->r_ds = SEL_WORD(tf->tf_ds);
	r->r_edi = tf->tf_edi;
	r->r_esi = tf->tf_esi;
	r->r_ebp = tf->tf_ebp;
	r->r_ebx = tf->tf_ebx;
	r->r_edx = tf->tf_edx;
	r->r_ecx = tf->tf_ecx;
	r->r_eax = tf->tf_eax;
	r->r_eip = tf->tf_eip;
	r->r_cs = SEL_WORD(tf->tf_cs);
	r->r_eflags = tf->tf_eflags;
	r->r_esp = tf->tf_esp;
	r->r_ss = SEL_WORD(tf->tf_ss);
	r->r_gs = SEL_WORD(tf->tf_gs);
}

/* LAB signals: BEGIN */
/* May ring 3 hold sel in DS, ES, FS or GS? (The rule above.) */
static int
data_selector_ok(uint32_t sel)
{
	uint32_t slot = sel & ~SEL_RPL_MASK;

	return slot == 0 || slot == (UDATA_SEL & ~SEL_RPL_MASK) ||
	    slot == (UCODE_SEL & ~SEL_RPL_MASK) ||
	    slot == (GUGS_SEL & ~SEL_RPL_MASK);
}
/* LAB signals: END */

/* 0 if r may replace the user state cur, else EINVAL. */
int
regs_validate(const struct trapframe *cur, const struct reg *r)
{
	/* LAB signals: BEGIN stub:
	 *	(void)cur;
	 *	(void)r;
	 *	return EINVAL;
	 */
	if (((r->r_eflags ^ cur->tf_eflags) & ~PSL_USERCHANGE) != 0)
		return EINVAL;
	if (r->r_cs != UCODE_SEL || r->r_ss != UDATA_SEL)
		return EINVAL;
	if (!data_selector_ok(r->r_ds) || !data_selector_ok(r->r_es) ||
	    !data_selector_ok(r->r_fs) || !data_selector_ok(r->r_gs))
		return EINVAL;
	return 0;
	/* LAB signals: END */
}

/* All or nothing: an invalid image leaves the registers as they were. */
int
set_regs(struct thread *td, const struct reg *r)
{
	struct trapframe *tf = td->td_frame;
	int error = regs_validate(tf, r);

	if (error)
		return error;
	td->td_md.md_sysexit_eip = 0;	/* the way out is iret now */
	segs_changed();
	tf->tf_fs = r->r_fs;
	tf->tf_es = r->r_es;
	tf->tf_ds = r->r_ds;
	tf->tf_edi = r->r_edi;
	tf->tf_esi = r->r_esi;
	tf->tf_ebp = r->r_ebp;
	tf->tf_ebx = r->r_ebx;
	tf->tf_edx = r->r_edx;
	tf->tf_ecx = r->r_ecx;
	tf->tf_eax = r->r_eax;
	tf->tf_eip = r->r_eip;
	tf->tf_cs = r->r_cs;
	tf->tf_eflags = r->r_eflags;
	tf->tf_esp = r->r_esp;
	tf->tf_ss = r->r_ss;
	tf->tf_gs = r->r_gs;
	return 0;
}

int
ptrace_set_pc(struct thread *td, uint32_t addr)
{
	td->td_frame->tf_eip = addr;
	return 0;
}

int
fill_fpregs(struct thread *td, struct fpreg *fp)
{
	fpu_flush(td);
	fpu_to_fpreg(&td->td_pcb.pcb_save, fp);
	return 0;
}

int
set_fpregs(struct thread *td, const struct fpreg *fp)
{
	fpu_flush(td);
	fpu_from_fpreg(&td->td_pcb.pcb_save, fp);
	fpu_changed(td);
	return 0;
}

int
fill_xmmregs(struct thread *td, struct xmmreg *xr)
{
	if (!fpu_has_fxsr)
		return EINVAL;
	fpu_flush(td);
	memcpy(xr, &td->td_pcb.pcb_save, sizeof(*xr));
	return 0;
}

/* MXCSR is checked against the CPU's mask: FXRSTOR would #GP on the rest. */
int
set_xmmregs(struct thread *td, const struct xmmreg *xr)
{
	const struct fxsave_area *fx = (const struct fxsave_area *)xr;

	if (!fpu_has_fxsr || !fpu_mxcsr_valid(fx->fx_mxcsr))
		return EINVAL;
	fpu_flush(td);
	memcpy(&td->td_pcb.pcb_save, xr, sizeof(*xr));
	td->td_pcb.pcb_save.sv_fx.fx_mxcsr_mask = fpu_mxcsr_mask;
	fpu_changed(td);
	return 0;
}
