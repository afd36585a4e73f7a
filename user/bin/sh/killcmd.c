/*
 * killcmd.c - the shell's kill. Job specifications (%1, %+, %name, ...)
 * stand for process groups or processes only the shell knows; everything
 * else (signal names and numbers, -s, -l) is /bin/kill's business. So the
 * builtin replaces each job specification by what it stands for, after a
 * "--" so that negative numbers read as process groups, and runs
 * /bin/kill with the result.
 */
#include <sys/wait.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

#define KILL	"/bin/kill"
#define MAXTARGETS	(MAXARGS * MAXPIPE)

/* Where the operands start: after "-s SIG", "-SIG" or "--". */
static int
first_operand(int argc, char **argv)
{
	int i = 1;

	if (i < argc && strcmp(argv[i], "-s") == 0)
		i += 2;
	else if (i < argc && argv[i][0] == '-' && strcmp(argv[i], "--") != 0)
		i++;
	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	return i < argc ? i : argc;
}

static int
run_kill(char **args)
{
	int status;
	pid_t pid;

	fflush(stdout);
	if ((pid = fork()) == -1) {
		perror("sh: fork");
		return 1;
	}
	if (pid == 0) {
		execv(KILL, args);
		fprintf(stderr, "sh: %s: %s\n", KILL, strerror(errno));
		_exit(126);
	}
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			return 1;
	return status_of(status);
}

int
builtin_kill(int argc, char **argv)
{
	static char numbers[MAXTARGETS][16];
	char *args[MAXTARGETS + 8];
	pid_t targets[MAXPIPE];
	int i, k, n = 0, used = 0, t, first, bad = 0, operands = 0, status;

	if (argc > 1 && strncmp(argv[1], "-l", 2) == 0)
		return run_kill(argv);
	first = first_operand(argc, argv);
	for (i = 0; i < first && argv[i] != NULL; i++)
		if (strcmp(argv[i], "--") != 0)
			args[n++] = argv[i];
	args[n++] = "--";
	for (i = first; i < argc && n < MAXTARGETS; i++) {
		if (argv[i][0] != '%') {
			args[n++] = argv[i];
			operands++;
			continue;
		}
		if ((t = job_targets(argv[i], targets, MAXPIPE)) == 0)
			bad = 1;
		for (k = 0; k < t && used < MAXTARGETS; k++) {
			snprintf(numbers[used], sizeof(numbers[0]), "%d",
			    (int)targets[k]);
			args[n++] = numbers[used++];
			operands++;
		}
	}
	args[n] = NULL;
	if (operands == 0 && bad)
		return 1;	/* nothing left to signal */
	status = run_kill(args);
	return bad && status == 0 ? 1 : status;
}
