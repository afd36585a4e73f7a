/*
 * proc_exec.c - execve: argv and envp reach main, the new image keeps the
 * pid, the parent, descriptors (but not close-on-exec ones), the signal
 * mask, pending and ignored signals, and loses caught handlers; every way a
 * path can be wrong (missing, a directory, not executable, through a file,
 * too long) and every malformed executable in /test/badelf (made by
 * tools/mkbadelf.py) fails with the right errno while the caller keeps
 * running its old image; and credentials (setuid by root and by others).
 *
 * The suite runs itself as the new image: argv[1] names a helper mode.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lib/ktest.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define SELF		"/test/proc_exec"

static char **main_envp;

/* fork, exec argv (with envp), wait: the status, or -1. */
static int
run(char *const argv[], char *const envp[])
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		execve(argv[0], argv, envp);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

/* ---------------------------------------------------------------- helpers */

static char *want_argv[] = { SELF, "--args", "one", "", "two words", "x", NULL };
static char *want_envp[] = { "FOO=bar", "EMPTY=", "LAST=1", NULL };

/* Exit 0 if argv and envp are exactly what test_argv_envp passed. */
static int
helper_args(int argc, char **argv, char **envp)
{
	int i;

	if (argc != (int)NELEM(want_argv) - 1)
		return 10;
	for (i = 0; i < argc; i++)
		if (strcmp(argv[i], want_argv[i]) != 0)
			return 20 + i;
	if (argv[argc] != NULL)
		return 30;
	for (i = 0; want_envp[i] != NULL; i++)
		if (envp[i] == NULL || strcmp(envp[i], want_envp[i]) != 0)
			return 40 + i;
	if (envp[i] != NULL || environ != envp)
		return 50;
	if (getenv("FOO") == NULL || strcmp(getenv("FOO"), "bar") != 0)
		return 51;
	return 0;
}

/*
 * What exec kept: argv[2] the pid, argv[3] the parent, argv[4] an open
 * descriptor, argv[5] a close-on-exec one. Exit 0 if all is as expected.
 */
static int
helper_inherit(char **argv)
{
	struct sigaction sa;
	sigset_t mask, pending;
	struct stat st;

	if (getpid() != atoi(argv[2]))
		return 10;
	if (getppid() != atoi(argv[3]))
		return 11;
	if (write(atoi(argv[4]), "ok", 2) != 2)
		return 12;
	if (fstat(atoi(argv[5]), &st) != -1 || errno != EBADF)
		return 13;
	sigprocmask(SIG_BLOCK, NULL, &mask);
	if (!sigismember(&mask, SIGUSR1) || sigismember(&mask, SIGUSR2))
		return 14;
	sigpending(&pending);
	if (!sigismember(&pending, SIGUSR1))
		return 15;
	sigaction(SIGUSR2, NULL, &sa);
	if (sa.sa_handler != SIG_DFL)
		return 16;		/* caught: back to the default */
	sigaction(SIGTERM, NULL, &sa);
	if (sa.sa_handler != SIG_IGN)
		return 17;		/* ignored: stays ignored */
	return 0;
}

/* Exit 0 if the real and effective ids are argv[2]. */
static int
helper_ids(char **argv)
{
	uid_t uid = atoi(argv[2]);

	return getuid() == uid && geteuid() == uid ? 0 : 1;
}

/* ---------------------------------------------------------------- cases */

static int
test_argv_envp(void)
{
	int status = run(want_argv, want_envp);

	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "the new image saw other arguments: status %#x (10: argc, 2x: "
	    "argv[x], 30: no NULL, 4x: envp[x], 50/51: environ)", status);
	return 0;
}

static int
test_return_from_main(void)
{
	char *argv[] = { SELF, "--return", "9", NULL };
	int status = run(argv, main_envp);

	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 9,
	    "returning 9 from main: status %#x", status);
	return 0;
}

/* A real program replaces the image; its output is ours to read. */
static int
test_exec_echo(void)
{
	char buf[64], *argv[] = { "/bin/echo", "hello", "world", NULL };
	int fds[2], status, n = 0, r;
	pid_t pid;

	KT_CHECK(pipe(fds) == 0, "pipe");
	pid = fork();
	if (pid == 0) {
		dup2(fds[1], 1);
		execve(argv[0], argv, main_envp);
		_exit(127);
	}
	close(fds[1]);
	while (n < (int)sizeof(buf) - 1 &&
	    (r = read(fds[0], buf + n, sizeof(buf) - 1 - n)) > 0)
		n += r;
	buf[n] = '\0';
	KT_CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0, "echo: status %#x", status);
	KT_CHECK(strcmp(buf, "hello world\n") == 0, "echo wrote \"%s\"", buf);
	close(fds[0]);
	return 0;
}

