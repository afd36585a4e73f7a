/*
 * comdev.c - COM2 as a raw, 8-bit-clean byte stream (/dev/ttyu1): no echo,
 * no line editing, no newline translation, which is what the GDB remote
 * protocol needs. Received bytes are queued by the interrupt handler; read()
 * sleeps for at least one byte unless the file was opened O_NONBLOCK
 * (EAGAIN when empty), so the stub can poll the line while its debuggee runs.
 */
#include <string.h>
#include <sys/errno.h>
#include <sys/stat.h>
#include <poll.h>
#include "kernel/fs/devfs.h"
#include "kernel/dev/console.h"
#include "kernel/fs/file.h"
#include "kernel/i386/trap.h"
#include "kernel/i386/x86.h"
#include "proc/proc.h"
#include "vm/vm.h"

#define COM_BUFSIZE	4096

static char rxbuf[COM_BUFSIZE];
static unsigned rx_head, rx_count;

static void
comdev_intr(void)
{
	int c;

	while ((c = serial_getc_nowait(COM2_PORT)) >= 0) {
		if (rx_count < COM_BUFSIZE)
			rxbuf[(rx_head + rx_count++) % COM_BUFSIZE] = c;
	}
	wakeup(rxbuf);
	selwakeup();
}

void
comdev_init(void)
{
	serial_init(COM2_PORT);
	irq_register(COM2_IRQ, comdev_intr);
	serial_enable_rx_intr(COM2_PORT);
}

static int
com_read(struct file *fp, void *ubuf, size_t n, size_t *done)
{
	char kbuf[256];
	uint32_t ef;
	size_t i = 0;
	int error = 0;

	*done = 0;
	if (n > sizeof(kbuf))
		n = sizeof(kbuf);
	ef = intr_disable();
	while (rx_count == 0) {
		if (fp->f_flag & FNONBLOCK) {
			error = EAGAIN;
			break;
		}
		if ((error = tsleep(rxbuf, 1, "comin", 0)) != 0)
			break;
	}
	for (; error == 0 && i < n && rx_count > 0; i++) {
		kbuf[i] = rxbuf[rx_head];
		rx_head = (rx_head + 1) % COM_BUFSIZE;
		rx_count--;
	}
	intr_restore(ef);
	if (error)
		return error;
	*done = i;
	return copyout(kbuf, ubuf, i);
}

static int
com_sink(const char *buf, size_t len)
{
	while (len-- > 0)
		serial_putc(COM2_PORT, *buf++);
	return 0;
}

static int
com_write(struct file *fp, const void *ubuf, size_t n, size_t *done)
{
	(void)fp;
	return devfs_write_chunks(ubuf, n, done, com_sink);
}

static int
com_poll(struct file *fp, int events)
{
	int r = events & (POLLOUT | POLLWRNORM);

	(void)fp;
	if (rx_count > 0)
		r |= events & (POLLIN | POLLRDNORM);
	return r;
}

const struct fileops comdev_ops = {
	.fo_read = com_read,
	.fo_write = com_write,
	.fo_stat = devfs_chr_stat,
	.fo_poll = com_poll,
};
