/*
 * syscall_md.h - the i386 system call convention, for the machine-
 * independent dispatcher (kernel/syscall.c) and for ptrace: int $0x80 with
 * the number in eax and the arguments in ebx, ecx, edx, esi, edi, ebp; the
 * results come back in eax and edx, and a failure as eax = -errno with
 * edx = 1 (which the libc's ptrace() needs to tell a word of -1 read with
 * PT_READ_D from an error). A call that entered by SYSENTER (tf_err is
 * TF_ERR_SYSENTER; kernel/i386/sysenter.c) has the same frame, but a
 * restart must run its whole entry sequence again. These run on every
 * system call, hence inline.
 */
#ifndef KERNEL_I386_SYSCALL_MD_H
#define KERNEL_I386_SYSCALL_MD_H

#include <sys/errno.h>
#include "kernel/i386/frame.h"
#include "kernel/i386/regs.h"
#include "kernel/i386/x86.h"
#include "proc/proc.h"

#define SYSCALL_INSN_LEN	2	/* int $0x80 */
#define SYSENTER_SEQ_LEN	11	/* push $1f, push ebp, mov, push ecx, sysenter */

/* The number and argument words of td's system call, into td_sc_code and td_sc_args. */
static inline void
cpu_fetch_syscall_args(struct thread *td)
{
	const struct trapframe *tf = td->td_frame;

	td->td_sc_code = tf->tf_eax;
	td->td_sc_args[0] = tf->tf_ebx;
	td->td_sc_args[1] = tf->tf_ecx;
	td->td_sc_args[2] = tf->tf_edx;
	td->td_sc_args[3] = tf->tf_esi;
	td->td_sc_args[4] = tf->tf_edi;
	td->td_sc_args[5] = tf->tf_ebp;
}

/*
 * What the caller sees: td_retval for 0, -error for an error; ERESTART
 * backs the caller up to run the call again (eax still holds the number),
 * EJUSTRETURN leaves the registers as the call set them (execve, sigreturn).
 */
static inline void
cpu_set_syscall_retval(struct thread *td, int error)
{
	struct trapframe *tf = td->td_frame;

	switch (error) {
	case 0:
		tf->tf_eax = td->td_retval[0];
		tf->tf_edx = td->td_retval[1];
		break;
	case ERESTART:
		tf->tf_eip -= tf->tf_err == TF_ERR_SYSENTER ? SYSENTER_SEQ_LEN :
		    SYSCALL_INSN_LEN;
		break;
	case EJUSTRETURN:
		break;
	default:
		tf->tf_eax = -error;
		tf->tf_edx = 1;
		break;
	}
}

/* The two result words as the caller will find them (PT_GET_SC_RET). */
static inline void
cpu_fetch_syscall_retval(const struct thread *td, register_t rv[2])
{
	rv[0] = td->td_frame->tf_eax;
	rv[1] = td->td_frame->tf_edx;
}

/*
 * Is td being single-stepped (by its debugger or by itself)? int $0x80
 * cleared the trap flag (Xsysenter clears it too), so the step trap is the
 * kernel's to post (ptrace_syscall_step) as the call returns.
 */
static inline int
cpu_syscall_stepping(const struct thread *td)
{
	return (td->td_frame->tf_eflags & PSL_T) != 0;
}

#endif
