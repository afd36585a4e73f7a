// SOURCES: user/libc/getopt.c user/libc/getopt_long.c
// CFLAGS: -fno-builtin -Dgetopt=k_getopt -Dgetopt_long=k_getopt_long -Dgetopt_long_only=k_getopt_long_only -Doptarg=k_optarg -Doptind=k_optind -Dopterr=k_opterr -Doptopt=k_optopt -Doptreset=k_optreset
/*
 * test_libc_getopt.c - getopt, getopt_long and getopt_long_only of user/libc
 * (renamed k_*) against glibc's on the same command lines: clusters, option
 * arguments attached and separate, "--", missing arguments with and
 * without a leading ':', unknown options, long options with "=value",
 * separate values, optional values, flags, unique and ambiguous prefixes.
 * glibc is told not to permute ("+" in optstring), which is Kestrel's
 * behaviour; every return value, optind and optarg must agree, and optopt
 * after an error.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#undef getopt
#undef getopt_long
#undef getopt_long_only
#undef optarg
#undef optind
#undef opterr
#undef optopt
int	getopt(int, char *const[], const char *);
int	getopt_long(int, char *const[], const char *, const struct option *,
	    int *);
int	getopt_long_only(int, char *const[], const char *,
	    const struct option *, int *);
extern char *optarg;
extern int optind, opterr, optopt;
extern int k_optreset;		/* BSD's; glibc has none */

static int failures, flag;

static const struct option longopts[] = {
	{ "verbose", no_argument, NULL, 'v' },
	{ "output", required_argument, NULL, 'o' },
	{ "color", optional_argument, NULL, 'c' },
	{ "flag", no_argument, &flag, 42 },
	{ "value", required_argument, NULL, 1000 },
	{ "valve", no_argument, NULL, 1001 },
	{ NULL, 0, NULL, 0 },
};

/* Runs one parser over argv and writes its whole trace into out. */
static void
trace(int mode, int host, int argc, char **argv, const char *opts, char *out,
    size_t n)
{
	int c, idx, len = 0;

	if (host) {
		optind = 0;
		opterr = 0;
	} else {
		k_optind = 1;
		k_optreset = 1;
		k_opterr = 0;
	}
	flag = 0;
	for (;;) {
		idx = -1;
		if (mode == 0)
			c = host ? getopt(argc, argv, opts) :
			    k_getopt(argc, argv, opts);
		else if (mode == 1)
			c = host ? getopt_long(argc, argv, opts, longopts, &idx) :
			    k_getopt_long(argc, argv, opts, longopts, &idx);
		else
			c = host ? getopt_long_only(argc, argv, opts, longopts,
			    &idx) : k_getopt_long_only(argc, argv, opts,
			    longopts, &idx);
		/* optopt is only defined after an error (POSIX). */
		len += snprintf(out + len, n - len, "[%d i%d o%d a=%s x%d f%d]",
		    c, host ? optind : k_optind, c != '?' && c != ':' ? 0 :
		    host ? optopt : k_optopt,
		    (host ? optarg : k_optarg) ? (host ? optarg : k_optarg) :
		    "-", c == '?' ? -1 : idx, flag);
		if (c == -1 || len >= (int)n - 64)
			break;
	}
}

static void
check(const char *name, int mode, const char *opts, const char *line)
{
	char buf1[256], buf2[256], *argv1[16], *argv2[16], t1[1024], t2[1024];
	int argc = 0;
	char *p;

	strcpy(buf1, line);
	strcpy(buf2, line);
	for (p = strtok(buf1, " "); p != NULL; p = strtok(NULL, " "))
		argv1[argc++] = p;
	argv1[argc] = NULL;
	argc = 0;
	for (p = strtok(buf2, " "); p != NULL; p = strtok(NULL, " "))
		argv2[argc++] = p;
	argv2[argc] = NULL;
	trace(mode, 0, argc, argv1, opts, t1, sizeof(t1));
	snprintf(buf1, sizeof(buf1), "+%s", opts[0] == ':' ? opts : opts);
	trace(mode, 1, argc, argv2, opts[0] == ':' ? opts : buf1, t2,
	    sizeof(t2));
	if (strcmp(t1, t2) != 0) {
		failures++;
		printf("FAIL %s: \"%s\" with \"%s\":\n  got  %s\n  want %s\n",
		    name, line, opts, t1, t2);
	} else
		printf("PASS %s\n", name);
}

int
main(void)
{
	check("getopt_cluster", 0, "abc", "prog -abc -b file");
	check("getopt_args", 0, "ao:v", "prog -ofile -o next -av x");
	check("getopt_dashdash", 0, "a", "prog -a -- -a");
	check("getopt_lone_dash", 0, "a", "prog -a - -a");
	check("getopt_unknown", 0, "a", "prog -x -a");
	check("getopt_missing", 0, "o:", "prog -o");
	check("getopt_missing_colon", 0, ":o:", "prog -o");
	check("getopt_stops", 0, "a", "prog -a file -a");
	check("getopt_optional", 0, "c::", "prog -cblue -c x");
	check("getopt_long_basic", 1, "vo:", "prog --verbose --output=f -v");
	check("getopt_long_sep", 1, "vo:", "prog --output f --verbose");
	check("getopt_long_prefix", 1, "", "prog --verb --out=x");
	check("getopt_long_ambiguous", 1, "", "prog --val 3");
	check("getopt_long_exact", 1, "", "prog --valve --value=3");
	check("getopt_long_flag", 1, "", "prog --flag --verbose");
	check("getopt_long_optional", 1, "", "prog --color --color=red x");
	check("getopt_long_missing", 1, "", "prog --output");
	check("getopt_long_noarg", 1, "", "prog --verbose=yes");
	check("getopt_long_unknown", 1, "v", "prog --nope -v");
	check("getopt_long_mixed", 1, "ab:", "prog -a --output x -bz -- --verbose");
	check("getopt_long_only", 2, "vo:", "prog -verbose -output=x -v -o y");
	check("getopt_long_only_short", 2, "ab", "prog -ab -a");
	return failures != 0;
}
