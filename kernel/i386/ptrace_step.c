/*
 * ptrace_step.c - single-stepping for ptrace, and who owns EFLAGS.TF.
 *
 * PT_STEP sets TF in the tracee's saved EFLAGS; the CPU then traps (#DB with
 * DR6.BS) after the next user instruction. But TF is also the program's: a
 * program may set it itself (popf) and take SIGTRAP after each instruction,
 * as on bare hardware. So the kernel remembers whose TF it is (TDB_STEP: the
 * debugger's) and keeps the two apart, with what td_md remembers of the
 * step (kernel/i386/proc_md.h):
 *
 *  - At the step trap the debugger's TF is taken away again, so a later
 *    PT_CONTINUE runs free; a program's own TF is never touched.
 *  - A stepped popf or iret writes EFLAGS itself: whatever TF it leaves is
 *    the program's (MDTD_STEPKEEP).
 *  - A stepped pushf would store the debugger's TF in the program's memory,
 *    where a later popf would turn it into the program's: the trap clears it
 *    in the pushed word (MDTD_STEPPUSHF), so the program sees the flags it
 *    would see unstepped.
 *  - A signal handler that runs in the middle of a step is not stepped and
 *    its ucontext shows no debugger TF; the step resumes when sigreturn puts
 *    back the interrupted context (md_step_uc), even if the debugger has
 *    continued the handler meanwhile: FreeBSD's "PT_STEP with a signal" runs
 *    the handler first, then steps the instruction.
 *  - int $0x80 clears TF and the iret back would let one more instruction
 *    run before the trap; kernel/syscall.c has the step trap posted as the
 *    call returns (ptrace_syscall_step).
 *  - exec and detach forget every step (ptrace_forget_step): a new image,
 *    or an untraced process, has nothing to resume at a sigreturn.
 */
#include <sys/errno.h>
#include <sys/signal.h>
#include "kernel/i386/regs.h"
#include "kernel/i386/dbreg.h"
#include "kernel/i386/frame.h"
#include "kernel/i386/x86.h"
#include "proc/proc.h"
#include "vm/vm.h"

#define OP_PUSHF	0x9c
#define OP_POPF		0x9d
#define OP_IRET		0xcf
#define MAX_PREFIXES	3

/* LAB step: BEGIN */
static int
is_prefix(uint8_t b)
{
	switch (b) {
	case 0x66: case 0x67:				/* operand, address size */
	case 0x26: case 0x2e: case 0x36: case 0x3e:	/* segment overrides */
	case 0x64: case 0x65:
		return 1;
	}
	return 0;
}

/*
 * What the instruction at pc does to TF: MDTD_STEPKEEP (it sets EFLAGS),
 * MDTD_STEPPUSHF (it pushes them; *end is the address after it) or 0.
 */
static int
classify(struct thread *td, uint32_t pc, uint32_t *end)
{
	uint8_t buf[MAX_PREFIXES + 1];
	const uint8_t *insn = buf;
	size_t n = 0, i;
	paddr_t pa;

	/* Every step looks here: read in place when the bytes share a page. */
	if ((pc & PAGE_MASK) <= PAGE_SIZE - sizeof(buf) &&
	    vm_page_get(td->td_proc->p_vmspace, pc, 0, 0, &pa) == 0) {
		insn = (const uint8_t *)PHYS_TO_KVA(pa) + (pc & PAGE_MASK);
		n = sizeof(buf);
	} else {
		vm_rw(td->td_proc->p_vmspace, pc, buf, sizeof(buf), 0, 0, &n);
	}
	for (i = 0; i < n && is_prefix(insn[i]); i++)
		;
	if (i == n)
		return 0;
	*end = pc + i + 1;
	switch (insn[i]) {
	case OP_PUSHF:
		return MDTD_STEPPUSHF;
	case OP_POPF:
	case OP_IRET:
		return MDTD_STEPKEEP;
	}
	return 0;
}
/* LAB step: END */

