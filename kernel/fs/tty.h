/*
 * tty.h - the console terminal. Two layers, as in FreeBSD: the line
 * discipline (kernel/fs/tty_disc.c) turns typed bytes into what read()
 * returns and processes output, knowing nothing of processes; the terminal
 * device (kernel/fs/tty.c) adds the rules of job control, sessions and
 * sleeping readers around it.
 */
#ifndef KERNEL_FS_TTY_H
#define KERNEL_FS_TTY_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/termios.h>
#include <sys/ttycom.h>

#define TTY_BUFSIZE	1024		/* the input ring */
#define TTY_MAXLINE	(TTY_BUFSIZE - 1)	/* longest line, its end not counted */

/* t_flags[]: what a byte of the input ring is, besides data */
#define TTYF_DELIM	0x01	/* ends a line (NL, EOL, EOL2): read stops after it */
#define TTYF_EOF	0x02	/* an EOF (^D): ends a line and is not data */

struct tty {
	/* Input: a ring. In canonical mode only complete lines are readable. */
	unsigned char	t_buf[TTY_BUFSIZE];
	uint8_t		t_flags[TTY_BUFSIZE];
	unsigned	t_head;		/* the oldest byte */
	unsigned	t_count;	/* bytes in the ring */
	unsigned	t_lines;	/* of them, bytes of complete lines */
	int		t_lnext;	/* ^V seen: the next byte is taken literally */
	/* Output: where the cursor is, so that erasing a tab can be echoed. */
	int		t_column;
	int		t_startcol;	/* the column where the line being typed began */
	struct termios	t_termios;
	struct winsize	t_winsize;
	/* Job control (kernel/fs/tty.c) */
	pid_t		t_sid;		/* the session it is the controlling terminal of; 0 none */
	pid_t		t_pgrp;		/* its foreground process group; 0 none */
	/* The device's output: one byte, as it goes on the wire. */
	void		(*t_oproc)(int c);
};

extern struct tty console_tty;

/* kernel/fs/tty_disc.c: the line discipline. Interrupts off around each call. */
void	ttydisc_init(struct tty *tp, void (*oproc)(int c));
int	ttydisc_input(struct tty *tp, int c);	/* a signal to send, or 0 */
void	ttydisc_output(struct tty *tp, int c);
size_t	ttydisc_readable(const struct tty *tp);
size_t	ttydisc_take(struct tty *tp, char *buf, size_t n, int *eof);
void	ttydisc_flush(struct tty *tp);
void	ttydisc_setattr(struct tty *tp, const struct termios *t);

/* kernel/fs/tty.c: the terminal device. */
void	tty_init(struct tty *tp);
void	tty_input(struct tty *tp, int c);	/* from interrupt handlers */
int	tty_read(struct tty *tp, char *buf, size_t n, size_t *done, int nonblock);
int	tty_write(struct tty *tp, const char *buf, size_t n);
int	tty_ioctl(struct tty *tp, unsigned long cmd, void *data);
int	tty_can_read(struct tty *tp);
void	tty_session_end(pid_t sid);	/* the session leader exits */

#endif
