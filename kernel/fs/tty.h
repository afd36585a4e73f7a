/*
 * tty.h - the console terminal: a line discipline between the console's
 * input devices and the processes that read it.
 */
#ifndef KERNEL_FS_TTY_H
#define KERNEL_FS_TTY_H

#include <sys/types.h>
#include <sys/termios.h>

#define TTY_BUFSIZE	1024

struct tty {
	char		t_buf[TTY_BUFSIZE];	/* input, a ring */
	unsigned	t_head;			/* next byte to read */
	unsigned	t_count;		/* bytes in the ring */
	unsigned	t_ready;		/* bytes a reader may take (complete lines) */
	int		t_eof;			/* ^D typed on an empty line */
	struct termios	t_termios;
	pid_t		t_pgrp;			/* foreground process group */
};

extern struct tty console_tty;

void	tty_init(struct tty *tp);
void	tty_input(struct tty *tp, int c);
int	tty_read(struct tty *tp, char *buf, size_t n, size_t *done);
void	tty_write(struct tty *tp, const char *buf, size_t n);
int	tty_ioctl(struct tty *tp, unsigned long cmd, void *data);

#endif
