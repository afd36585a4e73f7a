/*
 * sendsig.h - the machine-dependent half of signal delivery: the frame a
 * handler runs on, and sigreturn.
 */
#ifndef KERNEL_I386_SENDSIG_H
#define KERNEL_I386_SENDSIG_H

#include <sys/signal.h>
#include <sys/ucontext.h>

struct thread;
struct vmspace;

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

void	sendsig(struct thread *td, int sig, const siginfo_t *si,
	    void (*handler)(int), int siginfo);
int	sigcode_install(struct vmspace *vm, uint32_t stack_top, uint32_t *where);

extern const char sigcode[], esigcode[];	/* kernel/i386/sigcode.asm */

#endif
