/* jobc.c - helpers for the job-control suites (see jobc.h). */
#include <fcntl.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include "jobc.h"

int
jc_open_tty(void)
{
	return open("/dev/tty", O_RDWR);
}

int
jc_wait_stop(pid_t pid, int *status)
{
	int i;

	for (i = 0; i < 200; i++) {
		if (waitpid(pid, status, WNOHANG | WUNTRACED) == pid)
			return 0;
		usleep(10000);
	}
	return -1;
}

void
jc_kill_reap(pid_t pid)
{
	int status;

	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
}

pid_t
jc_spawn_bg(int (*fn)(int fd), int fd)
{
	pid_t pid = fork();

	if (pid == 0) {
		setpgid(0, 0);
		_exit(fn(fd));
	}
	if (pid > 0)
		setpgid(pid, pid);
	return pid;
}

int
jc_type(int fd, char c)
{
	return ioctl(fd, TIOCSTI, &c);
}
