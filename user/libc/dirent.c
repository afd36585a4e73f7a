/*
 * dirent.c - opendir/readdir/rewinddir/closedir: a directory is read a
 * bufferful of records at a time with getdents, and readdir hands them out
 * one by one.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

struct __dirstream {
	int	fd;
	int	pos;		/* next record in buf */
	int	len;		/* bytes of records in buf */
	char	buf[2048];
};

DIR *
opendir(const char *path)
{
	DIR *d;
	int fd;

	if ((fd = open(path, O_RDONLY | O_DIRECTORY)) == -1)
		return NULL;
	if ((d = malloc(sizeof(*d))) == NULL) {
		close(fd);
		return NULL;
	}
	d->fd = fd;
	d->pos = d->len = 0;
	return d;
}

/* Returns NULL at the end (errno untouched) or on error (errno set). */
struct dirent *
readdir(DIR *d)
{
	struct dirent *de;
	int n;

	if (d->pos >= d->len) {
		n = getdents(d->fd, d->buf, sizeof(d->buf));
		if (n <= 0)
			return NULL;
		d->len = n;
		d->pos = 0;
	}
	de = (struct dirent *)(d->buf + d->pos);
	if (de->d_reclen == 0) {
		/* A zero-length record would loop forever: treat as corrupt. */
		errno = EIO;
		d->pos = d->len;
		return NULL;
	}
	d->pos += de->d_reclen;
	return de;
}

int
closedir(DIR *d)
{
	int r = close(d->fd);

	free(d);
	return r;
}

int
dirfd(DIR *d)
{
	return d->fd;
}

/* Back to the first entry: the kernel's offset to 0, the buffer emptied. */
void
rewinddir(DIR *d)
{
	lseek(d->fd, 0, SEEK_SET);
	d->pos = d->len = 0;
}
