/*
 * devfs.h - the device names under /dev: console and tty (the console
 * terminal), ttyu0 (COM1, the same terminal), ttyu1 (COM2, a raw line for
 * the GDB stub) and null.
 */
#ifndef KERNEL_FS_DEVFS_H
#define KERNEL_FS_DEVFS_H

#include <stddef.h>

struct file;
struct stat;

int	devfs_is_dev(const char *path);
int	devfs_open(const char *path, int oflags, struct file **fpp);
int	devfs_count(void);
const char *devfs_name(int i);	/* "dev/console", ... for directory listings */

/* Shared by the character devices. */
int	devfs_write_chunks(const void *ubuf, size_t n, size_t *done,
	    int (*sink)(const char *buf, size_t len));
int	devfs_chr_stat(struct file *fp, struct stat *st);

/* kernel/dev/comdev.c: COM2 as a raw byte stream. */
void	comdev_init(void);

#endif
