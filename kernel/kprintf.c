/*
 * kprintf.c - formatted output for the kernel. The formatting engine is the
 * C library's (user/libc/format.c, built into the kernel without floating
 * point), so kernel and user printf agree on every conversion.
 */
#include <stdarg.h>
#include "kernel/kprintf.h"
#include "kernel/dev/console.h"
#include "user/libc/format.h"

static void
put_console(int c, void *arg)
{
	(void)arg;
	cons_putc(c);
}

int
vkprintf(const char *fmt, va_list ap)
{
	return __format(put_console, NULL, fmt, ap);
}

int
kprintf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vkprintf(fmt, ap);
	va_end(ap);
	return n;
}

struct strbuf {
	char	*p;
	size_t	left;
};

static void
put_buf(int c, void *arg)
{
	struct strbuf *sb = arg;

	if (sb->left > 1) {
		*sb->p++ = c;
		sb->left--;
	}
}

int
ksnprintf(char *buf, size_t size, const char *fmt, ...)
{
	struct strbuf sb = { buf, size };
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = __format(put_buf, &sb, fmt, ap);
	va_end(ap);
	if (size > 0)
		*sb.p = '\0';
	return n;
}
