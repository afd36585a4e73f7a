/*
 * tty.c - the terminal functions of termios(4), all over ioctls: a
 * descriptor is a terminal exactly when TIOCGETA works on it.
 */
#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

int
tcgetattr(int fd, struct termios *t)
{
	return ioctl(fd, TIOCGETA, t);
}

int
tcsetattr(int fd, int action, const struct termios *t)
{
	struct termios tmp;

	/* TCSASOFT keeps the hardware settings (c_cflag, the speeds) as they are. */
	if (action & TCSASOFT) {
		action &= ~TCSASOFT;
		if (tcgetattr(fd, &tmp) == -1)
			return -1;
		tmp.c_iflag = t->c_iflag;
		tmp.c_oflag = t->c_oflag;
		tmp.c_lflag = t->c_lflag;
		memcpy(tmp.c_cc, t->c_cc, sizeof(tmp.c_cc));
		t = &tmp;
	}
	switch (action) {
	case TCSANOW:
		return ioctl(fd, TIOCSETA, t);
	case TCSADRAIN:
		return ioctl(fd, TIOCSETAW, t);
	case TCSAFLUSH:
		return ioctl(fd, TIOCSETAF, t);
	}
	errno = EINVAL;
	return -1;
}

int
tcdrain(int fd)
{
	return ioctl(fd, TIOCDRAIN);
}

int
tcflush(int fd, int which)
{
	int com;

	switch (which) {
	case TCIFLUSH:
		com = 1;		/* FREAD */
		break;
	case TCOFLUSH:
		com = 2;		/* FWRITE */
		break;
	case TCIOFLUSH:
		com = 3;
		break;
	default:
		errno = EINVAL;
		return -1;
	}
	return ioctl(fd, TIOCFLUSH, &com);
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

pid_t
tcgetsid(int fd)
{
	pid_t sid;

	if (ioctl(fd, TIOCGSID, &sid) == -1)
		return -1;
	return sid;
}

speed_t
cfgetispeed(const struct termios *t)
{
	return t->c_ispeed;
}

speed_t
cfgetospeed(const struct termios *t)
{
	return t->c_ospeed;
}

int
cfsetispeed(struct termios *t, speed_t speed)
{
	t->c_ispeed = speed;
	return 0;
}

int
cfsetospeed(struct termios *t, speed_t speed)
{
	t->c_ospeed = speed;
	return 0;
}

int
cfsetspeed(struct termios *t, speed_t speed)
{
	t->c_ispeed = t->c_ospeed = speed;
	return 0;
}

/* FreeBSD's raw mode: bytes in and out exactly as they are, one at a time. */
void
cfmakeraw(struct termios *t)
{
	t->c_iflag &= ~(IMAXBEL | IXOFF | INPCK | BRKINT | PARMRK | ISTRIP |
	    INLCR | IGNCR | ICRNL | IXON | IGNPAR);
	t->c_iflag |= IGNBRK;
	t->c_oflag &= ~OPOST;
	t->c_lflag &= ~(ECHO | ECHOE | ECHOK | ECHONL | ICANON | ISIG | IEXTEN |
	    NOFLSH | TOSTOP | PENDIN);
	t->c_cflag &= ~(CSIZE | PARENB);
	t->c_cflag |= CS8 | CREAD;
	t->c_cc[VMIN] = 1;
	t->c_cc[VTIME] = 0;
}
