/*
 * trap.c - what happens after kernel/i386/vectors.asm has saved a trap frame.
 *
 * From user mode, an exception is the process's business: a page fault may
 * be resolved (demand zero, copy-on-write), #NM loads the FPU lazily, #DB is
 * sorted out by the debug-register code, and everything else becomes the
 * signal in the table below. From kernel mode, an exception is a bug and
 * panics, except for the cases the kernel expects: a fault inside copyin or
 * copyout (the user gave a bad pointer: EFAULT), a fault on the way back to
 * user mode (a bad selector or frame chosen through sigreturn or PT_SETREGS:
 * a signal for the process), a #DB caused by a user watchpoint or the MOV SS
 * deferral (ignored or reported on return), and a fault armed by a self-test.
 * A trap from virtual-8086 mode is neither: the process got there through an
 * emulator's mistake, and dies of SIGILL (vm86_refuse).
 */
#include <stdint.h>
#include <sys/signal.h>
#include "kernel/i386/trap.h"
#include "kernel/i386/frame.h"
#include "kernel/kprintf.h"
#include "kernel/i386/layout.h"
#include "kernel/i386/segments.h"
#include "kernel/i386/fpu.h"
#include "kernel/i386/dbreg.h"
#include "kernel/i386/regs.h"
#include "kernel/i386/x86.h"
#include "proc/proc.h"
#include "vm/vm.h"

struct trap_catch trap_catch;

static const struct {
	const char	*name;
	int		sig;	/* for user mode; 0: handled specially */
	int		code;	/* si_code */
} trap_table[32] = {
	[IDT_DE]	= { "divide error",		SIGFPE,  FPE_INTDIV },
	[IDT_DB]	= { "debug exception",		0,       0 },
	[IDT_NMI]	= { "non-maskable interrupt",	0,       0 },
	[IDT_BP]	= { "breakpoint",		SIGTRAP, TRAP_BRKPT },
	[IDT_OF]	= { "overflow",			SIGFPE,  FPE_INTOVF },
	[IDT_BR]	= { "bound range exceeded",	SIGFPE,  FPE_FLTSUB },
	[IDT_UD]	= { "invalid opcode",		SIGILL,  ILL_ILLOPC },
	[IDT_NM]	= { "device not available",	0,       0 },
	[IDT_DF]	= { "double fault",		0,       0 },
	[IDT_FPUGP]	= { "coprocessor segment overrun", SIGFPE, FPE_FLTINV },
	[IDT_TS]	= { "invalid TSS",		SIGBUS,  BUS_OBJERR },
	[IDT_NP]	= { "segment not present",	SIGBUS,  BUS_ADRERR },
	[IDT_SS]	= { "stack-segment fault",	SIGBUS,  BUS_ADRERR },
	[IDT_GP]	= { "general protection fault",	SIGSEGV, SEGV_ACCERR },
	[IDT_PF]	= { "page fault",		0,       0 },
	[15]		= { "reserved",			SIGILL,  ILL_ILLOPC },
	[IDT_MF]	= { "x87 floating-point error",	0,       0 },
	[IDT_AC]	= { "alignment check",		SIGBUS,  BUS_ADRALN },
	[IDT_MC]	= { "machine check",		0,       0 },
	[IDT_XF]	= { "SIMD floating-point exception", 0,  0 },
};

const char *
trap_name(uint32_t trapno)
{
	if (trapno < 32 && trap_table[trapno].name != NULL)
		return trap_table[trapno].name;
	if (trapno >= IDT_IO_INTS && trapno < IDT_IO_INTS + NIRQ)
		return "hardware interrupt";
	if (trapno == IDT_SYSCALL)
		return "system call";
	return "reserved";
}

/* A user page fault: resolve it, or return the signal to send. */
static int
user_page_fault(struct thread *td, struct trapframe *tf, uint32_t va, int *code)
{
	int error = vm_fault(td->td_proc->p_vmspace, va,
	    (tf->tf_err & PGEX_W) != 0);

	if (error == 0)
		return 0;
	*code = (tf->tf_err & PGEX_P) ? SEGV_ACCERR : SEGV_MAPERR;
	return SIGSEGV;
}

