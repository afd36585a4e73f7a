/* signal.h - signal numbers and actions (<sys/signal.h>) and the functions on them. */
#ifndef _SIGNAL_H_
#define _SIGNAL_H_

#include <sys/types.h>
#include <sys/signal.h>

typedef int		sig_atomic_t;
typedef __sighandler_t	*sig_t;		/* BSD name for a handler pointer */

/* Names without "SIG" ("hup", "int", ...) and descriptions, indexed by number (BSD). */
extern const char *const sys_signame[NSIG];
extern const char *const sys_siglist[NSIG];

struct __ucontext;

__sighandler_t	*signal(int, __sighandler_t *);
int	sigaction(int, const struct sigaction *, struct sigaction *);
int	sigprocmask(int, const sigset_t *, sigset_t *);
int	sigsuspend(const sigset_t *);
int	sigpending(sigset_t *);
int	sigreturn(const struct __ucontext *);
int	sigemptyset(sigset_t *);
int	sigfillset(sigset_t *);
int	sigaddset(sigset_t *, int);
int	sigdelset(sigset_t *, int);
int	sigismember(const sigset_t *, int);
int	kill(pid_t, int);
int	killpg(pid_t, int);
int	raise(int);
int	sigqueue(pid_t, int, const union sigval);
void	psignal(int, const char *);

#endif
