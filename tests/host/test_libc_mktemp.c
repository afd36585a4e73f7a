// SOURCES: user/libc/mktemp.c
// CFLAGS: -fno-builtin -D_GNU_SOURCE -Dmkstemp=k_mkstemp -Dmkstemps=k_mkstemps -Dmkostemp=k_mkostemp -Dmkostemps=k_mkostemps -Dmkdtemp=k_mkdtemp -Dmktemp=k_mktemp
/*
 * test_libc_mktemp.c - mkstemp and its relatives from user/libc/mktemp.c
 * (renamed k_*) in a scratch directory of the host: the X's (and only
 * they) are replaced, the file is new, empty, open for reading and
 * writing and private (0600), a directory 0700; names differ from call
 * to call; a suffix is kept; a taken name without X's is EEXIST; bad
 * arguments are EINVAL; a missing directory is ENOENT.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
static char dir[] = "/tmp/kestrel-mktemp-XXXXXX";


/* path is prefix, then n characters of [0-9A-Za-z], then suffix. */
static int
shaped(const char *path, const char *prefix, int n, const char *suffix)
{
	size_t lp = strlen(prefix), ls = strlen(suffix);
	int i;

	if (strlen(path) != lp + (size_t)n + ls ||
	    strncmp(path, prefix, lp) != 0 || strcmp(path + lp + n, suffix) != 0)
		return 0;
	for (i = 0; i < n; i++)
		if (strchr("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
		    path[lp + i]) == NULL || path[lp + i] == '\0')
			return 0;
	return 1;
}

static void
test_mkstemp(void)
{
	char a[64] = "a.XXXXXX", b[64] = "a.XXXXXX", detail[128];
	struct stat st;
	int fa = k_mkstemp(a), fb = k_mkstemp(b);

	snprintf(detail, sizeof(detail), "%s %s", a, b);
	check("mkstemp_name", fa >= 0 && fb >= 0 && shaped(a, "a.", 6, "") &&
	    shaped(b, "a.", 6, "") && strcmp(a, b) != 0, detail);
	check("mkstemp_private", fa >= 0 && fstat(fa, &st) == 0 &&
	    S_ISREG(st.st_mode) && (st.st_mode & 0777) == 0600 &&
	    st.st_size == 0 && stat(a, &st) == 0, "mode or size");
	check("mkstemp_read_write", fa >= 0 && write(fa, "hi", 2) == 2 &&
	    lseek(fa, 0, SEEK_SET) == 0 && read(fa, detail, 2) == 2 &&
	    memcmp(detail, "hi", 2) == 0, "cannot write and read back");
	close(fa);
	close(fb);
}

static void
test_variants(void)
{
	char s[64] = "sXXXXXXXXX.txt", d[64] = "dirXXXX", o[64] = "oXXX";
	char n[64] = "nXXXXXX", none[64] = "taken";
	struct stat st;
	int fd, flags;

	fd = k_mkstemps(s, 4);
	check("mkstemps_suffix", fd >= 0 && shaped(s, "s", 9, ".txt") &&
	    stat(s, &st) == 0, s);
	close(fd);
	check("mkdtemp", k_mkdtemp(d) == d && shaped(d, "dir", 4, "") &&
	    stat(d, &st) == 0 && S_ISDIR(st.st_mode) &&
	    (st.st_mode & 0777) == 0700, d);
	fd = k_mkostemp(o, O_CLOEXEC | O_APPEND);
	flags = fd >= 0 ? fcntl(fd, F_GETFL) : 0;
	check("mkostemp_flags", fd >= 0 && shaped(o, "o", 3, "") &&
	    (fcntl(fd, F_GETFD) & FD_CLOEXEC) && (flags & O_APPEND) &&
	    (flags & O_ACCMODE) == O_RDWR, o);
	close(fd);
	check("mktemp_name_only", k_mktemp(n) == n && shaped(n, "n", 6, "") &&
	    stat(n, &st) == -1 && errno == ENOENT, n);
	check("mkstemp_no_x_free", (fd = k_mkstemp(none)) >= 0 &&
	    strcmp(none, "taken") == 0, none);
	close(fd);
	check("mkstemp_no_x_taken", k_mkstemp(none) == -1 && errno == EEXIST,
	    "a second try on the same fixed name");
}

static void
test_errors(void)
{
	char a[64] = "aXXXXXX", b[64] = "bXX", m[64] = "missing/XXXXXX";
	char o[64] = "oXXXXXX";

	check("mkstemps_negative", k_mkstemps(a, -1) == -1 && errno == EINVAL,
	    "suffixlen -1");
	check("mkstemps_too_long", k_mkstemps(b, 4) == -1 && errno == EINVAL,
	    "suffix longer than the template");
	check("mkostemp_bad_flag", k_mkostemp(o, O_TRUNC) == -1 &&
	    errno == EINVAL, "O_TRUNC is not an allowed flag");
	check("mkstemp_missing_dir", k_mkstemp(m) == -1 && errno == ENOENT, m);
	strcpy(m, "missing/XXXXXX");
	check("mkdtemp_missing_dir", k_mkdtemp(m) == NULL && errno == ENOENT,
	    m);
}

int
main(void)
{
	char cmd[64];

	if (mkdtemp(dir) == NULL || chdir(dir) != 0) {
		check("mktemp_scratch", 0, "no scratch directory");
		return 1;
	}
	test_mkstemp();
	test_variants();
	test_errors();
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	if (chdir("/") != 0 || system(cmd) != 0)
		printf("# could not remove %s\n", dir);
	return failures != 0;
}
