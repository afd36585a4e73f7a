/* sys/param.h - machine parameters and the small BSD helper macros. */
#ifndef _SYS_PARAM_H_
#define _SYS_PARAM_H_

#include <sys/types.h>

#define PAGE_SHIFT	12
#define PAGE_SIZE	4096
#define PAGE_MASK	(PAGE_SIZE - 1)
#define NBBY		8		/* bits per byte */
#define MAXPATHLEN	1024
#define MAXCOMLEN	19		/* ki_comm holds this many bytes and a NUL */

#ifndef MIN
#define MIN(a, b)	(((a) < (b)) ? (a) : (b))
#endif
#ifndef MAX
#define MAX(a, b)	(((a) > (b)) ? (a) : (b))
#endif
#define howmany(x, y)	(((x) + ((y) - 1)) / (y))
#define roundup(x, y)	((((x) + ((y) - 1)) / (y)) * (y))
#define rounddown(x, y)	(((x) / (y)) * (y))
#define roundup2(x, y)	(((x) + ((y) - 1)) & ~((y) - 1))	/* y a power of two */
#define rounddown2(x, y)	((x) & ~((y) - 1))
#define powerof2(x)	((((x) - 1) & (x)) == 0)
#define nitems(a)	(sizeof(a) / sizeof((a)[0]))

#endif
