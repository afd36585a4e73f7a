/*
 * sys/termios.h - terminal modes, with FreeBSD's names, bits and c_cc
 * indices. Kestrel's line discipline (kernel/fs/tty_disc.c) honours the
 * flags marked "*"; the others are kept as set, for programs that save and
 * restore them.
 */
#ifndef _SYS_TERMIOS_H_
#define _SYS_TERMIOS_H_

typedef unsigned int	tcflag_t;
typedef unsigned char	cc_t;
typedef unsigned int	speed_t;

/* c_cc[] indices */
#define VEOF		0	/* * ^D: end of file, or push the line */
#define VEOL		1	/* * another end of line */
#define VEOL2		2	/* * and another */
#define VERASE		3	/* * erase a character (DEL) */
#define VWERASE		4	/* * erase a word (^W) */
#define VKILL		5	/* * erase the line (^U) */
#define VREPRINT	6	/* * reprint the line (^R) */
#define VERASE2		7	/* * erase a character too (^H) */
#define VINTR		8	/* * SIGINT (^C) */
#define VQUIT		9	/* * SIGQUIT (^\) */
#define VSUSP		10	/* * SIGTSTP (^Z) */
#define VDSUSP		11
#define VSTART		12
#define VSTOP		13
#define VLNEXT		14	/* * take the next character literally (^V) */
#define VDISCARD	15
#define VMIN		16	/* * non-canonical: bytes a read waits for */
#define VTIME		17	/* * non-canonical: tenths of a second it waits */
#define VSTATUS		18	/* * SIGINFO (^T) */
#define NCCS		20

#define _POSIX_VDISABLE	0xff	/* a c_cc[] entry that matches no character */

/* c_iflag */
#define IGNBRK		0x00000001
#define BRKINT		0x00000002
#define IGNPAR		0x00000004
#define PARMRK		0x00000008
#define INPCK		0x00000010
#define ISTRIP		0x00000020	/* * strip the eighth bit */
#define INLCR		0x00000040	/* * NL becomes CR */
#define IGNCR		0x00000080	/* * CR is dropped */
#define ICRNL		0x00000100	/* * CR becomes NL */
#define IXON		0x00000200
#define IXOFF		0x00000400
#define IXANY		0x00000800
#define IMAXBEL		0x00002000	/* * ring the bell when input is refused */

/* c_oflag */
#define OPOST		0x00000001	/* * process output */
#define ONLCR		0x00000002	/* * NL becomes CR NL */
#define TABDLY		0x00000004
#define TAB0		0x00000000
#define TAB3		0x00000004	/* * tabs become spaces */
#define OXTABS		TAB3
#define ONOEOT		0x00000008	/* * ^D is not written */
#define OCRNL		0x00000010	/* * CR becomes NL */
#define ONOCR		0x00000020	/* * no CR at column 0 */
#define ONLRET		0x00000040	/* * NL also returns the carriage */

/* c_cflag */
#define CIGNORE		0x00000001
#define CSIZE		0x00000300
#define CS5		0x00000000
#define CS6		0x00000100
#define CS7		0x00000200
#define CS8		0x00000300
#define CSTOPB		0x00000400
#define CREAD		0x00000800
#define PARENB		0x00001000
#define PARODD		0x00002000
#define HUPCL		0x00004000
#define CLOCAL		0x00008000

/* c_lflag */
#define ECHOKE		0x00000001	/* * ^U erases the line from the screen */
#define ECHOE		0x00000002	/* * erase as backspace, space, backspace */
#define ECHOK		0x00000004	/* * newline after ^U */
#define ECHO		0x00000008	/* * echo input */
#define ECHONL		0x00000010	/* * echo NL even without ECHO */
#define ECHOPRT		0x00000020
#define ECHOCTL		0x00000040	/* * echo control characters as ^X */
#define ISIG		0x00000080	/* * ^C ^\ ^Z ^T send signals */
#define ICANON		0x00000100	/* * canonical input: lines, editing */
#define ALTWERASE	0x00000200	/* * ^W: a word is letters, digits, _ */
#define IEXTEN		0x00000400	/* * ^V, ^R, ^W */
#define EXTPROC		0x00000800
#define TOSTOP		0x00400000	/* * background writes stop with SIGTTOU */
#define FLUSHO		0x00800000
#define NOKERNINFO	0x02000000
#define PENDIN		0x20000000
#define NOFLSH		0x80000000	/* * no input flush on ^C ^\ ^Z */

struct termios {
	tcflag_t	c_iflag;
	tcflag_t	c_oflag;
	tcflag_t	c_cflag;
	tcflag_t	c_lflag;
	cc_t		c_cc[NCCS];
	speed_t		c_ispeed;
	speed_t		c_ospeed;
};

/* Speeds are numbers, as on FreeBSD. */
#define B0		0
#define B50		50
#define B75		75
#define B110		110
#define B134		134
#define B150		150
#define B200		200
#define B300		300
#define B600		600
#define B1200		1200
#define B1800		1800
#define B2400		2400
#define B4800		4800
#define B9600		9600
#define B19200		19200
#define B38400		38400
#define B57600		57600
#define B115200		115200

#endif
