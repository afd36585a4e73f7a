/*
 * abort.c - abnormal termination by SIGABRT. The signal is unblocked and
 * raised; if a handler returns, the default action is restored and it is
 * raised again; if even that fails, _exit. Streams are not flushed.
 */
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

_Noreturn void
abort(void)
{
	struct sigaction sa;
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGABRT);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(SIGABRT);

	sa.sa_handler = SIG_DFL;
	sa.sa_flags = 0;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGABRT, &sa, NULL);
	raise(SIGABRT);
	_exit(127);
}
