/*
 * devfs.c - the devices a program can open. They have no nodes in the
 * initrd; open() recognises their names here.
 */
#include <string.h>
#include <sys/errno.h>
#include <sys/stat.h>
#include <poll.h>
#include "kernel/fs/devfs.h"
#include "kernel/fs/file.h"
#include "kernel/fs/initrd.h"
#include "kernel/fs/tty.h"
#include "kernel/fs/vfs.h"
#include "kernel/dev/rtc.h"
#include "vm/vm.h"

extern const struct fileops comdev_ops;

/*
 * The user's buffer is checked before anything is taken from the terminal:
 * a bad pointer is EFAULT at once, and typed input is never lost to it.
 * The kernel buffer holds as much as the terminal can (a whole line).
 */
static int
tty_fo_read(struct file *fp, void *ubuf, size_t n, size_t *done)
{
	char *kbuf;
	int error;

	if (n > TTY_BUFSIZE)
		n = TTY_BUFSIZE;
	if ((kbuf = kzalloc(n > 0 ? n : 1)) == NULL)
		return ENOMEM;
	error = copyout(kbuf, ubuf, n);
	if (error == 0)
		error = tty_read(&console_tty, kbuf, n, done,
		    fp->f_flag & FNONBLOCK);
	if (error == 0)
		error = copyout(kbuf, ubuf, *done);
	kfree(kbuf);
	return error;
}

/*
 * A character device's write(): user bytes go to sink in small chunks
 * through a kernel buffer. A bad buffer, or an error of the sink, after
 * some bytes is a short write.
 */
int
devfs_write_chunks(const void *ubuf, size_t n, size_t *done,
    int (*sink)(const char *buf, size_t len))
{
	char kbuf[256];
	size_t chunk;
	int error;

	for (*done = 0; *done < n; *done += chunk) {
		chunk = n - *done;
		if (chunk > sizeof(kbuf))
			chunk = sizeof(kbuf);
		if (copyin((const char *)ubuf + *done, kbuf, chunk) != 0)
			return *done > 0 ? 0 : EFAULT;
		if ((error = sink(kbuf, chunk)) != 0)
			return *done > 0 ? 0 : error;
	}
	return 0;
}

static int
console_sink(const char *buf, size_t len)
{
	return tty_write(&console_tty, buf, len);
}

static int
tty_fo_write(struct file *fp, const void *ubuf, size_t n, size_t *done)
{
	(void)fp;
	return devfs_write_chunks(ubuf, n, done, console_sink);
}

static int
tty_fo_poll(struct file *fp, int events)
{
	int r = events & (POLLOUT | POLLWRNORM);

	(void)fp;
	if (tty_can_read(&console_tty))
		r |= events & (POLLIN | POLLRDNORM);
	return r;
}

static int
tty_fo_ioctl(struct file *fp, unsigned long cmd, void *data)
{
	(void)fp;
	return tty_ioctl(&console_tty, cmd, data);
}

int
devfs_chr_stat(struct file *fp, struct stat *st)
{
	(void)fp;
	memset(st, 0, sizeof(*st));
	st->st_dev = VFS_DEV_DEVFS;
	st->st_mode = S_IFCHR | 0666;
	st->st_nlink = 1;
	st->st_atim.tv_sec = st->st_mtim.tv_sec = st->st_ctim.tv_sec =
	    realtime_sec();
	return 0;
}

static const struct fileops tty_ops = {
	.fo_read = tty_fo_read,
	.fo_write = tty_fo_write,
	.fo_ioctl = tty_fo_ioctl,
	.fo_stat = devfs_chr_stat,
	.fo_poll = tty_fo_poll,
};

static int
null_read(struct file *fp, void *ubuf, size_t n, size_t *done)
{
	(void)fp, (void)ubuf, (void)n;
	*done = 0;
	return 0;
}

static int
null_write(struct file *fp, const void *ubuf, size_t n, size_t *done)
{
	(void)fp, (void)ubuf;
	*done = n;
	return 0;
}

static const struct fileops null_ops = {
	.fo_read = null_read,
	.fo_write = null_write,
	.fo_stat = devfs_chr_stat,
};

static const struct {
	const char		*name;
	const struct fileops	*ops;
} devices[] = {
	{ "dev/console", &tty_ops },
	{ "dev/tty", &tty_ops },
	{ "dev/ttyu0", &tty_ops },
	{ "dev/ttyu1", &comdev_ops },
	{ "dev/null", &null_ops },
};

static int
lookup(const char *path)
{
	char norm[INITRD_PATHMAX];
	unsigned i;

	if (initrd_normalize(path, norm, sizeof(norm)) != 0)
		return -1;
	for (i = 0; i < sizeof(devices) / sizeof(devices[0]); i++)
		if (strcmp(norm, devices[i].name) == 0)
			return i;
	return -1;
}

int
devfs_count(void)
{
	return sizeof(devices) / sizeof(devices[0]);
}

const char *
devfs_name(int i)
{
	return devices[i].name;
}

int
devfs_is_dev(const char *path)
{
	return lookup(path) >= 0;
}

/* Every device is open to everyone (mode 0666), for reading and writing. */
int
devfs_open(const char *path, int oflags, struct file **fpp)
{
	int i = lookup(path);

	if (i < 0)
		return ENOENT;
	if ((*fpp = falloc(devices[i].ops, NULL, open_fflags(oflags))) == NULL)
		return ENOMEM;
	return 0;
}
