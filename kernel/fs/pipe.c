/*
 * pipe.c - pipes, as FreeBSD makes them: two ends, and each end both reads
 * and writes. Each end has its own ring buffer, the bytes written into the
 * *other* end, so a pipe carries data both ways at once (fds[0] -> fds[1]
 * and fds[1] -> fds[0]) without the two directions mixing.
 *
 * A reader sleeps while its buffer is empty and sees end-of-file once the
 * other end is closed (by every descriptor that pointed at it). A writer
 * sleeps while the other end's buffer is full; with the other end closed it
 * gets EPIPE and SIGPIPE. Writes of at most PIPE_BUF bytes are atomic: they
 * wait until all of them fit, so they never interleave with another
 * writer's. pipe2() can make both ends non-blocking (O_NONBLOCK) and
 * closed on exec (O_CLOEXEC); pipe() is pipe2() with no flags.
 */
#include <string.h>
#include <sys/errno.h>
#include <sys/signal.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <poll.h>
#include "kernel/fs/file.h"
#include "kernel/syscall.h"
#include "kernel/i386/x86.h"
#include "proc/proc.h"
#include "vm/vm.h"

#define PIPE_SIZE	4000	/* an end fits in one kmalloc page */
#define PIPE_BUF	512	/* POSIX atomicity limit */

struct pipe {
	char		buf[PIPE_SIZE];	/* what the other end wrote */
	size_t		head;		/* next byte to read */
	size_t		count;		/* bytes in the buffer */
	int		closed;		/* no descriptor points here any more */
	struct pipe	*peer;		/* the other end */
};

static size_t
min_size(size_t a, size_t b)
{
	return a < b ? a : b;
}

static int
pipe_read(struct file *fp, void *ubuf, size_t n, size_t *done)
{
	struct pipe *pp = fp->f_data;
	size_t chunk;
	int error;

	*done = 0;
	while (pp->count == 0) {
		if (pp->peer->closed || n == 0)
			return 0;		/* end of file */
		if (fp->f_flag & FNONBLOCK)
			return EAGAIN;
		if ((error = tsleep(pp, 1, "piperd", 0)) != 0)
			return error;
	}
	while (*done < n && pp->count > 0) {
		chunk = min_size(n - *done, min_size(pp->count, PIPE_SIZE - pp->head));
		if ((error = copyout(pp->buf + pp->head, (char *)ubuf + *done,
		    chunk)) != 0)
			return *done > 0 ? 0 : error;
		pp->head = (pp->head + chunk) % PIPE_SIZE;
		pp->count -= chunk;
		*done += chunk;
	}
	wakeup(pp);
	return 0;
}

/* Bytes written into fp's end go into the other end's buffer. */
static int
pipe_write(struct file *fp, const void *ubuf, size_t n, size_t *done)
{
	struct pipe *pp = ((struct pipe *)fp->f_data)->peer;
	size_t chunk, tail, room;
	int error;

	*done = 0;
	while (*done < n) {
		if (pp->closed) {
			psignal(curproc, SIGPIPE);
			return *done > 0 ? 0 : EPIPE;
		}
		room = PIPE_SIZE - pp->count;
		if (room == 0 || (n <= PIPE_BUF && room < n - *done)) {
			if (fp->f_flag & FNONBLOCK)
				return *done > 0 ? 0 : EAGAIN;
			if ((error = tsleep(pp, 1, "pipewr", 0)) != 0)
				return *done > 0 ? 0 : error;
			continue;
		}
		tail = (pp->head + pp->count) % PIPE_SIZE;
		chunk = min_size(n - *done, min_size(room, PIPE_SIZE - tail));
		if ((error = copyin((const char *)ubuf + *done, pp->buf + tail,
		    chunk)) != 0)
			return *done > 0 ? 0 : error;
		pp->count += chunk;
		*done += chunk;
		wakeup(pp);
	}
	return 0;
}

