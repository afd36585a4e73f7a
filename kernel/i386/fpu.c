/*
 * fpu.c - the x87/SSE state of user threads.
 *
 * Every thread has a save area in its pcb (FXSAVE format where the CPU has
 * FXSR, FNSAVE format otherwise). At most one thread's state is in the FPU
 * registers at a time: fpcurthread's. The kernel itself never uses the FPU,
 * so while any kernel code runs the registers still hold that thread's
 * values.
 *
 * A thread has FPU state only once it has used the FPU since exec
 * (PCB_FPUINITDONE, FreeBSD's name); until then it owns nothing, and its
 * save area holds the clean state. Such a thread runs with CR0.TS set and
 * with no other process's values in the registers, so its first FP
 * instruction raises #NM and fpu_dna() loads the clean state then.
 *
 * Eager switching (the default): switching to a thread with state saves
 * the previous owner's registers and loads the new thread's, so user code
 * never runs with another process's values in the FPU, not even
 * speculatively (LazyFP, CVE-2018-3665). Switching to a thread without
 * state saves the owner's registers and clears them (the one time such a
 * thread pays for the FPU), unless the owner is a thread of the same
 * process: its values may stay behind TS, since the newcomer can read its
 * sibling's memory anyway, and a switch back to the owner then costs
 * nothing. Between two threads without state nothing is saved or loaded
 * at all. Lazy switching (fpu=lazy): a switch only sets
 * CR0.TS; the thread's first FP instruction raises #NM and fpu_dna() does
 * the exchange then. Kernel threads (the idle loop) never take the FPU.
 *
 * Any code that replaces the current thread's saved state (exec, signals,
 * sigreturn) goes through fpu_changed(), which in lazy mode must not load
 * it directly: another process's unsaved registers may be live.
 *
 * Only non-waiting instructions touch user state (FNSAVE, FXSAVE, FNINIT,
 * FNCLEX, FNSTSW...), so a pending exception in a user image surfaces as
 * #MF at the user's next FP instruction, in user mode. docs/fpu.md tells
 * the story.
 */
#include <string.h>
#include <sys/errno.h>
#include <sys/signal.h>
#include "kernel/i386/fpu.h"
#include "kernel/i386/cpu.h"
#include "kernel/cmdline.h"
#include "kernel/i386/frame.h"
#include "kernel/kprintf.h"
#include "kernel/i386/layout.h"
#include "kernel/i386/x86.h"
#include "proc/proc.h"

int fpu_has_fxsr;
int fpu_lazy;
uint32_t fpu_mxcsr_mask;

static struct thread *fpcurthread;	/* whose state the FPU holds */
static union savefpu fpu_initial;	/* the state after FNINIT, MXCSR 0x1F80 */
static int ts_set;			/* CR0.TS as last written */
uint32_t fpu_switch_images;		/* images saved or loaded by switches (kinfo) */

static void
clts(void)
{
	if (ts_set) {
		__asm__ volatile("clts");
		ts_set = 0;
	}
}

static void
stts(void)
{
	if (!ts_set) {
		lcr0(rcr0() | CR0_TS);
		ts_set = 1;
	}
}

/* Keep the FNINIT values of an FXSAVE image, zero everything else. */
static void
clean_fx(struct fxsave_area *fx)
{
	struct fxsave_area c;

	memset(&c, 0, sizeof(c));
	c.fx_fcw = fx->fx_fcw;
	c.fx_mxcsr = fx->fx_mxcsr;
	c.fx_mxcsr_mask = fx->fx_mxcsr_mask;
	*fx = c;
}

/* The same for an FNSAVE image: control word, all tags empty. */
static void
clean_fn(struct fnsave_area *fn)
{
	uint32_t cw = fn->fn_cw & 0xffff;

	memset(fn, 0, sizeof(*fn));
	fn->fn_cw = cw;
	fn->fn_tw = FPU_EMPTY_TW;
}

