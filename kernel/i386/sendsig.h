/*
 * sendsig.h - the frame a signal handler runs on (kernel/i386/sendsig.c
 * builds it; genassym.c tells sigcode.asm where its ucontext is).
 */
#ifndef KERNEL_I386_SENDSIG_H
#define KERNEL_I386_SENDSIG_H

#include <sys/signal.h>
#include <sys/ucontext.h>

/*
 * What sendsig() pushes on the user stack. A handler is entered with %esp
 * at the return address (the trampoline), the three arguments above it, so
 * sf_signum is 16-byte aligned as the i386 ABI wants at a call.
 */
struct sigframe {
	int		sf_signum;
	int		sf_siginfo;	/* siginfo_t * (SA_SIGINFO) or the si_code */
	int		sf_ucontext;	/* ucontext_t * */
	int		sf_addr;	/* the faulting address */
	ucontext_t	sf_uc;		/* the interrupted context */
	siginfo_t	sf_si;
} __attribute__((aligned(16)));

extern const char sigcode[], esigcode[];	/* kernel/i386/sigcode.asm */

#endif
