/*
 * sys/cdefs.h - the compiler helpers FreeBSD sources use everywhere
 * (__FBSDID, __BEGIN_DECLS, __dead2, __unused, ...), so that such a file
 * compiles here unchanged. Only the common ones, all with gcc's meaning.
 */
#ifndef _SYS_CDEFS_H_
#define _SYS_CDEFS_H_

#include <stddef.h>

#ifdef __cplusplus
#define __BEGIN_DECLS	extern "C" {
#define __END_DECLS	}
#else
#define __BEGIN_DECLS
#define __END_DECLS
#endif

#define __FBSDID(s)	struct __hack
#define __RCSID(s)	struct __hack
#define __COPYRIGHT(s)	struct __hack

#define __dead2		__attribute__((__noreturn__))
#define __pure2		__attribute__((__const__))
#define __unused	__attribute__((__unused__))
#define __used		__attribute__((__used__))
#define __packed	__attribute__((__packed__))
#define __aligned(x)	__attribute__((__aligned__(x)))
#define __section(x)	__attribute__((__section__(x)))
#define __weak_symbol	__attribute__((__weak__))
#define __noinline	__attribute__((__noinline__))
#define __always_inline	__attribute__((__always_inline__))
#define __predict_true(e)	__builtin_expect((e), 1)
#define __predict_false(e)	__builtin_expect((e), 0)
#define __nonnull(x)	__attribute__((__nonnull__ x))
#define __returns_twice	__attribute__((__returns_twice__))
#ifndef __printflike
#define __printflike(f, a)	__attribute__((__format__(__printf__, f, a)))
#endif
#ifndef __scanflike
#define __scanflike(f, a)	__attribute__((__format__(__scanf__, f, a)))
#endif
#define __printf0like(f, a)	__printflike(f, a)

#define __CONCAT(x, y)	x ## y
#define __STRING(x)	#x
#define __XSTRING(x)	__STRING(x)
#define __offsetof(type, field)	offsetof(type, field)
#define __containerof(p, type, field) \
	((type *)(void *)((char *)(p) - offsetof(type, field)))
#define __DECONST(type, var)	((type)(uintptr_t)(const void *)(var))
#define __DEVOLATILE(type, var)	((type)(uintptr_t)(volatile void *)(var))
#define __DEQUALIFY(type, var)	((type)(uintptr_t)(const volatile void *)(var))
#define __nitems(x)	(sizeof((x)) / sizeof((x)[0]))

#endif