/*
 * CR0: MP (WAIT honours TS), NE (x87 errors as #MF, not the old IRQ 13),
 * EM clear (no emulation). CR4.OSFXSR only with FXSR, CR4.OSXMMEXCPT only
 * with SSE (without it an unmasked SIMD exception would be #UD). Then the
 * clean state every new image starts from: FNINIT's registers, MXCSR
 * 0x1F80, and zero in every register, pointer and opcode field.
 */
void
fpu_init(void)
{
	uint32_t cr0 = rcr0(), mxcsr = FPU_DEFAULT_MXCSR;

	cr0 &= ~(CR0_EM | CR0_TS);
	cr0 |= CR0_MP | CR0_NE;
	lcr0(cr0);
	fpu_has_fxsr = (cpu_features & KCPU_FXSR) != 0;
	if (fpu_has_fxsr)
		lcr4(rcr4() | CR4_OSFXSR |
		    ((cpu_features & KCPU_SSE) ? CR4_OSXMMEXCPT : 0));
	fpu_lazy = kopt("fpu") != NULL && strcmp(kopt("fpu"), "lazy") == 0;

	__asm__ volatile("fninit");
	if (cpu_features & KCPU_SSE)
		__asm__ volatile("ldmxcsr %0" : : "m"(mxcsr));
	memset(&fpu_initial, 0, sizeof(fpu_initial));
	if (fpu_has_fxsr) {
		fpu_fxsave(&fpu_initial);
		fpu_mxcsr_mask = fpu_initial.sv_fx.fx_mxcsr_mask;
		if (fpu_mxcsr_mask == 0)
			fpu_mxcsr_mask = FPU_DEFAULT_MXCSR_MASK;
		clean_fx(&fpu_initial.sv_fx);
	} else {
		fpu_fnsave(&fpu_initial);
		clean_fn(&fpu_initial.sv_fn);
	}
}

int
fpu_mxcsr_valid(uint32_t mxcsr)
{
	return fpu_has_fxsr && (mxcsr & ~fpu_mxcsr_mask) == 0;
}

void
fpu_reset_state(union savefpu *sv)
{
	memcpy(sv, &fpu_initial, sizeof(*sv));
}

/* Store the FPU registers into td's save area; they stay loaded. */
static void
save_live(struct thread *td)
{
	if (fpu_has_fxsr) {
		fpu_fxsave(&td->td_pcb.pcb_save);
	} else {
		fpu_fnsave(&td->td_pcb.pcb_save);	/* reinitialises... */
		fpu_frstor(&td->td_pcb.pcb_save);	/* ...so load it back */
	}
}

static int
restore(const union savefpu *sv)
{
	return fpu_has_fxsr ? fpu_fxrstor(sv) : fpu_frstor(sv);
}

/*
 * Load sv into the FPU (CR0.TS must be clear). If the CPU refuses the image
 * (it cannot be one the kernel validated, but the fix-up exists so that it
 * can never be fatal), the clean state is loaded instead and written to sv,
 * and EINVAL is returned: nobody may run on with what the previous owner
 * left in the registers (CVE-2017-15537).
 */
int
fpu_load_or_reset(union savefpu *sv)
{
	if (restore(sv) == 0)
		return 0;
	restore(&fpu_initial);
	fpu_reset_state(sv);
	return EINVAL;
}

/*
 * Make td's saved state the live one; a refused image costs it SIGBUS.
 * From now on td has FPU state.
 */
static void
load(struct thread *td)
{
	clts();
	if (fpu_load_or_reset(&td->td_pcb.pcb_save) != 0)
		psignal(td->td_proc, SIGBUS);
	fpcurthread = td;
	td->td_pcb.pcb_flags |= PCB_FPUINITDONE;
}

/* Give the FPU to td: save the owner's registers, load td's. */
static void
take(struct thread *td)
{
	if (fpcurthread == td) {
		clts();
		return;
	}
	clts();
	if (fpcurthread != NULL) {
		save_live(fpcurthread);
		fpu_switch_images++;
	}
	load(td);
	fpu_switch_images++;
}

