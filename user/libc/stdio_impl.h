/*
 * stdio_impl.h - the inside of a FILE, shared by the stdio_*.c files.
 *
 * A stream has one buffer used for reading or for writing, never both at
 * once: rpos/rend delimit unread input, wpos counts output not yet written.
 * Switching direction first empties the buffer (stdio_write.c, stdio_read.c).
 *
 * Once a program has threads, every stdio function holds the stream's lock
 * (stdio_lock.c) while it works, so that two threads' calls on one stream
 * never mix their bytes; the functions ending in _unlocked, and the
 * __stdio_* helpers, expect the caller to hold it.
 */
#ifndef _LIBC_STDIO_IMPL_H_
#define _LIBC_STDIO_IMPL_H_

#include <stddef.h>
#include <stdio.h>
#include "libc_lock.h"

#define F_READ		0x01	/* opened for reading */
#define F_WRITE		0x02	/* opened for writing */
#define F_EOF		0x04	/* end of file seen */
#define F_ERR		0x08	/* an I/O error happened */
#define F_FREEBUF	0x10	/* buf came from malloc */
#define F_FREEFILE	0x20	/* the FILE came from malloc (fopen, fdopen) */
#define F_READY		0x40	/* buffering mode and buffer are settled */

struct __FILE {
	int		fd;
	int		flags;		/* F_* */
	int		mode;		/* _IOFBF, _IOLBF or _IONBF */
	unsigned char	*buf;
	size_t		size;		/* bytes in buf */
	size_t		rpos;		/* next unread byte */
	size_t		rend;		/* end of the bytes read in */
	size_t		wpos;		/* bytes written to buf, not yet to fd */
	int		ungot;		/* a byte pushed back by ungetc, or EOF */
	unsigned char	onebuf;		/* the buffer of an unbuffered stream */
	struct __FILE	*next;		/* all open streams, for exit and fflush(NULL) */
	struct __libc_lock lock;	/* flockfile's (stdio_lock.c) */
	void		*lockowner;	/* the struct pthread holding it */
	int		lockdepth;	/* how often it holds it */
};

void	__stdio_lock(FILE *);		/* flockfile, once there are threads */
int	__stdio_trylock(FILE *);	/* ftrylockfile, once there are threads */
void	__stdio_unlock(FILE *);
void	__stdio_ready(FILE *);
int	__stdio_flush(FILE *);
void	__stdio_flushall(void);
void	__stdio_flush_streams(void);
void	__stdio_flush_linebuffered(void);
void	__stdio_drop_input(FILE *);
size_t	__stdio_write(FILE *, const void *, size_t);

#endif
