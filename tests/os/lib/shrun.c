/*
 * shrun.c - sh -c LINE with captured output, and tables of such lines
 * (see shrun.h).
 */
#include <sys/kinfo.h>
#include <sys/wait.h>
#include <string.h>
#include <unistd.h>
#include "ktest.h"
#include "shrun.h"

int
kt_sh(const char *line, char *out, size_t size)
{
	char *argv[] = { "sh", "-c", (char *)line, NULL };
	int fds[2], status, nprocs, i;
	size_t n = 0;
	ssize_t r;
	pid_t pid;

	close(0);
	nprocs = kinfo(KINFO_NPROCS);
	if (pipe(fds) != 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		dup2(fds[1], 1);
		dup2(fds[1], 2);
		close(fds[0]);
		if (fds[1] > 2)
			close(fds[1]);
		execv("/bin/sh", argv);
		_exit(126);
	}
	close(fds[1]);
	while (n < size - 1 && (r = read(fds[0], out + n, size - 1 - n)) > 0)
		n += (size_t)r;
	out[n] = '\0';
	close(fds[0]);
	if (kt_wait_status(pid, &status) != pid)
		return -1;
	/* A command orphaned by a dying shell is init's to reap: let it. */
	for (i = 0; i < 200 && kinfo(KINFO_NPROCS) > nprocs; i++)
		usleep(10000);
	return status;
}

int
kt_sh_cases(const struct sh_case *cases, size_t n)
{
	static char out[4096];
	size_t i;
	int status;

	for (i = 0; i < n; i++) {
		status = kt_sh(cases[i].line, out, sizeof(out));
		KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) ==
		    cases[i].status, "sh -c \"%s\": status %#x, expected exit "
		    "%d (output \"%.60s\")", cases[i].line, status,
		    cases[i].status, out);
		KT_CHECK(cases[i].output == NULL ||
		    strcmp(out, cases[i].output) == 0,
		    "sh -c \"%s\" wrote \"%.100s\", expected \"%s\"",
		    cases[i].line, out, cases[i].output);
	}
	return 0;
}
