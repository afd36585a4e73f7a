/*
 * stdio.h - buffered streams. FILE is opaque; stdout is line buffered on a
 * terminal and fully buffered otherwise, stderr is unbuffered, and exit()
 * flushes every open stream.
 */
#ifndef _STDIO_H_
#define _STDIO_H_

#include <stddef.h>
#include <stdarg.h>
#include <sys/types.h>

typedef struct __FILE FILE;
typedef off_t fpos_t;

#define BUFSIZ		1024
#define EOF		(-1)
#define FOPEN_MAX	20
#define FILENAME_MAX	1024
#define _IOFBF		0	/* fully buffered */
#define _IOLBF		1	/* line buffered */
#define _IONBF		2	/* unbuffered */
#ifndef SEEK_SET
#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2
#endif

extern FILE *stdin;
extern FILE *stdout;
extern FILE *stderr;

#define __printflike(f, a)	__attribute__((format(printf, f, a)))
#define __scanflike(f, a)	__attribute__((format(scanf, f, a)))

FILE	*fopen(const char *__restrict, const char *__restrict);
void	flockfile(FILE *);
int	ftrylockfile(FILE *);
void	funlockfile(FILE *);
int	getc_unlocked(FILE *);
int	getchar_unlocked(void);
int	putc_unlocked(int, FILE *);
int	putchar_unlocked(int);
FILE	*fdopen(int, const char *);
int	fclose(FILE *);
int	fflush(FILE *);
int	setvbuf(FILE *__restrict, char *__restrict, int, size_t);
void	setbuf(FILE *__restrict, char *__restrict);
int	fileno(FILE *);
int	feof(FILE *);
int	ferror(FILE *);
void	clearerr(FILE *);

int	fgetc(FILE *);
int	getc(FILE *);
int	getchar(void);
int	ungetc(int, FILE *);
char	*fgets(char *__restrict, int, FILE *__restrict);
size_t	fread(void *__restrict, size_t, size_t, FILE *__restrict);

int	fputc(int, FILE *);
int	putc(int, FILE *);
int	putchar(int);
int	fputs(const char *__restrict, FILE *__restrict);
int	puts(const char *);
size_t	fwrite(const void *__restrict, size_t, size_t, FILE *__restrict);

int	printf(const char *__restrict, ...) __printflike(1, 2);
int	fprintf(FILE *__restrict, const char *__restrict, ...) __printflike(2, 3);
int	dprintf(int, const char *__restrict, ...) __printflike(2, 3);
int	sprintf(char *__restrict, const char *__restrict, ...) __printflike(2, 3);
int	snprintf(char *__restrict, size_t, const char *__restrict, ...)
	    __printflike(3, 4);
int	vprintf(const char *__restrict, va_list) __printflike(1, 0);
int	vfprintf(FILE *__restrict, const char *__restrict, va_list)
	    __printflike(2, 0);
int	vdprintf(int, const char *__restrict, va_list) __printflike(2, 0);
int	vsprintf(char *__restrict, const char *__restrict, va_list)
	    __printflike(2, 0);
int	vsnprintf(char *__restrict, size_t, const char *__restrict, va_list)
	    __printflike(3, 0);

int	asprintf(char **, const char *, ...) __printflike(2, 3);
int	vasprintf(char **, const char *, va_list) __printflike(2, 0);

int	scanf(const char *__restrict, ...) __scanflike(1, 2);
int	fscanf(FILE *__restrict, const char *__restrict, ...)
	    __scanflike(2, 3);
int	sscanf(const char *__restrict, const char *__restrict, ...)
	    __scanflike(2, 3);
int	vscanf(const char *__restrict, va_list) __scanflike(1, 0);
int	vfscanf(FILE *__restrict, const char *__restrict, va_list)
	    __scanflike(2, 0);
int	vsscanf(const char *__restrict, const char *__restrict, va_list)
	    __scanflike(2, 0);

ssize_t	getline(char **__restrict, size_t *__restrict, FILE *__restrict);
ssize_t	getdelim(char **__restrict, size_t *__restrict, int,
	    FILE *__restrict);

int	fseek(FILE *, long, int);
long	ftell(FILE *);
int	fseeko(FILE *, off_t, int);
off_t	ftello(FILE *);
void	rewind(FILE *);
int	fgetpos(FILE *__restrict, fpos_t *__restrict);
int	fsetpos(FILE *, const fpos_t *);

FILE	*popen(const char *, const char *);
int	pclose(FILE *);

#define P_tmpdir	"/tmp/"
FILE	*tmpfile(void);

int	remove(const char *);
int	rename(const char *, const char *);

void	perror(const char *);

#endif
