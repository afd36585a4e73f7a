/* sys/termios.h - the terminal modes Kestrel honours (canonical input, echo, signals). */
#ifndef _SYS_TERMIOS_H_
#define _SYS_TERMIOS_H_

typedef unsigned int	tcflag_t;
typedef unsigned char	cc_t;
typedef unsigned int	speed_t;

#define NCCS	20
struct termios {
	tcflag_t	c_iflag;
	tcflag_t	c_oflag;
	tcflag_t	c_cflag;
	tcflag_t	c_lflag;
	cc_t		c_cc[NCCS];
	speed_t		c_ispeed;
	speed_t		c_ospeed;
};

#define ICRNL	0x00000100
#define OPOST	0x00000001
#define ONLCR	0x00000002
#define ECHO	0x00000008
#define ECHOE	0x00000002
#define ISIG	0x00000080
#define ICANON	0x00000100

#define VEOF	0
#define VERASE	3
#define VKILL	5
#define VINTR	8
#define VSUSP	10
#define VMIN	16
#define VTIME	17

#endif
