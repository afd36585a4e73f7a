/*
 * poll.h - waiting for several descriptors, FreeBSD's names and values.
 */
#ifndef _POLL_H_
#define _POLL_H_

typedef unsigned int	nfds_t;

struct pollfd {
	int	fd;		/* which descriptor */
	short	events;		/* events to look for */
	short	revents;	/* events that happened */
};

#define POLLIN		0x0001	/* data to read */
#define POLLPRI		0x0002	/* urgent data to read */
#define POLLOUT		0x0004	/* writing will not block */
#define POLLRDNORM	0x0040
#define POLLWRNORM	POLLOUT
#define POLLRDBAND	0x0080
#define POLLWRBAND	0x0100
#define POLLERR		0x0008	/* an error (revents only) */
#define POLLHUP		0x0010	/* hung up (revents only) */
#define POLLNVAL	0x0020	/* not an open descriptor (revents only) */

#define INFTIM		(-1)	/* wait without a timeout */

#ifndef _KERNEL
int	poll(struct pollfd *, nfds_t, int);
#endif

#endif
