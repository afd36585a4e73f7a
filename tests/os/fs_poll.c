/*
 * fs_poll.c - poll(2) and select(2): a pipe end readable, writable, full,
 * at end of file, with the other end gone; waiting with and without a
 * timeout, woken by another process or cut short by a signal; the console
 * (a line typed with TIOCSTI is readable only once it ends); regular files
 * always ready; bad descriptors and arguments.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/kinfo.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include "lib/ktest.h"

static int
ticks_now(void)
{
	return kinfo(KINFO_TICKS);
}

/* poll one descriptor for events; its revents, or -1 for an error. */
static int
poll1(int fd, int events, int timeout)
{
	struct pollfd p = { fd, (short)events, 0 };
	int n = poll(&p, 1, timeout);

	return n < 0 ? -1 : p.revents;
}

static int
test_pipe(void)
{
	static char big[8192];
	int p[2], n;

	KT_CHECK(pipe(p) == 0, "pipe");
	KT_CHECK(poll1(p[0], POLLIN, 0) == 0, "an empty pipe is readable");
	KT_CHECK(poll1(p[1], POLLOUT, 0) == POLLOUT, "an empty pipe is not "
	    "writable");
	KT_CHECK(write(p[1], "x", 1) == 1 && poll1(p[0], POLLIN, 0) == POLLIN,
	    "a byte is not readable");
	fcntl(p[1], F_SETFL, O_NONBLOCK);
	while (write(p[1], big, sizeof(big)) > 0)
		;
	KT_CHECK(poll1(p[1], POLLOUT, 0) == 0, "a full pipe is writable");
	close(p[1]);
	n = poll1(p[0], POLLIN, 0);
	KT_CHECK(n == (POLLIN | POLLHUP), "no writer: revents %#x", n);
	close(p[0]);
	KT_CHECK(pipe(p) == 0, "pipe");
	close(p[0]);
	KT_CHECK(poll1(p[1], POLLOUT, 0) & POLLHUP, "no reader: no POLLHUP");
	close(p[1]);
	return 0;
}

static int
test_waiting(void)
{
	int p[2], t0, status;
	struct pollfd pf;
	pid_t pid;

	KT_CHECK(pipe(p) == 0, "pipe");
	t0 = ticks_now();
	KT_CHECK(poll1(p[0], POLLIN, 200) == 0, "a 200 ms timeout");
	KT_CHECK((ticks_now() - t0) * 1000 / kinfo(KINFO_HZ) >= 150,
	    "poll came back after %d ticks", ticks_now() - t0);
	if ((pid = fork()) == 0) {
		usleep(100000);
		write(p[1], "w", 1);
		_exit(0);
	}
	pf.fd = p[0];
	pf.events = POLLIN;
	KT_CHECK(poll(&pf, 1, -1) == 1 && pf.revents == POLLIN,
	    "not woken by the writer");
	kt_wait_status(pid, &status);
	close(p[0]);
	close(p[1]);
	return 0;
}

static volatile sig_atomic_t alarmed;

static void
on_alarm(int sig)
{
	alarmed = sig;
}

static int
test_signal(void)
{
	struct sigaction sa;
	struct pollfd pf;
	fd_set set;
	int p[2];

	KT_CHECK(pipe(p) == 0, "pipe");
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);
	alarm(1);
	pf.fd = p[0];
	pf.events = POLLIN;
	KT_CHECK(poll(&pf, 1, -1) == -1 && errno == EINTR && alarmed,
	    "a signal did not end poll with EINTR");
	alarmed = 0;
	alarm(1);
	FD_ZERO(&set);
	FD_SET(p[0], &set);
	KT_CHECK(select(p[0] + 1, &set, NULL, NULL, NULL) == -1 &&
	    errno == EINTR && alarmed, "a signal did not end select");
	close(p[0]);
	close(p[1]);
	return 0;
}

