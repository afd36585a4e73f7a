/*
 * getopt.c - POSIX option parsing: "-ab", "-a -b", "-ofile", "-o file",
 * "--" ends the options. A ':' after a letter in optstring means it takes an
 * argument; a leading ':' asks for ':' instead of '?' when one is missing.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

char *optarg;
int optind = 1, opterr = 1, optopt;

static int nextchar;		/* position inside argv[optind] */

static int
complain(const char *argv0, const char *msg, int c, const char *opts)
{
	if (opterr && opts[0] != ':')
		fprintf(stderr, "%s: %s -- %c\n", argv0, msg, c);
	return c;
}

int
getopt(int argc, char *const argv[], const char *opts)
{
	const char *spec;
	char *arg;
	int c;

	optarg = NULL;
	if (nextchar == 0) {
		if (optind >= argc || (arg = argv[optind]) == NULL ||
		    arg[0] != '-' || arg[1] == '\0')
			return -1;
		if (strcmp(arg, "--") == 0) {
			optind++;
			return -1;
		}
		nextchar = 1;
	}
	arg = argv[optind];
	optopt = c = arg[nextchar++];
	spec = c != ':' ? strchr(opts, c) : NULL;
	if (arg[nextchar] == '\0') {
		optind++;
		nextchar = 0;
	}
	if (spec == NULL) {
		complain(argv[0], "illegal option", c, opts);
		return '?';
	}
	if (spec[1] != ':')
		return c;
	if (nextchar != 0) {		/* "-ofile" */
		optarg = arg + nextchar;
		optind++;
		nextchar = 0;
	} else if (optind < argc)	/* "-o file" */
		optarg = argv[optind++];
	else {
		complain(argv[0], "option requires an argument", c, opts);
		return opts[0] == ':' ? ':' : '?';
	}
	return c;
}