static void
user_trap(struct trapframe *tf)
{
	struct thread *td = curthread;
	uint32_t addr = tf->tf_eip, cr2 = 0;
	int sig = 0, code = 0;

	if (tf->tf_trapno == IDT_PF)
		cr2 = rcr2();		/* before anything can fault again */
	enable_intr();
	switch (tf->tf_trapno) {
	case IDT_PF:
		sig = user_page_fault(td, tf, cr2, &code);
		addr = cr2;
		break;
	case IDT_DB:
		sig = dbreg_trap_user(td, tf, &code);
		break;
	case IDT_NM:
		if (fpu_dna() == 0)
			break;
		sig = SIGFPE;		/* no FPU at all */
		code = FPE_FLTINV;
		break;
	case IDT_MF:
	case IDT_XF:
		sig = SIGFPE;
		code = fpu_exception_code(tf->tf_trapno);
		break;
	case IDT_NMI:
		kprintf("NMI in user mode, ignored\n");
		break;
	case IDT_MC:
		panic_trap(tf, "machine check");
	default:
		if (tf->tf_trapno < 32) {
			sig = trap_table[tf->tf_trapno].sig;
			code = trap_table[tf->tf_trapno].code;
		}
		break;
	}
	if (sig != 0)
		trapsignal(td, sig, code, addr);
	userret(tf);
}

/* The faulting instruction is one of doreti's: the frame is bad, not the kernel. */
static int
is_doreti_fault(const struct trapframe *tf)
{
	uint32_t eip = tf->tf_eip;

	return eip == (uint32_t)doreti_pop_gs || eip == (uint32_t)doreti_pop_fs ||
	    eip == (uint32_t)doreti_pop_es || eip == (uint32_t)doreti_pop_ds ||
	    eip == (uint32_t)doreti_iret;
}

/*
 * Leave for user mode through the process's frame (td_frame) with user
 * selectors and only the flags a program may hold in it, and the signal
 * sig posted, abandoning this kernel stack.
 */
static void __attribute__((noreturn))
restart_with_signal(struct thread *td, int sig, int code)
{
	struct trapframe *utf = td->td_frame;

	utf->tf_gs = utf->tf_fs = utf->tf_es = utf->tf_ds = UDATA_SEL;
	utf->tf_cs = UCODE_SEL;
	utf->tf_ss = UDATA_SEL;
	utf->tf_eflags = (utf->tf_eflags & PSL_USERCHANGE) | PSL_I |
	    PSL_RESERVED_1;
	trapsignal(td, sig, code, utf->tf_eip);
	doreti_restart(utf);
}

/*
 * Returning to user mode faulted on a selector or on iret. The user frame
 * is intact above us: make its selectors safe and give the process the
 * signal a ring-3 fault would have produced.
 */
static void __attribute__((noreturn))
doreti_fault(struct trapframe *tf)
{
	if (tf->tf_trapno == IDT_GP)
		restart_with_signal(curthread, SIGSEGV, SEGV_ACCERR);
	restart_with_signal(curthread, SIGBUS, BUS_OBJERR);
}

/*
 * Any trap from virtual-8086 mode. Kestrel never enters it, and a CPU
 * ignores EFLAGS.VM in an iret at CPL 3, but QEMU does not: ring 3 gets
 * there with an iret over an image with VM set. Whatever brought it here
 * (a fault, the clock, int $0x80), the process dies of SIGILL, as for an
 * instruction it may not execute. The CPU pushed vm86 mode's %es, %ds, %fs
 * and %gs above the frame, so tf lies 16 bytes below td_frame: the frame
 * is rebuilt there with the flags a program may hold. Left alone, the
 * frame's ring-0 CS would make the trap look like the kernel's own.
 */
