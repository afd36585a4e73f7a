/*
 * assert.h - assert(), which may be included more than once with NDEBUG
 * changing in between (C11 7.2), and static_assert.
 */
#undef assert
#ifdef NDEBUG
#define assert(e)	((void)0)
#else
#define assert(e)	((e) ? (void)0 : __assert(__func__, __FILE__, __LINE__, #e))
#endif

#ifndef _ASSERT_H_
#define _ASSERT_H_

#ifndef __cplusplus
#define static_assert	_Static_assert
#endif

_Noreturn void	__assert(const char *, const char *, int, const char *);

#endif
