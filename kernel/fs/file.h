/*
 * file.h - open files. A struct file is what a descriptor points at: shared
 * by dup() and fork(), with its own offset and a table of operations for
 * the kind of object behind it (an initrd file or directory, a pipe end,
 * the console terminal, the COM2 line, /dev/null).
 */
#ifndef KERNEL_FS_FILE_H
#define KERNEL_FS_FILE_H

#include <stddef.h>
#include <sys/types.h>

struct file;
struct stat;
struct proc;
struct thread;

struct fileops {
	/* Move bytes to/from the user buffer ubuf; *done counts them. */
	int	(*fo_read)(struct file *fp, void *ubuf, size_t n, size_t *done);
	int	(*fo_write)(struct file *fp, const void *ubuf, size_t n, size_t *done);
	int	(*fo_ioctl)(struct file *fp, unsigned long cmd, void *data);
	int	(*fo_stat)(struct file *fp, struct stat *st);
	void	(*fo_close)(struct file *fp);
};

struct file {
	const struct fileops	*f_ops;
	void			*f_data;	/* the object */
	int			f_flag;		/* FREAD, FWRITE, FNONBLOCK, FCLOEXEC */
	int			f_count;	/* descriptors pointing here */
	off_t			f_offset;
};

#define FREAD		0x0001
#define FWRITE		0x0002
#define FNONBLOCK	0x0004
#define FCLOEXEC	0x0008

struct file	*falloc(const struct fileops *ops, void *data, int flag);
void		fhold(struct file *fp);
void		fdrop(struct file *fp);
int		fd_alloc(struct proc *p, struct file *fp, int minfd, int *fdp);
struct file	*fd_get(struct thread *td, int fd);
void		fd_close_on_exec(struct proc *p);
int		vfs_open(const char *path, int flags, struct file **fpp);
int		vfs_stat(const char *path, struct stat *st);

#endif
