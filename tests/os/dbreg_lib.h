/*
 * dbreg_lib.h - what the dbreg_* suites share: a traced child that stops
 * at its start, and small wrappers that check every ptrace call and every
 * stop. A wrapper returns 0 or -1 after reporting why (kt_fail), so a case
 * reads "if (x() < 0) return 1".
 *
 * A tracee made by dbt_start() runs body() after stopping once with
 * SIGSTOP (the tracer sets its debug registers there) and exits with what
 * body() returns. Everything here is static inline: each suite is one
 * program and uses only part of it.
 */
#ifndef DBREG_LIB_H
#define DBREG_LIB_H

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>
#include <machine/reg.h>
#include "lib/ktest.h"

#define DR7_L(i)	(1u << (2 * (i)))
#define DR7_G(i)	(2u << (2 * (i)))
#define DR7_RWLEN(i, rw, len)	((((len) << 2) | (rw)) << (16 + 4 * (i)))
#define RW_EXEC		0u
#define RW_WRITE	1u
#define RW_RDWR		3u
#define LEN1		0u
#define LEN2		1u
#define LEN4		3u
#define DR6_BS		0x4000u
#define DR6_BMASK	0xfu
#define DR6_STATUS	0xe00fu

#define DBT_FAIL(...)	(kt_fail(__FILE__, __LINE__, __VA_ARGS__), -1)

/* Fork a child that is traced by us and stopped at SIGSTOP before body(). */
static inline pid_t
dbt_start(int (*body)(void))
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		if (ptrace(PT_TRACE_ME, 0, NULL, 0) < 0)
			_exit(120);
		kill(getpid(), SIGSTOP);
		_exit(body());
	}
	if (pid < 0)
		return DBT_FAIL("fork: errno %d", errno);
	if (kt_wait_status(pid, &status) != pid || !WIFSTOPPED(status) ||
	    WSTOPSIG(status) != SIGSTOP)
		return DBT_FAIL("first stop: status %#x", status);
	return pid;
}

/* Wait for pid's next event; *sig gets the stop signal, or -1 if it exited. */
static inline int
dbt_wait(pid_t pid, int *sig, int *status)
{
	if (kt_wait_status(pid, status) != pid)
		return DBT_FAIL("waitpid(%d): errno %d", pid, errno);
	*sig = WIFSTOPPED(*status) ? WSTOPSIG(*status) : -1;
	return 0;
}

static inline int
dbt_cont(pid_t pid, int req, int sig)
{
	if (ptrace(req, pid, (caddr_t)1, sig) < 0)
		return DBT_FAIL("ptrace(%d, %d): errno %d", req, pid, errno);
	return 0;
}

static inline int
dbt_get(pid_t pid, struct dbreg *d)
{
	if (ptrace(PT_GETDBREGS, pid, (caddr_t)d, 0) < 0)
		return DBT_FAIL("PT_GETDBREGS: errno %d", errno);
	return 0;
}

static inline int
dbt_set(pid_t pid, const struct dbreg *d)
{
	if (ptrace(PT_SETDBREGS, pid, (caddr_t)d, 0) < 0)
		return DBT_FAIL("PT_SETDBREGS dr7 %#x: errno %d", d->dr[7], errno);
	return 0;
}

/* One slot armed, the others empty. */
static inline int
dbt_set1(pid_t pid, int slot, uint32_t addr, uint32_t dr7)
{
	struct dbreg d;

	memset(&d, 0, sizeof(d));
	d.dr[slot] = addr;
	d.dr[7] = dr7;
	return dbt_set(pid, &d);
}

static inline int
dbt_regs(pid_t pid, struct reg *r)
{
	if (ptrace(PT_GETREGS, pid, (caddr_t)r, 0) < 0)
		return DBT_FAIL("PT_GETREGS: errno %d", errno);
	return 0;
}

static inline uint32_t
dbt_eip(pid_t pid)
{
	struct reg r;

	return dbt_regs(pid, &r) < 0 ? 0 : r.r_eip;
}

static inline int
dbt_peek(pid_t pid, const volatile void *addr)
{
	return ptrace(PT_READ_D, pid, (caddr_t)addr, 0);
}

/* The DR6 status bits of pid's last debug trap. */
static inline uint32_t
dbt_dr6(pid_t pid)
{
	struct dbreg d;

	return dbt_get(pid, &d) < 0 ? 0xdeadu : d.dr[6] & DR6_STATUS;
}

/* Expect a stop with sig (and, if dr6 is not ~0, exactly that DR6 status). */
static inline int
dbt_expect(pid_t pid, int sig, uint32_t dr6, const char *what)
{
	int got, status;
	uint32_t have;

	if (dbt_wait(pid, &got, &status) < 0)
		return -1;
	if (got != sig)
		return DBT_FAIL("%s: expected stop %d, status %#x, eip %#x",
		    what, sig, status, got > 0 ? dbt_eip(pid) : 0);
	if (dr6 != ~0u && (have = dbt_dr6(pid)) != dr6)
		return DBT_FAIL("%s: dr6 %#x, expected %#x", what, have, dr6);
	return 0;
}

/* Continue pid and expect it to exit with status code. */
static inline int
dbt_finish(pid_t pid, int code)
{
	int sig, status;

	if (dbt_cont(pid, PT_CONTINUE, 0) < 0 || dbt_wait(pid, &sig, &status) < 0)
		return -1;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != code)
		return DBT_FAIL("expected exit %d, status %#x (eip %#x)", code,
		    status, sig > 0 ? dbt_eip(pid) : 0);
	return 0;
}

/* Kill a tracee after a failure, and reap it. */
static inline void
dbt_kill(pid_t pid)
{
	int status;

	if (pid <= 0)
		return;
	kill(pid, SIGKILL);
	kt_wait_status(pid, &status);
}

#endif
