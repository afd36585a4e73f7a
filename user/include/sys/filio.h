/* sys/filio.h - ioctls any descriptor may answer, with FreeBSD's numbers. */
#ifndef _SYS_FILIO_H_
#define _SYS_FILIO_H_

#define FIONREAD	0x4004667f	/* bytes ready to read */
#define FIONBIO		0x8004667e	/* set or clear non-blocking I/O */

#endif
