/*
 * system.c - system(3): run a command line with /bin/sh -c and wait for it.
 * While it runs the caller ignores SIGINT and SIGQUIT (the command gets
 * them from the terminal instead) and blocks SIGCHLD (so that a handler
 * cannot reap the command first), as POSIX describes.
 */
#include <sys/stat.h>
#include <sys/wait.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#define SHELL	"/bin/sh"

/* Returns the command's wait status, or -1 if it could not be started. */
int
system(const char *cmd)
{
	struct sigaction ign, oint, oquit;
	struct stat st;
	sigset_t block, omask;
	int status;
	pid_t pid, r;

	if (cmd == NULL)	/* is there a shell? */
		return stat(SHELL, &st) == 0;
	ign.sa_handler = SIG_IGN;
	ign.sa_flags = 0;
	sigemptyset(&ign.sa_mask);
	sigemptyset(&block);
	sigaddset(&block, SIGCHLD);
	sigprocmask(SIG_BLOCK, &block, &omask);
	sigaction(SIGINT, &ign, &oint);
	sigaction(SIGQUIT, &ign, &oquit);
	if ((pid = fork()) == 0) {
		sigaction(SIGINT, &oint, NULL);
		sigaction(SIGQUIT, &oquit, NULL);
		sigprocmask(SIG_SETMASK, &omask, NULL);
		execl(SHELL, "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	status = -1;
	if (pid != -1) {
		do
			r = waitpid(pid, &status, 0);
		while (r == -1 && errno == EINTR);
		if (r == -1)
			status = -1;
	}
	sigaction(SIGINT, &oint, NULL);
	sigaction(SIGQUIT, &oquit, NULL);
	sigprocmask(SIG_SETMASK, &omask, NULL);
	return status;
}
