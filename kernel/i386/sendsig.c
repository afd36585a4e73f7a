/*
 * sendsig.c - running a signal handler, and coming back from it.
 *
 * sendsig() saves the interrupted state (registers, signal mask, FPU) in a
 * ucontext on the user stack, below it the handler's arguments and a return
 * address pointing at the trampoline that exec placed at the top of the
 * stack (kernel/i386/sigcode.asm), and points the frame at the handler. The
 * handler runs with TF, DF and RF clear and with a clean FPU. If the stack
 * cannot take the frame, the process dies of SIGILL, as on FreeBSD.
 *
 * sigreturn() puts the saved state back, but only if it passes the same
 * validation as PT_SETREGS (kernel/i386/regs.c) and the FPU image's MXCSR fits the
 * CPU's mask: a forged frame can neither reach ring 0 nor make the kernel
 * fault restoring it.
 */
#include <string.h>
#include <sys/errno.h>
#include <sys/wait.h>
#include <machine/reg.h>
#include "kernel/i386/sendsig.h"
#include "kernel/i386/regs.h"
#include "kernel/i386/frame.h"
#include "kernel/i386/fpu.h"
#include "kernel/i386/layout.h"
#include "kernel/i386/segments.h"
#include "kernel/syscall.h"
#include "kernel/i386/x86.h"
#include "proc/proc.h"
#include "vm/vm.h"

/* LAB signals: BEGIN */
static void
frame_to_mcontext(const struct trapframe *tf, mcontext_t *mc)
{
	mc->mc_gs = SEL_WORD(tf->tf_gs);
	mc->mc_fs = SEL_WORD(tf->tf_fs);
	mc->mc_es = SEL_WORD(tf->tf_es);
	mc->mc_ds = SEL_WORD(tf->tf_ds);
	mc->mc_edi = tf->tf_edi;
	mc->mc_esi = tf->tf_esi;
	mc->mc_ebp = tf->tf_ebp;
	mc->mc_ebx = tf->tf_ebx;
	mc->mc_edx = tf->tf_edx;
	mc->mc_ecx = tf->tf_ecx;
	mc->mc_eax = tf->tf_eax;
	mc->mc_trapno = tf->tf_trapno;
	mc->mc_err = tf->tf_err;
	mc->mc_eip = tf->tf_eip;
	mc->mc_cs = SEL_WORD(tf->tf_cs);
	mc->mc_eflags = tf->tf_eflags;
	mc->mc_esp = tf->tf_esp;
	mc->mc_ss = SEL_WORD(tf->tf_ss);
	mc->mc_len = sizeof(mcontext_t);
}

static void
mcontext_to_reg(const mcontext_t *mc, struct reg *r)
{
	memset(r, 0, sizeof(*r));
	r->r_gs = mc->mc_gs;
	r->r_fs = mc->mc_fs;
	r->r_es = mc->mc_es;
	r->r_ds = mc->mc_ds;
	r->r_edi = mc->mc_edi;
	r->r_esi = mc->mc_esi;
	r->r_ebp = mc->mc_ebp;
	r->r_ebx = mc->mc_ebx;
	r->r_edx = mc->mc_edx;
	r->r_ecx = mc->mc_ecx;
	r->r_eax = mc->mc_eax;
	r->r_eip = mc->mc_eip;
	r->r_cs = mc->mc_cs;
	r->r_eflags = mc->mc_eflags;
	r->r_esp = mc->mc_esp;
	r->r_ss = mc->mc_ss;
}
/* LAB signals: END */

