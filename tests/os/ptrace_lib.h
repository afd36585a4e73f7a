/*
 * ptrace_lib.h - what the ptrace_* suites share.
 *
 * Every case is written with PT_CASE(name) { ... }: the body runs, and
 * whatever way it ends (a failed check returns at once), every process it
 * registered with pt_track() is killed and reaped afterwards, so a failing
 * case leaves no stopped tracee or stray child behind for the next one.
 *
 * The checks are macros, so a failure names the caller's line:
 *   PT_OK(req, pid, addr, data)          the request succeeds
 *   PT_ERR(err, req, pid, addr, data)    it fails with errno err
 *   PT_STOP(pid, sig)                    the next wait4 event is a stop with sig
 *   PT_EXITS(pid, code) / PT_KILLED(pid, sig)   ... an exit / a death by sig
 *   PT_CONT_FREE(pid, sig)               take the system call stops out of
 *                                        the event mask and continue
 *   PT_TO_INT3(pid)                      continue to the tracee's next int3
 *                                        and collect its stop
 *
 * Children: pt_traced(body) forks a child that does PT_TRACE_ME, stops with
 * SIGSTOP (collected here) and then exits with body()'s value;
 * pt_sleeper(&fd) forks an untraced child blocked in read() on a pipe that
 * exits with the byte written to fd (or 0 at end of file).
 *
 * Everything is static inline: each suite is one program and uses a part.
 */
#ifndef PTRACE_LIB_H
#define PTRACE_LIB_H

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sched.h>
#include <sys/kinfo.h>
#include <sys/ptrace.h>
#include <sys/sysctl.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>
#include <machine/reg.h>
#include "lib/ktest.h"

#define PT_MAXTRACK	16

static pid_t pt_tracked[PT_MAXTRACK];
static int pt_ntracked;

static inline pid_t
pt_track(pid_t pid)
{
	if (pid > 0 && pt_ntracked < PT_MAXTRACK)
		pt_tracked[pt_ntracked++] = pid;
	return pid;
}

/* Kill and reap everything the case started (tracees included). */
static inline void
pt_reap_all(void)
{
	int i, status;

	for (i = 0; i < pt_ntracked; i++) {
		kill(pt_tracked[i], SIGKILL);
		while (waitpid(pt_tracked[i], &status, 0) == pt_tracked[i] &&
		    WIFSTOPPED(status))
			;
	}
	pt_ntracked = 0;
}

#define PT_CASE(name)							\
	static int name##_body(void);					\
	static int name(void)						\
	{								\
		int r = name##_body();					\
		pt_reap_all();						\
		return r;						\
	}								\
	static int name##_body(void)

/* A wait status in words, for failure messages. */
static inline const char *
pt_str(int st)
{
	static char buf[40];

	if (st == -1)
		snprintf(buf, sizeof(buf), "wait failed (errno %d)", errno);
	else if (WIFSTOPPED(st))
		snprintf(buf, sizeof(buf), "stopped(%d)", WSTOPSIG(st));
	else if (WIFEXITED(st))
		snprintf(buf, sizeof(buf), "exited(%d)", WEXITSTATUS(st));
	else if (WIFSIGNALED(st))
		snprintf(buf, sizeof(buf), "killed(%d)", WTERMSIG(st));
	else
		snprintf(buf, sizeof(buf), "status %#x", st);
	return buf;
}

/* The next event of pid: its wait status, or -1. */
static inline int
pt_wait(pid_t pid)
{
	int st;

	return kt_wait_status(pid, &st) == pid ? st : -1;
}

