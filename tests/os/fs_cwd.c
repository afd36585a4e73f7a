/*
 * fs_cwd.c - the current directory and what depends on it (chdir, fchdir,
 * getcwd, relative paths in open, stat, exec and getdents; a directory
 * renamed or removed under a process), permissions by owner, group and
 * mode (also in the sticky /tmp, and access(2) with the real ids),
 * executing a program from /tmp, and fcntl's descriptor flags.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lib/ktest.h"

static char cwd[256];

static const char *
pwd(void)
{
	if (getcwd(cwd, sizeof(cwd)) == NULL)
		snprintf(cwd, sizeof(cwd), "(getcwd: %s)", strerror(errno));
	return cwd;
}

/* Runs fn in a child as uid; its exit status (0: all went as expected). */
static int
as_user(uid_t uid, int (*fn)(void))
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		if (setuid(uid) != 0)
			_exit(99);
		_exit(fn());
	}
	kt_wait_status(pid, &status);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 100 + WTERMSIG(status);
}

static int
test_chdir_getcwd(void)
{
	char small[4], *p;
	struct stat st;
	int fd;

	KT_CHECK(strcmp(pwd(), "/") == 0, "start in \"%s\"", cwd);
	KT_CHECK(chdir("/tmp") == 0 && strcmp(pwd(), "/tmp") == 0, "cd /tmp: "
	    "\"%s\"", cwd);
	KT_CHECK(mkdir("sub", 0755) == 0 && chdir("sub") == 0 &&
	    strcmp(pwd(), "/tmp/sub") == 0, "cd sub: \"%s\"", cwd);
	KT_CHECK((fd = open("f", O_WRONLY | O_CREAT, 0644)) >= 0 &&
	    stat("/tmp/sub/f", &st) == 0, "a relative create");
	close(fd);
	KT_CHECK(stat("../sub/./f", &st) == 0 && stat("./f", &st) == 0,
	    "relative stat");
	KT_CHECK(chdir("..") == 0 && strcmp(pwd(), "/tmp") == 0, "cd ..");
	KT_CHECK(getcwd(small, sizeof(small)) == NULL && errno == ERANGE,
	    "a short buffer");
	KT_CHECK(getcwd(small, 0) == NULL && errno == EINVAL, "size 0");
	KT_CHECK(chdir("../../..") == 0 && strcmp(pwd(), "/") == 0,
	    "above the root is the root: \"%s\"", cwd);
	KT_CHECK(chdir("tmp/sub/f") == -1 && errno == ENOTDIR, "cd to a file");
	KT_CHECK(chdir("/nope") == -1 && errno == ENOENT, "cd nowhere");
	KT_CHECK(chdir("") == -1 && errno == ENOENT, "cd \"\"");
	KT_CHECK((fd = open("/bin", O_RDONLY | O_DIRECTORY)) >= 0 &&
	    fchdir(fd) == 0 && strcmp(pwd(), "/bin") == 0, "fchdir /bin");
	close(fd);
	KT_CHECK((p = getcwd(NULL, 0)) != NULL && strcmp(p, "/bin") == 0,
	    "getcwd(NULL, 0)");
	free(p);
	fd = open("/etc/passwd", O_RDONLY);
	KT_CHECK(fchdir(fd) == -1 && errno == ENOTDIR, "fchdir to a file");
	close(fd);
	KT_CHECK(fchdir(77) == -1 && errno == EBADF, "fchdir EBADF");
	KT_CHECK(unlink("/tmp/sub/f") == 0 && rmdir("/tmp/sub") == 0, "cleanup");
	return 0;
}

/* Relative paths in exec, getdents, and a current directory a child inherits. */
static int
test_relative_everywhere(void)
{
	char *argv[] = { "true", NULL };
	int status, n = 0;
	struct dirent *d;
	DIR *dir;
	pid_t pid;

	KT_CHECK(chdir("/bin") == 0, "cd /bin");
	pid = fork();
	if (pid == 0) {
		execv("./true", argv);
		_exit(127);
	}
	kt_wait_status(pid, &status);
	KT_CHECK(status == 0, "./true from /bin: status %#x", status);
	pid = fork();
	if (pid == 0)
		_exit(strcmp(pwd(), "/bin") == 0 ? 0 : 1);
	kt_wait_status(pid, &status);
	KT_CHECK(status == 0, "a child does not start in its parent's directory");
	KT_CHECK((dir = opendir(".")) != NULL, "opendir .");
	while ((d = readdir(dir)) != NULL)
		n += strcmp(d->d_name, "sh") == 0;
	closedir(dir);
	KT_CHECK(n == 1, "no sh in .");
	KT_CHECK(chdir("../etc") == 0 && access("passwd", R_OK) == 0,
	    "access(\"passwd\") in /etc");
	return 0;
}

