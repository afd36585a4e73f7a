/*
 * signal.c - signal() on top of sigaction (BSD semantics: the handler stays
 * installed and interrupted system calls restart), raise (a signal to the
 * calling thread, as FreeBSD's: si_code SI_LWP), sigqueue, pause (over
 * sigsuspend), and the signal-set operations. A set is FreeBSD's: signal n
 * is bit (n-1) % 32 of word (n-1) / 32.
 */
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/thr.h>
#include "syscall_impl.h"

#define SIGWORD(sig)	(((sig) - 1) / 32)
#define SIGBIT(sig)	(1U << (((sig) - 1) % 32))

__sighandler_t *
signal(int sig, __sighandler_t *handler)
{
	struct sigaction sa, old;

	sa.sa_handler = handler;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	if (sigaction(sig, &sa, &old) == -1)
		return SIG_ERR;
	return old.sa_handler;
}

int
raise(int sig)
{
	long id;

	if (thr_self(&id) == -1)
		return -1;
	return thr_kill(id, sig);
}

/* The value travels as one word, as FreeBSD's i386 system call takes it. */
int
sigqueue(pid_t pid, int sig, const union sigval value)
{
	return __sys3(SYS_sigqueue, pid, sig, value.sival_ptr);
}

int
sigemptyset(sigset_t *set)
{
	int i;

	for (i = 0; i < 4; i++)
		set->__bits[i] = 0;
	return 0;
}

int
sigfillset(sigset_t *set)
{
	int i;

	for (i = 0; i < 4; i++)
		set->__bits[i] = ~0U;
	return 0;
}

static int
badsig(int sig)
{
	if (sig <= 0 || sig >= NSIG) {
		errno = EINVAL;
		return 1;
	}
	return 0;
}

int
sigaddset(sigset_t *set, int sig)
{
	if (badsig(sig))
		return -1;
	set->__bits[SIGWORD(sig)] |= SIGBIT(sig);
	return 0;
}

int
sigdelset(sigset_t *set, int sig)
{
	if (badsig(sig))
		return -1;
	set->__bits[SIGWORD(sig)] &= ~SIGBIT(sig);
	return 0;
}

int
sigismember(const sigset_t *set, int sig)
{
	if (badsig(sig))
		return -1;
	return (set->__bits[SIGWORD(sig)] & SIGBIT(sig)) != 0;
}

/* Sleeps until a signal is caught; always -1 with EINTR. */
int
pause(void)
{
	sigset_t mask;

	sigprocmask(SIG_BLOCK, NULL, &mask);
	return sigsuspend(&mask);
}
