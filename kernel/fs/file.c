/*
 * file.c - descriptors and open-file objects: allocation, reference counts
 * and the per-process descriptor table with its close-on-exec flags.
 * Opening a path is the file-system switch's (kernel/fs/vfs.c).
 */
#include <string.h>
#include <sys/errno.h>
#include <fcntl.h>
#include "kernel/fs/file.h"
#include "proc/proc.h"
#include "vm/vm.h"

struct file *
falloc(const struct fileops *ops, void *data, int flag)
{
	struct file *fp = kzalloc(sizeof(*fp));

	if (fp == NULL)
		return NULL;
	fp->f_ops = ops;
	fp->f_data = data;
	fp->f_flag = flag;
	fp->f_count = 1;
	return fp;
}

void
fhold(struct file *fp)
{
	fp->f_count++;
}

void
fdrop(struct file *fp)
{
	if (--fp->f_count > 0)
		return;
	if (fp->f_ops->fo_close != NULL)
		fp->f_ops->fo_close(fp);
	kfree(fp);
}

/*
 * The lowest free descriptor >= minfd now points at fp (not close-on-exec);
 * EMFILE if none is free below p's RLIMIT_NOFILE.
 */
int
fd_alloc(struct proc *p, struct file *fp, int minfd, int *fdp)
{
	int fd, lim = lim_nofile(p);

	for (fd = minfd; fd < lim; fd++)
		if (p->p_fd[fd] == NULL) {
			p->p_fd[fd] = fp;
			p->p_fdflags[fd] = 0;
			*fdp = fd;
			return 0;
		}
	return EMFILE;
}

struct file *
fd_get(struct thread *td, int fd)
{
	if (fd < 0 || fd >= NOFILE)
		return NULL;
	return td->td_proc->p_fd[fd];
}

void
fd_close_on_exec(struct proc *p)
{
	int fd;

	for (fd = 0; fd < NOFILE; fd++)
		if (p->p_fd[fd] != NULL && (p->p_fdflags[fd] & UF_EXCLOSE)) {
			fdrop(p->p_fd[fd]);
			p->p_fd[fd] = NULL;
			p->p_fdflags[fd] = 0;
		}
}

int
open_fflags(int oflags)
{
	int f = 0;

	switch (oflags & O_ACCMODE) {
	case O_RDONLY:
		f = FREAD;
		break;
	case O_WRONLY:
		f = FWRITE;
		break;
	case O_RDWR:
		f = FREAD | FWRITE;
		break;
	}
	if (oflags & O_NONBLOCK)
		f |= FNONBLOCK;
	if (oflags & O_APPEND)
		f |= FAPPEND;
	return f;
}
