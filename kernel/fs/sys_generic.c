/*
 * sys_generic.c - the file system calls: open, close, read, write, lseek,
 * fstat, stat, getdents, ioctl, dup, dup2. Each checks its descriptor and
 * its access mode, then hands the work to the file's operations.
 */
#include <string.h>
#include <sys/errno.h>
#include <sys/stat.h>
#include <fcntl.h>
#include "kernel/fs/file.h"
#include "kernel/syscall.h"
#include "kernel/fs/initrd.h"
#include "proc/proc.h"
#include "vm/vm.h"

#define IOCTL_MAXSIZE	64

int
sys_open(struct thread *td, uint32_t *args)
{
	char path[INITRD_PATHMAX];
	struct file *fp;
	int fd, error;

	if ((error = copyinstr((void *)args[0], path, sizeof(path), NULL)) != 0)
		return error;
	if ((error = vfs_open(path, (int)args[1], &fp)) != 0)
		return error;
	if ((error = fd_alloc(td->td_proc, fp, 0, &fd)) != 0) {
		fdrop(fp);
		return error;
	}
	td->td_retval[0] = fd;
	return 0;
}

int
sys_close(struct thread *td, uint32_t *args)
{
	struct file *fp = fd_get(td, (int)args[0]);

	if (fp == NULL)
		return EBADF;
	td->td_proc->p_fd[args[0]] = NULL;
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

int
sys_stat(struct thread *td, uint32_t *args)
{
	char path[INITRD_PATHMAX];
	struct stat st;
	int error;

	(void)td;
	if ((error = copyinstr((void *)args[0], path, sizeof(path), NULL)) != 0)
		return error;
	if ((error = vfs_stat(path, &st)) != 0)
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
	if (fp->f_ops->fo_ioctl == NULL)
		return ENOTTY;
	if (len > sizeof(data))
		return EINVAL;
	memset(data, 0, sizeof(data));
	if ((cmd & IOC_IN) && (error = copyin((void *)args[2], data, len)) != 0)
		return error;
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

	if (fp == NULL || to < 0 || to >= NOFILE)
		return EBADF;
	td->td_retval[0] = to;
	if (p->p_fd[to] == fp)
		return 0;
	fhold(fp);
	if (p->p_fd[to] != NULL)
		fdrop(p->p_fd[to]);
	p->p_fd[to] = fp;
	return 0;
}
