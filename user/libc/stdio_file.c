/*
 * stdio_file.c - the stream objects: stdin, stdout and stderr, the list of
 * open streams, opening and closing, and choosing how a stream is buffered.
 *
 * The three standard streams are static and so are the buffers of stdin and
 * stdout, so a program that prints needs no malloc. Their buffering is
 * decided at first use: stdout is line buffered on a terminal and fully
 * buffered otherwise, stderr is unbuffered. Once there are threads, the
 * list of streams has a lock of its own, taken before any stream's.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "stdio_impl.h"

static unsigned char inbuf[BUFSIZ], outbuf[BUFSIZ];

static FILE std_err = { 2, F_WRITE | F_READY, _IONBF, &std_err.onebuf, 1, 0,
    0, 0, EOF, 0, NULL, { 0 }, NULL, 0 };
static FILE std_out = { 1, F_WRITE, _IOFBF, outbuf, BUFSIZ, 0, 0, 0, EOF, 0,
    &std_err, { 0 }, NULL, 0 };
static FILE std_in = { 0, F_READ, _IOFBF, inbuf, BUFSIZ, 0, 0, 0, EOF, 0,
    &std_out, { 0 }, NULL, 0 };

FILE *stdin = &std_in;
FILE *stdout = &std_out;
FILE *stderr = &std_err;

static FILE *streams = &std_in;	/* every open stream */
static struct __libc_lock streams_lock;

/* Gives f the buffer its mode needs; an unbuffered stream uses onebuf. */
static void
attach_buffer(FILE *f)
{
	if (f->mode != _IONBF && f->buf == NULL) {
		if ((f->buf = malloc(f->size)) != NULL)
			f->flags |= F_FREEBUF;
		else
			f->mode = _IONBF;
	}
	if (f->mode == _IONBF) {
		if (f->flags & F_FREEBUF)
			free(f->buf);
		f->flags &= ~F_FREEBUF;
		f->buf = &f->onebuf;
		f->size = 1;
	}
}

/* Settles buffering at first use: a terminal gets line buffering. */
void
__stdio_ready(FILE *f)
{
	if (f->flags & F_READY)
		return;
	f->flags |= F_READY;
	if (f->mode == _IOFBF && isatty(f->fd))
		f->mode = _IOLBF;
	attach_buffer(f);
}

/* exit's flush: no locks, as on FreeBSD (a thread may hold one for good). */
void
__stdio_flushall(void)
{
	FILE *f;

	for (f = streams; f != NULL; f = f->next)
		if (f->wpos > 0)
			__stdio_flush(f);
}

/* fflush(NULL): every stream with output, each under its lock. */
void
__stdio_flush_streams(void)
{
	FILE *f;

	__libc_lock(&streams_lock);
	for (f = streams; f != NULL; f = f->next)
		if (f->wpos > 0) {
			__stdio_lock(f);
			__stdio_flush(f);
			__stdio_unlock(f);
		}
	__libc_unlock(&streams_lock);
}

/*
 * Before a read may block, show what line-buffered streams hold (prompts).
 * The reader holds its own stream's lock, so the others are only tried: a
 * stream another thread is busy with flushes itself.
 */
void
__stdio_flush_linebuffered(void)
{
	FILE *f;

	if (!__libc_trylock(&streams_lock))
		return;
	for (f = streams; f != NULL; f = f->next)
		if (f->mode == _IOLBF && f->wpos > 0 &&
		    __stdio_trylock(f) == 0) {
			__stdio_flush(f);
			__stdio_unlock(f);
		}
	__libc_unlock(&streams_lock);
}

