/*
 * printf.c - formatted output to streams and descriptors. The engine's
 * characters are gathered in a small buffer on the stack and passed on in
 * pieces, so that an unbuffered stderr gets a few write calls rather than
 * one per character.
 */
#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>
#include "format.h"
#include "stdio_impl.h"

struct chunk {
	FILE	*f;		/* the destination stream, or NULL for fd */
	int	fd;
	int	len;
	int	err;
	char	buf[256];
};

static void
drain(struct chunk *c)
{
	if (c->len == 0)
		return;
	if (c->f != NULL) {
		if (__stdio_write(c->f, c->buf, c->len) != (size_t)c->len)
			c->err = 1;
	} else if (write(c->fd, c->buf, c->len) != c->len)
		c->err = 1;
	c->len = 0;
}

static void
put(int ch, void *arg)
{
	struct chunk *c = arg;

	c->buf[c->len++] = (char)ch;
	if (c->len == (int)sizeof(c->buf))
		drain(c);
}

static int
format_to(FILE *f, int fd, const char *fmt, va_list ap)
{
	struct chunk c;
	int n;

	c.f = f;
	c.fd = fd;
	c.len = c.err = 0;
	n = __format(put, &c, fmt, ap);
	drain(&c);
	return c.err ? -1 : n;
}

/* The whole output of one call under the stream's lock. */
int
vfprintf(FILE *__restrict f, const char *__restrict fmt, va_list ap)
{
	int n;

	__stdio_lock(f);
	n = format_to(f, -1, fmt, ap);
	__stdio_unlock(f);
	return n;
}

int
vprintf(const char *__restrict fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}

int
vdprintf(int fd, const char *__restrict fmt, va_list ap)
{
	return format_to(NULL, fd, fmt, ap);
}

int
fprintf(FILE *__restrict f, const char *__restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(f, fmt, ap);
	va_end(ap);
	return n;
}

int
printf(const char *__restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(stdout, fmt, ap);
	va_end(ap);
	return n;
}

int
dprintf(int fd, const char *__restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vdprintf(fd, fmt, ap);
	va_end(ap);
	return n;
}
