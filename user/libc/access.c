/*
 * access.c - access(2) built from stat and open, since the kernel has no
 * access call: the file must exist, and the permission bits that apply to
 * the real user id (owner, group or other) must allow what is asked; uid 0
 * may read and write anything and execute what anyone may. Whether a file
 * can really be written depends on more than its bits (the initrd is
 * read-only), so W_OK also opens a file for writing and reports what the
 * kernel says (EROFS); a directory counts as writable only where files can
 * be created, and there is no such directory yet.
 */
#include <sys/stat.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

static int
allowed(const struct stat *st, int mode)
{
	uid_t uid = getuid();
	int bits;

	if (uid == 0)
		return !(mode & X_OK) || (st->st_mode & 0111) != 0 ||
		    S_ISDIR(st->st_mode);
	if (st->st_uid == uid)
		bits = st->st_mode >> 6;
	else if (st->st_gid == getgid())
		bits = st->st_mode >> 3;
	else
		bits = st->st_mode;
	return (mode & bits & 07) == mode;
}

int
access(const char *path, int mode)
{
	struct stat st;
	int fd;

	if (mode & ~(R_OK | W_OK | X_OK)) {
		errno = EINVAL;
		return -1;
	}
	if (stat(path, &st) == -1)
		return -1;
	if (!allowed(&st, mode)) {
		errno = EACCES;
		return -1;
	}
	if (!(mode & W_OK))
		return 0;
	if (S_ISDIR(st.st_mode)) {
		errno = EROFS;
		return -1;
	}
	if ((fd = open(path, O_WRONLY | O_NONBLOCK)) == -1)
		return -1;
	close(fd);
	return 0;
}