static void
ignore(int sig)
{
	(void)sig;
}

static int
test_exec_keeps(void)
{
	char pid_s[16], ppid_s[16], fd_s[16], cloexec_s[16], buf[2];
	char *argv[] = { SELF, "--inherit", pid_s, ppid_s, fd_s, cloexec_s,
	    NULL };
	int fds[2], cfd, status;
	pid_t pid;

	KT_CHECK(pipe(fds) == 0, "pipe");
	KT_CHECK((cfd = open("/bin/true", O_RDONLY | O_CLOEXEC)) >= 0, "open");
	pid = fork();
	if (pid == 0) {
		sigset_t set;

		snprintf(pid_s, sizeof(pid_s), "%d", getpid());
		snprintf(ppid_s, sizeof(ppid_s), "%d", getppid());
		snprintf(fd_s, sizeof(fd_s), "%d", fds[1]);
		snprintf(cloexec_s, sizeof(cloexec_s), "%d", cfd);
		signal(SIGUSR2, ignore);
		signal(SIGTERM, SIG_IGN);
		sigemptyset(&set);
		sigaddset(&set, SIGUSR1);
		sigprocmask(SIG_BLOCK, &set, NULL);
		raise(SIGUSR1);
		execve(SELF, argv, main_envp);
		_exit(127);
	}
	close(fds[1]);
	KT_CHECK(waitpid(pid, &status, 0) == pid, "waitpid");
	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "status %#x (10 pid, 11 ppid, 12 descriptor, 13 close-on-exec, "
	    "14 mask, 15 pending, 16 caught handler, 17 ignored)", status);
	KT_CHECK(read(fds[0], buf, 2) == 2 && memcmp(buf, "ok", 2) == 0,
	    "nothing came through the inherited descriptor");
	close(fds[0]);
	close(cfd);
	return 0;
}

static int
test_path_errors(void)
{
	static char longpath[400];
	static const struct {
		const char	*path;
		int		err;
	} cases[] = {
		{ "/no/such/program", ENOENT },
		{ "", ENOENT },
		{ "/bin", EACCES },
		{ "/", EACCES },
		{ "/test/badelf/noexec", EACCES },
		{ "/bin/true/x", ENOTDIR },
		{ "/bin/true/", ENOTDIR },
		{ longpath, ENAMETOOLONG },
	};
	char *argv[] = { "x", NULL };
	unsigned i;

	memset(longpath, 'a', sizeof(longpath) - 1);
	longpath[0] = '/';
	for (i = 0; i < NELEM(cases); i++) {
		errno = 0;
		KT_CHECK(execve(cases[i].path, argv, main_envp) == -1 &&
		    errno == cases[i].err, "execve(\"%.40s\"): errno %d, "
		    "expected %d", cases[i].path, errno, cases[i].err);
	}
	return 0;
}

/* Arguments beyond ARG_MAX are E2BIG, and the caller carries on. */
static int
test_e2big(void)
{
	static char chunk[4096];
	char *argv[80];
	int i;

	memset(chunk, 'y', sizeof(chunk) - 1);
	argv[0] = "/bin/true";
	for (i = 1; i < 79; i++)
		argv[i] = chunk;
	argv[79] = NULL;
	errno = 0;
	KT_CHECK(execve("/bin/true", argv, main_envp) == -1 && errno == E2BIG,
	    "300 KiB of arguments: errno %d", errno);
	return 0;
}

