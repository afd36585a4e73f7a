// SOURCES: user/libc/fnmatch.c user/libc/glob.c user/libc/ctype_class.c
// CFLAGS: -fno-builtin -Itests/host/kinclude -Dfnmatch=k_fnmatch -Dglob=k_glob -Dglobfree=k_globfree
/*
 * test_libc_glob.c - fnmatch and glob of user/libc (renamed k_*) against
 * glibc's: fnmatch on a table of patterns, strings and flags (wildcards,
 * sets, classes, escapes, FNM_PATHNAME, FNM_PERIOD, FNM_CASEFOLD,
 * FNM_LEADING_DIR); glob in a scratch directory tree, with and without
 * GLOB_MARK, GLOB_NOCHECK, GLOB_NOESCAPE and GLOB_APPEND, comparing the
 * sorted lists. The library uses FreeBSD's flag values and glob_t
 * (Kestrel's headers); glibc's are spelt out here.
 */
#include <fnmatch.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

#undef fnmatch
#undef glob
#undef globfree
int	fnmatch(const char *, const char *, int);

struct glibc_glob {
	size_t	gl_pathc;
	char	**gl_pathv;
	size_t	gl_offs;
	int	gl_flags;
	void	*funcs[5];
};
int	glob(const char *, int, int (*)(const char *, int), struct glibc_glob *);
void	globfree(struct glibc_glob *);

static int failures;

static int
glibc_fnm(int f)
{
	return (f & FNM_NOESCAPE ? 2 : 0) | (f & FNM_PATHNAME ? 1 : 0) |
	    (f & FNM_PERIOD ? 4 : 0) | (f & FNM_LEADING_DIR ? 8 : 0) |
	    (f & FNM_CASEFOLD ? 16 : 0);
}

static void
test_fnmatch(void)
{
	static const char *const pats[] = { "*", "a*", "*.c", "?", "a?c",
		"[abc]", "[!abc]", "[^a-c]x", "[a-]", "[]a]", "[[:digit:]]*",
		"\\*", "\\a", "*/*", "a/*", ".*", "*x", "[", "a[",
		"[a-z][0-9]", "**c", "?/b", "A*", "a/b", "*.[ch]", "[*]",
		"*[" };
	static const char *const strs[] = { "", "a", "abc", "a.c", "x.c",
		".c", "a/b", "a/b/c", "*", "a*", "\\", "1x", "b", "-", "]", "ABC",
		".hidden", "a/.b", "[", "a[", "q9", "abcx", "z.h", "a\\" };
	static const int flags[] = { 0, FNM_PATHNAME, FNM_PERIOD,
		FNM_PATHNAME | FNM_PERIOD, FNM_NOESCAPE, FNM_CASEFOLD,
		FNM_LEADING_DIR, FNM_PATHNAME | FNM_LEADING_DIR };
	unsigned p, s, f;
	int a, b, bad = 0;

	for (p = 0; p < sizeof(pats) / sizeof(pats[0]); p++)
		for (s = 0; s < sizeof(strs) / sizeof(strs[0]); s++)
			for (f = 0; f < sizeof(flags) / sizeof(flags[0]); f++) {
				a = k_fnmatch(pats[p], strs[s], flags[f]) == 0;
				b = fnmatch(pats[p], strs[s],
				    glibc_fnm(flags[f])) == 0;
				if (a != b && bad++ < 5)
					printf("FAIL fnmatch: \"%s\" \"%s\" flags %#x:"
					    " %d, glibc %d\n", pats[p], strs[s],
					    flags[f], a, b);
			}
	/* A trailing backslash is a literal one in FreeBSD, no match in glibc. */
	if (k_fnmatch("a\\", "a\\", 0) != 0 ||
	    k_fnmatch("a\\", "a", 0) != FNM_NOMATCH) {
		printf("FAIL fnmatch: a trailing backslash\n");
		bad++;
	}
	failures += bad != 0;
	if (!bad)
		printf("PASS fnmatch\n");
}

static void
touch(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT, 0644);

	if (fd >= 0)
		close(fd);
}

static int
glibc_glob_flags(int f)
{
	return (f & GLOB_ERR ? 1 : 0) | (f & GLOB_MARK ? 2 : 0) |
	    (f & GLOB_NOSORT ? 4 : 0) | (f & GLOB_DOOFFS ? 8 : 0) |
	    (f & GLOB_NOCHECK ? 16 : 0) | (f & GLOB_APPEND ? 32 : 0) |
	    (f & GLOB_NOESCAPE ? 64 : 0);
}

