// RUN: qemu sysenter=0
/*
 * truss_basic.c - /bin/truss on a known program, compared line by line with
 * the trace FreeBSD's truss would print (the tabs that pad each call to
 * column 48 included), and truss -p attaching to a running process and
 * letting go of it on SIGINT.
 *
 * The known program is this one: "/test/truss_basic traced" makes a fixed
 * series of system calls. Its pid is learnt from its getpid() line; the
 * only other value that varies, sigreturn's stack address, is a '*'.
 * "/test/truss_basic forking" forks a child that exits 5 and waits for it:
 * the program truss -f follows into the child. /bin/thrdemo (three
 * threads) is the program whose lines get the thread's id.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>
#include "ptrace_lib.h"

#define SELF	"/test/truss_basic"
#define TRUSS	"/bin/truss"

static char rbuf[64];
static struct sigaction sa_usr1;
static sigset_t usr2_set, old_set;
static const struct timespec one_ms = { 0, 1000000 };
static int fds[2];

static void
on_usr1(int sig)
{
	(void)sig;
}

/* The program under truss: each call here is one line of the trace. */
static int
traced_program(void)
{
	write(1, "hello, truss\n", 13);
	open("/no/such/file", O_RDONLY);
	close(99);
	sa_usr1.sa_handler = on_usr1;
	sa_usr1.sa_flags = SA_RESTART;
	sigaction(SIGUSR1, &sa_usr1, NULL);
	sigemptyset(&usr2_set);
	sigaddset(&usr2_set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &usr2_set, &old_set);
	kill(getpid(), SIGUSR1);
	write(1, "0123456789abcdefghijklmnopqrstuvwxyz!?", 38);
	pipe(fds);
	write(fds[1], "a\tb\\c\001\n", 7);
	read(fds[0], rbuf, sizeof(rbuf));
	wait4(-1, NULL, WNOHANG, NULL);
	nanosleep(&one_ms, NULL);
	return 3;
}

/* The program under truss -f: a fork, the child's exit, the wait. */
static int
forking_program(void)
{
	int st = 0;
	pid_t pid = fork();

	if (pid == 0)
		_exit(5);
	wait4(pid, &st, 0, NULL);
	return WIFEXITED(st) && WEXITSTATUS(st) == 5 ? 0 : 1;
}

/*
 * call (which prints as len characters) padded with tabs to column 48 as
 * FreeBSD's truss does, then result.
 */
static void
padded(char *buf, size_t size, const char *call, size_t len,
    const char *result)
{
	int tabs = 6 - (int)len / 8, n;

	n = snprintf(buf, size, "%s", call);
	while (tabs-- > 0 && n + 1 < (int)size)
		buf[n++] = '\t';
	snprintf(buf + n, size - n, "%s", result);
}

static void
call_line(char *buf, size_t size, const char *call, const char *result)
{
	padded(buf, size, call, strlen(call), result);
}

/* s matches pattern p, where '*' is any run of characters. */
static int
glob(const char *p, const char *s)
{
	if (*p == '\0')
		return *s == '\0';
	if (*p == '*')
		return glob(p + 1, s) || (*s != '\0' && glob(p, s + 1));
	return *p == *s && glob(p + 1, s + 1);
}

/* Run argv with stderr into a pipe, stdin and stdout on /dev/null. */
static pid_t
spawn_captured(char *const argv[], int *errfd)
{
	int p[2], null = open("/dev/null", O_RDWR);
	pid_t pid;

	if (null < 0 || pipe(p) < 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		int fd;

		dup2(null, 0);
		dup2(null, 1);
		dup2(p[1], 2);
		for (fd = 3; fd < 32; fd++)
			close(fd);
		execv(argv[0], argv);
		_exit(127);
	}
	close(p[1]);
	close(null);
	*errfd = p[0];
	return pt_track(pid);
}

/* All of fd, up to size - 1 bytes, as a string. */
static size_t
slurp(int fd, char *buf, size_t size)
{
	size_t n = 0;
	ssize_t r;

	while (n + 1 < size && (r = read(fd, buf + n, size - 1 - n)) > 0)
		n += r;
	buf[n] = '\0';
	return n;
}

static char out[4096];