static const struct {
	const char	*name;
	int		err, alt1, alt2;	/* acceptable errnos */
} badelf[] = {
	{ "empty", ENOEXEC, 0, 0 },
	{ "short_header", ENOEXEC, 0, 0 },
	{ "no_phdrs", ENOEXEC, 0, 0 },
	{ "truncated_segment", ENOEXEC, 0, 0 },
	{ "not_elf", ENOEXEC, 0, 0 },
	{ "bad_magic", ENOEXEC, 0, 0 },
	{ "class64", ENOEXEC, 0, 0 },
	{ "big_endian", ENOEXEC, 0, 0 },
	{ "version0", ENOEXEC, 0, 0 },
	{ "machine_x86_64", ENOEXEC, 0, 0 },
	{ "machine_arm", ENOEXEC, 0, 0 },
	{ "type_rel", ENOEXEC, 0, 0 },
	{ "type_dyn", ENOEXEC, 0, 0 },
	{ "type_core", ENOEXEC, 0, 0 },
	{ "phentsize", ENOEXEC, 0, 0 },
	{ "phnum_zero", ENOEXEC, 0, 0 },
	{ "phnum_huge", ENOEXEC, 0, 0 },
	{ "phoff_beyond", ENOEXEC, 0, 0 },
	{ "phoff_wraps", ENOEXEC, 0, 0 },
	{ "seg_page0", ENOEXEC, EFAULT, 0 },
	{ "seg_kernel", ENOEXEC, EFAULT, 0 },
	{ "seg_into_kernel", ENOEXEC, EFAULT, 0 },
	{ "seg_in_stack", ENOEXEC, EFAULT, ENOMEM },
	{ "seg_wraps", ENOEXEC, EFAULT, ENOMEM },
	{ "memsz_huge", ENOEXEC, ENOMEM, 0 },
	{ "filesz_gt_memsz", ENOEXEC, 0, 0 },
	{ "offset_beyond", ENOEXEC, 0, 0 },
	{ "offset_wraps", ENOEXEC, 0, 0 },
	{ "entry_outside", ENOEXEC, 0, 0 },
	{ "entry_not_exec", ENOEXEC, 0, 0 },
	{ "segments_overlap", ENOEXEC, 0, 0 },
	{ "too_many_segments", ENOEXEC, 0, 0 },
};

static volatile unsigned canary = 0xc0ffee;

/*
 * Each bad file fails in this very process (a wrong success would run its
 * exit(42) and fail the case); afterwards our image, data and all, is intact.
 */
static int
test_bad_elf(void)
{
	char path[64], *argv[] = { path, NULL };
	struct dirent *d;
	unsigned i, seen = 0;
	DIR *dir;
	int e, status;

	for (i = 0; i < NELEM(badelf); i++) {
		snprintf(path, sizeof(path), "/test/badelf/%s", badelf[i].name);
		errno = 0;
		KT_CHECK(execve(path, argv, main_envp) == -1, "%s was executed",
		    path);
		e = errno;
		KT_CHECK(e == badelf[i].err || (e != 0 && (e == badelf[i].alt1 ||
		    e == badelf[i].alt2)), "%s: errno %d, expected %d", path, e,
		    badelf[i].err);
		KT_CHECK(canary == 0xc0ffee, "our data changed after %s", path);
	}
	/* The directory holds exactly these, plus good and noexec (and . ..). */
	KT_CHECK((dir = opendir("/test/badelf")) != NULL, "opendir");
	while ((d = readdir(dir)) != NULL) {
		for (i = 0; i < NELEM(badelf); i++)
			if (strcmp(d->d_name, badelf[i].name) == 0)
				break;
		if (i < NELEM(badelf))
			seen++;
		else
			KT_CHECK(strcmp(d->d_name, "good") == 0 ||
			    strcmp(d->d_name, "noexec") == 0 ||
			    strcmp(d->d_name, ".") == 0 ||
			    strcmp(d->d_name, "..") == 0,
			    "/test/badelf/%s is not in the test's table",
			    d->d_name);
	}
	closedir(dir);
	KT_CHECK(seen == NELEM(badelf), "%u of %u bad files found", seen,
	    (unsigned)NELEM(badelf));

	/* The generator's good program runs: the bad ones fail for a reason. */
	snprintf(path, sizeof(path), "/test/badelf/good");
	status = run(argv, main_envp);
	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 42,
	    "/test/badelf/good: status %#x, expected exit 42", status);
	return 0;
}

/* exec after exec after exec: every image's memory comes back. */
static int
test_exec_cycles(void)
{
	char *argv[] = { "/bin/true", NULL };
	int i, status;

	for (i = 0; i < 100; i++) {
		status = run(argv, main_envp);
		KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		    "run %d: status %#x", i, status);
	}
	return 0;
}

static int
test_root_setuid(void)
{
	char *argv[] = { SELF, "--ids", "100", NULL };
	int status;
	pid_t pid;

	KT_CHECK(getuid() == 0 && geteuid() == 0 && getgid() == 0,
	    "the suite does not run as root: uid %d euid %d", getuid(),
	    geteuid());
	pid = fork();
	if (pid == 0) {
		if (setgid(50) != 0 || getgid() != 50 || getegid() != 50)
			_exit(1);
		if (setuid(100) != 0 || getuid() != 100 || geteuid() != 100)
			_exit(2);
		if (setuid(0) != -1 || errno != EPERM || geteuid() != 100)
			_exit(3);	/* root is gone for good */
		if (setuid(200) != -1 || errno != EPERM)
			_exit(4);
		if (setuid(100) != 0)
			_exit(5);	/* its own uid is fine */
		if (setgid(0) != -1 || errno != EPERM)
			_exit(6);
		execve(SELF, argv, main_envp);
		_exit(7);
	}
	KT_CHECK(waitpid(pid, &status, 0) == pid, "waitpid");
	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "status %#x (1 setgid, 2 setuid, 3 back to root, 4 other uid, "
	    "5 own uid, 6 setgid as non-root, 7 exec; or the ids after exec)",
	    status);
	return 0;
}

