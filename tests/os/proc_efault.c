/*
 * proc_efault.c - every system call that takes a pointer, handed a bad
 * one: NULL, an unmapped user address, a range that runs from the last user
 * bytes into the kernel, a kernel address, and the very top of memory (and,
 * for buffers the kernel writes, read-only program text). Each must fail
 * with EFAULT (except PT_IO's buffer crossing into the kernel: a short
 * transfer of the user bytes), and the kernel must neither fault nor leak
 * (the harness checks the free pages after each case).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/kinfo.h>
#include <sys/procctl.h>
#include <sys/ptrace.h>
#include <sys/sysctl.h>
#include <sys/thr.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>
#include "lib/ktest.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define USER_TOP	0xbfc00000u	/* VM_MAXUSER_ADDRESS */

static const struct {
	const char	*name;
	uintptr_t	addr;
} bad[] = {
	{ "NULL", 0 },
	{ "an unmapped address", 0x40000000 },
	{ "a range crossing into the kernel", USER_TOP - 2 },
	{ "a kernel address", 0xc0000000 },
	{ "the top of memory", 0xfffffff0 },
};

/* A pointer into read-only program text, for buffers the kernel writes. */
#define TEXT_PTR	((void *)(uintptr_t)main)

int	main(void);

static int fd_file, fd_dir, fd_tty, fds[2];
static pid_t tracee;
static char *ok_argv[] = { "false", NULL };
static char *ok_envp[] = { "A=1", NULL };

/*
 * The last two user bytes hold non-NUL characters while a call runs, so
 * that a string starting there runs into the kernel before it ends.
 */
static volatile char *const top_bytes = (char *)(USER_TOP - 2);
static char saved_top[2];

static void
arm_top(void)
{
	saved_top[0] = top_bytes[0];
	saved_top[1] = top_bytes[1];
	top_bytes[0] = top_bytes[1] = 'A';
}

static void
disarm_top(void)
{
	top_bytes[0] = saved_top[0];
	top_bytes[1] = saved_top[1];
}

typedef int call_fn(void *p);

#define WRITES		1	/* the kernel writes the buffer: try text too */
#define NULL_OK		2	/* NULL means "none" here: skip it */
#define PARTIAL		4	/* moves what it can: the crossing range succeeds */

/*
 * Calls fn with each bad pointer; all must fail with EFAULT, except that
 * with PARTIAL the range crossing into the kernel succeeds (fn checks what
 * moved).
 */
static int
check_call(const char *what, call_fn *fn, int flags)
{
	unsigned i;
	int r, err;

	for (i = 0; i <= NELEM(bad); i++) {
		void *p = i < NELEM(bad) ? (void *)bad[i].addr : TEXT_PTR;
		const char *name = i < NELEM(bad) ? bad[i].name :
		    "read-only text";

		if ((i == NELEM(bad) && !(flags & WRITES)) ||
		    (p == NULL && (flags & NULL_OK)))
			continue;
		arm_top();
		errno = 0;
		r = fn(p);
		err = errno;
		disarm_top();
		if ((flags & PARTIAL) && (uintptr_t)p == USER_TOP - 2) {
			KT_CHECK(r == 0, "%s with %s (%p): returned %d, errno %d "
			    "(expected the user bytes)", what, name, p, r, err);
			continue;
		}
		KT_CHECK(r == -1 && err == EFAULT, "%s with %s (%p): returned %d, "
		    "errno %d (expected EFAULT)", what, name, p, r, err);
	}
	return 0;
}

static int c_read_file(void *p) { lseek(fd_file, 0, SEEK_SET); return read(fd_file, p, 64); }
static int c_read_pipe(void *p) { return read(fds[0], p, 4); }
static int c_write_pipe(void *p) { return write(fds[1], p, 16); }
static int c_write_console(void *p) { return write(1, p, 16); }
static int c_read_console(void *p) { return read(fd_tty, p, 16); }
static int c_getdents(void *p) { lseek(fd_dir, 0, SEEK_SET); return getdents(fd_dir, p, 512); }

