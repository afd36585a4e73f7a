/*
 * sys_generic.c - the system calls on descriptors: close, read, write,
 * lseek, fstat, getdents, ftruncate, ioctl, dup, dup2 and fcntl. Each
 * checks its descriptor and its access mode, then hands the work to the
 * file's operations. The calls on path names are in vfs_syscalls.c.
 */
#include <string.h>
#include <sys/errno.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <sys/filio.h>
#include "kernel/fs/file.h"
#include "kernel/syscall.h"
#include "proc/proc.h"
#include "vm/vm.h"

#define IOCTL_MAXSIZE	64

int
sys_close(struct thread *td, uint32_t *args)
{
	struct file *fp = fd_get(td, (int)args[0]);

	if (fp == NULL)
		return EBADF;
	td->td_proc->p_fd[args[0]] = NULL;
	td->td_proc->p_fdflags[args[0]] = 0;
	fdrop(fp);
	return 0;
}

int
sys_read(struct thread *td, uint32_t *args)
{
	struct file *fp = fd_get(td, (int)args[0]);
	size_t done = 0;
	int error;

	if (fp == NULL || !(fp->f_flag & FREAD))
		return EBADF;
	if ((int)args[2] < 0)
		return EINVAL;
	error = fp->f_ops->fo_read(fp, (void *)args[1], args[2], &done);
	td->td_retval[0] = done;
	return error;
}

int
sys_write(struct thread *td, uint32_t *args)
{
	struct file *fp = fd_get(td, (int)args[0]);
	size_t done = 0;
	int error;

	if (fp == NULL || !(fp->f_flag & FWRITE) || fp->f_ops->fo_write == NULL)
		return EBADF;
	if ((int)args[2] < 0)
		return EINVAL;
	error = fp->f_ops->fo_write(fp, (const void *)args[1], args[2], &done);
	td->td_retval[0] = done;
	return error;
}

/* getdents is read() on a directory. */
int
sys_getdents(struct thread *td, uint32_t *args)
{
	struct file *fp = fd_get(td, (int)args[0]);
	struct stat st;

	if (fp == NULL)
		return EBADF;
	if (fp->f_ops->fo_stat(fp, &st) != 0 || !S_ISDIR(st.st_mode))
		return ENOTDIR;
	return sys_read(td, args);
}

int
sys_lseek(struct thread *td, uint32_t *args)
{
	struct file *fp = fd_get(td, (int)args[0]);
	int64_t off = (int64_t)((uint64_t)args[2] << 32 | args[1]), base;
	struct stat st;

	if (fp == NULL)
		return EBADF;
	if (fp->f_ops->fo_stat(fp, &st) != 0 || !(S_ISREG(st.st_mode) ||
	    S_ISDIR(st.st_mode)))
		return ESPIPE;
	switch (args[3]) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = fp->f_offset;
		break;
	case SEEK_END:
		base = st.st_size;
		break;
	default:
		return EINVAL;
	}
	if (base + off < 0 || base + off > 0x7fffffff)
		return EINVAL;
	fp->f_offset = base + off;
	td->td_retval[0] = (uint32_t)fp->f_offset;
	return 0;
}

int
sys_fstat(struct thread *td, uint32_t *args)
{
	struct file *fp = fd_get(td, (int)args[0]);
	struct stat st;
	int error;

	if (fp == NULL)
		return EBADF;
	if ((error = fp->f_ops->fo_stat(fp, &st)) != 0)
		return error;
	return copyout(&st, (void *)args[1], sizeof(st));
}

/* The size of an ioctl's argument is encoded in the request (BSD style). */
#define IOCPARM_LEN(x)	(((x) >> 16) & 0x1fff)
#define IOC_IN		0x80000000u
#define IOC_OUT		0x40000000u

int
sys_ioctl(struct thread *td, uint32_t *args)
{
	struct file *fp = fd_get(td, (int)args[0]);
	unsigned long cmd = args[1];
	size_t len = IOCPARM_LEN(cmd);
	char data[IOCTL_MAXSIZE];
	int error;

	if (fp == NULL)
		return EBADF;
	if (len > sizeof(data))
		return EINVAL;
	memset(data, 0, sizeof(data));
	if ((cmd & IOC_IN) && (error = copyin((void *)args[2], data, len)) != 0)
		return error;
	if (cmd == FIONBIO) {		/* any descriptor: the file's flag */
		if (*(int *)data)
			fp->f_flag |= FNONBLOCK;
		else
			fp->f_flag &= ~FNONBLOCK;
		return 0;
	}
	if (fp->f_ops->fo_ioctl == NULL)
		return ENOTTY;
	if ((error = fp->f_ops->fo_ioctl(fp, cmd, data)) != 0)
		return error;
	if (cmd & IOC_OUT)
		return copyout(data, (void *)args[2], len);
	return 0;
}

