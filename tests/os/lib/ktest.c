/*
 * ktest.c - the in-OS test harness (see ktest.h). A case's failure message
 * travels from the child to the parent through a pipe, so the TEST line is
 * always printed by the parent, whole, after the child has finished.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/kinfo.h>
#include <sys/sysctl.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>
#include "ktest.h"

#define MSG_MAX	300

static const char *suite = "test";
static int npass, nfail, nskip;
static unsigned case_timeout = 30;
static int msg_fd = -1;		/* in a case: where failure messages go */

void
kt_suite(const char *name)
{
	int status;
	pid_t pid;

	suite = name;
	setvbuf(stdout, NULL, _IONBF, 0);
	/*
	 * The first fork touches libc data (pthread_atfork's table) for the
	 * first time, and a page of it may come then: here, not during the
	 * first case, whose leak check would count it.
	 */
	if ((pid = fork()) == 0)
		_exit(0);
	if (pid > 0)
		kt_wait_status(pid, &status);
}

void
kt_set_timeout(unsigned seconds)
{
	case_timeout = seconds;
}

int
kt_free_pages(void)
{
	return kinfo(KINFO_FREEPAGES);
}

/* What sysctl kern.proc.pid says of pid: 0, or -1 if there is no such process. */
int
kt_kinfo(pid_t pid, struct kinfo_proc *kp)
{
	int mib[4] = { CTL_KERN, KERN_PROC, KERN_PROC_PID, pid };
	size_t len = sizeof(*kp);

	return sysctl(mib, 4, kp, &len, NULL, 0) == 0 ? 0 : -1;
}

/* Poll until everything that was to go has been reaped (init reaps orphans). */
int
kt_await_nprocs(int n)
{
	int i;

	for (i = 0; i < 300; i++) {
		if (kinfo(KINFO_NPROCS) == n)
			return 1;
		usleep(10000);
	}
	return 0;
}

int
kt_is_bochs(void)
{
	const char *e = getenv("emu");

	return e != NULL && strcmp(e, "bochs") == 0;
}

int
kt_has(int bit)
{
	return (kinfo(KINFO_CPUFEATURES) & bit) != 0;
}

int
kt_wait_status(pid_t pid, int *status)
{
	int r;

	while ((r = waitpid(pid, status, 0)) < 0 && errno == EINTR)
		;
	return r;
}

pid_t
kt_spawn(const char *path, char *const argv[])
{
	pid_t pid = fork();

	if (pid == 0) {
		execv(path, argv);
		_exit(127);
	}
	return pid;
}

static void
vmessage(const char *prefix, const char *fmt, va_list ap)
{
	char buf[MSG_MAX];
	int n = snprintf(buf, sizeof(buf), "%s", prefix);

	vsnprintf(buf + n, sizeof(buf) - n, fmt, ap);
	if (msg_fd >= 0)
		write(msg_fd, buf, strlen(buf));
	else
		printf("%s\n", buf);
}

void
kt_fail(const char *file, int line, const char *fmt, ...)
{
	char prefix[80];
	va_list ap;

	snprintf(prefix, sizeof(prefix), "%s:%d: ", file, line);
	va_start(ap, fmt);
	vmessage(prefix, fmt, ap);
	va_end(ap);
}

void
kt_skip(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage("", fmt, ap);
	va_end(ap);
	_exit(KT_SKIPPED);
}

void
kt_log(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	printf("  # ");
	vprintf(fmt, ap);
	printf("\n");
	va_end(ap);
}

static void
report(const char *name, const char *verdict, const char *why)
{
	if (why != NULL && why[0] != '\0')
		printf("TEST %s.%s %s: %s\n", suite, name, verdict, why);
	else
		printf("TEST %s.%s %s\n", suite, name, verdict);
}

static void
child(int (*fn)(void), int fd)
{
	int r;

	close(0);
	msg_fd = fd;
	alarm(case_timeout);
	r = fn();
	_exit(r == 0 ? 0 : 1);
}

/* Read what the child wrote about itself (its failure or skip reason). */
static void
collect(int fd, char *why, size_t size)
{
	size_t n = 0;
	ssize_t r;

	while (n + 1 < size && (r = read(fd, why + n, size - 1 - n)) > 0)
		n += r;
	why[n] = '\0';
	close(fd);
}

static void
run(const char *name, int (*fn)(void), int leakcheck)
{
	char why[MSG_MAX + 80];
	int fds[2], status, before = kt_free_pages(), after;
	pid_t pid;

	fflush(stdout);
	if (pipe(fds) < 0 || (pid = fork()) < 0) {
		report(name, "FAIL", "cannot fork the test case");
		nfail++;
		return;
	}
	if (pid == 0) {
		close(fds[0]);
		child(fn, fds[1]);
	}
	close(fds[1]);
	collect(fds[0], why, sizeof(why));
	kt_wait_status(pid, &status);
	after = kt_free_pages();
	if (WIFEXITED(status) && WEXITSTATUS(status) == KT_SKIPPED) {
		report(name, "SKIP", why);
		nskip++;
		return;
	}
	if (WIFSIGNALED(status)) {
		snprintf(why + strlen(why), sizeof(why) - strlen(why),
		    "%scase killed by signal %d%s", why[0] ? "; " : "",
		    WTERMSIG(status),
		    WTERMSIG(status) == SIGALRM ? " (timeout)" : "");
	} else if (WEXITSTATUS(status) == 0 && leakcheck && after != before) {
		snprintf(why, sizeof(why), "free pages %d before, %d after",
		    before, after);
		status = 1 << 8;
	} else if (WEXITSTATUS(status) != 0 && why[0] == '\0') {
		snprintf(why, sizeof(why), "case exited with status %d",
		    WEXITSTATUS(status));
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		report(name, "PASS", NULL);
		npass++;
	} else {
		report(name, "FAIL", why);
		nfail++;
	}
}

/*
 * Is this case to run? All are, unless the kernel option cases=a,b (which
 * init's job finds in its environment) names some: then only those, so a
 * grader can run one test alone (tools/testdriver.py --test).
 */
static int
selected(const char *name)
{
	const char *list = getenv("cases"), *p;
	size_t len = strlen(name);

	if (list == NULL)
		return 1;
	for (p = list; *p != '\0'; p += strcspn(p, ",")) {
		if (*p == ',')
			p++;
		if (strncmp(p, name, len) == 0 && (p[len] == ',' || p[len] == '\0'))
			return 1;
	}
	return 0;
}

void
kt_run(const char *name, int (*fn)(void))
{
	if (selected(name))
		run(name, fn, 1);
}

void
kt_run_no_leak_check(const char *name, int (*fn)(void))
{
	if (selected(name))
		run(name, fn, 0);
}

int
kt_finish(void)
{
	printf("SUITE %s: %d passed, %d failed, %d skipped\n", suite, npass,
	    nfail, nskip);
	return nfail == 0 ? 0 : 1;
}