static int
test_read_write(void)
{
	char c;

	KT_CHECK((fd_file = open("/bin/true", O_RDONLY)) >= 0, "open");
	KT_CHECK((fd_dir = open("/bin", O_RDONLY | O_DIRECTORY)) >= 0, "opendir");
	KT_CHECK(pipe(fds) == 0, "pipe");
	KT_CHECK((fd_tty = open("/dev/tty", O_RDONLY)) >= 0, "open /dev/tty");
	KT_CHECK(write(fds[1], "kept", 4) == 4, "write");
	if (check_call("read(file)", c_read_file, WRITES) ||
	    check_call("read(pipe)", c_read_pipe, WRITES) ||
	    check_call("write(pipe)", c_write_pipe, 0) ||
	    check_call("write(console)", c_write_console, 0) ||
	    check_call("read(console)", c_read_console, WRITES) ||
	    check_call("getdents", c_getdents, WRITES))
		return 1;
	KT_CHECK(read(fds[0], &c, 1) == 1 && c == 'k',
	    "a failed read consumed the pipe's data");
	return 0;
}

/* The lowest free descriptor: a failed call must not have used one. */
static int
lowest_free(void)
{
	int fd = dup(1);

	close(fd);
	return fd;
}

static int c_open(void *p) { return open(p, O_RDONLY); }
static int c_stat_path(void *p) { struct stat st; return stat(p, &st); }
static int c_stat_buf(void *p) { return stat("/bin/true", p); }
static int c_fstat(void *p) { return fstat(fd_file, p); }

static int
test_paths_and_stat(void)
{
	int before;

	KT_CHECK((fd_file = open("/bin/true", O_RDONLY)) >= 0, "open");
	before = lowest_free();
	if (check_call("open", c_open, 0) ||
	    check_call("stat(path)", c_stat_path, 0) ||
	    check_call("stat(buf)", c_stat_buf, WRITES) ||
	    check_call("fstat", c_fstat, WRITES))
		return 1;
	KT_CHECK(lowest_free() == before, "a failed open used a descriptor");
	return 0;
}

static int c_exec_path(void *p) { return execve(p, ok_argv, ok_envp); }
static int c_exec_argv(void *p) { return execve("/bin/false", p, ok_envp); }
static int c_exec_envp(void *p) { return execve("/bin/false", ok_argv, p); }

static int
c_exec_argv_str(void *p)
{
	char *v[] = { "false", p, NULL };

	return execve("/bin/false", v, ok_envp);
}

static int
c_exec_envp_str(void *p)
{
	char *v[] = { "A=1", p, NULL };

	return execve("/bin/false", ok_argv, v);
}

/* A wrong success would run /bin/false, and the case would fail with status 1. */
static int
test_execve(void)
{
	if (check_call("execve(path)", c_exec_path, 0) ||
	    check_call("execve(argv)", c_exec_argv, 0) ||
	    check_call("execve(argv[1])", c_exec_argv_str, NULL_OK) ||
	    check_call("execve(envp)", c_exec_envp, NULL_OK) ||
	    check_call("execve(envp[1])", c_exec_envp_str, NULL_OK))
		return 1;
	return 0;
}

static pid_t
dead_child(void)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(0);
	return pid;
}

static int
c_wait_status(void *p)
{
	pid_t pid = dead_child();
	int r = wait4(pid, p, 0, NULL), err = errno;

	waitpid(pid, NULL, 0);		/* reap it, if the failed wait did not */
	errno = err;
	return r;
}

static int
c_wait_rusage(void *p)
{
	pid_t pid = dead_child();
	int status, r = wait4(pid, &status, 0, p), err = errno;

	waitpid(pid, NULL, 0);
	errno = err;
	return r;
}

static int c_pipe(void *p) { return pipe(p); }
static int c_pipe2(void *p) { return pipe2(p, O_CLOEXEC); }

static int
test_wait_pipe(void)
{
	int before = lowest_free();

	if (check_call("wait4(status)", c_wait_status, WRITES | NULL_OK) ||
	    check_call("wait4(rusage)", c_wait_rusage, WRITES | NULL_OK) ||
	    check_call("pipe", c_pipe, WRITES) ||
	    check_call("pipe2", c_pipe2, WRITES))
		return 1;
	KT_CHECK(lowest_free() == before, "a failed pipe() kept descriptors "
	    "(lowest free %d, %d before)", lowest_free(), before);
	return 0;
}