int
sys_dup(struct thread *td, uint32_t *args)
{
	struct file *fp = fd_get(td, (int)args[0]);
	int fd, error;

	if (fp == NULL)
		return EBADF;
	if ((error = fd_alloc(td->td_proc, fp, 0, &fd)) != 0)
		return error;
	fhold(fp);
	td->td_retval[0] = fd;
	return 0;
}

int
sys_dup2(struct thread *td, uint32_t *args)
{
	struct proc *p = td->td_proc;
	struct file *fp = fd_get(td, (int)args[0]);
	int to = (int)args[1];

	if (fp == NULL || to < 0 || to >= lim_nofile(p))
		return EBADF;
	td->td_retval[0] = to;
	if (p->p_fd[to] == fp)
		return 0;
	fhold(fp);
	if (p->p_fd[to] != NULL)
		fdrop(p->p_fd[to]);
	p->p_fd[to] = fp;
	p->p_fdflags[to] = 0;
	return 0;
}

/* ftruncate(fd, length): a regular file open for writing (EINVAL otherwise). */
int
sys_ftruncate(struct thread *td, uint32_t *args)
{
	struct file *fp = fd_get(td, (int)args[0]);
	int64_t len = (int64_t)((uint64_t)args[2] << 32 | args[1]);

	if (fp == NULL)
		return EBADF;
	if (!(fp->f_flag & FWRITE) || fp->f_ops->fo_truncate == NULL || len < 0)
		return EINVAL;
	return fp->f_ops->fo_truncate(fp, len);
}

/* The open(2) flags a file was opened with, as F_GETFL reports them. */
static int
oflags_of(const struct file *fp)
{
	int o = (fp->f_flag & (FREAD | FWRITE)) == (FREAD | FWRITE) ? O_RDWR :
	    (fp->f_flag & FWRITE) ? O_WRONLY : O_RDONLY;

	if (fp->f_flag & FNONBLOCK)
		o |= O_NONBLOCK;
	if (fp->f_flag & FAPPEND)
		o |= O_APPEND;
	return o;
}

/*
 * fcntl(fd, cmd, arg): F_DUPFD and F_DUPFD_CLOEXEC (the lowest free
 * descriptor >= arg), F_GETFD/F_SETFD (close-on-exec, the descriptor's),
 * F_GETFL/F_SETFL (O_NONBLOCK and O_APPEND, the open file's).
 */
int
sys_fcntl(struct thread *td, uint32_t *args)
{
	struct proc *p = td->td_proc;
	struct file *fp = fd_get(td, (int)args[0]);
	int fd = (int)args[0], arg = (int)args[2], nfd, error;

	if (fp == NULL)
		return EBADF;
	switch ((int)args[1]) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		if (arg < 0 || arg >= lim_nofile(p))
			return EINVAL;
		if ((error = fd_alloc(p, fp, arg, &nfd)) != 0)
			return error;
		fhold(fp);
		if ((int)args[1] == F_DUPFD_CLOEXEC)
			p->p_fdflags[nfd] |= UF_EXCLOSE;
		td->td_retval[0] = nfd;
		return 0;
	case F_GETFD:
		td->td_retval[0] = (p->p_fdflags[fd] & UF_EXCLOSE) ? FD_CLOEXEC : 0;
		return 0;
	case F_SETFD:
		if (arg & FD_CLOEXEC)
			p->p_fdflags[fd] |= UF_EXCLOSE;
		else
			p->p_fdflags[fd] &= ~UF_EXCLOSE;
		return 0;
	case F_GETFL:
		td->td_retval[0] = oflags_of(fp);
		return 0;
	case F_SETFL:
		fp->f_flag = (fp->f_flag & ~(FNONBLOCK | FAPPEND)) |
		    (open_fflags(arg) & (FNONBLOCK | FAPPEND));
		return 0;
	}
	return EINVAL;
}
