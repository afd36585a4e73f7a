/* sys/ioctl.h - ioctl(2) and its requests: the terminal's and the generic ones. */
#ifndef _SYS_IOCTL_H_
#define _SYS_IOCTL_H_

#include <sys/ttycom.h>
#include <sys/filio.h>

#ifndef _KERNEL
int	ioctl(int fd, unsigned long request, ...);
#endif

#endif
