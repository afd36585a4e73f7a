/*
 * sysenter.c - the SYSENTER/SYSEXIT system call entry, beside int $0x80.
 *
 * SYSENTER jumps to a kernel address held in MSRs and saves nothing of the
 * user's: no %eip, no %esp, no EFLAGS. So Kestrel enters it only from a stub
 * of its own, sc_sysenter (kernel/i386/sigcode.asm), which exec copies to
 * the top of every user stack next to the signal trampoline and names to
 * libc in the ELF aux vector (AT_KSYSENTER). The stub keeps the sixth
 * argument and ecx on the user stack and passes %esp in ebp; the
 * kernel's half, Xsysenter (kernel/i386/vectors.asm), builds the same trap
 * frame int $0x80 builds, with the stub's sc_sysenter_slow as the %eip
 * (two bytes past the sysenter instruction, so ERESTART runs it again) and
 * TF_ERR_SYSENTER in tf_err. From there the call is an ordinary system call:
 * syscall(), its ptrace stops, signals, restarts and single steps.
 *
 * The way back is SYSEXIT when the frame allows it: the stub's own return
 * address, nothing that only iret restores (TF, NT, RF, VM), and no
 * set_regs() since the entry (PT_SETREGS, sigreturn), so that ecx is still
 * the value the stub pushed and every selector one the program loaded
 * itself. SYSEXIT needs ecx and edx for %esp and %eip: edx's value goes in
 * ebp, which sc_sysenter_fast moves back before it pops ecx and ebp.
 * Anything else (a signal handler to run, a step, a restart, a tracer's
 * registers) irets.
 *
 * TF set by the program before SYSENTER survives it: the CPU single-steps
 * Xsysenter in ring 0 until the stub has saved EFLAGS and cleared TF, and
 * dbreg_trap_kernel() ignores those steps (sysenter_stepping). The call then
 * returns with the step trap posted, as for int $0x80 (hazard A2).
 *
 * The kernel option sysenter=0 leaves the MSRs clear: the instruction is
 * then #GP (SIGSEGV), no stub is advertised and libc uses int $0x80, as on
 * a CPU without SEP (-cpu 486, pentium).
 */
#include <string.h>
#include <sys/signal.h>
#include "kernel/cmdline.h"
#include "kernel/i386/cpu.h"
#include "kernel/i386/frame.h"
#include "kernel/i386/segments.h"
#include "kernel/i386/sendsig.h"
#include "kernel/i386/syscall_md.h"
#include "kernel/i386/sysenter.h"
#include "kernel/i386/x86.h"
#include "kernel/syscall.h"
#include "proc/proc.h"
#include "vm/vm.h"

#define MSR_SYSENTER_CS		0x174
#define MSR_SYSENTER_ESP	0x175
#define MSR_SYSENTER_EIP	0x176
#define SYSENTER_STUB_FRAME	12	/* ecx, ebp, the return address */

int sysenter_enabled;

/*
 * Where SYSENTER puts %esp: only the stub's first instruction runs here,
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
	return sysenter_enabled ? sigcode_at + (sc_sysenter - sigcode) : 0;
}

/* Is eip one of Xsysenter's instructions that run with the program's TF? */
int
sysenter_stepping(uint32_t eip)
{
	return eip >= (uint32_t)Xsysenter && eip <= (uint32_t)Xsysenter_stepped;
}

/* May the call return by SYSEXIT? The address it goes to, or 0: iret. */
static uint32_t
sysexit_to(struct thread *td, const struct trapframe *tf, uint32_t setregs)
{
	uint32_t stub = td->td_proc->p_sigcode;

	if (tf->tf_eip != stub + (sc_sysenter_slow - sigcode) ||
	    (tf->tf_eflags & (PSL_T | PSL_NT | PSL_RF | PSL_VM)) != 0 ||
	    td->td_md.md_setregs != setregs)
		return 0;
	return stub + (sc_sysenter_fast - sigcode);
}

/*
 * Xsysenter's C half: the frame is built but for %eip. Run the call; the
 * result says how to leave (sysexit_to). A sysenter whose ebp cannot be the
 * stub's stack (a raw one with ebp 0, say) runs no call: it is SIGSEGV at
 * the stub's sysenter instruction, TF and all kept, as a fault would be.
 */
uint32_t
sysenter_syscall(struct trapframe *tf)
{
	struct thread *td = curthread;
	uint32_t setregs = td->td_md.md_setregs;

	tf->tf_eip = td->td_proc->p_sigcode + (sc_sysenter_slow - sigcode);
	if (tf->tf_ebp < VM_MINUSER_ADDRESS ||
	    tf->tf_ebp > VM_MAXUSER_ADDRESS - SYSENTER_STUB_FRAME) {
		enable_intr();
		tf->tf_eip -= SYSCALL_INSN_LEN;
		trapsignal(td, SIGSEGV, SEGV_MAPERR, tf->tf_ebp);
		userret(tf);
		return 0;
	}
	syscall(tf);
	return sysexit_to(td, tf, setregs);
}
