/*
 * file.h - open files. A struct file is what a descriptor points at: shared
 * by dup() and fork(), with its own offset and a table of operations for
 * the kind of object behind it (an initrd or /tmp file or directory, a pipe
 * end, the console terminal, the COM2 line, /dev/null). Close-on-exec
 * belongs to the descriptor, not the file (p_fdflags).
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
	/* Optional: regular files' length (ftruncate), directories' path (fchdir). */
	int	(*fo_truncate)(struct file *fp, off_t length);
	int	(*fo_path)(struct file *fp, char *buf, size_t size);
	/* Optional: which of poll(2)'s events are true now (none: all are). */
	int	(*fo_poll)(struct file *fp, int events);
};

struct file {
	const struct fileops	*f_ops;
	void			*f_data;	/* the object */
	int			f_flag;		/* FREAD, FWRITE, FNONBLOCK, FAPPEND */
	int			f_count;	/* descriptors pointing here */
	off_t			f_offset;
};

#define FREAD		0x0001
#define FWRITE		0x0002
#define FNONBLOCK	0x0004
#define FAPPEND		0x0008	/* every write goes to the end */

struct file	*falloc(const struct fileops *ops, void *data, int flag);
void		fhold(struct file *fp);
void		fdrop(struct file *fp);
int		fd_alloc(struct proc *p, struct file *fp, int minfd, int *fdp);
struct file	*fd_get(struct thread *td, int fd);
void		fd_close_on_exec(struct proc *p);
int		open_fflags(int oflags);	/* open(2)'s flags -> f_flag */
void		selwakeup(void);	/* something pollers wait for happened */

#endif
