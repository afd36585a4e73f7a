/*
 * sys_signal.c - the signal system calls. The kernel builds the handler
 * frame and the trampoline that calls sigreturn, so these are plain calls.
 */
#include <sys/syscall.h>
#include <signal.h>
#include <ucontext.h>
#include <unistd.h>
#include "syscall_impl.h"

int
sigaction(int sig, const struct sigaction *act, struct sigaction *oact)
{
	return __sys3(SYS_sigaction, sig, act, oact);
}

int
sigprocmask(int how, const sigset_t *set, sigset_t *oset)
{
	return __sys3(SYS_sigprocmask, how, set, oset);
}

int
sigsuspend(const sigset_t *mask)
{
	return __sys1(SYS_sigsuspend, mask);
}

int
sigpending(sigset_t *set)
{
	return __sys1(SYS_sigpending, set);
}

int
sigreturn(const ucontext_t *uc)
{
	return __sys1(SYS_sigreturn, uc);
}

int
kill(pid_t pid, int sig)
{
	return __sys2(SYS_kill, pid, sig);
}

/* Returns the seconds left of the previous alarm; it cannot fail. */
unsigned
alarm(unsigned seconds)
{
	return (unsigned)__syscall(SYS_alarm, (int)seconds, 0, 0, 0, 0);
}
