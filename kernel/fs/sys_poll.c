/*
 * sys_poll.c - poll(2) and select(2): wait until one of several descriptors
 * is ready.
 *
 * Each kind of file says what it is ready for through its fo_poll
 * operation: a pipe end has bytes, or room, or no other end left; the
 * console has a line (or a byte, in non-canonical mode). A file without
 * fo_poll (a regular file, a directory, /dev/null) is always ready, as POSIX
 * says of regular files.
 *
 * Waiting is simple rather than fast. The caller sleeps on one channel,
 * selwait, for at most a tick at a time and then looks at all its
 * descriptors again; the console wakes the channel as soon as a key comes
 * (selwakeup()), other files are noticed at the next tick (10 ms at the
 * default rate). FreeBSD instead records each waiting thread on every file
 * it polls (selrecord) so that any change wakes it exactly.
 */
#include <string.h>
#include <sys/errno.h>
#include <sys/select.h>
#include <poll.h>
#include "kernel/dev/clock.h"
#include "kernel/fs/file.h"
#include "kernel/syscall.h"
#include "proc/proc.h"
#include "vm/vm.h"

#define POLL_MAX	256	/* struct pollfd entries in one call */
#define SELECT_FOREVER	1000000	/* seconds: a longer timeout never ends */

static int selwait;

void
selwakeup(void)
{
	wakeup(&selwait);
}

/* What fd is ready for of events; POLLNVAL if it is not open. */
static int
poll_one(struct thread *td, int fd, int events)
{
	struct file *fp = fd_get(td, fd);

	if (fp == NULL)
		return POLLNVAL;
	if (fp->f_ops->fo_poll != NULL)
		return fp->f_ops->fo_poll(fp, events);
	return events & (POLLIN | POLLRDNORM | POLLOUT | POLLWRNORM);
}

/*
 * Wait for ready() (which counts what is ready; 0: nothing yet) until
 * deadline (a tick count; 0: for ever, nowait: do not wait). The count, or
 * 0 at the deadline; EINTR if a signal comes first (poll and select are
 * never restarted).
 */
static int
wait_ready(struct thread *td, int (*ready)(struct thread *, void *),
    void *arg, int nowait, uint32_t deadline, int *count)
{
	int error;

	for (;;) {
		if ((*count = ready(td, arg)) != 0 || nowait)
			return 0;
		if (deadline != 0 && (int32_t)(deadline - ticks) <= 0)
			return 0;
		error = tsleep(&selwait, 1, "select", 1);
		if (error != 0 && error != EWOULDBLOCK)
			return EINTR;
	}
}

struct pollargs {
	struct pollfd	*fds;
	unsigned	n;
};

static int
poll_ready(struct thread *td, void *arg)
{
	struct pollargs *pa = arg;
	unsigned i;
	int count = 0;

	for (i = 0; i < pa->n; i++) {
		struct pollfd *p = &pa->fds[i];

		p->revents = p->fd < 0 ? 0 : poll_one(td, p->fd,
		    p->events | POLLHUP);
		if (p->revents != 0)
			count++;
	}
	return count;
}

/* poll(fds, nfds, timeout): timeout in milliseconds, -1 for ever. */
int
sys_poll(struct thread *td, uint32_t *args)
{
	struct pollargs pa = { NULL, args[1] };
	int timeout = (int)args[2], count = 0, error;
	size_t size = pa.n * sizeof(struct pollfd);

	if (pa.n > POLL_MAX)
		return EINVAL;
	if (pa.n > 0 && (pa.fds = kmalloc(size)) == NULL)
		return ENOMEM;
	error = pa.n > 0 ? copyin((void *)args[0], pa.fds, size) : 0;
	if (error == 0)
		error = wait_ready(td, poll_ready, &pa, timeout == 0,
		    timeout > 0 ? ticks + clock_ns_to_ticks(timeout *
		    1000000ull) : 0, &count);
	if (error == 0 && pa.n > 0)
		error = copyout(pa.fds, (void *)args[0], size);
	kfree(pa.fds);
	td->td_retval[0] = count;
	return error;
}

struct selargs {
	int	nfds;
	fd_set	in[3];		/* read, write, except: what was asked */
	fd_set	out[3];		/* what is ready */
};

static int
select_ready(struct thread *td, void *arg)
{
	static const int want[3] = { POLLIN, POLLOUT, POLLPRI };
	struct selargs *sa = arg;
	int fd, k, r, count = 0;

	memset(sa->out, 0, sizeof(sa->out));
	for (fd = 0; fd < sa->nfds; fd++)
		for (k = 0; k < 3; k++) {
			if (!FD_ISSET(fd, &sa->in[k]))
				continue;
			r = poll_one(td, fd, want[k]);
			if ((r & want[k]) || (k == 0 && (r & POLLHUP))) {
				FD_SET(fd, &sa->out[k]);
				count++;
			}
		}
	return count;
}

/*
 * select(nfds, readfds, writefds, exceptfds, timeout): the sets are
 * replaced by the ready descriptors; EBADF for a descriptor in a set that
 * is not open. The timeout is left as it was (FreeBSD's behaviour).
 */
int
sys_select(struct thread *td, uint32_t *args)
{
	struct selargs *sa;
	struct timeval tv;
	uint32_t deadline = 0;
	int fd, k, count = 0, error = 0, nowait = 0;

	if ((int)args[0] < 0 || (int)args[0] > FD_SETSIZE)
		return EINVAL;
	if ((sa = kzalloc(sizeof(*sa))) == NULL)
		return ENOMEM;
	sa->nfds = (int)args[0];
	for (k = 0; k < 3 && error == 0; k++)
		if (args[1 + k] != 0)
			error = copyin((void *)args[1 + k], &sa->in[k],
			    sizeof(fd_set));
	for (fd = 0; fd < sa->nfds && error == 0; fd++)
		for (k = 0; k < 3; k++)
			if (FD_ISSET(fd, &sa->in[k]) && fd_get(td, fd) == NULL)
				error = EBADF;
	if (error == 0 && args[4] != 0) {
		if ((error = copyin((void *)args[4], &tv, sizeof(tv))) == 0 &&
		    (tv.tv_sec < 0 || tv.tv_usec < 0 || tv.tv_usec >= 1000000))
			error = EINVAL;
		nowait = tv.tv_sec == 0 && tv.tv_usec == 0;
		if (tv.tv_sec < SELECT_FOREVER)		/* longer: no deadline */
			deadline = ticks + clock_ns_to_ticks((uint64_t)tv.tv_sec *
			    1000000000u + (uint64_t)tv.tv_usec * 1000u);
	}
	if (error == 0)
		error = wait_ready(td, select_ready, sa, nowait, deadline,
		    &count);
	for (k = 0; k < 3 && error == 0; k++)
		if (args[1 + k] != 0)
			error = copyout(&sa->out[k], (void *)args[1 + k],
			    sizeof(fd_set));
	kfree(sa);
	td->td_retval[0] = count;
	return error;
}
