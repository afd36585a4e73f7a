/*
 * proc_sysctl.c - sysctl(3) as FreeBSD defines it: the names Kestrel has
 * (kern.ostype, kern.osrelease, kern.proc.pid.<pid>, kern.proc.all,
 * kern.sigqueue.max_pending_per_proc, hw.ncpu, hw.physmem, hw.pagesize,
 * ...) by MIB and by name; the size protocol (a NULL buffer asks for the
 * size, a short one is ENOMEM with what fits); struct kinfo_proc for a
 * running, sleeping, stopped and traced, and zombie process; and the
 * errors (ENOENT, EISDIR, ENOTDIR, EINVAL, EPERM, ESRCH).
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/kinfo.h>
#include <sys/ptrace.h>
#include <sys/sysctl.h>
#include <sys/thr.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lib/ktest.h"

static int
proc_info(pid_t pid, struct kinfo_proc *kp)
{
	int mib[4] = { CTL_KERN, KERN_PROC, KERN_PROC_PID, pid };
	size_t len = sizeof(*kp);

	memset(kp, 0xa5, sizeof(*kp));
	if (sysctl(mib, 4, kp, &len, NULL, 0) != 0)
		return -1;
	return len == sizeof(*kp) ? 0 : -2;
}

/* Until pid's ki_stat is stat: 0, or -1 after a while. */
static int
await_stat(pid_t pid, int stat)
{
	struct kinfo_proc kp;
	int i;

	for (i = 0; i < 2000; i++) {
		if (proc_info(pid, &kp) == 0 && kp.ki_stat == stat)
			return 0;
		usleep(1000);
	}
	return -1;
}

/* Strings by MIB and by name, and the size protocol. */
static int
test_strings_and_sizes(void)
{
	int mib[2] = { CTL_KERN, KERN_OSTYPE };
	char buf[32];
	size_t len = 0;

	KT_CHECK(sysctl(mib, 2, NULL, &len, NULL, 0) == 0 && len == 8,
	    "size of kern.ostype %u", (unsigned)len);
	len = sizeof(buf);
	KT_CHECK(sysctl(mib, 2, buf, &len, NULL, 0) == 0 && len == 8 &&
	    strcmp(buf, "Kestrel") == 0, "kern.ostype \"%s\" (%u)", buf,
	    (unsigned)len);
	memset(buf, 'z', sizeof(buf));
	len = 3;
	KT_CHECK(sysctl(mib, 2, buf, &len, NULL, 0) == -1 && errno == ENOMEM &&
	    len == 3 && memcmp(buf, "Kesz", 4) == 0, "short buffer: errno %d, "
	    "len %u", errno, (unsigned)len);
	len = sizeof(buf);
	KT_CHECK(sysctlbyname("kern.osrelease", buf, &len, NULL, 0) == 0 &&
	    strcmp(buf, "0.1") == 0, "kern.osrelease \"%s\"", buf);
	len = sizeof(buf);
	KT_CHECK(sysctlbyname("hw.machine", buf, &len, NULL, 0) == 0 &&
	    strcmp(buf, "i386") == 0, "hw.machine \"%s\"", buf);
	return 0;
}

/* The numbers: hw.ncpu 1, hw.pagesize, hw.physmem agrees with the page count. */
static int
test_hw_numbers(void)
{
	int mib[2] = { CTL_HW, HW_NCPU }, v = 0;
	unsigned long mem = 0;
	size_t len = sizeof(v);

	KT_CHECK(sysctl(mib, 2, &v, &len, NULL, 0) == 0 && v == 1 &&
	    len == sizeof(int), "hw.ncpu %d", v);
	len = sizeof(v);
	KT_CHECK(sysctlbyname("hw.pagesize", &v, &len, NULL, 0) == 0 &&
	    v == 4096, "hw.pagesize %d", v);
	len = sizeof(mem);
	KT_CHECK(sysctlbyname("hw.physmem", &mem, &len, NULL, 0) == 0 &&
	    mem == (unsigned long)kinfo(KINFO_TOTALPAGES) * 4096,
	    "hw.physmem %lu", mem);
	len = sizeof(v);
	KT_CHECK(sysctlbyname("kern.sigqueue.max_pending_per_proc", &v, &len,
	    NULL, 0) == 0 && v == 128, "max_pending_per_proc %d", v);
	return 0;
}

