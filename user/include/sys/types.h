/* sys/types.h - the system's basic types, with FreeBSD/i386 widths. */
#ifndef _SYS_TYPES_H_
#define _SYS_TYPES_H_

#include <stdint.h>
#include <stddef.h>

typedef int		pid_t;
typedef uint32_t	uid_t;
typedef uint32_t	gid_t;
typedef uint16_t	mode_t;
typedef int64_t		off_t;
typedef int		ssize_t;
typedef char		*caddr_t;
typedef uint32_t	dev_t;
typedef uint32_t	ino_t;
typedef uint32_t	nlink_t;
typedef int32_t		time_t;
typedef int		clockid_t;
typedef int		suseconds_t;
typedef uint32_t	useconds_t;
typedef int32_t		blksize_t;
typedef int64_t		blkcnt_t;
typedef uint32_t	u_int;
typedef uint16_t	u_short;
typedef uint8_t		u_char;
typedef unsigned long	u_long;
typedef uint8_t		u_int8_t;
typedef uint16_t	u_int16_t;
typedef uint32_t	u_int32_t;
typedef uint64_t	u_int64_t;
typedef int32_t		register_t;
typedef uint32_t	vm_offset_t;
typedef uint32_t	vm_paddr_t;
typedef uint32_t	vm_size_t;
typedef int32_t		segsz_t;	/* a size in pages */
typedef uint32_t	fixpt_t;	/* fixed point, FSCALE = 2048 */
typedef int32_t		lwpid_t;	/* a thread id */
typedef int64_t		id_t;		/* any of pid, pgid, uid... (procctl) */

#endif
