/*
 * pipe.c - pipes: a ring buffer shared by a read end and a write end.
 *
 * A reader sleeps while the pipe is empty and sees end-of-file once no
 * write end is open. A writer sleeps while it is full; with no read end left
 * it gets EPIPE and SIGPIPE. Writes of at most PIPE_BUF bytes are atomic:
 * they wait until all of them fit, so they never interleave with another
 * writer's.
 */
#include <string.h>
#include <sys/errno.h>
#include <sys/signal.h>
#include <sys/stat.h>
#include <poll.h>
#include "kernel/fs/file.h"
#include "kernel/syscall.h"
#include "kernel/i386/x86.h"
#include "proc/proc.h"
#include "vm/vm.h"

#define PIPE_SIZE	4000	/* the buffer fits in one kmalloc page */
#define PIPE_BUF	512	/* POSIX atomicity limit */

struct pipe {
	char	buf[PIPE_SIZE];
	size_t	head;		/* next byte to read */
	size_t	count;		/* bytes in the buffer */
	int	readers;	/* open read ends */
	int	writers;	/* open write ends */
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
		if (pp->writers == 0 || n == 0)
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

static int
pipe_write(struct file *fp, const void *ubuf, size_t n, size_t *done)
{
	struct pipe *pp = fp->f_data;
	size_t chunk, tail, room;
	int error;

	*done = 0;
	while (*done < n) {
		if (pp->readers == 0) {
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

static void
pipe_close(struct file *fp)
{
	struct pipe *pp = fp->f_data;

	if (fp->f_flag & FREAD)
		pp->readers--;
	if (fp->f_flag & FWRITE)
		pp->writers--;
	wakeup(pp);
	if (pp->readers == 0 && pp->writers == 0)
		kfree(pp);
}

/* Readable: bytes, or no writer left (end of file). Writable: PIPE_BUF fits. */
static int
pipe_poll(struct file *fp, int events)
{
	struct pipe *pp = fp->f_data;
	int r = 0;

	if ((fp->f_flag & FREAD) && (pp->count > 0 || pp->writers == 0))
		r |= events & (POLLIN | POLLRDNORM);
	if ((fp->f_flag & FWRITE) && PIPE_SIZE - pp->count >= PIPE_BUF)
		r |= events & (POLLOUT | POLLWRNORM);
	if (((fp->f_flag & FREAD) && pp->writers == 0) ||
	    ((fp->f_flag & FWRITE) && pp->readers == 0))
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

int
sys_pipe(struct thread *td, uint32_t *args)
{
	struct proc *p = td->td_proc;
	struct pipe *pp = kzalloc(sizeof(*pp));
	struct file *rf, *wf;
	int fds[2], error;

	if (pp == NULL)
		return ENOMEM;
	rf = falloc(&pipe_ops, pp, FREAD);
	wf = falloc(&pipe_ops, pp, FWRITE);
	if (rf == NULL || wf == NULL) {
		kfree(rf);
		kfree(wf);
		kfree(pp);
		return ENFILE;
	}
	pp->readers = pp->writers = 1;
	error = fd_alloc(p, rf, 0, &fds[0]);
	if (error == 0 && (error = fd_alloc(p, wf, 0, &fds[1])) != 0)
		p->p_fd[fds[0]] = NULL;
	if (error == 0 && (error = copyout(fds, (void *)args[0], sizeof(fds))) != 0)
		p->p_fd[fds[0]] = p->p_fd[fds[1]] = NULL;
	if (error) {
		fdrop(rf);
		fdrop(wf);
		return error;
	}
	return 0;
}
