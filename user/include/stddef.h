/* stddef.h - size_t, ptrdiff_t, NULL and offsetof. */
#ifndef _STDDEF_H_
#define _STDDEF_H_

#ifndef _SIZE_T_DECLARED
#define _SIZE_T_DECLARED
typedef unsigned int size_t;
#endif
typedef int ptrdiff_t;
#ifndef __cplusplus
#ifndef _WCHAR_T_DECLARED
#define _WCHAR_T_DECLARED
typedef int wchar_t;
#endif
#endif
typedef struct { long long __ll; long double __ld; } max_align_t;

#ifndef NULL
#define NULL ((void *)0)
#endif
#define offsetof(type, member) __builtin_offsetof(type, member)

#endif
