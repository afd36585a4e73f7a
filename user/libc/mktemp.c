/*
 * mktemp.c - unique names for temporary files and directories: mkstemp,
 * mkstemps, mkostemp, mkostemps, mkdtemp and the old mktemp. The trailing
 * X's of the template (before a suffix of suffixlen bytes) are replaced
 * by letters and digits until a name is free; as on FreeBSD, any number
 * of X's is accepted, even none (one try). The file is created with
 * O_CREAT | O_EXCL, so two programs can never get the same one.
 *
 * The letters come from a generator seeded with the process id, the clock
 * and a counter: names others cannot guess in advance matter less than
 * O_EXCL, which makes a guessed name a retry, never a shared file.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define TRIES	10000	/* names tried before giving up with EEXIST */

static const char chars[] =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/* The next of a xorshift sequence, seeded on the first call. */
static uint32_t
next_random(void)
{
	static uint32_t state;
	struct timespec ts;

	if (state == 0) {
		clock_gettime(CLOCK_MONOTONIC, &ts);
		state = (uint32_t)getpid() * 2654435761u ^
		    (uint32_t)ts.tv_nsec ^ (uint32_t)ts.tv_sec << 16;
		if (state == 0)
			state = 1;
	}
	state ^= state << 13;
	state ^= state >> 17;
	state ^= state << 5;
	return state;
}

enum kind { TFILE, TDIR, TNAME };

/*
 * Fills in path's X's and creates what kind asks for: a file (its
 * descriptor is returned), a directory (0) or nothing, a name that did
 * not exist (0). Returns -1 with errno set on failure.
 */
static int
gettemp(char *path, int suffixlen, int oflags, enum kind kind)
{
	struct stat st;
	size_t len = strlen(path), end, start, i;
	int tries, fd;

	if (suffixlen < 0 || (size_t)suffixlen > len ||
	    (oflags & ~(O_APPEND | O_CLOEXEC)) != 0) {
		errno = EINVAL;
		return -1;
	}
	end = len - (size_t)suffixlen;
	for (start = end; start > 0 && path[start - 1] == 'X'; start--)
		;
	for (tries = 0; tries < TRIES; tries++) {
		for (i = start; i < end; i++)
			path[i] = chars[next_random() % (sizeof(chars) - 1)];
		if (kind == TFILE) {
			fd = open(path, O_RDWR | O_CREAT | O_EXCL | oflags,
			    0600);
			if (fd != -1)
				return fd;
		} else if (kind == TDIR) {
			if (mkdir(path, 0700) == 0)
				return 0;
		} else if (lstat(path, &st) == -1)
			return errno == ENOENT ? 0 : -1;
		else
			errno = EEXIST;
		if (errno != EEXIST || start == end)
			return -1;
	}
	errno = EEXIST;
	return -1;
}

int
mkstemp(char *path)
{
	return gettemp(path, 0, 0, TFILE);
}

int
mkstemps(char *path, int suffixlen)
{
	return gettemp(path, suffixlen, 0, TFILE);
}

int
mkostemp(char *path, int oflags)
{
	return gettemp(path, 0, oflags, TFILE);
}

int
mkostemps(char *path, int suffixlen, int oflags)
{
	return gettemp(path, suffixlen, oflags, TFILE);
}

char *
mkdtemp(char *path)
{
	return gettemp(path, 0, 0, TDIR) == 0 ? path : NULL;
}

/* Only a name, which another program may take before this one uses it. */
char *
mktemp(char *path)
{
	return gettemp(path, 0, 0, TNAME) == 0 ? path : NULL;
}
