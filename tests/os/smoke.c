/*
 * smoke.c - the first in-OS suite: the harness itself and the most basic
 * user-mode facts (a process runs, forks, exits, and its pages come back).
 */
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lib/ktest.h"

static int
test_getpid(void)
{
	KT_CHECK(getpid() > 1, "getpid() = %d", getpid());
	return 0;
}

static int
test_fork_exit(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(42);
	KT_CHECK(pid > 0, "fork failed");
	KT_CHECK(kt_wait_status(pid, &status) == pid, "waitpid");
	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 42,
	    "status %#x", status);
	return 0;
}

int
main(void)
{
	kt_suite("smoke");
	kt_run("getpid", test_getpid);
	kt_run("fork_exit", test_fork_exit);
	return kt_finish();
}
