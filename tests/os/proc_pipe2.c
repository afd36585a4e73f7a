/*
 * proc_pipe2.c - pipes as FreeBSD makes them: both ends read and write,
 * each direction with its own buffer (what fds[0] writes, fds[1] reads, and
 * back), end of file and EPIPE each way on their own; and pipe2() with
 * O_NONBLOCK and O_CLOEXEC. One-way use is proc_pipe.c's.
 *
 * The program runs itself as a helper: "/test/proc_pipe2 fd N" exits 0 if
 * descriptor N is open, 1 if not.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lib/ktest.h"

#define SELF	"/test/proc_pipe2"

/* One pipe, two processes, both directions at once (FreeBSD's tests' helpers). */
static int
test_both_directions(void)
{
	int fds[2], st, i;
	char buf[8];
	pid_t c;

	KT_CHECK(pipe(fds) == 0, "pipe");
	if ((c = fork()) == 0) {
		close(fds[0]);
		for (i = 0; i < 100; i++) {
			if (read(fds[1], buf, 4) != 4 || memcmp(buf, "ping", 4))
				_exit(1);
			if (write(fds[1], "pong", 4) != 4)
				_exit(2);
		}
		_exit(read(fds[1], buf, 1) == 0 ? 0 : 3);	/* then EOF */
	}
	close(fds[1]);
	for (i = 0; i < 100; i++) {
		KT_CHECK(write(fds[0], "ping", 4) == 4, "write %d", i);
		KT_CHECK(read(fds[0], buf, 4) == 4 && memcmp(buf, "pong", 4) ==
		    0, "reply %d", i);
	}
	close(fds[0]);
	KT_CHECK(kt_wait_status(c, &st) == c && WIFEXITED(st) &&
	    WEXITSTATUS(st) == 0, "child status %#x", st);
	return 0;
}

/* A write never comes back to the end that wrote it. */
static int
test_directions_do_not_mix(void)
{
	int fds[2];
	char buf[16];
	struct stat st;

	KT_CHECK(pipe2(fds, O_NONBLOCK) == 0, "pipe2");
	KT_CHECK(write(fds[0], "abc", 3) == 3, "write to fds[0]");
	KT_CHECK(write(fds[1], "12345", 5) == 5, "write to fds[1]");
	KT_CHECK(fstat(fds[0], &st) == 0 && st.st_size == 5, "fds[0] holds %ld",
	    (long)st.st_size);
	KT_CHECK(fstat(fds[1], &st) == 0 && st.st_size == 3, "fds[1] holds %ld",
	    (long)st.st_size);
	KT_CHECK(read(fds[0], buf, sizeof(buf)) == 5 && memcmp(buf, "12345", 5)
	    == 0, "fds[0] read");
	KT_CHECK(read(fds[0], buf, sizeof(buf)) == -1 && errno == EAGAIN,
	    "fds[0] read its own write back: errno %d", errno);
	KT_CHECK(read(fds[1], buf, sizeof(buf)) == 3 && memcmp(buf, "abc", 3) ==
	    0, "fds[1] read");
	close(fds[0]);
	close(fds[1]);
	return 0;
}

static volatile int pipes;

static void
count_pipe(int sig)
{
	(void)sig;
	pipes++;
}

/* Closing one end: the other reads what was left, then EOF; its writes EPIPE. */
static int
test_eof_and_epipe_each_way(void)
{
	int fds[2], side;
	char buf[8];

	signal(SIGPIPE, count_pipe);
	for (side = 0; side < 2; side++) {
		pipes = 0;
		KT_CHECK(pipe(fds) == 0, "pipe");
		KT_CHECK(write(fds[!side], "xy", 2) == 2, "write");
		close(fds[!side]);
		KT_CHECK(read(fds[side], buf, sizeof(buf)) == 2, "leftover");
		KT_CHECK(read(fds[side], buf, sizeof(buf)) == 0, "no EOF");
		KT_CHECK(write(fds[side], "z", 1) == -1 && errno == EPIPE &&
		    pipes == 1, "write to a closed peer: errno %d, %d SIGPIPE",
		    errno, pipes);
		close(fds[side]);
	}
	return 0;
}