/* name2oid by sysctlnametomib, and the MIB it gives works (FreeBSD's idiom). */
static int
test_nametomib(void)
{
	int mib[CTL_MAXNAME];
	size_t n = CTL_MAXNAME, len;
	struct kinfo_proc kp;

	KT_CHECK(sysctlnametomib("kern.sigqueue.max_pending_per_proc", mib,
	    &n) == 0 && n == 3 && mib[0] == CTL_KERN &&
	    mib[1] == CTL_AUTO_START && mib[2] == CTL_AUTO_START,
	    "kern.sigqueue.max_pending_per_proc: %u numbers", (unsigned)n);
	n = CTL_MAXNAME;
	KT_CHECK(sysctlnametomib("kern.proc.pid", mib, &n) == 0 && n == 3 &&
	    mib[2] == KERN_PROC_PID, "kern.proc.pid");
	mib[3] = getpid();
	len = sizeof(kp);
	KT_CHECK(sysctl(mib, 4, &kp, &len, NULL, 0) == 0 &&
	    kp.ki_pid == getpid(), "kern.proc.pid.<me>");
	n = CTL_MAXNAME;
	KT_CHECK(sysctlnametomib("kern.nothing", mib, &n) == -1 &&
	    errno == ENOENT, "errno %d", errno);
	KT_CHECK(sysctlbyname("kern.proc.pid.1", &kp, &len, NULL, 0) == -1 &&
	    errno == ENOENT, "a pid is no part of a name: errno %d", errno);
	return 0;
}

/* kinfo_proc of ourselves: FreeBSD's size, our ids and name, running. */
static int
test_kinfo_self(void)
{
	long tid = 0;
	struct kinfo_proc kp;
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, NULL);
	signal(SIGHUP, SIG_IGN);
	KT_CHECK(proc_info(getpid(), &kp) == 0, "kern.proc.pid: errno %d", errno);
	KT_CHECK(kp.ki_structsize == sizeof(kp) && sizeof(kp) == 768,
	    "structsize %d", kp.ki_structsize);
	KT_CHECK(kp.ki_pid == getpid() && kp.ki_ppid == getppid() &&
	    kp.ki_pgid == getpgrp() && kp.ki_uid == geteuid() &&
	    kp.ki_ruid == getuid() && kp.ki_rgid == getgid(),
	    "ids %d %d %d %u %u", kp.ki_pid, kp.ki_ppid, kp.ki_pgid, kp.ki_uid,
	    kp.ki_ruid);
	KT_CHECK(strcmp(kp.ki_comm, "proc_sysctl") == 0 && kp.ki_stat == SRUN &&
	    kp.ki_tracer == 0 && !(kp.ki_flag & P_TRACED) &&
	    kp.ki_numthreads == 1 && thr_self(&tid) == 0 && kp.ki_tid == tid,
	    "comm \"%s\" stat %d flag %#lx tid %d", kp.ki_comm, kp.ki_stat,
	    kp.ki_flag, kp.ki_tid);
	KT_CHECK((kp.ki_sigmask.__bits[0] & (1u << (SIGUSR2 - 1))) &&
	    (kp.ki_sigignore.__bits[0] & (1u << (SIGHUP - 1))), "signal sets");
	KT_CHECK(kp.ki_rssize > 0 && kp.ki_size > 0, "sizes %d %u",
	    kp.ki_rssize, kp.ki_size);
	return 0;
}

/* A sleeping child, then stopped and traced by us, then a zombie. */
static int
test_kinfo_states(void)
{
	struct kinfo_proc kp;
	int fds[2], st;
	char c;
	pid_t pid;

	KT_CHECK(pipe(fds) == 0, "pipe");
	if ((pid = fork()) == 0) {
		read(fds[0], &c, 1);
		_exit(3);
	}
	KT_CHECK(await_stat(pid, SSLEEP) == 0, "child not asleep");
	KT_CHECK(proc_info(pid, &kp) == 0 && kp.ki_ppid == getpid() &&
	    strcmp(kp.ki_wmesg, "piperd") == 0, "ppid %d wmesg \"%s\"",
	    kp.ki_ppid, kp.ki_wmesg);
	KT_CHECK(ptrace(PT_ATTACH, pid, NULL, 0) == 0, "attach");
	KT_CHECK(waitpid(pid, &st, 0) == pid && WIFSTOPPED(st), "stop");
	KT_CHECK(proc_info(pid, &kp) == 0 && kp.ki_stat == SSTOP &&
	    (kp.ki_flag & (P_TRACED | P_STOPPED_TRACE)) ==
	    (P_TRACED | P_STOPPED_TRACE) && kp.ki_tracer == getpid() &&
	    kp.ki_xstat == SIGSTOP, "stat %d flag %#lx tracer %d xstat %d",
	    kp.ki_stat, kp.ki_flag, kp.ki_tracer, kp.ki_xstat);
	KT_CHECK(ptrace(PT_DETACH, pid, (caddr_t)1, 0) == 0, "detach");
	write(fds[1], "x", 1);
	KT_CHECK(await_stat(pid, SZOMB) == 0, "no zombie");
	KT_CHECK(proc_info(pid, &kp) == 0 && kp.ki_xstat == (3 << 8) &&
	    !(kp.ki_flag & P_TRACED), "zombie xstat %#x", kp.ki_xstat);
	KT_CHECK(waitpid(pid, &st, 0) == pid, "reap");
	KT_CHECK(proc_info(pid, &kp) == -1 && errno == ESRCH, "a reaped "
	    "process: errno %d", errno);
	close(fds[0]);
	close(fds[1]);
	return 0;
}

