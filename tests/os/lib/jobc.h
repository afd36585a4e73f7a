/*
 * jobc.h - helpers for the suites of the console's job control
 * (tests/os/tty_jobc.c, tty_session.c): the console, background children
 * and their stops, and typing at the console.
 */
#ifndef JOBC_H
#define JOBC_H

#include <sys/types.h>

/* The console, read-write (a case's descriptor 0 is closed). */
int	jc_open_tty(void);

/*
 * Waits up to two seconds for pid to stop or end; its status in *status.
 * 0 if it did, -1 if it is still running.
 */
int	jc_wait_stop(pid_t pid, int *status);

void	jc_kill_reap(pid_t pid);

/* A child in a background process group of its own runs fn(fd); its pid. */
pid_t	jc_spawn_bg(int (*fn)(int fd), int fd);

/* Types c on the console (TIOCSTI, root's). */
int	jc_type(int fd, char c);

#endif
