/*
 * pressure.c - the memory hog (see pressure.h). It grows its heap a page
 * at a time and makes each page exist with read() from a pipe rather than
 * with a store: when no page can be had, the read fails with EFAULT where
 * a store would have killed the hog with SIGSEGV.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "ktest.h"
#include "pressure.h"

#define PAGE	4096

extern char etext[], end[];

/* The stack below us, and every page of data and bss (errno, stdio, ...). */
void
kt_own_pages(void)
{
	volatile char pad[8 * PAGE];
	uintptr_t data = ((uintptr_t)etext + PAGE - 1) & ~(uintptr_t)(PAGE - 1);

	memset((char *)pad, 1, sizeof(pad));
	kt_own_range((void *)data, (uintptr_t)end - data);
	errno = 0;
}

void
kt_own_range(void *p, size_t n)
{
	volatile char *c = p;
	size_t i;

	for (i = 0; i < n; i += PAGE)
		c[i] = c[i];
	if (n > 0)
		c[n - 1] = c[n - 1];
}

static void __attribute__((noreturn))
hog_main(int cmd, int ack, int leave)
{
	char c, *base = sbrk(0), *top = base;
	int fill[2];

	alarm(60);
	kt_own_pages();
	if (pipe(fill) != 0 || read(cmd, &c, 1) != 1)
		_exit(1);
	while (kt_free_pages() > leave && sbrk(PAGE) != (void *)-1) {
		write(fill[1], "x", 1);
		if (read(fill[0], top, 1) != 1) {
			sbrk(-PAGE);		/* no page could be made */
			break;
		}
		top += PAGE;
	}
	write(ack, "r", 1);
	while (read(cmd, &c, 1) == 1) {
		if (top > base) {
			sbrk(-PAGE);
			top -= PAGE;
		}
		write(ack, "f", 1);
	}
	_exit(0);
}

int
kt_hog_start(struct hog *h, int leave)
{
	int cmd[2], ack[2];
	char c;

	if (pipe(cmd) != 0 || pipe(ack) != 0)
		return -1;
	h->pid = fork();
	if (h->pid == 0) {
		close(cmd[1]);
		close(ack[0]);
		hog_main(cmd[0], ack[1], leave);
	}
	close(cmd[0]);
	close(ack[1]);
	h->cmd = cmd[1];
	h->ack = ack[0];
	if (h->pid < 0 || write(h->cmd, "g", 1) != 1 ||
	    read(h->ack, &c, 1) != 1)
		return -1;
	return 0;
}

int
kt_hog_give(struct hog *h)
{
	char c;

	return write(h->cmd, "g", 1) == 1 && read(h->ack, &c, 1) == 1 ? 0 : -1;
}

int
kt_hog_stop(struct hog *h)
{
	int status = -1;

	close(h->cmd);
	kt_wait_status(h->pid, &status);
	close(h->ack);
	return status;
}