/* The directory a process is in moves with a rename; removed, it names nothing. */
static int
test_cwd_renamed_removed(void)
{
	int fd;

	KT_CHECK(mkdir("/tmp/d1", 0755) == 0 && chdir("/tmp/d1") == 0, "cd");
	KT_CHECK(rename("/tmp/d1", "/tmp/d2") == 0 &&
	    strcmp(pwd(), "/tmp/d2") == 0, "after the rename: \"%s\"", cwd);
	KT_CHECK((fd = open("here", O_WRONLY | O_CREAT, 0644)) >= 0 &&
	    access("/tmp/d2/here", F_OK) == 0, "create in the moved directory");
	close(fd);
	KT_CHECK(unlink("here") == 0 && rmdir("/tmp/d2") == 0, "rmdir");
	KT_CHECK(getcwd(cwd, sizeof(cwd)) == NULL && errno == ENOENT,
	    "getcwd of a removed directory");
	KT_CHECK(open("x", O_WRONLY | O_CREAT, 0644) == -1 && errno == ENOENT,
	    "create in a removed directory");
	KT_CHECK(chdir("/") == 0, "cd /");
	return 0;
}

static int
user_side(void)
{
	struct stat st;
	int fd;

	if (open("/tmp/p/root-only", O_RDONLY) != -1 || errno != EACCES)
		return 1;
	if (unlink("/tmp/p/root-file") != -1 || errno != EACCES)
		return 2;		/* /tmp/p is root's, 0755 */
	if (unlink("/tmp/root-in-tmp") != -1 || errno != EPERM)
		return 3;		/* sticky /tmp */
	if (chmod("/tmp/root-in-tmp", 0777) != -1 || errno != EPERM)
		return 4;
	if ((fd = open("/tmp/mine", O_WRONLY | O_CREAT, 0600)) < 0)
		return 5;
	close(fd);
	if (stat("/tmp/mine", &st) != 0 || st.st_uid != 1000 ||
	    chmod("/tmp/mine", 0640) != 0)
		return 6;
	if (chown("/tmp/mine", 0, -1) != -1 || errno != EPERM)
		return 7;	/* giving it away is root's */
	if (mkdir("/tmp/priv", 0700) != 0 || open("/tmp/priv/f",
	    O_WRONLY | O_CREAT, 0600) < 0)
		return 8;
	if (access("/tmp", W_OK) != 0 || access("/bin", W_OK) != -1 ||
	    errno != EROFS || access("/tmp/p/root-only", R_OK) != -1)
		return 9;
	if (execl("/tmp/p/noexec", "noexec", (char *)NULL) != -1 ||
	    errno != EACCES)
		return 10;
	return 0;
}

static int
stranger_side(void)
{
	struct stat st;

	if (stat("/tmp/priv/f", &st) != -1 || errno != EACCES)
		return 1;		/* no search permission */
	if (unlink("/tmp/mine") != -1 || errno != EPERM)
		return 2;		/* someone else's, in sticky /tmp */
	return 0;
}

static int
test_permissions(void)
{
	int fd, r;

	umask(022);
	KT_CHECK(mkdir("/tmp/p", 0755) == 0, "mkdir");
	KT_CHECK((fd = open("/tmp/p/root-only", O_WRONLY | O_CREAT, 0600)) >= 0,
	    "create");
	close(fd);
	KT_CHECK((fd = open("/tmp/p/root-file", O_WRONLY | O_CREAT, 0644)) >= 0,
	    "create");
	close(fd);
	KT_CHECK((fd = open("/tmp/p/noexec", O_WRONLY | O_CREAT, 0644)) >= 0,
	    "create");
	close(fd);
	KT_CHECK((fd = open("/tmp/root-in-tmp", O_WRONLY | O_CREAT, 0666)) >= 0,
	    "create");
	close(fd);
	r = as_user(1000, user_side);
	KT_CHECK(r == 0, "uid 1000: step %d", r);
	r = as_user(1001, stranger_side);
	KT_CHECK(r == 0, "uid 1001: step %d", r);
	KT_CHECK(unlink("/tmp/priv/f") == 0 && rmdir("/tmp/priv") == 0 &&
	    unlink("/tmp/mine") == 0 && unlink("/tmp/root-in-tmp") == 0 &&
	    unlink("/tmp/p/root-only") == 0 && unlink("/tmp/p/root-file") == 0 &&
	    unlink("/tmp/p/noexec") == 0 && rmdir("/tmp/p") == 0,
	    "root removes it all");
	return 0;
}

