/*
 * pressure.h - running a case while physical memory is short. A "hog"
 * child takes free pages until a given number are left (or none can be
 * had at all), then gives them back one at a time on request, so that a
 * case can try an operation at every level of shortage and see it either
 * succeed or fail cleanly.
 *
 * Whoever acts while the hog holds memory must not need a page itself:
 * kt_own_pages() makes its stack, data and bss its own beforehand, and
 * kt_own_range() any other buffer (after its last fork: fork makes them
 * shared again).
 */
#ifndef PRESSURE_H
#define PRESSURE_H

#include <stddef.h>
#include <sys/types.h>

struct hog {
	pid_t	pid;
	int	cmd;		/* one byte: give one page back */
	int	ack;		/* one byte per page given back */
};

void	kt_own_pages(void);
void	kt_own_range(void *p, size_t n);

/* Fork the hog and let it take pages until `leave` are free: 0, or -1. */
int	kt_hog_start(struct hog *h, int leave);
/* One page back: 0, or -1 if the hog is gone. */
int	kt_hog_give(struct hog *h);
/* The hog exits and every page comes back; its wait status. */
int	kt_hog_stop(struct hog *h);

#endif
