/*
 * tty_modes.c - the console's terminal modes as a program meets them
 * through read(2): canonical lines with their editing, end of file, the
 * line limit; non-canonical input with each VMIN/VTIME combination;
 * O_NONBLOCK, FIONREAD, TCSAFLUSH, tcflush, the window size. Input is typed
 * with TIOCSTI (root's), with echo off so the test's own output stays
 * readable; every case puts the modes back.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/kinfo.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include "lib/ktest.h"

static struct termios saved;
static int fd = -1;

static void
type(const char *s)
{
	for (; *s != '\0'; s++)
		ioctl(fd, TIOCSTI, s);
}

/* The console without echo, in the modes of t's flags (lflag changes). */
static int
setup(tcflag_t lflag_off, int vmin, int vtime)
{
	struct termios t;

	if ((fd = open("/dev/tty", O_RDWR)) < 0 || tcgetattr(fd, &saved) != 0)
		return -1;
	t = saved;
	t.c_lflag &= ~(ECHO | lflag_off);
	t.c_cc[VMIN] = vmin;
	t.c_cc[VTIME] = vtime;
	return tcsetattr(fd, TCSAFLUSH, &t);
}

static int
done(int r)
{
	tcsetattr(fd, TCSAFLUSH, &saved);
	close(fd);
	return r;
}

/*
 * Milliseconds since t0 by the timer ticks, the clock VTIME is counted in
 * (the TSC's calibration may be off on a busy host).
 */
static long
ms_since(int t0)
{
	return (long)(kinfo(KINFO_TICKS) - t0) * 1000 / kinfo(KINFO_HZ);
}

/* A child that types s after ms milliseconds. */
static pid_t
type_later(const char *s, int ms)
{
	pid_t pid = fork();

	if (pid == 0) {
		usleep(ms * 1000);
		type(s);
		_exit(0);
	}
	return pid;
}

static int
test_canonical(void)
{
	char buf[64];
	ssize_t n;

	KT_CHECK(setup(0, 1, 0) == 0, "setup");
	type("ab\x7f" "c\n");
	n = read(fd, buf, sizeof(buf));
	KT_CHECK(n == 3 && memcmp(buf, "ac\n", 3) == 0, "erase: %zd bytes", n);
	type("one two\x17three\n");
	n = read(fd, buf, sizeof(buf));
	KT_CHECK(n == 10 && memcmp(buf, "one three\n", 10) == 0,
	    "word erase: %zd bytes", n);
	type("junk\x15kept\n");
	n = read(fd, buf, sizeof(buf));
	KT_CHECK(n == 5 && memcmp(buf, "kept\n", 5) == 0, "kill: %zd", n);
	type("\x04");
	KT_CHECK(read(fd, buf, sizeof(buf)) == 0, "^D on an empty line");
	type("part\x04");
	n = read(fd, buf, sizeof(buf));
	KT_CHECK(n == 4 && memcmp(buf, "part", 4) == 0, "^D after text");
	type("x\ny\n");
	KT_CHECK(read(fd, buf, sizeof(buf)) == 2 && read(fd, buf, 1) == 1 &&
	    buf[0] == 'y' && read(fd, buf, sizeof(buf)) == 1 && buf[0] == '\n',
	    "one line per read, the rest on the next");
	return done(0);
}

/* A line that would outgrow the tty keeps its newline: the excess is refused. */
static int
test_line_limit(void)
{
	static char line[1100], buf[1200];
	ssize_t n;

	KT_CHECK(setup(0, 1, 0) == 0, "setup");
	memset(line, 'x', sizeof(line) - 2);
	line[sizeof(line) - 2] = '\n';
	type(line);
	n = read(fd, buf, sizeof(buf));
	KT_CHECK(n == 1024 && buf[1023] == '\n' && buf[1022] == 'x',
	    "%zd bytes", n);
	return done(0);
}