/* A copy of /bin/echo in /tmp runs; a file that is no program does not. */
static int
test_exec_from_tmp(void)
{
	char *argv[] = { "echo", "from", "tmp", NULL };
	int in, out, p[2], status;
	char got[32] = "";
	ssize_t n;
	pid_t pid;

	KT_CHECK((in = open("/bin/echo", O_RDONLY)) >= 0 &&
	    (out = open("/tmp/echo", O_WRONLY | O_CREAT, 0755)) >= 0, "open");
	while ((n = read(in, got, sizeof(got))) > 0)
		KT_CHECK(write(out, got, n) == n, "copy");
	close(in);
	close(out);
	KT_CHECK(pipe(p) == 0, "pipe");
	if ((pid = fork()) == 0) {
		dup2(p[1], 1);
		execv("/tmp/echo", argv);
		_exit(127);
	}
	close(p[1]);
	n = read(p[0], got, sizeof(got) - 1);
	close(p[0]);
	kt_wait_status(pid, &status);
	KT_CHECK(status == 0 && n == 9 && memcmp(got, "from tmp\n", 9) == 0,
	    "status %#x, output %zd bytes", status, n);
	KT_CHECK(chmod("/tmp/echo", 0644) == 0 && execv("/tmp/echo", argv) ==
	    -1 && errno == EACCES, "executed without x permission");
	KT_CHECK(truncate("/tmp/echo", 100) == 0 && chmod("/tmp/echo", 0755) ==
	    0 && execv("/tmp/echo", argv) == -1 && errno == ENOEXEC,
	    "a broken program: %s", strerror(errno));
	KT_CHECK(unlink("/tmp/echo") == 0, "unlink");
	return 0;
}

static int
test_fcntl(void)
{
	int fd, fd2, flags;

	KT_CHECK((fd = open("/tmp/fc", O_RDWR | O_CREAT | O_CLOEXEC, 0644)) >= 0,
	    "open");
	KT_CHECK(fcntl(fd, F_GETFD) == FD_CLOEXEC, "O_CLOEXEC not seen");
	KT_CHECK((fd2 = dup(fd)) >= 0 && fcntl(fd2, F_GETFD) == 0,
	    "dup must not copy close-on-exec");
	KT_CHECK(fcntl(fd, F_SETFD, 0) == 0 && fcntl(fd, F_GETFD) == 0 &&
	    fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 &&
	    fcntl(fd, F_GETFD) == FD_CLOEXEC, "F_SETFD");
	close(fd2);
	KT_CHECK((fd2 = fcntl(fd, F_DUPFD, 10)) >= 10 &&
	    fcntl(fd2, F_GETFD) == 0, "F_DUPFD: %d", fd2);
	close(fd2);
	KT_CHECK((fd2 = fcntl(fd, F_DUPFD_CLOEXEC, 0)) >= 0 &&
	    fcntl(fd2, F_GETFD) == FD_CLOEXEC, "F_DUPFD_CLOEXEC");
	close(fd2);
	flags = fcntl(fd, F_GETFL);
	KT_CHECK((flags & O_ACCMODE) == O_RDWR && !(flags & O_APPEND),
	    "F_GETFL %#x", flags);
	KT_CHECK(write(fd, "ab", 2) == 2 && lseek(fd, 0, SEEK_SET) == 0 &&
	    fcntl(fd, F_SETFL, O_APPEND) == 0 && write(fd, "c", 1) == 1 &&
	    lseek(fd, 0, SEEK_CUR) == 3, "F_SETFL O_APPEND");
	KT_CHECK((fcntl(fd, F_GETFL) & (O_APPEND | O_ACCMODE)) ==
	    (O_APPEND | O_RDWR), "F_GETFL after F_SETFL");
	KT_CHECK(fcntl(fd, 12345) == -1 && errno == EINVAL, "a bad command");
	KT_CHECK(fcntl(99, F_GETFD) == -1 && errno == EBADF, "EBADF");
	KT_CHECK(fcntl(fd, F_DUPFD, 999) == -1 && errno == EINVAL, "F_DUPFD 999");
	close(fd);
	KT_CHECK(unlink("/tmp/fc") == 0, "unlink");
	return 0;
}

int
main(void)
{
	kt_suite("fs_cwd");
	kt_run("chdir_getcwd", test_chdir_getcwd);
	kt_run("relative_everywhere", test_relative_everywhere);
	kt_run("cwd_renamed_removed", test_cwd_renamed_removed);
	kt_run("permissions", test_permissions);
	kt_run("exec_from_tmp", test_exec_from_tmp);
	kt_run("fcntl", test_fcntl);
	return kt_finish();
}
