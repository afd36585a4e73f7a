/* sys/errno.h - error numbers, FreeBSD's values. The kernel returns them negated. */
#ifndef _SYS_ERRNO_H_
#define _SYS_ERRNO_H_

#define EPERM		1	/* operation not permitted */
#define ENOENT		2	/* no such file or directory */
#define ESRCH		3	/* no such process */
#define EINTR		4	/* interrupted system call */
#define EIO		5	/* input/output error */
#define ENXIO		6	/* device not configured */
#define E2BIG		7	/* argument list too long */
#define ENOEXEC		8	/* exec format error */
#define EBADF		9	/* bad file descriptor */
#define ECHILD		10	/* no child processes */
#define EDEADLK		11	/* resource deadlock avoided */
#define ENOMEM		12	/* cannot allocate memory */
#define EACCES		13	/* permission denied */
#define EFAULT		14	/* bad address */
#define ENOTBLK		15	/* block device required */
#define EBUSY		16	/* device busy */
#define EEXIST		17	/* file exists */
#define EXDEV		18	/* cross-device link */
#define ENODEV		19	/* operation not supported by device */
#define ENOTDIR		20	/* not a directory */
#define EISDIR		21	/* is a directory */
#define EINVAL		22	/* invalid argument */
#define ENFILE		23	/* too many open files in system */
#define EMFILE		24	/* too many open files */
#define ENOTTY		25	/* inappropriate ioctl for device */
#define ETXTBSY		26	/* text file busy */
#define EFBIG		27	/* file too large */
#define ENOSPC		28	/* no space left on device */
#define ESPIPE		29	/* illegal seek */
#define EROFS		30	/* read-only file system */
#define EMLINK		31	/* too many links */
#define EPIPE		32	/* broken pipe */
#define EDOM		33	/* numerical argument out of domain */
#define ERANGE		34	/* result too large */
#define EAGAIN		35	/* resource temporarily unavailable */
#define EWOULDBLOCK	EAGAIN
#define EINPROGRESS	36	/* operation now in progress */
#define EALREADY	37	/* operation already in progress */
#define ENOTSOCK	38
#define ENAMETOOLONG	63	/* file name too long */
#define ENOTEMPTY	66	/* directory not empty */
#define EPROCLIM	67	/* too many processes (or threads) */
#define EDQUOT		69	/* disc quota exceeded */
#define ENOLCK		77	/* no locks available */
#define ENOSYS		78	/* function not implemented */
#define EFTYPE		79	/* inappropriate file type or format */
#define EOVERFLOW	84	/* value too large to be stored in data type */
#define ECANCELED	85
#define EILSEQ		86
#define ENOTSUP		45	/* operation not supported */
#define EOPNOTSUPP	ENOTSUP
#define ELOOP		62
#define ETIMEDOUT	60	/* operation timed out */

#ifdef _KERNEL
/* Kernel-internal "errors" of system calls, never seen by user space. */
#define ERESTART	(-1)	/* run the system call again */
#define EJUSTRETURN	(-2)	/* the frame is already set: don't touch eax */
#endif

#endif