PT_CASE(trace_of_known_program)
{
	char *argv[] = { TRUSS, SELF, "traced", NULL };
	char want[24][160], call[120], res[80], *line, *next;
	int fd, n = 0, i, pid_seen = -1;
	pid_t t = spawn_captured(argv, &fd);

	KT_CHECK(t > 0, "cannot start truss");
	slurp(fd, out, sizeof(out));
	close(fd);
	PT_EXITS(t, 0);
	line = strstr(out, "getpid()");
	KT_CHECK(line != NULL && (line = strstr(line, " = ")) != NULL &&
	    sscanf(line, " = %d", &pid_seen) == 1, "no getpid line in:\n%s", out);
#define WANT(c, r)	call_line(want[n++], sizeof(want[0]), (c), (r))
	WANT("write(1,\"hello, truss\\n\",13)", " = 13 (0xd)");
	WANT("open(\"/no/such/file\",O_RDONLY,00)",
	    " ERR#2 'No such file or directory'");
	WANT("close(99)", " ERR#9 'Bad file descriptor'");
	snprintf(call, sizeof(call), "sigaction(SIGUSR1,{ 0x%x SA_RESTART ss_t },"
	    "0x0)", (uint32_t)on_usr1);
	WANT(call, " = 0 (0x0)");
	WANT("sigprocmask(SIG_BLOCK,{ SIGUSR2 },{ })", " = 0 (0x0)");
	snprintf(res, sizeof(res), " = %d (0x%x)", pid_seen, pid_seen);
	WANT("getpid()", res);
	snprintf(call, sizeof(call), "kill(%d,SIGUSR1)", pid_seen);
	WANT(call, " = 0 (0x0)");
	snprintf(want[n++], sizeof(want[0]), "SIGNAL 30 (SIGUSR1)");
	padded(want[n++], sizeof(want[0]), "sigreturn(0x*)",
	    strlen("sigreturn(0x12345678)"), " EJUSTRETURN");
	WANT("write(1,\"0123456789abcdefghijklmnopqrstuv\"...,38)",
	    " = 38 (0x26)");
	WANT("pipe({ 3, 4 })", " = 0 (0x0)");
	WANT("write(4,\"a\\tb\\\\c\\^A\\n\",7)", " = 7 (0x7)");
	WANT("read(3,\"a\\tb\\\\c\\^A\\n\",64)", " = 7 (0x7)");
	WANT("wait4(-1,0x0,WNOHANG,0x0)", " ERR#10 'No child processes'");
	WANT("nanosleep({ 0.001000000 },0x0)", " = 0 (0x0)");
	WANT("exit(0x3)", "");
	snprintf(want[n++], sizeof(want[0]), "process exit, rval = 3");
#undef WANT
	line = out;
	for (i = 0; i < n; i++, line = next) {
		KT_CHECK(line != NULL && *line != '\0', "trace ends before "
		    "line %d, \"%s\":\n%s", i + 1, want[i], out);
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		KT_CHECK(glob(want[i], line), "line %d is\n  \"%s\", expected\n  "
		    "\"%s\"", i + 1, line, want[i]);
	}
	KT_CHECK(line == NULL || *line == '\0', "more lines: %s", line);
	return 0;
}

/* The traced program on its own, for the record: it exits 3. */
PT_CASE(program_runs_untraced)
{
	char *argv[] = { SELF, "traced", NULL };
	int fd;
	pid_t pid = spawn_captured(argv, &fd);

	KT_CHECK(pid > 0, "cannot start");
	slurp(fd, out, sizeof(out));
	close(fd);
	PT_EXITS(pid, 3);
	return 0;
}

/* The tracer of pid per sysctl kern.proc.pid, or -1. */
static pid_t
tracer_of(pid_t pid)
{
	struct kinfo_proc kp;

	return kt_kinfo(pid, &kp) == 0 ? kp.ki_tracer : -1;
}

/* Read fd into buf until a whole line with text has come; 0, or -1 at EOF. */
static int
read_until(int fd, char *buf, size_t size, size_t *n, const char *text)
{
	ssize_t r;
	char *at;

	while ((at = strstr(buf, text)) == NULL || strchr(at, '\n') == NULL) {
		if (*n + 1 >= size ||
		    (r = read(fd, buf + *n, size - 1 - *n)) <= 0)
			return -1;
		*n += r;
		buf[*n] = '\0';
	}
	return 0;
}

/*
 * truss -p: attach to a process blocked in read(), show the calls it makes,
 * and on SIGINT let go of it: it runs on untraced, not stopped.
 */
