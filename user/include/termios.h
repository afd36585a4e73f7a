/* termios.h - terminal attributes (<sys/termios.h>) and the functions on them. */
#ifndef _TERMIOS_H_
#define _TERMIOS_H_

#include <sys/types.h>
#include <sys/termios.h>

/* tcsetattr(): when the change happens */
#define TCSANOW		0	/* at once */
#define TCSADRAIN	1	/* once the output is written */
#define TCSAFLUSH	2	/* once the output is written; unread input is discarded */
#define TCSASOFT	0x10	/* (FreeBSD) leave c_cflag and the speeds alone */

/* tcflush() */
#define TCIFLUSH	1
#define TCOFLUSH	2
#define TCIOFLUSH	3

int	tcgetattr(int, struct termios *);
int	tcsetattr(int, int, const struct termios *);
int	tcdrain(int);
int	tcflush(int, int);
pid_t	tcgetpgrp(int);
int	tcsetpgrp(int, pid_t);
pid_t	tcgetsid(int);
speed_t	cfgetispeed(const struct termios *);
speed_t	cfgetospeed(const struct termios *);
int	cfsetispeed(struct termios *, speed_t);
int	cfsetospeed(struct termios *, speed_t);
int	cfsetspeed(struct termios *, speed_t);
void	cfmakeraw(struct termios *);

#endif