/* O_NONBLOCK on both ends: EAGAIN when empty and when full. */
static int
test_pipe2_nonblock(void)
{
	static char chunk[1000];
	int fds[2], total = 0, r, side;
	char c;

	KT_CHECK(pipe2(fds, O_NONBLOCK) == 0, "pipe2");
	for (side = 0; side < 2; side++)
		KT_CHECK(read(fds[side], &c, 1) == -1 && errno == EAGAIN,
		    "read of empty fds[%d]: errno %d", side, errno);
	while ((r = write(fds[1], chunk, sizeof(chunk))) > 0)
		total += r;
	KT_CHECK(r == -1 && errno == EAGAIN && total > 0, "full after %d: "
	    "errno %d", total, errno);
	KT_CHECK(write(fds[0], chunk, 10) == 10, "the other direction is "
	    "not full");
	close(fds[0]);
	close(fds[1]);
	return 0;
}

/* fd is open in a program this process execs: 1 yes, 0 no. */
static int
open_after_exec(int fd)
{
	char arg[12], *argv[] = { SELF, "fd", arg, NULL };
	int st;
	pid_t c;

	snprintf(arg, sizeof(arg), "%d", fd);
	if ((c = fork()) == 0) {
		execv(SELF, argv);
		_exit(127);
	}
	if (kt_wait_status(c, &st) != c || !WIFEXITED(st))
		return -1;
	return WEXITSTATUS(st) == 0;
}

/* O_CLOEXEC: both ends close on exec; without it, both stay. */
static int
test_pipe2_cloexec(void)
{
	int fds[2], keep[2];

	KT_CHECK(pipe2(fds, O_CLOEXEC) == 0 && pipe2(keep, 0) == 0, "pipe2");
	KT_CHECK(open_after_exec(fds[0]) == 0 && open_after_exec(fds[1]) == 0,
	    "an O_CLOEXEC end survived exec");
	KT_CHECK(open_after_exec(keep[0]) == 1 && open_after_exec(keep[1]) == 1,
	    "a plain end did not survive exec");
	close(fds[0]);
	close(fds[1]);
	close(keep[0]);
	close(keep[1]);
	return 0;
}

/* Flags pipe2 does not know: EINVAL, and no descriptor taken. */
static int
test_pipe2_bad_flags(void)
{
	static const int bad[] = { O_APPEND, O_RDWR, 0x40000000, -1 };
	int fds[2] = { -1, -1 }, probe[2];
	unsigned i;

	KT_CHECK(pipe(probe) == 0, "pipe");
	close(probe[0]);
	close(probe[1]);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		errno = 0;
		KT_CHECK(pipe2(fds, bad[i]) == -1 && errno == EINVAL,
		    "flags %#x: errno %d", bad[i], errno);
	}
	KT_CHECK(fds[0] == -1 && fds[1] == -1, "fds written on failure");
	KT_CHECK(pipe(fds) == 0 && fds[0] == probe[0], "a failed pipe2 kept "
	    "descriptors (lowest free %d, was %d)", fds[0], probe[0]);
	close(fds[0]);
	close(fds[1]);
	return 0;
}

int
main(int argc, char **argv)
{
	struct stat st;

	if (argc == 3 && strcmp(argv[1], "fd") == 0)
		return fstat(atoi(argv[2]), &st) == 0 ? 0 : 1;
	kt_suite("proc_pipe2");
	kt_run("both_directions", test_both_directions);
	kt_run("directions_do_not_mix", test_directions_do_not_mix);
	kt_run("eof_and_epipe_each_way", test_eof_and_epipe_each_way);
	kt_run("pipe2_nonblock", test_pipe2_nonblock);
	kt_run("pipe2_cloexec", test_pipe2_cloexec);
	kt_run("pipe2_bad_flags", test_pipe2_bad_flags);
	return kt_finish();
}
