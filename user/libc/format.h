/*
 * format.h - the one printf engine, shared by the kernel (kprintf) and the
 * user library (printf, snprintf, ...). Only <stdarg.h> is needed here, so
 * kernel code can include "user/libc/format.h".
 */
#ifndef _LIBC_FORMAT_H_
#define _LIBC_FORMAT_H_

#include <stdarg.h>

/*
 * Formats fmt with ap, handing each produced character to put(c, arg).
 * Returns the number of characters produced. Floating-point conversions
 * (f F e E g G) exist only outside the kernel.
 */
int	__format(void (*put)(int c, void *arg), void *arg, const char *fmt,
	    va_list ap);

#endif
