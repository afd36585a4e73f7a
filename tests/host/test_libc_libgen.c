// SOURCES: user/libc/libgen.c
// CFLAGS: -fno-builtin -D_LIBGEN_H=1 -Dbasename=k_basename -Ddirname=k_dirname
/*
 * test_libc_libgen.c - basename and dirname of user/libc (renamed k_*)
 * against glibc's POSIX versions (__xpg_basename, dirname) on paths with
 * and without slashes, trailing and repeated slashes, the root and the
 * empty string; "//" (which POSIX leaves open) must give FreeBSD's "/". glibc's <libgen.h> is kept out (-D_LIBGEN_H): it renames
 * basename itself.
 */
#include <stdio.h>
#include <string.h>

char	*k_basename(char *);
char	*k_dirname(char *);
char	*__xpg_basename(char *);
#undef dirname
char	*dirname(char *);

static int failures;

int
main(void)
{
	static const char *const paths[] = { "/usr/lib", "/usr/lib/",
		"usr", "usr/", "/", "///", "", ".", "..", "a/b/c",
		"//usr//lib//", "/usr", "a//b", "./x", "../x/" };
	char b1[64], b2[64], d1[64], d2[64];
	const char *r1, *r2, *s1, *s2;
	unsigned i;
	int bad = 0;

	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		strcpy(b1, paths[i]);
		strcpy(b2, paths[i]);
		strcpy(d1, paths[i]);
		strcpy(d2, paths[i]);
		r1 = k_basename(b1);
		r2 = __xpg_basename(b2);
		s1 = k_dirname(d1);
		s2 = dirname(d2);
		if (strcmp(r1, r2) != 0 || strcmp(s1, s2) != 0) {
			printf("FAIL libgen: \"%s\": basename \"%s\" dirname \"%s\", "
			    "host \"%s\" \"%s\"\n", paths[i], r1, s1, r2, s2);
			bad = 1;
		}
	}
	/* "//" is the implementation's choice (POSIX); FreeBSD's is "/". */
	strcpy(d1, "//");
	if (strcmp(k_dirname(d1), "/") != 0) {
		printf("FAIL libgen: dirname(\"//\") is not \"/\"\n");
		bad = 1;
	}
	if (k_basename(NULL)[0] != '.' || k_dirname(NULL)[0] != '.') {
		printf("FAIL libgen: NULL is not \".\"\n");
		bad = 1;
	}
	failures += bad;
	if (!bad)
		printf("PASS libgen\n");
	return failures != 0;
}
