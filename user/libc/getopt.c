/*
 * getopt.c - POSIX option parsing: "-ab", "-a -b", "-ofile", "-o file",
 * "--" ends the options. A ':' after a letter in optstring means it takes an
 * argument; a leading ':' asks for ':' instead of '?' when one is missing.
 * Scanning stops at the first word that is not an option (no permutation).
 * Setting optreset = 1 (BSD) or optind = 0 (GNU) starts a new scan.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "getopt_impl.h"

char *optarg;
int optind = 1, opterr = 1, optopt, optreset;

int __getopt_next;

void
__getopt_restart(void)
{
	if (optreset || optind == 0) {
		optreset = 0;
		__getopt_next = 0;
		if (optind == 0)
			optind = 1;
	}
}

void
__getopt_complain(const char *argv0, const char *opts, const char *msg,
    int c, const char *name)
{
	if (!opterr || opts[0] == ':')
		return;
	if (name != NULL)
		fprintf(stderr, "%s: %s -- %s\n", argv0, msg, name);
	else
		fprintf(stderr, "%s: %s -- %c\n", argv0, msg, c);
}

int
getopt(int argc, char *const argv[], const char *opts)
{
	const char *spec;
	char *arg;
	int c;

	__getopt_restart();
	optarg = NULL;
	if (opts[0] == '+' || opts[0] == '-')
		opts++;		/* GNU's "no permutation" marks: nothing to do */
	if (__getopt_next == 0) {
		if (optind >= argc || (arg = argv[optind]) == NULL ||
		    arg[0] != '-' || arg[1] == '\0')
			return -1;
		if (strcmp(arg, "--") == 0) {
			optind++;
			return -1;
		}
		__getopt_next = 1;
	}
	arg = argv[optind];
	optopt = c = (unsigned char)arg[__getopt_next++];
	spec = c != ':' ? strchr(opts, c) : NULL;
	if (arg[__getopt_next] == '\0') {
		optind++;
		__getopt_next = 0;
	}
	if (spec == NULL) {
		__getopt_complain(argv[0], opts, "illegal option", c, NULL);
		return '?';
	}
	if (spec[1] != ':')
		return c;
	if (__getopt_next != 0) {		/* "-ofile" */
		optarg = arg + __getopt_next;
		optind++;
		__getopt_next = 0;
	} else if (spec[2] == ':')		/* "o::": only "-ofile" */
		return c;
	else if (optind < argc)			/* "-o file" */
		optarg = argv[optind++];
	else {
		__getopt_complain(argv[0], opts, "option requires an argument",
		    c, NULL);
		return opts[0] == ':' ? ':' : '?';
	}
	return c;
}