/* kern.proc.all: every process once, ourselves and init among them. */
static int
test_proc_all(void)
{
	int mib[3] = { CTL_KERN, KERN_PROC, KERN_PROC_ALL };
	struct kinfo_proc *kp, one;
	size_t len = 0, n, i;
	int self = 0, init = 0;

	KT_CHECK(sysctl(mib, 3, NULL, &len, NULL, 0) == 0 &&
	    len % sizeof(*kp) == 0, "size %u", (unsigned)len);
	n = len / sizeof(*kp);
	KT_CHECK(n == (size_t)kinfo(KINFO_NPROCS), "%u entries, %d processes",
	    (unsigned)n, kinfo(KINFO_NPROCS));
	KT_CHECK((kp = malloc(len)) != NULL, "malloc");
	KT_CHECK(sysctl(mib, 3, kp, &len, NULL, 0) == 0 &&
	    len == n * sizeof(*kp), "read %u", (unsigned)len);
	for (i = 0; i < n; i++) {
		self += kp[i].ki_pid == getpid();
		init += kp[i].ki_pid == 1 && strcmp(kp[i].ki_comm, "init") == 0;
	}
	free(kp);
	KT_CHECK(self == 1 && init == 1, "self %d init %d", self, init);
	len = sizeof(one);
	KT_CHECK(sysctl(mib, 3, &one, &len, NULL, 0) == -1 && errno == ENOMEM &&
	    len == sizeof(one), "one entry's room: errno %d len %u", errno,
	    (unsigned)len);
	return 0;
}

/* The errors: FreeBSD's for each way to name or write a value wrongly. */
static int
test_errors(void)
{
	int mib[CTL_MAXNAME + 1] = { CTL_KERN, KERN_OSTYPE, 1 }, v = 5;
	char buf[32];
	size_t len = sizeof(buf);

	KT_CHECK(sysctl(mib, 1, buf, &len, NULL, 0) == -1 && errno == EINVAL,
	    "one number: errno %d", errno);
	KT_CHECK(sysctl(mib, CTL_MAXNAME + 1, buf, &len, NULL, 0) == -1 &&
	    errno == EINVAL, "25 numbers: errno %d", errno);
	KT_CHECK(sysctl(mib, 3, buf, &len, NULL, 0) == -1 && errno == ENOTDIR,
	    "past a leaf: errno %d", errno);
	mib[1] = 9999;
	KT_CHECK(sysctl(mib, 2, buf, &len, NULL, 0) == -1 && errno == ENOENT,
	    "unknown: errno %d", errno);
	mib[1] = KERN_PROC;
	KT_CHECK(sysctl(mib, 2, buf, &len, NULL, 0) == -1 && errno == EISDIR,
	    "a node: errno %d", errno);
	mib[2] = KERN_PROC_PID;
	KT_CHECK(sysctl(mib, 3, buf, &len, NULL, 0) == -1 && errno == EINVAL,
	    "kern.proc.pid without a pid: errno %d", errno);
	mib[3] = 99999;
	KT_CHECK(sysctl(mib, 4, buf, &len, NULL, 0) == -1 && errno == ESRCH,
	    "no such pid: errno %d", errno);
	KT_CHECK(sysctlbyname("kern.ostype", NULL, NULL, "x", 1) == -1 &&
	    errno == EPERM, "write to a read-only value: errno %d", errno);
	KT_CHECK(sysctlbyname("kern.sigqueue.max_pending_per_proc", NULL, NULL,
	    &v, 2) == -1 && errno == EINVAL, "an int of 2 bytes: errno %d",
	    errno);
	return 0;
}

/* Root writes kern.hostname; another user may not. */
static int
test_write_permission(void)
{
	char buf[64];
	size_t len = sizeof(buf);
	int st;
	pid_t c;

	KT_CHECK(sysctlbyname("kern.hostname", NULL, NULL, "hawk", 4) == 0,
	    "root write: errno %d", errno);
	KT_CHECK(sysctlbyname("kern.hostname", buf, &len, NULL, 0) == 0 &&
	    strcmp(buf, "hawk") == 0 && len == 5, "read back \"%s\"", buf);
	if ((c = fork()) == 0) {
		setuid(1000);
		_exit(sysctlbyname("kern.hostname", NULL, NULL, "x", 1) == -1 &&
		    errno == EPERM ? 0 : 1);
	}
	KT_CHECK(waitpid(c, &st, 0) == c && st == 0, "a user wrote it");
	KT_CHECK(sysctlbyname("kern.hostname", NULL, NULL, "kestrel", 7) == 0,
	    "restore");
	return 0;
}

int
main(void)
{
	kt_suite("proc_sysctl");
	kt_run("strings_and_sizes", test_strings_and_sizes);
	kt_run("hw_numbers", test_hw_numbers);
	kt_run("nametomib", test_nametomib);
	kt_run("kinfo_self", test_kinfo_self);
	kt_run("kinfo_states", test_kinfo_states);
	kt_run("proc_all", test_proc_all);
	kt_run("errors", test_errors);
	kt_run("write_permission", test_write_permission);
	return kt_finish();
}
