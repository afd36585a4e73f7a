/* err.h - BSD error messages: "prog: message: strerror(errno)" on stderr. */
#ifndef _ERR_H_
#define _ERR_H_

#include <stdarg.h>

_Noreturn void	err(int, const char *, ...) __attribute__((format(printf, 2, 3)));
_Noreturn void	errx(int, const char *, ...) __attribute__((format(printf, 2, 3)));
_Noreturn void	verr(int, const char *, va_list) __attribute__((format(printf, 2, 0)));
_Noreturn void	verrx(int, const char *, va_list) __attribute__((format(printf, 2, 0)));
void	warn(const char *, ...) __attribute__((format(printf, 1, 2)));
void	warnx(const char *, ...) __attribute__((format(printf, 1, 2)));
void	vwarn(const char *, va_list) __attribute__((format(printf, 1, 0)));
void	vwarnx(const char *, va_list) __attribute__((format(printf, 1, 0)));

#endif