#define PT_OK(req, pid, addr, data)					\
	KT_CHECK(ptrace((req), (pid), (caddr_t)(addr), (data)) != -1 ||	\
	    errno == 0, "ptrace(%s, %d): errno %d", #req, (int)(pid), errno)

#define PT_ERR(err, req, pid, addr, data)				\
	do {								\
		int pt_r_ = ptrace((req), (pid), (caddr_t)(addr), (data)); \
		KT_CHECK(pt_r_ == -1 && errno == (err),			\
		    "ptrace(%s, %d, %#x, %d) = %d errno %d, expected %s",	\
		    #req, (int)(pid), (unsigned)(addr), (int)(data), pt_r_,	\
		    errno, #err);					\
	} while (0)

#define PT_STOP(pid, sig)						\
	do {								\
		int pt_s_ = pt_wait(pid);				\
		KT_CHECK(pt_s_ != -1 && WIFSTOPPED(pt_s_) &&		\
		    WSTOPSIG(pt_s_) == (sig), "expected stop %d, got %s",	\
		    (sig), pt_str(pt_s_));					\
	} while (0)

#define PT_EXITS(pid, code)						\
	do {								\
		int pt_s_ = pt_wait(pid);				\
		KT_CHECK(pt_s_ != -1 && WIFEXITED(pt_s_) &&		\
		    WEXITSTATUS(pt_s_) == (code),			\
		    "expected exit %d, got %s", (code), pt_str(pt_s_));	\
	} while (0)

#define PT_KILLED(pid, sig)						\
	do {								\
		int pt_s_ = pt_wait(pid);				\
		KT_CHECK(pt_s_ != -1 && WIFSIGNALED(pt_s_) &&		\
		    WTERMSIG(pt_s_) == (sig), "expected death by %d, got %s", \
		    (sig), pt_str(pt_s_));				\
	} while (0)

/* Nothing more to collect: wait4 says ECHILD. */
#define PT_NOCHILD()							\
	KT_CHECK(waitpid(-1, NULL, WNOHANG) == -1 && errno == ECHILD,	\
	    "a child or tracee is left")

#define PT_CONT(pid, sig)	PT_OK(PT_CONTINUE, (pid), 1, (sig))

/* The tracee's event mask, or -1. */
static inline int
pt_events(pid_t pid)
{
	int ev;

	return ptrace(PT_GET_EVENT_MASK, pid, (caddr_t)&ev, sizeof(ev)) == 0 ?
	    ev : -1;
}

/* Clear the system call stops from the event mask, then continue. */
#define PT_CONT_FREE(pid, sig)						\
	do {								\
		int pt_ev_ = pt_events(pid);				\
									\
		KT_CHECK(pt_ev_ != -1, "PT_GET_EVENT_MASK: errno %d", errno); \
		pt_ev_ &= ~PTRACE_SYSCALL;				\
		PT_OK(PT_SET_EVENT_MASK, (pid), &pt_ev_, sizeof(pt_ev_)); \
		PT_CONT((pid), (sig));					\
	} while (0)

/* A child traced by us, stopped at its SIGSTOP; then it exits with body(). */
static inline pid_t
pt_traced(int (*body)(void))
{
	pid_t pid = fork();
	int st;

	if (pid == 0) {
		if (ptrace(PT_TRACE_ME, 0, NULL, 0) < 0)
			_exit(120);
		kill(getpid(), SIGSTOP);
		_exit(body());
	}
	if (pt_track(pid) < 0)
		return -1;
	st = pt_wait(pid);
	if (st == -1 || !WIFSTOPPED(st) || WSTOPSIG(st) != SIGSTOP) {
		kt_fail(__FILE__, __LINE__, "first stop: %s", pt_str(st));
		return -1;
	}
	return pid;
}

/* An untraced child blocked in read(); it exits with the byte written to *wfd. */
static inline pid_t
pt_sleeper(int *wfd)
{
	int fds[2];
	pid_t pid;

	*wfd = -1;
	if (pipe(fds) < 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		char c = 0;

		close(fds[1]);
		while (read(fds[0], &c, 1) < 0 && errno == EINTR)
			;
		_exit((unsigned char)c);
	}
	close(fds[0]);
	*wfd = fds[1];
	return pt_track(pid);
}

/* Write one byte: the sleeper exits with it. */
static inline void
pt_release(int wfd, int code)
{
	char c = code;

	write(wfd, &c, 1);
	close(wfd);
}

/* The ki_stat of pid (SRUN, SSLEEP, SSTOP, SZOMB), or 0 if there is none. */
static inline int
pt_state(pid_t pid)
{
	struct kinfo_proc kp;

	return kt_kinfo(pid, &kp) == 0 ? kp.ki_stat : 0;
}

/* Let other processes run until pid is in state (S*); 0, or -1 after a while. */
static inline int
pt_await_state(pid_t pid, int state)
{
	int i;

	for (i = 0; i < 2000; i++) {
		if (pt_state(pid) == state)
			return 0;
		if (i < 1000)
			sched_yield();
		else
			usleep(1000);
	}
	return -1;
}

static inline int
pt_getregs(pid_t pid, struct reg *r)
{
	return ptrace(PT_GETREGS, pid, (caddr_t)r, 0);
}

/* The stopped tracee's EIP; 0 if its registers cannot be read. */
static inline uint32_t
pt_eip(pid_t pid)
{
	struct reg r;

	return pt_getregs(pid, &r) == 0 ? r.r_eip : 0;
}

#define PT_TO_INT3(pid)							\
	do {								\
		KT_CHECK((pid) > 0, "no tracee");			\
		PT_CONT((pid), 0);					\
		PT_STOP((pid), SIGTRAP);				\
	} while (0)

#endif