static int
test_console_and_files(void)
{
	struct termios saved, t;
	struct pollfd pf[3];
	int tty, file, r;
	char buf[8];

	KT_CHECK((tty = open("/dev/tty", O_RDWR)) >= 0 &&
	    tcgetattr(tty, &saved) == 0, "open /dev/tty");
	t = saved;
	t.c_lflag &= ~ECHO;
	tcsetattr(tty, TCSAFLUSH, &t);
	ioctl(tty, TIOCSTI, "a");
	r = poll1(tty, POLLIN, 0);
	ioctl(tty, TIOCSTI, "\n");
	KT_CHECK(r == 0 && poll1(tty, POLLIN, 0) == POLLIN &&
	    read(tty, buf, sizeof(buf)) == 2, "a line is readable when it "
	    "ends (before: %#x)", r);
	tcsetattr(tty, TCSAFLUSH, &saved);
	KT_CHECK(poll1(tty, POLLOUT, 0) == POLLOUT, "the console is not "
	    "writable");
	KT_CHECK((file = open("/etc/passwd", O_RDONLY)) >= 0, "open");
	pf[0].fd = file;
	pf[0].events = POLLIN | POLLOUT;
	pf[1].fd = -1;
	pf[1].events = POLLIN;
	pf[2].fd = 29;
	pf[2].events = POLLIN;
	KT_CHECK(poll(pf, 3, -1) == 2 && pf[0].revents == (POLLIN | POLLOUT) &&
	    pf[1].revents == 0 && pf[2].revents == POLLNVAL, "a file, fd -1, a "
	    "closed fd: %#x %#x %#x", pf[0].revents, pf[1].revents,
	    pf[2].revents);
	KT_CHECK(poll(pf, 100000, 0) == -1 && errno == EINVAL, "nfds too big");
	KT_CHECK(poll((struct pollfd *)0xc0000000, 1, 0) == -1 &&
	    errno == EFAULT, "a kernel pointer");
	close(file);
	close(tty);
	return 0;
}

static int
test_select(void)
{
	struct timeval tv = { 0, 0 };
	fd_set r, w;
	int p[2], t0;

	KT_CHECK(pipe(p) == 0, "pipe");
	FD_ZERO(&r);
	FD_ZERO(&w);
	FD_SET(p[0], &r);
	FD_SET(p[1], &w);
	KT_CHECK(select(p[1] + 1, &r, &w, NULL, &tv) == 1 &&
	    !FD_ISSET(p[0], &r) && FD_ISSET(p[1], &w), "an empty pipe");
	write(p[1], "x", 1);
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	KT_CHECK(select(p[0] + 1, &r, NULL, NULL, &tv) == 1 &&
	    FD_ISSET(p[0], &r), "a byte to read");
	tv.tv_usec = 200000;
	FD_ZERO(&r);
	FD_SET(p[1], &r);	/* the write end never has anything to read */
	t0 = ticks_now();
	KT_CHECK(select(p[1] + 1, &r, NULL, NULL, &tv) == 0 &&
	    (ticks_now() - t0) * 1000 / kinfo(KINFO_HZ) >= 150,
	    "a 200 ms timeout");
	KT_CHECK(tv.tv_usec == 200000, "the timeout was changed");
	FD_ZERO(&r);
	FD_SET(27, &r);
	KT_CHECK(select(28, &r, NULL, NULL, &tv) == -1 && errno == EBADF,
	    "a closed descriptor");
	tv.tv_usec = 1000000;
	KT_CHECK(select(1, NULL, NULL, NULL, &tv) == -1 && errno == EINVAL,
	    "a bad timeout");
	KT_CHECK(select(2000, NULL, NULL, NULL, NULL) == -1 && errno == EINVAL,
	    "nfds too big");
	close(p[0]);
	close(p[1]);
	return 0;
}

int
main(void)
{
	kt_suite("fs_poll");
	kt_run("pipe", test_pipe);
	kt_run("waiting", test_waiting);
	kt_run("signal", test_signal);
	kt_run("console_and_files", test_console_and_files);
	kt_run("select", test_select);
	return kt_finish();
}