/*
 * No thread's values may stay in the registers: save the owner's, load
 * the clean state in their place, set TS (the next FP instruction is #NM).
 */
static void
release(void)
{
	if (fpcurthread != NULL) {
		clts();
		save_live(fpcurthread);
		restore(&fpu_initial);
		fpu_switch_images += 2;
		fpcurthread = NULL;
	}
	stts();
}

static int
is_kernel_thread(struct thread *td)
{
	return (td->td_proc->p_flag & P_SYSTEM) != 0;
}

/* Called by the context switch, with curthread already new. */
void
fpu_switch(struct thread *old, struct thread *new)
{
	(void)old;
	if (is_kernel_thread(new))
		return;
	if (fpu_lazy) {
		/* LAB lazyfpu: BEGIN stub: stts(); */
		if (fpcurthread == new)
			clts();
		else
			stts();
		/* LAB lazyfpu: END */
		return;
	}
	if (new->td_pcb.pcb_flags & PCB_FPUINITDONE)
		take(new);
	else if (fpcurthread != NULL && fpcurthread->td_proc == new->td_proc)
		stts();
	else
		release();
}

/* #NM from user mode (lazy switching): hand the FPU to curthread; ENXIO if there is no FPU. */
int
fpu_dna(void)
{
	/* LAB lazyfpu: BEGIN stub:
	 *	if (fpu_lazy)
	 *		return ENXIO;
	 */
	/* LAB lazyfpu: END */
	if (!(cpu_features & KCPU_FPU))
		return ENXIO;
	clts();
	take(curthread);
	return 0;
}

/* Bring td's save area up to date (before ptrace reads it, fork, a signal). */
void
fpu_flush(struct thread *td)
{
	if (fpcurthread != td)
		return;
	/* LAB lazyfpu: BEGIN stub: save_live(td); */
	int ts = ts_set;

	clts();
	save_live(td);
	if (ts)
		stts();
	/* LAB lazyfpu: END */
}

/*
 * td's save area was rewritten (ptrace, sigreturn, exec, a signal
 * handler's clean state): the registers, if they hold td's old values, are
 * stale. The current thread gets the new state at once (eager) or at its
 * next FP instruction (lazy: TS is set, and whoever owns the FPU now,
 * possibly another process, is saved by #NM as usual).
 */
void
fpu_changed(struct thread *td)
{
	if (fpcurthread == td)
		fpcurthread = NULL;
	td->td_pcb.pcb_flags |= PCB_FPUINITDONE;
	if (td != curthread)
		return;
	if (fpu_lazy)
		stts();
	else
		take(td);
}

/*
 * A new image starts from the clean state, FIP, FDP and FOP included, and
 * owns no FPU state until its first FP instruction. The registers may
 * still hold td's old image (its own): TS keeps them out of reach, and the
 * #NM loads the clean state over them.
 */
void
fpu_exec(struct thread *td)
{
	fpu_reset_state(&td->td_pcb.pcb_save);
	td->td_pcb.pcb_flags &= ~PCB_FPUINITDONE;
	if (fpcurthread == td)
		fpcurthread = NULL;
	if (td == curthread)
		stts();
}

/* The child has FPU state if the parent has; its copy of it, or the clean state. */
void
fpu_fork(struct thread *parent, struct thread *child)
{
	fpu_flush(parent);
	memcpy(&child->td_pcb.pcb_save, &parent->td_pcb.pcb_save,
	    sizeof(union savefpu));
	child->td_pcb.pcb_flags = (child->td_pcb.pcb_flags & ~PCB_FPUINITDONE) |
	    (parent->td_pcb.pcb_flags & PCB_FPUINITDONE);
}

void
fpu_thread_exit(struct thread *td)
{
	if (fpcurthread == td)
		fpcurthread = NULL;
}

