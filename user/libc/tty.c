/*
 * tty.c - terminal calls, all ioctls: a descriptor is a terminal exactly when
 * TIOCGETA works on it.
 */
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

int
tcgetattr(int fd, struct termios *t)
{
	return ioctl(fd, TIOCGETA, t);
}

/* Kestrel has no draining or flushing variants: every action is TCSANOW. */
int
tcsetattr(int fd, int action, const struct termios *t)
{
	(void)action;
	return ioctl(fd, TIOCSETA, t);
}

int
isatty(int fd)
{
	struct termios t;

	return tcgetattr(fd, &t) == 0;
}

pid_t
tcgetpgrp(int fd)
{
	pid_t pgrp;

	if (ioctl(fd, TIOCGPGRP, &pgrp) == -1)
		return -1;
	return pgrp;
}

int
tcsetpgrp(int fd, pid_t pgrp)
{
	return ioctl(fd, TIOCSPGRP, &pgrp);
}
