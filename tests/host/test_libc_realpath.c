// SOURCES: user/libc/realpath.c user/libc/strcoll.c
// CFLAGS: -fno-builtin -D_GNU_SOURCE -Drealpath=k_realpath -Dstrcoll=k_strcoll -Dstrxfrm=k_strxfrm
/*
 * test_libc_realpath.c - realpath from user/libc/realpath.c (renamed
 * k_realpath) against glibc's, in a scratch directory without symbolic
 * links (Kestrel has none): relative and absolute paths, ".", "..",
 * repeated and trailing slashes, the root, and the errors (ENOENT for a
 * missing component or "", ENOTDIR for a file used as a directory,
 * EINVAL for NULL); with a buffer and with NULL (a malloc'd result).
 * Then strcoll and strxfrm (user/libc/strcoll.c) against glibc's in the
 * C locale.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* glibc's, under their own names (the renames cover this file). */
#undef realpath
char	*realpath(const char *, char *);
#undef strcoll
int	strcoll(const char *, const char *);
#undef strxfrm
size_t	strxfrm(char *, const char *, size_t);

#include "check.h"


static void
same(const char *name, const char *path)
{
	char want[PATH_MAX], got[PATH_MAX], detail[3 * PATH_MAX], *dup;
	const char *w, *g;
	int we, ge;

	errno = 0;
	w = realpath(path, want);
	we = errno;
	errno = 0;
	g = k_realpath(path, got);
	ge = errno;
	dup = k_realpath(path, NULL);
	snprintf(detail, sizeof(detail), "%s: glibc %s (%s), Kestrel %s (%s)",
	    path, w ? want : "NULL", strerror(we), g ? got : "NULL",
	    strerror(ge));
	check(name, (w == NULL) == (g == NULL) && (dup == NULL) == (g == NULL) &&
	    (w != NULL ? strcmp(want, got) == 0 && g == got &&
	    strcmp(dup, got) == 0 : we == ge), detail);
	free(dup);
}

static void
test_realpath(void)
{
	char dir[] = "/tmp/kestrel-realpath-XXXXXX", cmd[64];
	int fd;

	if (mkdtemp(dir) == NULL || chdir(dir) != 0 ||
	    mkdir("a", 0755) != 0 || mkdir("a/b", 0755) != 0 ||
	    (fd = open("a/f", O_WRONLY | O_CREAT, 0644)) < 0) {
		check("realpath_scratch", 0, "no scratch directory");
		return;
	}
	close(fd);
	same("realpath_dot", ".");
	same("realpath_dotdot", "..");
	same("realpath_relative", "a/b");
	same("realpath_dots", "./a/./b/../b/.");
	same("realpath_slashes", "a//b///");
	same("realpath_file", "a/f");
	same("realpath_absolute", dir);
	same("realpath_root", "/");
	same("realpath_root_dotdot", "/../..//.");
	same("realpath_up_to_root", "../../../../../../../..");
	same("realpath_missing", "a/nothere");
	same("realpath_missing_middle", "a/nothere/b");
	same("realpath_missing_then_dotdot", "a/nothere/..");
	same("realpath_file_as_dir", "a/f/x");
	same("realpath_file_dotdot", "a/f/..");
	same("realpath_file_slash", "a/f/");
	same("realpath_empty", "");
	check("realpath_null", k_realpath(NULL, NULL) == NULL && errno == EINVAL,
	    "NULL path");
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	if (chdir("/") != 0 || system(cmd) != 0)
		printf("# could not remove %s\n", dir);
}

static int
sign(int v)
{
	return (v > 0) - (v < 0);
}

static void
test_collation(void)
{
	static const char *const s[] = { "", "a", "b", "ab", "B", "\xe9", "a\x80" };
	char got[8], want[8];
	unsigned i, k;
	int ok = 1;

	for (i = 0; i < sizeof(s) / sizeof(s[0]); i++)
		for (k = 0; k < sizeof(s) / sizeof(s[0]); k++)
			ok &= sign(k_strcoll(s[i], s[k])) ==
			    sign(strcoll(s[i], s[k]));
	check("strcoll_c_locale", ok, "order differs from glibc's");
	memset(got, '#', sizeof(got));
	memset(want, '#', sizeof(want));
	check("strxfrm", k_strxfrm(got, "abc", 8) == strxfrm(want, "abc", 8) &&
	    strcmp(got, "abc") == 0 && k_strxfrm(NULL, "abcdef", 0) == 6 &&
	    k_strxfrm(got, "too long", 4) == 8, "length or copy");
}

int
main(void)
{
	test_realpath();
	test_collation();
	return failures != 0;
}