/* Arrange one #DB after the next user instruction, on the debugger's behalf. */
int
ptrace_single_step(struct thread *td)
{
	/* LAB step: BEGIN stub:
	 *	(void)td;
	 *	return ENOSYS;
	 */
	struct trapframe *tf = td->td_frame;
	uint32_t end = 0;
	int kind;

	if ((tf->tf_eflags & PSL_T) && !(td->td_dbgflags & TDB_STEP))
		return 0;		/* the program's own TF steps it already */
	kind = classify(td, tf->tf_eip, &end);
	tf->tf_eflags |= PSL_T;
	td->td_dbgflags |= TDB_STEP;
	td->td_md.md_flags = kind;
	td->td_md.md_step_pc = end;
	return 0;
	/* LAB step: END */
}

int
ptrace_clear_single_step(struct thread *td)
{
	if (td->td_dbgflags & TDB_STEP)
		td->td_frame->tf_eflags &= ~PSL_T;
	td->td_dbgflags &= ~TDB_STEP;
	td->td_md.md_flags = 0;
	return 0;
}

void
ptrace_forget_step(struct thread *td)
{
	ptrace_clear_single_step(td);
	td->td_md.md_step_uc = 0;
}

/* LAB step: BEGIN */
/* Clear TF in the flags word a stepped pushf just stored at esp. */
static void
hide_pushed_tf(uint32_t esp)
{
	uint8_t b;

	/* TF is bit 8: bit 0 of the second byte, in a 16- or 32-bit push. */
	if (copyin((void *)(esp + 1), &b, 1) == 0) {
		b &= ~(PSL_T >> 8);
		copyout(&b, (void *)(esp + 1), 1);
	}
}
/* LAB step: END */

/*
 * A single-step trap from user mode (or the end of a stepped system call):
 * if the step was the debugger's, take its TF back.
 */
void
ptrace_step_trap(struct thread *td, struct trapframe *tf)
{
	/* LAB step: BEGIN stub:
	 *	(void)td;
	 *	(void)tf;
	 */
	int f = td->td_md.md_flags;

	if (!(td->td_dbgflags & TDB_STEP))
		return;
	if (!(f & MDTD_STEPKEEP))
		tf->tf_eflags &= ~PSL_T;
	if ((f & MDTD_STEPPUSHF) && tf->tf_eip == td->td_md.md_step_pc)
		hide_pushed_tf(tf->tf_esp);
	td->td_dbgflags &= ~TDB_STEP;
	td->td_md.md_flags = 0;
	/* LAB step: END */
}

/*
 * The system call of a stepped thread returns (cpu_syscall_stepping): the
 * step ends at the instruction after int $0x80, with the trap the CPU left out.
 */
void
ptrace_syscall_step(struct thread *td)
{
	ptrace_step_trap(td, td->td_frame);
	dbreg_step_posted(td);
	trapsignal(td, SIGTRAP, TRAP_TRACE, td->td_frame->tf_eip);
}

/*
 * sendsig() saves the interrupted context at user address uc: the
 * debugger's TF stays out of it, and the step waits for its sigreturn.
 */
void
ptrace_step_sendsig(struct thread *td, int *saved_eflags, uint32_t uc)
{
	if (!(td->td_dbgflags & TDB_STEP))
		return;
	*saved_eflags &= ~PSL_T;
	td->td_md.md_step_uc = uc;
	td->td_dbgflags &= ~TDB_STEP;
	td->td_md.md_flags = 0;
}

/* sigreturn() has restored the context saved at uc: resume its step. */
void
ptrace_step_sigreturn(struct thread *td, uint32_t uc)
{
	if (uc == 0 || uc != td->td_md.md_step_uc)
		return;
	td->td_md.md_step_uc = 0;
	if (td->td_proc->p_flag & P_TRACED)
		ptrace_single_step(td);
}
