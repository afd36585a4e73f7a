/*
 * stdio_write.c - output: the buffered write path and the functions that
 * put characters and strings. A fully buffered stream writes when its buffer
 * fills, a line-buffered one also after each newline, an unbuffered one at
 * once.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "stdio_impl.h"

/* Writes all n bytes to fd, retrying after short writes and EINTR. */
static int
write_all(int fd, const unsigned char *p, size_t n)
{
	ssize_t w;

	while (n > 0) {
		w = write(fd, p, n);
		if (w == -1 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= w;
	}
	return 0;
}

/* Writes out pending output. On error the output is dropped and F_ERR set. */
int
__stdio_flush(FILE *f)
{
	size_t n = f->wpos;

	f->wpos = 0;
	if (n > 0 && write_all(f->fd, f->buf, n) == -1) {
		f->flags |= F_ERR;
		return EOF;
	}
	return 0;
}

int
fflush(FILE *f)
{
	int r;

	if (f == NULL) {
		__stdio_flush_streams();
		return 0;
	}
	__stdio_lock(f);
	if (f->rend > f->rpos || f->ungot != EOF)
		__stdio_drop_input(f);
	r = __stdio_flush(f);
	__stdio_unlock(f);
	return r;
}

/* Accepts n bytes for output; returns how many (n unless an error happened). */
size_t
__stdio_write(FILE *f, const void *data, size_t n)
{
	const unsigned char *p = data;
	size_t room, done = 0;

	if (!(f->flags & F_WRITE)) {
		f->flags |= F_ERR;
		errno = EBADF;
		return 0;
	}
	__stdio_ready(f);
	if (f->rend > f->rpos || f->ungot != EOF)
		__stdio_drop_input(f);
	/* Big writes, and all writes to an unbuffered stream, skip the buffer. */
	if (n >= f->size || f->mode == _IONBF) {
		if (__stdio_flush(f) == EOF || write_all(f->fd, p, n) == -1) {
			f->flags |= F_ERR;
			return 0;
		}
		return n;
	}
	while (done < n) {
		room = f->size - f->wpos;
		if (room > n - done)
			room = n - done;
		memcpy(f->buf + f->wpos, p + done, room);
		f->wpos += room;
		done += room;
		if (f->wpos == f->size && __stdio_flush(f) == EOF)
			return 0;
	}
	if (f->mode == _IOLBF && memchr(p, '\n', n) != NULL &&
	    __stdio_flush(f) == EOF)
		return 0;
	return n;
}

int
putc_unlocked(int c, FILE *f)
{
	unsigned char ch = (unsigned char)c;

	return __stdio_write(f, &ch, 1) == 1 ? ch : EOF;
}

int
putchar_unlocked(int c)
{
	return putc_unlocked(c, stdout);
}

int
fputc(int c, FILE *f)
{
	int r;

	__stdio_lock(f);
	r = putc_unlocked(c, f);
	__stdio_unlock(f);
	return r;
}

int
putc(int c, FILE *f)
{
	return fputc(c, f);
}

int
putchar(int c)
{
	return fputc(c, stdout);
}

int
fputs(const char *__restrict s, FILE *__restrict f)
{
	size_t n = strlen(s);
	int r;

	__stdio_lock(f);
	r = __stdio_write(f, s, n) == n ? 0 : EOF;
	__stdio_unlock(f);
	return r;
}

/* The line and its newline under one lock: no other thread's bytes between. */
int
puts(const char *s)
{
	size_t n = strlen(s);
	int r;

	__stdio_lock(stdout);
	r = __stdio_write(stdout, s, n) == n &&
	    __stdio_write(stdout, "\n", 1) == 1 ? 0 : EOF;
	__stdio_unlock(stdout);
	return r;
}

size_t
fwrite(const void *__restrict p, size_t size, size_t n, FILE *__restrict f)
{
	size_t total = size * n;

	if (size == 0 || n == 0)
		return 0;
	if (total / size != n) {
		errno = EOVERFLOW;
		return 0;
	}
	__stdio_lock(f);
	total = __stdio_write(f, p, total);
	__stdio_unlock(f);
	return total / size;
}
