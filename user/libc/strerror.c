/*
 * strerror.c - the text for an errno value (FreeBSD's wording): strerror
 * hands out its own buffer, strerror_r fills the caller's.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

static const char *const messages[] = {
	[0] = "No error: 0",
	[EPERM] = "Operation not permitted",
	[ENOENT] = "No such file or directory",
	[ESRCH] = "No such process",
	[EINTR] = "Interrupted system call",
	[EIO] = "Input/output error",
	[ENXIO] = "Device not configured",
	[E2BIG] = "Argument list too long",
	[ENOEXEC] = "Exec format error",
	[EBADF] = "Bad file descriptor",
	[ECHILD] = "No child processes",
	[EDEADLK] = "Resource deadlock avoided",
	[ENOMEM] = "Cannot allocate memory",
	[EACCES] = "Permission denied",
	[EFAULT] = "Bad address",
	[ENOTBLK] = "Block device required",
	[EBUSY] = "Device busy",
	[EEXIST] = "File exists",
	[EXDEV] = "Cross-device link",
	[ENODEV] = "Operation not supported by device",
	[ENOTDIR] = "Not a directory",
	[EISDIR] = "Is a directory",
	[EINVAL] = "Invalid argument",
	[ENFILE] = "Too many open files in system",
	[EMFILE] = "Too many open files",
	[ENOTTY] = "Inappropriate ioctl for device",
	[ETXTBSY] = "Text file busy",
	[EFBIG] = "File too large",
	[ENOSPC] = "No space left on device",
	[ESPIPE] = "Illegal seek",
	[EROFS] = "Read-only file system",
	[EMLINK] = "Too many links",
	[EPIPE] = "Broken pipe",
	[EDOM] = "Numerical argument out of domain",
	[ERANGE] = "Result too large",
	[EAGAIN] = "Resource temporarily unavailable",
	[EINPROGRESS] = "Operation now in progress",
	[EALREADY] = "Operation already in progress",
	[ENOTSOCK] = "Socket operation on non-socket",
	[ENOTSUP] = "Operation not supported",
	[ELOOP] = "Too many levels of symbolic links",
	[ETIMEDOUT] = "Operation timed out",
	[ENAMETOOLONG] = "File name too long",
	[ENOTEMPTY] = "Directory not empty",
	[EPROCLIM] = "Too many processes",
	[EDQUOT] = "Disc quota exceeded",
	[ENOLCK] = "No locks available",
	[ENOSYS] = "Function not implemented",
	[EFTYPE] = "Inappropriate file type or format",
	[EOVERFLOW] = "Value too large to be stored in data type",
	[ECANCELED] = "Operation canceled",
	[EILSEQ] = "Illegal byte sequence",
};

static const char *
known(int err)
{
	if (err >= 0 && err < (int)(sizeof(messages) / sizeof(messages[0])))
		return messages[err];
	return NULL;
}

char *
strerror(int err)
{
	static char unknown[32];

	if (known(err) != NULL)
		return (char *)known(err);
	snprintf(unknown, sizeof(unknown), "Unknown error: %d", err);
	return unknown;
}

/*
 * POSIX's strerror_r: the text in buf; EINVAL for an unknown number (buf
 * says "Unknown error: N"), ERANGE when it did not fit (buf has what did).
 */
int
strerror_r(int err, char *buf, size_t len)
{
	const char *text = known(err);
	int n;

	if (text != NULL)
		n = snprintf(buf, len, "%s", text);
	else
		n = snprintf(buf, len, "Unknown error: %d", err);
	if (n < 0 || (size_t)n >= len)
		return ERANGE;
	return text != NULL ? 0 : EINVAL;
}
