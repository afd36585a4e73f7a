/*
 * popen.c - popen and pclose: a command run by /bin/sh -c with a pipe to
 * its standard input ("w") or from its standard output ("r"). The streams
 * popen made are kept in a list so that pclose can find the process to
 * wait for, and so that a later child closes the pipes of the earlier
 * ones, as POSIX asks (otherwise a reader would never see end of file).
 */
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct pid_entry {
	FILE			*f;
	pid_t			pid;
	struct pid_entry	*next;
};

static struct pid_entry *children;

/* In the child: the pipe end becomes fd `to', every other popen pipe goes. */
static _Noreturn void
run_child(const char *cmd, int end, int other, int to)
{
	struct pid_entry *p;

	close(other);
	if (end != to) {
		dup2(end, to);
		close(end);
	}
	for (p = children; p != NULL; p = p->next)
		close(fileno(p->f));
	execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
	_exit(127);
}

/* mode: "r" or "w", optionally followed by 'e' (close-on-exec). */
FILE *
popen(const char *cmd, const char *mode)
{
	struct pid_entry *e;
	int fds[2], reading, mine, theirs;
	pid_t pid;
	FILE *f;

	if ((mode[0] != 'r' && mode[0] != 'w') ||
	    (mode[1] != '\0' && strcmp(mode + 1, "e") != 0)) {
		errno = EINVAL;
		return NULL;
	}
	reading = mode[0] == 'r';
	if ((e = malloc(sizeof(*e))) == NULL)
		return NULL;
	if (pipe(fds) == -1) {
		free(e);
		return NULL;
	}
	mine = reading ? fds[0] : fds[1];
	theirs = reading ? fds[1] : fds[0];
	if ((pid = fork()) == -1) {
		close(fds[0]);
		close(fds[1]);
		free(e);
		return NULL;
	}
	if (pid == 0)
		run_child(cmd, theirs, mine, reading ? STDOUT_FILENO :
		    STDIN_FILENO);
	close(theirs);
	if ((f = fdopen(mine, reading ? "r" : "w")) == NULL) {
		close(mine);
		waitpid(pid, NULL, 0);
		free(e);
		return NULL;
	}
	e->f = f;
	e->pid = pid;
	e->next = children;
	children = e;
	return f;
}

/* Closes the stream and waits for its command; returns the wait status. */
int
pclose(FILE *f)
{
	struct pid_entry **pp, *e;
	int status;
	pid_t r;

	for (pp = &children; *pp != NULL && (*pp)->f != f; pp = &(*pp)->next)
		;
	if ((e = *pp) == NULL) {
		errno = ECHILD;
		return -1;
	}
	*pp = e->next;
	fclose(f);
	do
		r = waitpid(e->pid, &status, 0);
	while (r == -1 && errno == EINTR);
	free(e);
	return r == -1 ? -1 : status;
}