static void
test_glob(void)
{
	static const char *const pats[] = { "*", "*.c", "d*", "d*/*.txt",
		"*/x*", ".*", "*/.*", "[ab].c", "nothing*", "plain.c",
		"missing", "d?r/*", "\\*", "q\\?x", "[[]weird]", "dir/",
		"*/", "dir//x.txt", "./a.c", "*/*/*" };
	static const int flags[] = { 0, GLOB_MARK, GLOB_NOCHECK,
		GLOB_NOESCAPE };
	char dir[] = "/tmp/kestrel-glob-XXXXXX", cmd[64];
	struct glibc_glob gg;
	glob_t kg;
	unsigned p, f;
	int kr, gr, bad = 0;
	size_t i;

	if (mkdtemp(dir) == NULL || chdir(dir) != 0) {
		printf("FAIL glob: no scratch directory\n");
		failures++;
		return;
	}
	touch("a.c");
	touch("b.c");
	touch("plain.c");
	touch(".hidden");
	touch("*");
	touch("q?x");
	touch("[weird]");
	mkdir("dir", 0755);
	mkdir("dir2", 0755);
	mkdir("dir/sub", 0755);
	touch("dir/x.txt");
	touch("dir/y.txt");
	touch("dir/.dot");
	touch("dir2/x.txt");
	touch("dir/sub/z");
	for (p = 0; p < sizeof(pats) / sizeof(pats[0]); p++)
		for (f = 0; f < sizeof(flags) / sizeof(flags[0]); f++) {
			memset(&kg, 0, sizeof(kg));
			memset(&gg, 0, sizeof(gg));
			kr = k_glob(pats[p], flags[f], NULL, &kg);
			gr = glob(pats[p], glibc_glob_flags(flags[f]), NULL, &gg);
			/* glibc marks "dir/" as "dir//"; FreeBSD does not. */
			if (flags[f] == GLOB_MARK && pats[p][strlen(pats[p]) - 1] ==
			    '/') {
				if (kr == 0)
					k_globfree(&kg);
				if (gr == 0)
					globfree(&gg);
				continue;
			}
			if ((kr == 0) != (gr == 0) || (kr == GLOB_NOMATCH) !=
			    (gr == 3) || (kr == 0 && kg.gl_pathc != gg.gl_pathc))
				bad = 1;
			for (i = 0; !bad && kr == 0 && i < kg.gl_pathc; i++)
				if (strcmp(kg.gl_pathv[i], gg.gl_pathv[i]) != 0)
					bad = 1;
			if (bad) {
				printf("FAIL glob: \"%s\" flags %#x: %d, %zu paths "
				    "(%s ...), glibc %d, %zu paths (%s ...)\n",
				    pats[p], flags[f], kr, kr ? 0 : kg.gl_pathc,
				    kr || kg.gl_pathc == 0 ? "" : kg.gl_pathv[0],
				    gr, gr ? 0 : gg.gl_pathc, gr || gg.gl_pathc ==
				    0 ? "" : gg.gl_pathv[0]);
				failures++;
				p = 1000;
				break;
			}
			if (kr == 0)
				k_globfree(&kg);
			if (gr == 0)
				globfree(&gg);
		}
	/* GLOB_APPEND adds to what an earlier call found. */
	if (!bad) {
		memset(&kg, 0, sizeof(kg));
		if (k_glob("*.c", 0, NULL, &kg) != 0 ||
		    k_glob("dir/*.txt", GLOB_APPEND, NULL, &kg) != 0 ||
		    kg.gl_pathc != 5 || strcmp(kg.gl_pathv[4], "dir/y.txt") != 0 ||
		    kg.gl_pathv[5] != NULL) {
			printf("FAIL glob: GLOB_APPEND\n");
			failures++;
			bad = 1;
		}
		k_globfree(&kg);
	}
	if (!bad)
		printf("PASS glob\n");
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	if (chdir("/") != 0 || system(cmd) != 0)
		printf("# could not remove %s\n", dir);
}

int
main(void)
{
	test_fnmatch();
	test_glob();
	return failures != 0;
}
