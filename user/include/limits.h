/* limits.h - limits of the integer types on i386 (ILP32) and a few system limits. */
#ifndef _LIMITS_H_
#define _LIMITS_H_

#define CHAR_BIT	8
#define SCHAR_MIN	(-128)
#define SCHAR_MAX	127
#define UCHAR_MAX	255
#define CHAR_MIN	SCHAR_MIN	/* char is signed on i386 */
#define CHAR_MAX	SCHAR_MAX
#define SHRT_MIN	(-32767 - 1)
#define SHRT_MAX	32767
#define USHRT_MAX	65535
#define INT_MIN		(-2147483647 - 1)
#define INT_MAX		2147483647
#define UINT_MAX	4294967295U
#define LONG_MIN	(-2147483647L - 1)
#define LONG_MAX	2147483647L
#define ULONG_MAX	4294967295UL
#define LLONG_MIN	(-9223372036854775807LL - 1)
#define LLONG_MAX	9223372036854775807LL
#define ULLONG_MAX	18446744073709551615ULL
#define SSIZE_MAX	INT_MAX
#define MB_LEN_MAX	1

#define PATH_MAX	1024	/* bytes in a path name, with its NUL */
#define NAME_MAX	255	/* bytes in a file name, without its NUL */

/* Kestrel's own limits (the kernel's values, see sysconf(3)). */
#define ARG_MAX		65536	/* bytes of exec arguments and environment */
#define CHILD_MAX	64	/* processes (the process table) */
#define OPEN_MAX	32	/* descriptors per process */
#define NGROUPS_MAX	16	/* supplementary groups (Kestrel keeps none) */
#define LINE_MAX	2048	/* a text line the utilities must handle */
#define HOST_NAME_MAX	255
#define LOGIN_NAME_MAX	17	/* FreeBSD's MAXLOGNAME */
#define PIPE_BUF	512	/* pipe writes this small are atomic */
#define IOV_MAX		1024

#endif
