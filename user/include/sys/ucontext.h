/*
 * sys/ucontext.h - the machine context a signal handler sees and sigreturn
 * restores, with FreeBSD/i386's layout (mcontext_t with a 512-byte FPU area).
 */
#ifndef _SYS_UCONTEXT_H_
#define _SYS_UCONTEXT_H_

#include <sys/signal.h>

#define _MC_FPFMT_NODEV		0x10000	/* no FPU state */
#define _MC_FPFMT_387		0x10001	/* mc_fpstate holds an FNSAVE image */
#define _MC_FPFMT_XMM		0x10002	/* mc_fpstate holds an FXSAVE image */
#define _MC_FPOWNED_NONE	0x20000	/* FP state not used */
#define _MC_FPOWNED_FPU		0x20001	/* FP state came from the FPU */
#define _MC_FPOWNED_PCB		0x20002	/* FP state came from the thread's save area */

typedef struct __mcontext {
	int	mc_onstack;
	int	mc_gs;
	int	mc_fs;
	int	mc_es;
	int	mc_ds;
	int	mc_edi;
	int	mc_esi;
	int	mc_ebp;
	int	mc_isp;
	int	mc_ebx;
	int	mc_edx;
	int	mc_ecx;
	int	mc_eax;
	int	mc_trapno;
	int	mc_err;
	int	mc_eip;
	int	mc_cs;
	int	mc_eflags;
	int	mc_esp;
	int	mc_ss;
	int	mc_len;		/* sizeof(mcontext_t) */
	int	mc_fpformat;	/* _MC_FPFMT_* */
	int	mc_ownedfp;	/* _MC_FPOWNED_* */
	int	mc_flags;
	int	mc_fpstate[128] __attribute__((aligned(16)));
	int	mc_fsbase;
	int	mc_gsbase;
	int	mc_xfpustate;
	int	mc_xfpustate_len;
	int	mc_spare2[4];
} mcontext_t;

typedef struct __ucontext {
	sigset_t		uc_sigmask;	/* mask to restore */
	mcontext_t		uc_mcontext;
	struct __ucontext	*uc_link;
	stack_t			uc_stack;
	int			uc_flags;
	int			__spare__[4];
} ucontext_t;

#endif