/* "r", "w", "a", each with an optional '+'; 'b' and 'e' are accepted. */
static int
parse_mode(const char *mode, int *oflags, int *fflags)
{
	int plus = mode[0] != '\0' && (mode[1] == '+' ||
	    (mode[1] != '\0' && mode[2] == '+'));

	switch (mode[0]) {
	case 'r':
		*oflags = plus ? O_RDWR : O_RDONLY;
		break;
	case 'w':
		*oflags = (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_TRUNC;
		break;
	case 'a':
		*oflags = (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_APPEND;
		break;
	default:
		errno = EINVAL;
		return -1;
	}
	*fflags = (*oflags & O_ACCMODE) == O_RDONLY ? F_READ :
	    (*oflags & O_ACCMODE) == O_WRONLY ? F_WRITE : F_READ | F_WRITE;
	return 0;
}

static FILE *
new_stream(int fd, int fflags)
{
	FILE *f = malloc(sizeof(*f));

	if (f == NULL)
		return NULL;
	f->fd = fd;
	f->flags = fflags | F_FREEFILE;
	f->mode = _IOFBF;
	f->buf = NULL;
	f->size = BUFSIZ;
	f->rpos = f->rend = f->wpos = 0;
	f->ungot = EOF;
	f->lock.l = 0;
	f->lockowner = NULL;
	f->lockdepth = 0;
	__libc_lock(&streams_lock);
	f->next = streams;
	streams = f;
	__libc_unlock(&streams_lock);
	return f;
}

FILE *
fopen(const char *path, const char *mode)
{
	int oflags, fflags, fd;
	FILE *f;

	if (parse_mode(mode, &oflags, &fflags) == -1)
		return NULL;
	if ((fd = open(path, oflags, 0666)) == -1)
		return NULL;
	if ((f = new_stream(fd, fflags)) == NULL)
		close(fd);
	return f;
}

FILE *
fdopen(int fd, const char *mode)
{
	int oflags, fflags;

	if (parse_mode(mode, &oflags, &fflags) == -1)
		return NULL;
	return new_stream(fd, fflags);
}

int
fclose(FILE *f)
{
	FILE **pp;
	int r = 0;

	__libc_lock(&streams_lock);
	__stdio_lock(f);
	if (f->wpos > 0 && __stdio_flush(f) == EOF)
		r = EOF;
	if (close(f->fd) == -1)
		r = EOF;
	for (pp = &streams; *pp != NULL; pp = &(*pp)->next)
		if (*pp == f) {
			*pp = f->next;
			break;
		}
	__stdio_unlock(f);
	__libc_unlock(&streams_lock);
	if (f->flags & F_FREEBUF)
		free(f->buf);
	if (f->flags & F_FREEFILE)
		free(f);
	else
		f->flags = 0;	/* a closed standard stream does nothing */
	return r;
}

/* Only before the first I/O on f. A NULL buf asks for one of `size' bytes. */
int
setvbuf(FILE *__restrict f, char *__restrict buf, int mode, size_t size)
{
	if ((mode != _IOFBF && mode != _IOLBF && mode != _IONBF) ||
	    (mode != _IONBF && size == 0 && buf != NULL)) {
		errno = EINVAL;
		return EOF;
	}
	__stdio_lock(f);
	if (f->flags & F_FREEBUF)
		free(f->buf);
	f->flags &= ~F_FREEBUF;
	f->mode = mode;
	f->buf = (unsigned char *)buf;
	f->size = size > 0 ? size : BUFSIZ;
	/* An explicit mode is final: no terminal check in __stdio_ready. */
	f->flags |= F_READY;
	attach_buffer(f);
	__stdio_unlock(f);
	return 0;
}

void
setbuf(FILE *__restrict f, char *__restrict buf)
{
	setvbuf(f, buf, buf != NULL ? _IOFBF : _IONBF, BUFSIZ);
}

int
fileno(FILE *f)
{
	return f->fd;
}

int
feof(FILE *f)
{
	return (f->flags & F_EOF) != 0;
}

int
ferror(FILE *f)
{
	return (f->flags & F_ERR) != 0;
}

void
clearerr(FILE *f)
{
	__stdio_lock(f);
	f->flags &= ~(F_EOF | F_ERR);
	__stdio_unlock(f);
}
