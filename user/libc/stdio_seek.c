/*
 * stdio_seek.c - a stream's position: ftell, fseek, rewind and their off_t
 * and fpos_t forms.
 *
 * The descriptor's offset runs ahead of the program by what is buffered
 * for reading (and a byte pushed back with ungetc) and behind it by output
 * not yet written, so the stream's position is the descriptor's offset
 * corrected by both. A seek writes out pending output, forgets buffered
 * input and clears the end-of-file indicator (C11 7.21.9.2). Pipes and
 * terminals cannot seek: lseek's ESPIPE comes back as it is. Each call
 * holds the stream's lock.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <unistd.h>
#include "stdio_impl.h"

static off_t
tell_unlocked(FILE *f)
{
	off_t pos = lseek(f->fd, 0, SEEK_CUR);

	if (pos == -1)
		return -1;
	pos -= (off_t)(f->rend - f->rpos);
	if (f->ungot != EOF)
		pos--;
	pos += (off_t)f->wpos;
	if (pos < 0) {
		errno = EIO;	/* more pushed back than was ever read */
		return -1;
	}
	return pos;
}

off_t
ftello(FILE *f)
{
	off_t pos;

	__stdio_lock(f);
	pos = tell_unlocked(f);
	__stdio_unlock(f);
	return pos;
}

long
ftell(FILE *f)
{
	off_t pos = ftello(f);

	if (pos > LONG_MAX) {
		errno = EOVERFLOW;
		return -1;
	}
	return (long)pos;
}

static int
seek_unlocked(FILE *f, off_t off, int whence)
{
	if (whence != SEEK_SET && whence != SEEK_CUR && whence != SEEK_END) {
		errno = EINVAL;
		return -1;
	}
	if (whence == SEEK_CUR) {
		/* Relative to where the program is, not the descriptor. */
		off -= (off_t)(f->rend - f->rpos);
		if (f->ungot != EOF)
			off--;
	}
	if (f->wpos > 0 && __stdio_flush(f) == EOF)
		return -1;
	if (lseek(f->fd, off, whence) == -1)
		return -1;
	f->rpos = f->rend = 0;
	f->ungot = EOF;
	f->flags &= ~F_EOF;
	return 0;
}

int
fseeko(FILE *f, off_t off, int whence)
{
	int r;

	__stdio_lock(f);
	r = seek_unlocked(f, off, whence);
	__stdio_unlock(f);
	return r;
}

int
fseek(FILE *f, long off, int whence)
{
	return fseeko(f, off, whence);
}

void
rewind(FILE *f)
{
	__stdio_lock(f);
	seek_unlocked(f, 0, SEEK_SET);
	f->flags &= ~F_ERR;
	__stdio_unlock(f);
}

int
fgetpos(FILE *__restrict f, fpos_t *__restrict pos)
{
	off_t p = ftello(f);

	if (p == -1)
		return -1;
	*pos = p;
	return 0;
}

int
fsetpos(FILE *f, const fpos_t *pos)
{
	return fseeko(f, *pos, SEEK_SET);
}