void
sendsig(struct thread *td, int sig, const siginfo_t *si, void (*handler)(int),
    int siginfo)
{
	/* LAB signals: BEGIN stub:
	 *	(void)si;
	 *	(void)handler;
	 *	(void)siginfo;
	 *	exit1(td, W_EXITCODE(0, sig));
	 */
	struct trapframe *tf = td->td_frame;
	struct sigframe sf;
	uint32_t base, ret;

	memset(&sf, 0, sizeof(sf));
	sf.sf_uc.uc_sigmask.__bits[0] = td->td_sigmask;
	if (td->td_flags & TDF_OLDMASK) {	/* sigsuspend's caller's mask */
		sf.sf_uc.uc_sigmask.__bits[0] = td->td_oldmask;
		td->td_flags &= ~TDF_OLDMASK;
	}
	frame_to_mcontext(tf, &sf.sf_uc.uc_mcontext);
	fpu_flush(td);
	memcpy(sf.sf_uc.uc_mcontext.mc_fpstate, &td->td_pcb.pcb_save,
	    sizeof(sf.sf_uc.uc_mcontext.mc_fpstate));
	sf.sf_uc.uc_mcontext.mc_fpformat =
	    fpu_has_fxsr ? _MC_FPFMT_XMM : _MC_FPFMT_387;
	sf.sf_uc.uc_mcontext.mc_ownedfp = _MC_FPOWNED_PCB;
	sf.sf_si = *si;

	base = (tf->tf_esp - sizeof(sf)) & ~15u;
	sf.sf_signum = sig;
	sf.sf_ucontext = base + offsetof(struct sigframe, sf_uc);
	ptrace_step_sendsig(td, &sf.sf_uc.uc_mcontext.mc_eflags, sf.sf_ucontext);
	sf.sf_siginfo = siginfo ? (int)(base + offsetof(struct sigframe, sf_si)) :
	    si->si_code;
	sf.sf_addr = (int)si->si_addr;
	ret = td->td_proc->p_sigcode;
	if (base < VM_MINUSER_ADDRESS + PAGE_SIZE ||
	    copyout(&sf, (void *)base, sizeof(sf)) != 0 ||
	    copyout(&ret, (void *)(base - 4), 4) != 0)
		exit1(td, W_EXITCODE(0, SIGILL));	/* no usable stack */

	tf->tf_esp = base - 4;
	tf->tf_eip = (uint32_t)handler;
	tf->tf_eflags &= ~(PSL_T | PSL_D | PSL_RF);
	tf->tf_cs = UCODE_SEL;
	tf->tf_ss = tf->tf_ds = tf->tf_es = UDATA_SEL;
	segs_changed();
	fpu_exec(td);			/* the handler starts with a clean FPU */
	/* LAB signals: END */
}

/* LAB signals: BEGIN */
/* Is this saved FPU image one the CPU can load? */
static int
fpstate_valid(const mcontext_t *mc)
{
	const struct fxsave_area *fx = (const struct fxsave_area *)mc->mc_fpstate;

	if (mc->mc_ownedfp == _MC_FPOWNED_NONE)
		return 1;
	if (mc->mc_ownedfp != _MC_FPOWNED_FPU && mc->mc_ownedfp != _MC_FPOWNED_PCB)
		return 0;
	if (fpu_has_fxsr)
		return mc->mc_fpformat == _MC_FPFMT_XMM &&
		    fpu_mxcsr_valid(fx->fx_mxcsr);
	return mc->mc_fpformat == _MC_FPFMT_387;
}
/* LAB signals: END */

int
sys_sigreturn(struct thread *td, uint32_t *args)
{
	/* LAB signals: BEGIN stub:
	 *	(void)td;
	 *	(void)args;
	 *	return ENOSYS;
	 */
	ucontext_t uc;
	struct reg r;
	int error;

	if (copyin((void *)args[0], &uc, sizeof(uc)) != 0)
		return EFAULT;
	if (uc.uc_mcontext.mc_len != sizeof(mcontext_t) ||
	    !fpstate_valid(&uc.uc_mcontext))
		return EINVAL;
	mcontext_to_reg(&uc.uc_mcontext, &r);
	if ((error = set_regs(td, &r)) != 0)
		return error;
	if (uc.uc_mcontext.mc_ownedfp == _MC_FPOWNED_NONE) {
		fpu_exec(td);
	} else {
		memcpy(&td->td_pcb.pcb_save, uc.uc_mcontext.mc_fpstate,
		    sizeof(td->td_pcb.pcb_save));
		if (fpu_has_fxsr)
			td->td_pcb.pcb_save.sv_fx.fx_mxcsr_mask = fpu_mxcsr_mask;
		fpu_changed(td);
	}
	td->td_sigmask = uc.uc_sigmask.__bits[0] & ~SIG_CANTMASK;
	ptrace_step_sigreturn(td, args[0]);	/* a step the handler interrupted */
	return EJUSTRETURN;
	/* LAB signals: END */
}

/*
 * exec: copy the trampoline below stack_top in the new address space vm,
 * at the start of a page of its own: the stack begins below it. Under an
 * emulator a write to a page that holds code it has translated is slow
 * (it must look for code to retranslate), and the SYSENTER stub runs on
 * every system call while the stack is written all the time.
 */
int
sigcode_install(struct vmspace *vm, uint32_t stack_top, uint32_t *where)
{
	uint32_t len = esigcode - sigcode;
	uint32_t at = (stack_top - len) & ~PAGE_MASK;

	*where = at;
	return vm_rw(vm, at, (void *)sigcode, len, 1, 0, NULL);
}
