/*
 * signal_lib.h - installing handlers, shared by the signal suites
 * (proc_signal.c, proc_sigreturn.c) and the stepping ones (ptrace_step.c,
 * ptrace_step_signal.c).
 */
#ifndef SIGNAL_LIB_H
#define SIGNAL_LIB_H

#include <signal.h>
#include <stdint.h>
#include <string.h>

static inline int
install(int sig, void (*fn)(int), int flags, uint32_t mask)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sa.sa_flags = flags;
	sa.sa_mask.__bits[0] = mask;
	return sigaction(sig, &sa, NULL);
}

static inline int
install_info(int sig, void (*fn)(int, siginfo_t *, void *), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = fn;
	sa.sa_flags = flags | SA_SIGINFO;
	return sigaction(sig, &sa, NULL);
}

#endif
