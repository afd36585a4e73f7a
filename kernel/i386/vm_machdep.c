/*
 * vm_machdep.c - the i386 half of a thread's life (FreeBSD's name for the
 * file): its kernel stack made ready for its first switch (cpu_thread0,
 * cpu_thread_init, cpu_fork), the switch itself (cpu_switch, with swtch()
 * in swtch.asm), and what exit gives back (cpu_exit). proc/proc.h has the
 * contracts.
 *
 * A thread's kernel stack (KSTACK_SIZE bytes at td_kstack) has its user
 * trap frame at the top, td_frame. A thread that is switched out has a
 * struct switchframe on its stack, below whatever it was doing in the
 * kernel, and pcb_esp points at it. A new thread's stack is made to look
 * like one switched out just before returning to user mode: the frame, and
 * right below it a switch frame that "returns" into fork_trampoline.
 *
 * Threads of one process share a page directory, so switching between
 * them writes no CR3 (pmap_activate skips an equal one); what does change
 * per thread is the kernel stack in the TSS and the %gs base of its TLS.
 */
#include <string.h>
#include <sys/errno.h>
#include "kernel/i386/dbreg.h"
#include "kernel/i386/fpu.h"
#include "kernel/i386/frame.h"
#include "kernel/i386/segments.h"
#include "kernel/i386/x86.h"
#include "proc/proc.h"
#include "vm/vm.h"

void	swtch(uint32_t *old_esp, uint32_t new_esp);
void	fork_trampoline(void);
extern char boot_stack_bottom[];	/* boot/multiboot.asm */

void
cpu_thread0(struct thread *td)
{
	td->td_kstack = (uint8_t *)boot_stack_bottom;
	td->td_pcb.pcb_cr3 = kernel_pd;
}

/*
 * Place td's frame at the top of its kernel stack and a switch frame below
 * it, whose return address is fork_trampoline and whose esi is fn.
 */
static void
thread_stack(struct thread *td, void (*fn)(void))
{
	struct switchframe *sf;

	td->td_frame = (struct trapframe *)(td->td_kstack + KSTACK_SIZE) - 1;
	sf = (struct switchframe *)td->td_frame - 1;
	*sf = (struct switchframe){ .sf_esi = (uint32_t)fn,
	    .sf_eip = (uint32_t)fork_trampoline };
	td->td_pcb.pcb_esp = (uint32_t)sf;
	td->td_pcb.pcb_cr3 = td->td_proc->p_vmspace->vm_pd;
}

void
cpu_thread_init(struct thread *td, void (*fn)(void))
{
	thread_stack(td, fn);
	memset(td->td_frame, 0, sizeof(*td->td_frame));
	fpu_reset_state(&td->td_pcb.pcb_save);
}

void
cpu_fork(struct thread *td1, struct thread *td2)
{
	fpu_fork(td1, td2);
	thread_stack(td2, NULL);
	*td2->td_frame = *td1->td_frame;
	td2->td_frame->tf_eax = 0;		/* fork() returns 0 in the child */
	td2->td_frame->tf_edx = 0;
	td2->td_frame->tf_eflags &= ~PSL_T;
	td2->td_pcb.pcb_gsbase = td1->td_pcb.pcb_gsbase;
}

/*
 * The new thread enters entry(arg) as if called: the stack pointer 16-byte
 * aligned plus 4, at a zero return address with arg above it (i386 System V).
 * A stack that cannot take those two words makes the thread's first
 * instruction fault, in user mode.
 */
void
cpu_thread_new(struct thread *td, struct thread *td0, uint32_t entry,
    uint32_t arg, uint32_t stack, uint32_t size)
{
	const struct trapframe *tf0 = td0->td_frame;
	uint32_t sp = ((stack + size) & ~15u) - 8, words[2] = { 0, arg };

	thread_stack(td, NULL);
	fpu_reset_state(&td->td_pcb.pcb_save);
	td->td_pcb.pcb_gsbase = td0->td_pcb.pcb_gsbase;
	*td->td_frame = (struct trapframe){ .tf_eip = entry, .tf_esp = sp,
	    .tf_cs = tf0->tf_cs, .tf_ss = tf0->tf_ss, .tf_ds = tf0->tf_ds,
	    .tf_es = tf0->tf_es, .tf_fs = tf0->tf_fs, .tf_gs = tf0->tf_gs,
	    .tf_eflags = PSL_I | PSL_RESERVED_1 };
	copyout(words, (void *)sp, sizeof(words));
}

int
cpu_set_user_tls(struct thread *td, uint32_t base)
{
	if (base >= VM_MAXUSER_ADDRESS)
		return EINVAL;
	td->td_pcb.pcb_gsbase = base;
	td->td_frame->tf_gs = GUGS_SEL;
	segs_changed();
	if (td == curthread)
		gdt_set_gsbase(base);
	return 0;
}

/*
 * The idle thread runs only in the kernel: it needs no ring-0 stack in the
 * TSS and can run on whatever address space is loaded (every one maps the
 * kernel), which spares a TLB flush each way.
 */
void
cpu_switch(struct thread *old, struct thread *new)
{
	curthread = new;
	segs_changed();		/* the registers are the last thread's */
	if (!(new->td_proc->p_flag & P_SYSTEM)) {
		tss_set_kstack((uint32_t)new->td_kstack + KSTACK_SIZE);
		pmap_activate(new->td_pcb.pcb_cr3);
		gdt_set_gsbase(new->td_pcb.pcb_gsbase);
	}
	fpu_switch(old, new);
	dbreg_switch(new);
	swtch(&old->td_pcb.pcb_esp, new->td_pcb.pcb_esp);
}

/*
 * The process's page directory stays loaded until the switch away:
 * exit1()'s vmspace_free() empties its user half but keeps the page until
 * CR3 moves on (vm/pmap.c), so exit costs no CR3 write of its own.
 */
void
cpu_exit(struct thread *td)
{
	fpu_thread_exit(td);
	td->td_pcb.pcb_flags &= ~PCB_DBREGS;
	td->td_pcb.pcb_cr3 = kernel_pd;
}