static void __attribute__((noreturn))
vm86_refuse(struct trapframe *tf)
{
	struct thread *td = curthread;
	struct trapframe f = *tf;

	*td->td_frame = f;
	vm86_kill(td);
}

/* The end of a process found to come from vm86 mode (also sysenter.c). */
void
vm86_kill(struct thread *td)
{
	restart_with_signal(td, SIGILL, ILL_PRVOPC);
}

static void
kernel_trap(struct trapframe *tf)
{
	struct thread *td = curthread;
	uint32_t cr2 = 0;

	if (tf->tf_trapno == IDT_PF)
		cr2 = rcr2();
	if (trap_catch.armed && tf->tf_trapno == trap_catch.vector) {
		trap_catch.armed = 0;
		trap_catch.caught++;
		trap_catch.fault_addr = cr2;
		trap_catch.fault_eip = tf->tf_eip;
		tf->tf_eip = trap_catch.resume;
		return;
	}
	switch (tf->tf_trapno) {
	case IDT_PF:
		/* copyin/copyout touching user memory: fault it in, or EFAULT. */
		if (td != NULL && td->td_pcb.pcb_onfault != 0 &&
		    cr2 < VM_MAXUSER_ADDRESS) {
			if (vm_fault(td->td_proc->p_vmspace, cr2,
			    (tf->tf_err & PGEX_W) != 0) != 0)
				tf->tf_eip = td->td_pcb.pcb_onfault;
			return;
		}
		panic_trap(tf, "page fault in kernel mode at address %#x (%s %s)",
		    cr2, (tf->tf_err & PGEX_W) ? "write to" : "read from",
		    (tf->tf_err & PGEX_P) ? "a protected page" : "an unmapped page");
	case IDT_DB:
		dbreg_trap_kernel(tf);
		return;
	case IDT_NMI:
		kprintf("NMI in kernel mode, ignored\n");
		return;
	case IDT_GP:
	case IDT_NP:
	case IDT_SS:
	case IDT_TS:
		if (td != NULL && is_doreti_fault(tf))
			doreti_fault(tf);
		if (td != NULL && fpu_restore_fault(tf))
			return;
		break;
	case IDT_NM:
		/* Kernel code never uses the FPU; #NM here is a bug. */
		break;
	}
	panic_trap(tf, "%s in kernel mode", trap_name(tf->tf_trapno));
}

void
trap(struct trapframe *tf)
{
	if (tf->tf_trapno >= IDT_IO_INTS && tf->tf_trapno < IDT_IO_INTS + NIRQ) {
		irq_dispatch(tf->tf_trapno - IDT_IO_INTS);
		if (tf->tf_eflags & PSL_VM)
			vm86_refuse(tf);
		if (TRAPF_USERMODE(tf))
			userret(tf);
		return;
	}
	if (tf->tf_eflags & PSL_VM)
		vm86_refuse(tf);
	if (TRAPF_USERMODE(tf))
		user_trap(tf);
	else
		kernel_trap(tf);
}

/*
 * The double-fault task: runs on its own TSS and stack. The interrupted
 * state was saved into the main TSS by the task switch; show it as a frame.
 */
void
dblfault_handler(void)
{
	const struct i386tss *t = &proc0_tss;
	struct trapframe tf = {
		.tf_gs = t->tss_gs, .tf_fs = t->tss_fs, .tf_es = t->tss_es,
		.tf_ds = t->tss_ds, .tf_edi = t->tss_edi, .tf_esi = t->tss_esi,
		.tf_ebp = t->tss_ebp, .tf_ebx = t->tss_ebx, .tf_edx = t->tss_edx,
		.tf_ecx = t->tss_ecx, .tf_eax = t->tss_eax, .tf_trapno = IDT_DF,
		.tf_eip = t->tss_eip, .tf_cs = t->tss_cs,
		.tf_eflags = t->tss_eflags, .tf_esp = t->tss_esp,
		.tf_ss = t->tss_ss,
	};

	panic_trap(&tf, "double fault (kernel stack overflow?), esp was %#x",
	    t->tss_esp);
}