/* st_size is what a read of this end would find. */
static int
pipe_stat(struct file *fp, struct stat *st)
{
	struct pipe *pp = fp->f_data;

	memset(st, 0, sizeof(*st));
	st->st_mode = S_IFIFO | 0600;
	st->st_nlink = 1;
	st->st_size = pp->count;
	st->st_blksize = PIPE_SIZE;
	return 0;
}

/* The last descriptor of an end is gone: its peer sees EOF, or EPIPE. */
static void
pipe_close(struct file *fp)
{
	struct pipe *pp = fp->f_data;

	pp->closed = 1;
	wakeup(pp);
	wakeup(pp->peer);	/* its reader and its writers */
	if (pp->peer->closed) {
		kfree(pp->peer);
		kfree(pp);
	}
}

/*
 * Readable: bytes in this end, or the other end closed (end of file).
 * Writable: PIPE_BUF bytes fit in the other end. Hung up: the other end
 * is closed (a write would get EPIPE).
 */
static int
pipe_poll(struct file *fp, int events)
{
	struct pipe *pp = fp->f_data;
	int r = 0;

	if (pp->count > 0 || pp->peer->closed)
		r |= events & (POLLIN | POLLRDNORM);
	if (!pp->peer->closed && PIPE_SIZE - pp->peer->count >= PIPE_BUF)
		r |= events & (POLLOUT | POLLWRNORM);
	if (pp->peer->closed)
		r |= POLLHUP;
	return r;
}

static const struct fileops pipe_ops = {
	.fo_read = pipe_read,
	.fo_write = pipe_write,
	.fo_stat = pipe_stat,
	.fo_close = pipe_close,
	.fo_poll = pipe_poll,
};

/* A new pipe as two descriptors of td's process, in fds[0] and fds[1]. */
static int
kern_pipe(struct thread *td, int flags, int fds[2])
{
	struct proc *p = td->td_proc;
	struct pipe *end[2];
	struct file *fp[2] = { NULL, NULL };
	int fflag = FREAD | FWRITE, error;

	if (flags & O_NONBLOCK)
		fflag |= FNONBLOCK;
	end[0] = kzalloc(sizeof(struct pipe));
	end[1] = kzalloc(sizeof(struct pipe));
	if (end[0] != NULL && end[1] != NULL) {
		fp[0] = falloc(&pipe_ops, end[0], fflag);
		fp[1] = falloc(&pipe_ops, end[1], fflag);
	}
	if (fp[0] == NULL || fp[1] == NULL) {
		error = end[0] == NULL || end[1] == NULL ? ENOMEM : ENFILE;
		kfree(fp[0]);
		kfree(fp[1]);
		kfree(end[0]);
		kfree(end[1]);
		return error;
	}
	end[0]->peer = end[1];
	end[1]->peer = end[0];
	error = fd_alloc(p, fp[0], 0, &fds[0]);
	if (error == 0 && (error = fd_alloc(p, fp[1], 0, &fds[1])) != 0)
		p->p_fd[fds[0]] = NULL;
	if (error) {
		fdrop(fp[0]);
		fdrop(fp[1]);
	} else if (flags & O_CLOEXEC) {
		p->p_fdflags[fds[0]] |= UF_EXCLOSE;	/* a descriptor's flag */
		p->p_fdflags[fds[1]] |= UF_EXCLOSE;
	}
	return error;
}

int
sys_pipe2(struct thread *td, uint32_t *args)
{
	struct proc *p = td->td_proc;
	int flags = (int)args[1], fds[2], error;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK))
		return EINVAL;
	if ((error = kern_pipe(td, flags, fds)) != 0)
		return error;
	if ((error = copyout(fds, (void *)args[0], sizeof(fds))) != 0) {
		fdrop(p->p_fd[fds[0]]);
		fdrop(p->p_fd[fds[1]]);
		p->p_fd[fds[0]] = p->p_fd[fds[1]] = NULL;
	}
	return error;
}

int
sys_pipe(struct thread *td, uint32_t *args)
{
	uint32_t args2[2] = { args[0], 0 };

	return sys_pipe2(td, args2);
}