PT_CASE(attach_and_detach_on_sigint)
{
	char pidarg[16], *argv[] = { TRUSS, "-p", pidarg, NULL };
	int cmd[2], fd;
	size_t n = 0;
	pid_t target, tr;
	char want[80];

	KT_CHECK(pipe(cmd) == 0, "pipe");
	target = pt_track(fork());
	if (target == 0) {
		char c;

		dup2(cmd[0], 0);
		close(cmd[1]);
		dup2(open("/dev/null", O_WRONLY), 1);
		while (read(0, &c, 1) == 1 && c != 'q')
			write(1, "got x\n", 6);
		_exit(c == 'q' ? 0 : 1);
	}
	close(cmd[0]);
	KT_CHECK(pt_await_state(target, SSLEEP) == 0, "target not asleep");
	snprintf(pidarg, sizeof(pidarg), "%d", target);
	tr = spawn_captured(argv, &fd);
	KT_CHECK(tr > 0, "cannot start truss");
	while (tracer_of(target) != tr)
		sched_yield();
	KT_CHECK(pt_await_state(target, SSLEEP) == 0, "target not asleep");
	write(cmd[1], "x", 1);
	out[0] = '\0';
	KT_CHECK(read_until(fd, out, sizeof(out), &n, "got x") == 0,
	    "truss printed:\n%s", out);
	call_line(want, sizeof(want), "read(0,\"x\",1)", " = 1 (0x1)");
	KT_CHECK(strstr(out, want) != NULL, "no read line in:\n%s", out);
	call_line(want, sizeof(want), "write(1,\"got x\\n\",6)", " = 6 (0x6)");
	KT_CHECK(strstr(out, want) != NULL, "no write line in:\n%s", out);
	KT_CHECK(pt_await_state(target, SSLEEP) == 0, "target not asleep");
	kill(tr, SIGINT);
	PT_EXITS(tr, 0);
	KT_CHECK(tracer_of(target) == 0, "still traced after truss left");
	KT_CHECK(pt_await_state(target, SSLEEP) == 0,
	    "target left stopped (state %d)", pt_state(target));
	write(cmd[1], "q", 1);
	PT_EXITS(target, 0);
	close(fd);
	return 0;
}

/*
 * The lines of out that start with pid's "%5d: " prefix, the prefix cut,
 * into lines[]; the number of them.
 */
static int
lines_of(char *text, pid_t pid, char lines[][160], int max)
{
	char pfx[16], *line, *end;
	int n = 0;
	size_t len;

	snprintf(pfx, sizeof(pfx), "%5d: ", (int)pid);
	for (line = text; *line != '\0' && n < max; line = end + 1) {
		if ((end = strchr(line, '\n')) == NULL)
			break;
		len = end - line;
		if (strncmp(line, pfx, strlen(pfx)) != 0)
			continue;
		len -= strlen(pfx);
		if (len >= sizeof(lines[0]))
			len = sizeof(lines[0]) - 1;
		memcpy(lines[n], line + strlen(pfx), len);
		lines[n++][len] = '\0';
	}
	return n;
}

/*
 * truss -f: the child is traced from its birth ("<new process>"), every
 * line starts with the pid it is about, and the child's exit is shown
 * before the parent's wait4 returns with it (the tracer hears of a traced
 * child's end first). The prefix is in the column count of the tabs.
 */
PT_CASE(follow_forks)
{
	char *argv[] = { TRUSS, "-f", SELF, "forking", NULL };
	char got[8][160], want[4][160], call[80], buf[80], pfx[16], *at;
	int fd, n, i, total = 0;
	pid_t t = spawn_captured(argv, &fd), parent = -1, child = -1;

	KT_CHECK(t > 0, "cannot start truss");
	slurp(fd, out, sizeof(out));
	close(fd);
	PT_EXITS(t, 0);
	KT_CHECK((at = strstr(out, "fork()")) != NULL &&
	    sscanf(at - 7, "%d: fork()", &parent) == 1 &&
	    (at = strstr(at, " = ")) != NULL && sscanf(at, " = %d", &child) == 1,
	    "no fork line in:\n%s", out);
	KT_CHECK(child > 0 && child != parent, "fork returned %d in:\n%s",
	    child, out);
	for (at = out; (at = strchr(at, '\n')) != NULL; at++)
		total++;
	n = lines_of(out, child, got, 8);
	KT_CHECK(n == 3, "%d lines of the child in:\n%s", n, out);
	KT_CHECK(strcmp(got[0], "<new process>") == 0, "child's first line "
	    "\"%s\"", got[0]);
	snprintf(pfx, sizeof(pfx), "%5d: ", (int)child);
	padded(want[0], sizeof(want[0]), "exit(0x5)", strlen(pfx) +
	    strlen("exit(0x5)"), "");
	KT_CHECK(strcmp(got[1], want[0]) == 0, "child's exit line \"%s\"",
	    got[1]);
	KT_CHECK(strcmp(got[2], "process exit, rval = 5") == 0, "child's end "
	    "\"%s\"", got[2]);
	n = lines_of(out, parent, got, 8);
	KT_CHECK(n == 4 && total == 7, "%d lines of the parent, %d in all, in:"
	    "\n%s", n, total, out);
	snprintf(pfx, sizeof(pfx), "%5d: ", (int)parent);
	snprintf(buf, sizeof(buf), " = %d (0x%x)", child, child);
	padded(want[0], sizeof(want[0]), "fork()", strlen(pfx) + 6, buf);
	snprintf(call, sizeof(call), "wait4(%d,{ EXITED,val=5 },0x0,0x0)", child);
	padded(want[1], sizeof(want[1]), call, strlen(pfx) + strlen(call), buf);
	padded(want[2], sizeof(want[2]), "exit(0x0)", strlen(pfx) + 9, "");
	snprintf(want[3], sizeof(want[3]), "process exit, rval = 0");
	for (i = 0; i < 4; i++)
		KT_CHECK(strcmp(got[i], want[i]) == 0, "parent's line %d is\n"
		    "  \"%s\", expected\n  \"%s\"", i + 1, got[i], want[i]);
	snprintf(buf, sizeof(buf), "%5d: process exit, rval = 5", (int)child);
	at = strstr(out, buf);
	snprintf(buf, sizeof(buf), "%5d: wait4(", (int)parent);
	KT_CHECK(at != NULL && strstr(out, buf) > at, "the child's end after "
	    "the parent's wait4 in:\n%s", out);
	return 0;
}