/* A non-root process may signal its own uid's processes, not root's. */
static int
test_nonroot_permissions(void)
{
	int status, fds[2];
	pid_t root_child, pid;
	char c;

	KT_CHECK(pipe(fds) == 0, "pipe");
	root_child = fork();
	if (root_child == 0) {
		read(fds[0], &c, 1);
		_exit(0);
	}
	pid = fork();
	if (pid == 0) {
		pid_t sib;

		setuid(1000);
		if (kill(root_child, SIGTERM) != -1 || errno != EPERM)
			_exit(1);
		if (kill(root_child, 0) != -1 || errno != EPERM)
			_exit(2);
		if (reboot(RB_HALT) != -1 || errno != EPERM)
			_exit(3);
		sib = fork();
		if (sib == 0) {
			sigset_t none;

			sigemptyset(&none);
			sigsuspend(&none);
			_exit(0);
		}
		if (kill(sib, SIGTERM) != 0)
			_exit(4);
		waitpid(sib, &status, 0);
		_exit(WIFSIGNALED(status) ? 0 : 5);
	}
	KT_CHECK(waitpid(pid, &status, 0) == pid, "waitpid");
	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "status %#x (1/2 signalled root, 3 reboot allowed, 4/5 could not "
	    "signal its own)", status);
	write(fds[1], "x", 1);
	waitpid(root_child, &status, 0);
	close(fds[0]);
	close(fds[1]);
	return 0;
}

/*
 * kill(-1, sig) as a non-root user reaches that user's processes only, not
 * the caller: 0 if it signalled any, EPERM if all it found were others'.
 */
static int
test_kill_all_as_user(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		pid_t kids[2];
		int i, st, dead = 0;

		if (fork() == 0) {
			setuid(2000);
			_exit(kill(-1, SIGTERM) == -1 && errno == EPERM ? 0 : 3);
		}
		if (wait(&st) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
			_exit(3);
		setuid(1000);
		for (i = 0; i < 2; i++) {
			kids[i] = fork();
			if (kids[i] == 0) {
				sigset_t none;

				sigemptyset(&none);
				for (;;)
					sigsuspend(&none);
			}
		}
		if (kill(-1, SIGTERM) != 0)
			_exit(1);
		for (i = 0; i < 2; i++)
			if (waitpid(kids[i], &st, 0) == kids[i] &&
			    WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM)
				dead++;
		_exit(dead == 2 ? 0 : 2);
	}
	KT_CHECK(waitpid(pid, &status, 0) == pid, "waitpid");
	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "status %#x (1: kill(-1) failed, 2: not both children died, "
	    "3: no EPERM with only others' processes; a signal: the caller "
	    "signalled itself)",
	    status);
	return 0;
}

int
main(int argc, char **argv, char **envp)
{
	main_envp = envp;
	if (argc > 1 && strcmp(argv[1], "--args") == 0)
		return helper_args(argc, argv, envp);
	if (argc > 2 && strcmp(argv[1], "--return") == 0)
		return atoi(argv[2]);
	if (argc > 5 && strcmp(argv[1], "--inherit") == 0)
		return helper_inherit(argv);
	if (argc > 2 && strcmp(argv[1], "--ids") == 0)
		return helper_ids(argv);

	kt_suite("proc_exec");
	kt_run("argv_envp", test_argv_envp);
	kt_run("return_from_main", test_return_from_main);
	kt_run("exec_echo", test_exec_echo);
	kt_run("exec_keeps", test_exec_keeps);
	kt_run("path_errors", test_path_errors);
	kt_run("e2big", test_e2big);
	kt_run("bad_elf", test_bad_elf);
	kt_run("exec_cycles", test_exec_cycles);
	kt_run("root_setuid", test_root_setuid);
	kt_run("nonroot_permissions", test_nonroot_permissions);
	kt_run("kill_all_as_user", test_kill_all_as_user);
	return kt_finish();
}
