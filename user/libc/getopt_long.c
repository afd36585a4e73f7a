/*
 * getopt_long.c - getopt_long and getopt_long_only: "--name", "--name=value"
 * and "--name value" beside getopt's short options. A name may be shortened
 * to any unique prefix (an exact match always wins). Like getopt, scanning
 * stops at the first word that is not an option: arguments are not
 * permuted (glibc's POSIXLY_CORRECT behaviour).
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "getopt_impl.h"

/* The option that name (of length len) names, -1 if none, -2 if ambiguous. */
static int
find_long(const struct option *longopts, const char *name, size_t len)
{
	int i, found = -1;

	for (i = 0; longopts[i].name != NULL; i++) {
		if (strncmp(longopts[i].name, name, len) != 0)
			continue;
		if (strlen(longopts[i].name) == len)
			return i;
		found = found == -1 ? i : -2;
	}
	return found;
}

/* argv[optind] + skip is a long option: handle it. */
static int
long_option(int argc, char *const argv[], const char *opts,
    const struct option *longopts, int *idx, int skip)
{
	const struct option *o;
	char *arg = argv[optind++] + skip, *eq = strchr(arg, '=');
	size_t len = eq != NULL ? (size_t)(eq - arg) : strlen(arg);
	int i = find_long(longopts, arg, len), missing = opts[0] == ':' ? ':' : '?';

	optopt = 0;
	if (i < 0) {
		__getopt_complain(argv[0], opts, i == -1 ? "unknown option" :
		    "ambiguous option", 0, arg);
		return '?';
	}
	o = &longopts[i];
	if (idx != NULL)
		*idx = i;
	optarg = NULL;
	if (eq != NULL && o->has_arg == no_argument) {
		optopt = o->flag == NULL ? o->val : 0;
		__getopt_complain(argv[0], opts, "option doesn't take an argument",
		    0, o->name);
		return '?';
	}
	if (eq != NULL)
		optarg = eq + 1;
	else if (o->has_arg == required_argument) {
		if (optind >= argc) {
			optopt = o->flag == NULL ? o->val : 0;
			__getopt_complain(argv[0], opts,
			    "option requires an argument", 0, o->name);
			return missing;
		}
		optarg = argv[optind++];
	}
	if (o->flag != NULL) {
		*o->flag = o->val;
		return 0;
	}
	return o->val;
}

static int
getopt_internal(int argc, char *const argv[], const char *opts,
    const struct option *longopts, int *idx, int only)
{
	char *arg;
	size_t len;
	int i;

	__getopt_restart();
	if (opts[0] == '+' || opts[0] == '-')
		opts++;
	if (__getopt_next == 0 && optind < argc &&
	    (arg = argv[optind]) != NULL && arg[0] == '-' && arg[1] != '\0') {
		if (arg[1] == '-' && arg[2] != '\0')
			return long_option(argc, argv, opts, longopts, idx, 2);
		/*
		 * getopt_long_only: "-name" is a long option if it names one;
		 * if not, it is short options, when its first letter is one.
		 * A lone letter that is a short option stays short.
		 */
		if (only && arg[1] != '-' &&
		    (arg[2] != '\0' || strchr(opts, arg[1]) == NULL)) {
			len = strcspn(arg + 1, "=");
			i = find_long(longopts, arg + 1, len);
			if (i >= 0 || (i == -2 && strchr(opts, arg[1]) == NULL))
				return long_option(argc, argv, opts, longopts, idx,
				    1);
		}
	}
	return getopt(argc, argv, opts);
}

int
getopt_long(int argc, char *const argv[], const char *opts,
    const struct option *longopts, int *idx)
{
	return getopt_internal(argc, argv, opts, longopts, idx, 0);
}

int
getopt_long_only(int argc, char *const argv[], const char *opts,
    const struct option *longopts, int *idx)
{
	return getopt_internal(argc, argv, opts, longopts, idx, 1);
}
