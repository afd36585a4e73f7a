/*
 * builtin.c - the commands the shell runs itself, and "su"/"runas", which
 * run a command under another user id. The tree is read-only and there is
 * no current directory, so there is no cd; echo, true, false and test are
 * programs in /bin. kill is both: the builtin knows job specifications
 * (killcmd.c) and hands the rest to /bin/kill.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

/* An interactive shell says that it is leaving, as shells do. */
static int
builtin_exit(int argc, char **argv)
{
	if (interactive)
		fprintf(stderr, "exit\n");
	sh_exit(argc > 1 ? atoi(argv[1]) : last_status);
	return 0;
}

static int
builtin_help(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	printf("Kestrel sh. Commands are looked up in /bin.\n"
	    "  a | b | c      pipeline          a ; b       one after the other\n"
	    "  a && b, a || b on success, failure  a &        in the background\n"
	    "  < file, > file, >> file, 2> file, 2>&1   redirections\n"
	    "  '...' \"...\" \\x quoting      * ? [...]   file name patterns\n"
	    "  $? $$ $! $NAME status, pid, last background pid, environment\n"
	    "  NAME=value     set an environment variable\n"
	    "Built-in commands:\n"
	    "  exit [n]       leave the shell\n"
	    "  jobs           list jobs (%%1, %%+ current, %%- previous)\n"
	    "  fg [%%n]        continue a job in the foreground\n"
	    "  bg [%%n]        continue a stopped job in the background\n"
	    "  kill [-SIG] %%n|pid ...   signal a job or a process\n"
	    "  wait [%%n|pid]  wait for background jobs\n"
	    "  su UID cmd ... run cmd as user UID (also: runas)\n"
	    "  help           this text\n"
	    "^C interrupts and ^Z stops the foreground job.\n");
	return 0;
}

static const struct {
	const char	*name;
	builtin_fn	*fn;
} builtins[] = {
	{ "exit", builtin_exit },
	{ "jobs", builtin_jobs },
	{ "fg", builtin_fg },
	{ "bg", builtin_bg },
	{ "wait", builtin_wait },
	{ "kill", builtin_kill },
	{ "help", builtin_help },
};

builtin_fn *
find_builtin(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++)
		if (strcmp(name, builtins[i].name) == 0)
			return builtins[i].fn;
	return NULL;
}

/*
 * In a child about to exec argv: "su UID cmd ..." or "runas UID cmd ..."
 * becomes cmd ... run with setuid(UID). Returns the argv to run; exits on
 * a bad request.
 */
char **
run_as(char **argv)
{
	char *end;
	long uid;

	if (strcmp(argv[0], "su") != 0 && strcmp(argv[0], "runas") != 0)
		return argv;
	if (argv[1] == NULL || argv[2] == NULL) {
		fprintf(stderr, "usage: %s uid command [arg ...]\n", argv[0]);
		exit(2);
	}
	uid = strtol(argv[1], &end, 10);
	if (*argv[1] == '\0' || *end != '\0' || uid < 0) {
		fprintf(stderr, "sh: %s: bad user id %s\n", argv[0], argv[1]);
		exit(2);
	}
	if (setuid((uid_t)uid) == -1) {
		fprintf(stderr, "sh: %s: setuid %ld: %s\n", argv[0], uid,
		    strerror(errno));
		exit(126);
	}
	return argv + 2;
}