static int c_sigaction_act(void *p) { return sigaction(SIGUSR1, p, NULL); }
static int c_sigaction_oact(void *p) { return sigaction(SIGUSR1, NULL, p); }
static int c_sigprocmask_set(void *p) { return sigprocmask(SIG_BLOCK, p, NULL); }
static int c_sigprocmask_oset(void *p) { return sigprocmask(SIG_BLOCK, NULL, p); }
static int c_sigsuspend(void *p) { return sigsuspend(p); }
static int c_sigpending(void *p) { return sigpending(p); }
static int c_sigreturn(void *p) { return sigreturn(p); }
static int c_thr_self(void *p) { return thr_self(p); }

static int
test_signals(void)
{
	struct sigaction sa;

	if (check_call("sigaction(act)", c_sigaction_act, NULL_OK) ||
	    check_call("sigaction(oact)", c_sigaction_oact, WRITES | NULL_OK) ||
	    check_call("sigprocmask(set)", c_sigprocmask_set, NULL_OK) ||
	    check_call("sigprocmask(oset)", c_sigprocmask_oset, WRITES | NULL_OK) ||
	    check_call("sigsuspend", c_sigsuspend, 0) ||
	    check_call("sigpending", c_sigpending, WRITES) ||
	    check_call("sigreturn", c_sigreturn, 0) ||
	    check_call("thr_self", c_thr_self, WRITES))
		return 1;
	KT_CHECK(sigaction(SIGUSR1, NULL, &sa) == 0 && sa.sa_handler == SIG_DFL,
	    "a failed sigaction changed the action");
	return 0;
}

static void
ignore(int sig)
{
	(void)sig;
}

static int c_nanosleep_req(void *p) { return nanosleep(p, NULL); }
static int c_clock_gettime(void *p) { return clock_gettime(CLOCK_MONOTONIC, p); }

/* The remaining time is written only when a signal cuts the sleep short. */
static int
c_nanosleep_rem(void *p)
{
	struct timespec req = { 1, 0 };
	pid_t parent = getpid(), pid = fork();
	int r, err;

	if (pid == 0) {
		usleep(20000);
		kill(parent, SIGUSR1);
		_exit(0);
	}
	r = nanosleep(&req, p);
	err = errno;
	waitpid(pid, NULL, 0);
	errno = err;
	return r;
}

static int
test_time(void)
{
	signal(SIGUSR1, ignore);
	if (check_call("nanosleep(req)", c_nanosleep_req, 0) ||
	    check_call("nanosleep(rem)", c_nanosleep_rem, WRITES | NULL_OK) ||
	    check_call("clock_gettime", c_clock_gettime, WRITES))
		return 1;
	return 0;
}

static int c_ioctl_out(void *p) { return ioctl(1, TIOCGETA, p); }
static int c_ioctl_in(void *p) { return ioctl(1, TIOCSETA, p); }
static int c_ioctl_pgrp(void *p) { return ioctl(1, TIOCGPGRP, p); }
static const int ostype_mib[2] = { CTL_KERN, KERN_OSTYPE };
static const int hostname_mib[2] = { CTL_KERN, KERN_HOSTNAME };
static int c_sysctl_name(void *p) { size_t n = 0; return sysctl(p, 2, NULL, &n, NULL, 0); }
static int c_sysctl_old(void *p) { size_t n = 16; return sysctl(ostype_mib, 2, p, &n, NULL, 0); }
static int c_sysctl_oldlenp(void *p) { return sysctl(ostype_mib, 2, NULL, p, NULL, 0); }
static int c_sysctl_new(void *p) { return sysctl(hostname_mib, 2, NULL, NULL, p, 4); }
static int c_name2oid(void *p) { static const int m[2] = { 0, 3 }; int o[4]; size_t n = sizeof(o); return sysctl(m, 2, o, &n, p, 4); }
static int c_procctl_status(void *p) { return procctl(P_PID, 0, PROC_REAP_STATUS, p); }
static int c_procctl_ctl(void *p) { return procctl(P_PID, 0, PROC_TRACE_CTL, p); }

