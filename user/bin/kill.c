/*
 * kill - send a signal to processes: kill [-SIG | -s SIG] pid ...
 * SIG is a name with or without "SIG" (TERM, SIGKILL, stop) or a number;
 * the default is TERM. After "--", a negative pid names a process group. kill -l lists the names; kill -l N names signal N
 * (N may be an exit status of 128 + N).
 */
#include <ctype.h>
#include <err.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void
usage(void)
{
	fprintf(stderr, "usage: kill [-s signal_name | -signal] pid ...\n"
	    "       kill -l [exit_status]\n");
	exit(2);
}

/* A signal name or number to its number; -1 if there is no such signal. */
static int
signum(const char *s)
{
	char *end;
	long n;
	int i;

	if (isdigit((unsigned char)*s)) {
		n = strtol(s, &end, 10);
		return *end == '\0' && n >= 0 && n < NSIG ? (int)n : -1;
	}
	if (strncasecmp(s, "SIG", 3) == 0)
		s += 3;
	for (i = 1; i < NSIG; i++)
		if (strcasecmp(s, sys_signame[i]) == 0)
			return i;
	return -1;
}

static void
print_name(int sig)
{
	const char *p;

	for (p = sys_signame[sig]; *p != '\0'; p++)
		putchar(toupper((unsigned char)*p));
}

static int
list(int argc, char *argv[])
{
	int i, sig;

	if (argc == 0) {
		for (i = 1; i < NSIG; i++) {
			print_name(i);
			putchar(i % 8 == 0 || i == NSIG - 1 ? '\n' : ' ');
		}
		return 0;
	}
	sig = atoi(argv[0]);
	if (sig > 128)
		sig -= 128;
	if (sig <= 0 || sig >= NSIG)
		errx(1, "unknown signal %s", argv[0]);
	print_name(sig);
	putchar('\n');
	return 0;
}

int
main(int argc, char *argv[])
{
	int sig = SIGTERM, status = 0;
	char *end;
	long pid;

	argc--, argv++;
	if (argc == 0)
		usage();
	if (strcmp(argv[0], "-l") == 0)
		return list(argc - 1, argv + 1);
	if (strcmp(argv[0], "-s") == 0) {
		if (argc < 2 || (sig = signum(argv[1])) == -1)
			errx(2, "unknown signal %s", argc < 2 ? "" : argv[1]);
		argc -= 2, argv += 2;
	} else if (strcmp(argv[0], "--") == 0) {
		argc--, argv++;		/* what follows are pids, even "-1" */
	} else if (argv[0][0] == '-') {
		if ((sig = signum(argv[0] + 1)) == -1)
			errx(2, "unknown signal %s", argv[0] + 1);
		argc--, argv++;
	}
	if (argc > 0 && strcmp(argv[0], "--") == 0)
		argc--, argv++;		/* after the signal too: "kill -9 -- -PGID" */
	if (argc == 0)
		usage();
	for (; argc > 0; argc--, argv++) {
		pid = strtol(argv[0], &end, 10);
		if (*argv[0] == '\0' || *end != '\0') {
			warnx("illegal process id: %s", argv[0]);
			status = 1;
		} else if (kill((pid_t)pid, sig) == -1) {
			warn("%s", argv[0]);
			status = 1;
		}
	}
	return status;
}