/*
 * The si_code for an unmasked x87 (#MF) or SIMD (#XM) exception of the
 * current thread. For #MF the exception flags are then cleared, or the
 * process would fault again at its next FP instruction (even in its
 * SIGFPE handler).
 */
int
fpu_exception_code(uint32_t trapno)
{
	uint16_t sw, cw;
	uint32_t mxcsr, pending;

	if (trapno == IDT_XF) {
		__asm__ volatile("stmxcsr %0" : "=m"(mxcsr));
		pending = mxcsr & ~(mxcsr >> MXCSR_MASK_SHIFT) & FP_X_ALL;
	} else {
		__asm__ volatile("fnstsw %0; fnstcw %1" : "=m"(sw), "=m"(cw));
		pending = sw & ~cw & FP_X_ALL;
		__asm__ volatile("fnclex");
		if ((pending & FP_X_INV) && (sw & FP_X_STK))
			return FPE_FLTSUB;	/* stack overflow/underflow */
	}
	if (pending & FP_X_INV)
		return FPE_FLTINV;
	if (pending & FP_X_DZ)
		return FPE_FLTDIV;
	if (pending & FP_X_OFL)
		return FPE_FLTOVF;
	if (pending & (FP_X_DNML | FP_X_UFL))
		return FPE_FLTUND;
	if (pending & FP_X_IMP)
		return FPE_FLTRES;
	return 0;
}

/* A kernel-mode fault: was it one of the restore instructions? */
int
fpu_restore_fault(struct trapframe *tf)
{
	if (tf->tf_eip != (uint32_t)fpu_fxrstor_insn &&
	    tf->tf_eip != (uint32_t)fpu_frstor_insn)
		return 0;
	tf->tf_eip = (uint32_t)fpu_restore_failed;
	return 1;
}

/*
 * Self-test of the restore fix-up (kernel option selftest): load a
 * recognisable image, then one the CPU must refuse (FXRSTOR #GPs on an
 * image that is not 16-byte aligned, on every CPU and emulator), and check
 * that the kernel survived with the clean state loaded and stored in place
 * of the bad image, nothing of the first one left. Without FXSR there is
 * nothing to test: FRSTOR has no alignment rule and no reserved field.
 * Runs before any process owns the FPU.
 */
const char *
fpu_selftest(void)
{
	static uint8_t buf[sizeof(union savefpu) + 16] __attribute__((aligned(16)));
	static union savefpu good, out;
	union savefpu *bad = (union savefpu *)(buf + 8);
	int i;

	if (!fpu_has_fxsr)
		return NULL;
	if (fpcurthread != NULL)
		return "a thread owns the FPU";
	good = fpu_initial;
	good.sv_fx.fx_fcw = 0x0f7f;
	good.sv_fx.fx_ftw = 0x80;
	memset(good.sv_fx.fx_st, 0x41, sizeof(good.sv_fx.fx_st));
	memset(good.sv_fx.fx_xmm, 0x41, sizeof(good.sv_fx.fx_xmm));
	clts();
	if (fpu_load_or_reset(&good) != 0)
		return "a valid image was refused";
	memcpy(bad, &good, sizeof(good));
	if (fpu_load_or_reset(bad) != EINVAL)
		return "a misaligned FXRSTOR did not fault";
	if (memcmp(bad, &fpu_initial, sizeof(fpu_initial)) != 0)
		return "the refused image was not replaced by the clean state";
	memset(&out, 0, sizeof(out));
	fpu_fxsave(&out);
	if (out.sv_fx.fx_fcw != FPU_DEFAULT_CW || out.sv_fx.fx_ftw != 0 ||
	    out.sv_fx.fx_mxcsr != FPU_DEFAULT_MXCSR)
		return "the clean state is not loaded";
	for (i = 0; i < 8 * 16; i++)
		if ((i % 16 < 10 && out.sv_fx.fx_st[i / 16][i % 16] == 0x41) ||
		    out.sv_fx.fx_xmm[i / 16][i % 16] == 0x41)
			return "the previous image's registers are still loaded";
	return NULL;
}
