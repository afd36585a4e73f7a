/*
 * stdio_read.c - input: refilling the buffer and the functions that get
 * characters, lines and blocks. As C asks, a read from a line-buffered or
 * unbuffered stream first flushes line-buffered output, so a prompt
 * without a newline is on the screen before the program waits for input.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "stdio_impl.h"

/*
 * Forgets buffered input. The descriptor is moved back over what was read
 * ahead, so that it stands where the program stopped reading; on a pipe or
 * a terminal that fails and does not matter.
 */
void
__stdio_drop_input(FILE *f)
{
	size_t ahead = f->rend - f->rpos;

	if (ahead > 0)
		lseek(f->fd, -(off_t)ahead, SEEK_CUR);
	f->rpos = f->rend = 0;
	f->ungot = EOF;
}

/* Reads the next bufferful; returns EOF at end of file or on error. */
static int
fill(FILE *f)
{
	ssize_t n;

	if (!(f->flags & F_READ)) {
		f->flags |= F_ERR;
		errno = EBADF;
		return EOF;
	}
	__stdio_ready(f);
	if (f->wpos > 0 && __stdio_flush(f) == EOF)
		return EOF;
	if (f->mode != _IOFBF)
		__stdio_flush_linebuffered();
	n = read(f->fd, f->buf, f->size);
	if (n <= 0) {
		f->flags |= n == 0 ? F_EOF : F_ERR;
		return EOF;
	}
	f->rpos = 0;
	f->rend = n;
	return 0;
}

/* The end-of-file indicator is sticky (C11): clearerr lets reading resume. */
int
getc_unlocked(FILE *f)
{
	int c;

	if (f->ungot != EOF) {
		c = f->ungot;
		f->ungot = EOF;
		return c;
	}
	if (f->rpos == f->rend && ((f->flags & F_EOF) || fill(f) == EOF))
		return EOF;
	return f->buf[f->rpos++];
}

int
getchar_unlocked(void)
{
	return getc_unlocked(stdin);
}

int
fgetc(FILE *f)
{
	int c;

	__stdio_lock(f);
	c = getc_unlocked(f);
	__stdio_unlock(f);
	return c;
}

int
getc(FILE *f)
{
	return fgetc(f);
}

int
getchar(void)
{
	return fgetc(stdin);
}

/* One byte of push-back is guaranteed; more fit while the buffer has room. */
int
ungetc(int c, FILE *f)
{
	if (c == EOF)
		return EOF;
	__stdio_lock(f);
	if (f->ungot == EOF && f->rpos > 0 && f->rpos <= f->rend) {
		f->buf[--f->rpos] = (unsigned char)c;
	} else if (f->ungot == EOF) {
		f->ungot = (unsigned char)c;
	} else {
		__stdio_unlock(f);
		return EOF;
	}
	f->flags &= ~F_EOF;
	__stdio_unlock(f);
	return (unsigned char)c;
}

char *
fgets(char *__restrict s, int size, FILE *__restrict f)
{
	int c = 0, n = 0;

	if (size <= 0)
		return NULL;
	__stdio_lock(f);
	while (n < size - 1 && (c = getc_unlocked(f)) != EOF) {
		s[n++] = (char)c;
		if (c == '\n')
			break;
	}
	__stdio_unlock(f);
	if (n == 0 && size > 1)
		return NULL;
	s[n] = '\0';
	return s;
}

size_t
fread(void *__restrict p, size_t size, size_t n, FILE *__restrict f)
{
	unsigned char *d = p;
	size_t want = size * n, got = 0, chunk;
	int c;

	if (size == 0 || n == 0 || want / size != n)
		return 0;
	__stdio_lock(f);
	if (want > 0 && f->ungot != EOF) {
		d[got++] = (unsigned char)f->ungot;
		f->ungot = EOF;
	}
	while (got < want) {
		if (f->rpos == f->rend) {
			if ((c = getc_unlocked(f)) == EOF)
				break;
			d[got++] = (unsigned char)c;
			continue;
		}
		chunk = f->rend - f->rpos;
		if (chunk > want - got)
			chunk = want - got;
		memcpy(d + got, f->buf + f->rpos, chunk);
		f->rpos += chunk;
		got += chunk;
	}
	__stdio_unlock(f);
	return got / size;
}