/*
 * A process with threads: no prefix while it has one thread, then every
 * line starts with the id of its thread ("%6d: "); thr_exit shows as the
 * workers end; the last line is the process's end.
 */
PT_CASE(thread_prefixes)
{
	char *argv[] = { TRUSS, "/bin/thrdemo", NULL };
	long ids[8], id;
	int fd, nids = 0, exits = 0, i;
	char *line, *end, *last = NULL, *first_pfx = NULL;
	pid_t t = spawn_captured(argv, &fd);

	KT_CHECK(t > 0, "cannot start truss");
	slurp(fd, out, sizeof(out));
	close(fd);
	PT_EXITS(t, 0);
	for (line = out; (end = strchr(line, '\n')) != NULL; line = end + 1) {
		if (sscanf(line, "%ld: ", &id) != 1 || id <= 99999) {
			KT_CHECK(first_pfx == NULL, "a line without a thread id "
			    "after the second thread came:\n%s", out);
			continue;
		}
		if (first_pfx == NULL)
			first_pfx = line;
		for (i = 0; i < nids && ids[i] != id; i++)
			;
		if (i == nids && nids < 8)
			ids[nids++] = id;
		exits += strstr(line, ": thr_exit(") == line + 6;
		last = line;
	}
	KT_CHECK(first_pfx != NULL && strstr(out, "thr_set_name(") < first_pfx,
	    "no unprefixed start, or no prefixed lines:\n%s", out);
	KT_CHECK(strncmp(first_pfx + 6, ": thr_new(", 10) == 0,
	    "the first prefixed line is not thr_new's:\n%s", out);
	KT_CHECK(nids == 3 && exits == 2, "%d thread ids, %d thr_exit lines:\n%s",
	    nids, exits, out);
	KT_CHECK(last != NULL && strncmp(last + 6, ": process exit, rval = 30",
	    25) == 0, "last line:\n%s", out);
	return 0;
}

PT_CASE(usage_errors)
{
	char *noargs[] = { TRUSS, NULL };
	char *badpid[] = { TRUSS, "-p", "99990", NULL };
	char *init[] = { TRUSS, "-p", "1", NULL };
	int fd;
	pid_t t;

	t = spawn_captured(noargs, &fd);
	slurp(fd, out, sizeof(out));
	close(fd);
	PT_EXITS(t, 1);
	KT_CHECK(strstr(out, "usage:") != NULL, "no usage: %s", out);
	t = spawn_captured(badpid, &fd);
	slurp(fd, out, sizeof(out));
	close(fd);
	PT_EXITS(t, 1);
	KT_CHECK(strstr(out, "No such process") != NULL, "said: %s", out);
	t = spawn_captured(init, &fd);
	slurp(fd, out, sizeof(out));
	close(fd);
	PT_EXITS(t, 1);
	KT_CHECK(strstr(out, "Operation not permitted") != NULL, "said: %s", out);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "traced") == 0)
		return traced_program();
	if (argc == 2 && strcmp(argv[1], "forking") == 0)
		return forking_program();
	kt_suite("truss_basic");
	kt_run("trace_of_known_program", trace_of_known_program);
	kt_run("program_runs_untraced", program_runs_untraced);
	kt_run("attach_and_detach_on_sigint", attach_and_detach_on_sigint);
	kt_run("follow_forks", follow_forks);
	kt_run("thread_prefixes", thread_prefixes);
	kt_run("usage_errors", usage_errors);
	return kt_finish();
}
