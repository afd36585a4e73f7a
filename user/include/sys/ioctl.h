/* sys/ioctl.h - the terminal ioctls Kestrel has. */
#ifndef _SYS_IOCTL_H_
#define _SYS_IOCTL_H_

#define TIOCGPGRP	0x40047477	/* get the foreground process group */
#define TIOCSPGRP	0x80047476	/* set the foreground process group */
#define TIOCGETA	0x402c7413	/* get termios */
#define TIOCSETA	0x802c7414	/* set termios */

#ifndef _KERNEL
int	ioctl(int fd, unsigned long request, ...);
#endif

#endif
