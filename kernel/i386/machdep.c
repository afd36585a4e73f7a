/*
 * machdep.c - i386 services that machine-independent code asks for by
 * FreeBSD's names: the registers a new image starts with (exec_setregs),
 * waiting for an interrupt (cpu_idle), and the kinfo() keys about the CPU
 * (cpu_kinfo). proc/proc.h has the contracts.
 */
#include <sys/errno.h>
#include <sys/kinfo.h>
#include "kernel/i386/cpu.h"
#include "kernel/i386/dbreg.h"
#include "kernel/i386/fpu.h"
#include "kernel/i386/frame.h"
#include "kernel/i386/segments.h"
#include "kernel/i386/sysenter.h"
#include "kernel/i386/x86.h"
#include "proc/proc.h"
#include "proc/sys_process.h"
#include "vm/vm.h"

/*
 * All general registers zero, user selectors, interrupts on; the new page
 * directory goes live here, so that the caller may free the old one.
 */
void
exec_setregs(struct thread *td, uint32_t entry, uint32_t stack)
{
	struct trapframe *tf = td->td_frame;

	td->td_pcb.pcb_cr3 = td->td_proc->p_vmspace->vm_pd;
	pmap_activate(td->td_pcb.pcb_cr3);
	td->td_pcb.pcb_gsbase = 0;
	gdt_set_gsbase(0);
	*tf = (struct trapframe){ .tf_eip = entry, .tf_esp = stack,
	    .tf_cs = UCODE_SEL, .tf_ss = UDATA_SEL, .tf_ds = UDATA_SEL,
	    .tf_es = UDATA_SEL, .tf_fs = UDATA_SEL, .tf_gs = UDATA_SEL,
	    .tf_eflags = PSL_I | PSL_RESERVED_1 };
	segs_changed();
	ptrace_forget_step(td);
	fpu_exec(td);
	dbreg_clear(td);
}

/* sti takes effect after the next instruction: no interrupt slips in before hlt. */
void
cpu_idle(void)
{
	__asm__ volatile("sti; hlt" ::: "memory");
}

int
cpu_kinfo(int key, uint32_t *value)
{
	switch (key) {
	case KINFO_CPUFEATURES:	*value = cpu_features; return 0;
	case KINFO_FPUMODE:	*value = fpu_lazy; return 0;
	case KINFO_MXCSR_MASK:	*value = fpu_mxcsr_mask; return 0;
	case KINFO_FPUSTATE:
		*value = (curthread->td_pcb.pcb_flags & PCB_FPUINITDONE) != 0;
		return 0;
	case KINFO_FPUSAVES:	*value = fpu_switch_images; return 0;
	case KINFO_SYSENTER:	*value = sysenter_enabled; return 0;
	}
	return EINVAL;
}