static int
test_vmin_vtime(void)
{
	int t0;
	char buf[16];
	pid_t pid;
	ssize_t n;
	long ms;
	int status;

	/* MIN 2, TIME 0: until two bytes are there. */
	KT_CHECK(setup(ICANON, 2, 0) == 0, "setup");
	type("a");
	pid = type_later("b", 100);
	t0 = kinfo(KINFO_TICKS);
	n = read(fd, buf, sizeof(buf));
	ms = ms_since(t0);
	kt_wait_status(pid, &status);
	KT_CHECK(n == 2 && memcmp(buf, "ab", 2) == 0 && ms >= 50,
	    "MIN 2: %zd bytes after %ld ms", n, ms);
	done(0);

	/* MIN 0, TIME 0: at once, with what there is. */
	KT_CHECK(setup(ICANON, 0, 0) == 0, "setup");
	KT_CHECK(read(fd, buf, sizeof(buf)) == 0, "MIN 0 TIME 0, nothing typed");
	type("q");
	KT_CHECK(read(fd, buf, sizeof(buf)) == 1 && buf[0] == 'q', "one byte");
	done(0);

	/* MIN 0, TIME 3: 0 after 0.3 s, or a byte as soon as it comes. */
	KT_CHECK(setup(ICANON, 0, 3) == 0, "setup");
	t0 = kinfo(KINFO_TICKS);
	n = read(fd, buf, sizeof(buf));
	ms = ms_since(t0);
	KT_CHECK(n == 0 && ms >= 250 && ms < 2000, "MIN 0 TIME 3: %zd after "
	    "%ld ms", n, ms);
	pid = type_later("z", 50);
	n = read(fd, buf, sizeof(buf));
	kt_wait_status(pid, &status);
	KT_CHECK(n == 1 && buf[0] == 'z', "a byte within TIME");
	done(0);

	/* MIN 5, TIME 2: the 0.2 s after a byte ends the read. */
	KT_CHECK(setup(ICANON, 5, 2) == 0, "setup");
	type("ab");
	t0 = kinfo(KINFO_TICKS);
	n = read(fd, buf, sizeof(buf));
	ms = ms_since(t0);
	KT_CHECK(n == 2 && ms >= 150 && ms < 2000, "MIN 5 TIME 2: %zd bytes "
	    "after %ld ms", n, ms);
	return done(0);
}

static int
test_nonblock_fionread_flush(void)
{
	struct winsize ws;
	struct termios t;
	char buf[16];
	int n, fl;

	KT_CHECK(setup(ICANON, 1, 0) == 0, "setup");
	fl = fcntl(fd, F_GETFL);
	KT_CHECK(fcntl(fd, F_SETFL, fl | O_NONBLOCK) == 0, "O_NONBLOCK");
	KT_CHECK(read(fd, buf, sizeof(buf)) == -1 && errno == EAGAIN, "EAGAIN");
	type("abc");
	KT_CHECK(ioctl(fd, FIONREAD, &n) == 0 && n == 3, "FIONREAD %d", n);
	KT_CHECK(tcflush(fd, TCIFLUSH) == 0 && ioctl(fd, FIONREAD, &n) == 0 &&
	    n == 0, "tcflush left %d", n);
	type("def");
	tcgetattr(fd, &t);
	KT_CHECK(tcsetattr(fd, TCSAFLUSH, &t) == 0 &&
	    read(fd, buf, sizeof(buf)) == -1 && errno == EAGAIN,
	    "TCSAFLUSH kept the input");
	KT_CHECK(tcsetattr(fd, 99, &t) == -1 && errno == EINVAL,
	    "a bad action");
	fcntl(fd, F_SETFL, fl);
	KT_CHECK(ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_row == 25 &&
	    ws.ws_col == 80, "window %dx%d", ws.ws_col, ws.ws_row);
	return done(0);
}

int
main(void)
{
	kt_suite("tty_modes");
	kt_run("canonical", test_canonical);
	kt_run("line_limit", test_line_limit);
	kt_run("vmin_vtime", test_vmin_vtime);
	kt_run("nonblock_fionread_flush", test_nonblock_fionread_flush);
	return kt_finish();
}