static int
test_ioctl_sysctl(void)
{
	char name[16];
	size_t n = sizeof(name);

	if (check_call("ioctl(TIOCGETA)", c_ioctl_out, WRITES) ||
	    check_call("ioctl(TIOCSETA)", c_ioctl_in, 0) ||
	    check_call("ioctl(TIOCGPGRP)", c_ioctl_pgrp, WRITES) ||
	    check_call("sysctl(name)", c_sysctl_name, 0) ||
	    check_call("sysctl(old)", c_sysctl_old, WRITES | NULL_OK) ||
	    check_call("sysctl(oldlenp)", c_sysctl_oldlenp, WRITES | NULL_OK) ||
	    check_call("sysctl(new)", c_sysctl_new, NULL_OK) ||
	    check_call("sysctl.name2oid(name)", c_name2oid, NULL_OK) ||
	    check_call("procctl(PROC_REAP_STATUS)", c_procctl_status, WRITES) ||
	    check_call("procctl(PROC_TRACE_CTL)", c_procctl_ctl, 0))
		return 1;
	KT_CHECK(sysctl(hostname_mib, 2, name, &n, NULL, 0) == 0 &&
	    strcmp(name, "kestrel") == 0, "a failed sysctl write changed "
	    "kern.hostname to \"%s\"", name);
	return 0;
}

static int c_getregs(void *p) { return ptrace(PT_GETREGS, tracee, p, 0); }
static int c_setregs(void *p) { return ptrace(PT_SETREGS, tracee, p, 0); }
static int c_getfpregs(void *p) { return ptrace(PT_GETFPREGS, tracee, p, 0); }
static int c_getdbregs(void *p) { return ptrace(PT_GETDBREGS, tracee, p, 0); }
static int c_pt_io_desc(void *p) { return ptrace(PT_IO, tracee, p, 0); }

/* A short transfer succeeds (docs/ptrace.md): then it moved the 2 user bytes. */
static int
c_pt_io_addr(void *p)
{
	struct ptrace_io_desc piod = { PIOD_READ_D, (void *)ok_envp, p, 16 };
	int r = ptrace(PT_IO, tracee, (caddr_t)&piod, 0);

	if (r == 0 && piod.piod_len != 2) {
		errno = EIO;
		return -2;
	}
	return r;
}

static int
test_ptrace(void)
{
	int status, r;

	tracee = fork();
	if (tracee == 0) {
		ptrace(PT_TRACE_ME, 0, NULL, 0);
		raise(SIGSTOP);
		_exit(0);
	}
	KT_CHECK(waitpid(tracee, &status, 0) == tracee && WIFSTOPPED(status),
	    "tracee did not stop (%#x)", status);
	r = check_call("ptrace(PT_GETREGS)", c_getregs, WRITES) ||
	    check_call("ptrace(PT_SETREGS)", c_setregs, 0) ||
	    check_call("ptrace(PT_GETFPREGS)", c_getfpregs, WRITES) ||
	    check_call("ptrace(PT_GETDBREGS)", c_getdbregs, WRITES) ||
	    check_call("ptrace(PT_IO descriptor)", c_pt_io_desc, 0) ||
	    check_call("ptrace(PT_IO piod_addr)", c_pt_io_addr,
	    WRITES | PARTIAL);
	kill(tracee, SIGKILL);
	waitpid(tracee, &status, 0);
	return r;
}

int
main(void)
{
	kt_suite("proc_efault");
	kt_run("read_write", test_read_write);
	kt_run("paths_and_stat", test_paths_and_stat);
	kt_run("execve", test_execve);
	kt_run("wait_pipe", test_wait_pipe);
	kt_run("signals", test_signals);
	kt_run("time", test_time);
	kt_run("ioctl_sysctl", test_ioctl_sysctl);
	kt_run("ptrace", test_ptrace);
	return kt_finish();
}
