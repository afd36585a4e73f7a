/* termios.h - terminal attributes (<sys/termios.h>) and the functions on them. */
#ifndef _TERMIOS_H_
#define _TERMIOS_H_

#include <sys/types.h>
#include <sys/termios.h>

/* Kestrel has only TIOCSETA, so every action takes effect at once. */
#define TCSANOW		0
#define TCSADRAIN	1
#define TCSAFLUSH	2

int	tcgetattr(int, struct termios *);
int	tcsetattr(int, int, const struct termios *);
pid_t	tcgetpgrp(int);
int	tcsetpgrp(int, pid_t);

#endif
