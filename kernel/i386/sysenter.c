/*
 * sysenter.c - the SYSENTER/SYSEXIT system call entry, beside int $0x80.
 *
 * SYSENTER jumps to a kernel address held in MSRs and saves nothing of the
 * user's: no %eip, no %esp, no EFLAGS. So a program enters it with a fixed
 * sequence (libc's syscall_impl.h and syscall6.asm; SYSENTER_SEQ_LEN bytes):
 *
 *	pushl $1f		the return address
 *	pushl %ebp		the caller's ebp: the sixth argument word
 *	movl %esp, %ebp		the frame pointer carries the stack to the kernel
 *	pushl %ecx		SYSEXIT needs ecx (and edx)
 *	sysenter
 *   1:
 *
 * with int $0x80's registers otherwise: the number in eax, the arguments in
 * ebx, ecx, edx, esi, edi. Xsysenter (kernel/i386/vectors.asm) saves the
 * registers and flags like int $0x80's entry, and reads the three words
 * back from the user stack (with plain moves; sysenter_enter() when
 * anything is unusual), so the trap frame is exactly
 * the one int $0x80 at label 1 would have made: %eip at label 1, %esp, ebp
 * and ecx as before the sequence, tf_err TF_ERR_SYSENTER. Then Xsysenter
 * calls syscall() as Xsyscall does; it is an ordinary system call: syscall(), its ptrace stops, signals and
 * single steps see the program at label 1. ERESTART backs %eip up over the
 * whole sequence (kernel/i386/syscall_md.h), which runs again.
 *
 * The way back is SYSEXIT when nothing but the call's results changed: the
 * same %eip, nothing that only iret restores (TF, NT, RF, VM), no
 * set_regs() since the entry (PT_SETREGS, sigreturn: it clears
 * md_sysexit_eip; so every selector is one the program loaded itself and
 * cannot fault), no debug registers armed. SYSEXIT takes %eip and %esp
 * from edx and ecx, so edx, ecx, ebp and %eip go just below the program's
 * %esp, and sysexit lands on sc_sysexit in the trampoline page (exec names
 * it in the ELF aux vector, AT_KSYSENTER), which pops them. Anything else,
 * or a fault on those words, irets. Both halves of this fast path are
 * Xsysenter's own instructions: under an emulator a call to copyin() or
 * copyout() and their `rep movs` cost more than the rest of the entry.
 *
 * TF set by the program before SYSENTER survives it: the CPU single-steps
 * Xsysenter in ring 0 until it has saved EFLAGS and cleared TF, and
 * dbreg_trap_kernel() ignores those steps (sysenter_stepping). The call then
 * returns with the step trap posted, as for int $0x80 (hazard A2). A
 * sysenter whose ebp does not point at the sequence's words runs no call:
 * it is SIGSEGV with %esp = ebp and %eip 0 (where it came from is unknown).
 *
 * SYSENTER also works from virtual-8086 mode, which QEMU lets ring 3 enter
 * (kernel/i386/trap.c), and it clears VM before anything is saved. Such a
 * call is told by what protected-mode ring 3 cannot hold: IOPL in EFLAGS
 * (every way back to ring 3 loads it from a frame, where it is 0), or
 * %ds/%es with a real-mode segment's base (Xsysenter reads a known word
 * through them); the process dies of SIGILL. Without those marks it is an
 * ordinary call, and it returns to protected mode. (VIF and VIP are no
 * mark: under QEMU, once vm86 mode has set them, no instruction outside
 * it clears them, so every process then shows them; without CR4.VME and
 * CR4.PVI they do nothing.)
 *
 * The kernel option sysenter=0 leaves the MSRs clear: the instruction is
 * then #GP (SIGSEGV), the aux vector names no landing and libc uses
 * int $0x80, as on a CPU without SEP (-cpu 486, pentium).
 */
#include <string.h>
#include <sys/signal.h>
#include "kernel/cmdline.h"
#include "kernel/i386/cpu.h"
#include "kernel/i386/frame.h"
#include "kernel/i386/segments.h"
#include "kernel/i386/sendsig.h"
#include "kernel/i386/syscall_md.h"
#include "kernel/i386/trap.h"
#include "kernel/i386/sysenter.h"
#include "kernel/i386/x86.h"
#include "kernel/syscall.h"
#include "proc/proc.h"
#include "vm/vm.h"

#define MSR_SYSENTER_CS		0x174
#define MSR_SYSENTER_ESP	0x175
#define MSR_SYSENTER_EIP	0x176
#define SEQ_BELOW		4	/* ecx at ebp - 4 */
#define SEQ_ABOVE		8	/* ebp and the return address */

int sysenter_enabled;

/*
 * Where SYSENTER puts %esp: only Xsysenter's first instruction runs here,
 * or a #DB taken on it (TF, the MOV SS deferral), which needs a whole trap
 * frame and trap()'s calls.
 */
static uint8_t sysenter_stack[2048] __attribute__((aligned(16)));

void
sysenter_init(void)
{
	const char *opt = kopt("sysenter");

	if (!(cpu_features & KCPU_SEP) || (opt != NULL && strcmp(opt, "0") == 0))
		return;
	wrmsr(MSR_SYSENTER_CS, KCODE_SEL);
	wrmsr(MSR_SYSENTER_ESP, (uint32_t)sysenter_stack + sizeof(sysenter_stack));
	wrmsr(MSR_SYSENTER_EIP, (uint32_t)Xsysenter);
	sysenter_enabled = 1;
}

uint32_t
sigcode_sysenter(uint32_t sigcode_at)
{
	return sysenter_enabled ? sigcode_at + (sc_sysexit - sigcode) : 0;
}

/* Is eip one of Xsysenter's instructions that run with the program's TF? */
int
sysenter_stepping(uint32_t eip)
{
	return eip >= (uint32_t)Xsysenter && eip <= (uint32_t)Xsysenter_stepped;
}

/*
 * Xsysenter's slow way in, when its own reading of the sequence's words
 * met anything unusual: the frame has the registers and flags, tf_esp and
 * tf_ebp hold ebp. Read the words into it; 0, or nonzero if the call is
 * refused (then a signal is on its way instead).
 */
int
sysenter_enter(struct trapframe *tf)
{
	struct thread *td = curthread;
	uint32_t w[3];		/* ecx, ebp, %eip */

	td->td_md.md_sysexit_eip = 0;
	if (tf->tf_eflags & PSL_IOPL)
		vm86_kill(td);	/* only vm86 mode gets IOPL: see above */
	if (tf->tf_ebp < VM_MINUSER_ADDRESS + SEQ_BELOW ||
	    tf->tf_ebp > VM_MAXUSER_ADDRESS - SEQ_ABOVE ||
	    copyin((void *)(tf->tf_ebp - SEQ_BELOW), w, sizeof(w)) != 0) {
		enable_intr();
		tf->tf_eip = 0;
		trapsignal(td, SIGSEGV, SEGV_MAPERR, tf->tf_ebp);
		userret(tf);
		return 1;
	}
	tf->tf_ecx = w[0];
	tf->tf_ebp = w[1];
	tf->tf_eip = w[2];
	tf->tf_esp += SEQ_ABOVE;
	td->td_md.md_sysexit_eip = w[2];
	return 0;
}

/* Xsysenter found vm86 mode's real-mode %ds or %es: no call. */
void
sysenter_vm86(void)
{
	vm86_kill(curthread);
}
