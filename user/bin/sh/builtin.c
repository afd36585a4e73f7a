/*
 * builtin.c - the commands the shell runs itself, and "su"/"runas", which
 * run a command under another user id. cd and pwd must be builtins: the
 * current directory is the shell process's own, as export and unset must:
 * the variables are. echo, true, false and test
 * are programs in /bin. kill is both: the builtin knows job specifications
 * (killcmd.c) and hands the rest to /bin/kill.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
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

/*
 * cd [dir]: to dir, $HOME without one, $OLDPWD for "-" (and says where).
 * PWD and OLDPWD follow, as POSIX shells keep them.
 */
static int
builtin_cd(int argc, char **argv)
{
	char old[PATH_MAX], now[PATH_MAX];
	const char *dir = argc > 1 ? argv[1] : getenv("HOME");
	int dash = dir != NULL && strcmp(dir, "-") == 0;

	if (argc > 2) {
		fprintf(stderr, "sh: cd: too many arguments\n");
		return 1;
	}
	if (dash)
		dir = getenv("OLDPWD");
	if (dir == NULL || *dir == '\0') {
		fprintf(stderr, "sh: cd: %s not set\n", dash ? "OLDPWD" : "HOME");
		return 1;
	}
	if (getcwd(old, sizeof(old)) == NULL)
		old[0] = '\0';
	if (chdir(dir) == -1) {
		fprintf(stderr, "sh: cd: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	if (old[0] != '\0')
		setenv("OLDPWD", old, 1);
	if (getcwd(now, sizeof(now)) != NULL) {
		setenv("PWD", now, 1);
		if (dash)
			printf("%s\n", now);
	}
	return 0;
}

static int
builtin_pwd(int argc, char **argv)
{
	char now[PATH_MAX];

	(void)argc;
	(void)argv;
	if (getcwd(now, sizeof(now)) == NULL) {
		fprintf(stderr, "sh: pwd: %s\n", strerror(errno));
		return 1;
	}
	printf("%s\n", now);
	return 0;
}

/* A variable name: a letter or '_', then letters, digits and '_'. */
static int
is_name(const char *s, size_t len)
{
	size_t i;

	if (len == 0 || (!isalpha((unsigned char)*s) && *s != '_'))
		return 0;
	for (i = 1; i < len; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '_')
			return 0;
	return 1;
}

/*
 * export [NAME[=value] ...]: every variable of this shell is in the
 * environment already, so export only assigns; alone, it lists them in a
 * form the shell reads back.
 */
static int
builtin_export(int argc, char **argv)
{
	char **e, name[64];
	const char *eq, *v;
	size_t len;
	int i, status = 0;

	if (argc == 1 || (argc == 2 && strcmp(argv[1], "-p") == 0)) {
		for (e = environ; *e != NULL; e++) {
			eq = strchr(*e, '=');
			printf("export %.*s='", (int)(eq - *e), *e);
			for (v = eq + 1; *v != '\0'; v++)
				if (*v == '\'')
					fputs("'\\''", stdout);
				else
					putchar(*v);
			printf("'\n");
		}
		return 0;
	}
	for (i = 1; i < argc; i++) {
		len = strcspn(argv[i], "=");
		if (!is_name(argv[i], len) || len >= sizeof(name)) {
			fprintf(stderr, "sh: export: %s: bad variable name\n",
			    argv[i]);
			status = 1;
			continue;
		}
		memcpy(name, argv[i], len);
		name[len] = '\0';
		if (argv[i][len] == '=' && setenv(name, argv[i] + len + 1, 1) ==
		    -1)
			status = 1;
	}
	return status;
}

/* unset NAME ...: the variables are gone from the environment. */
static int
builtin_unset(int argc, char **argv)
{
	int i, status = 0;

	for (i = 1; i < argc; i++) {
		if (!is_name(argv[i], strlen(argv[i]))) {
			fprintf(stderr, "sh: unset: %s: bad variable name\n",
			    argv[i]);
			status = 1;
		} else
			unsetenv(argv[i]);
	}
	return status;
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
	    "  NAME=value     set an environment variable (before a command:\n"
	    "                 for that command only); export, unset\n"
	    "  ~ ~user        home directories  $@ $* the arguments\n"
	    "  $(cmd) `cmd`   what cmd prints\n"
	    "Built-in commands:\n"
	    "  cd [dir|-]     change the current directory (pwd shows it)\n"
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
	{ "cd", builtin_cd },
	{ "pwd", builtin_pwd },
	{ "exit", builtin_exit },
	{ "jobs", builtin_jobs },
	{ "fg", builtin_fg },
	{ "bg", builtin_bg },
	{ "wait", builtin_wait },
	{ "kill", builtin_kill },
	{ "export", builtin_export },
	{ "unset", builtin_unset },
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
