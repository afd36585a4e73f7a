/*
 * libc_misc.c - the parts of Kestrel's libc that depend on the system it
 * runs on: sysconf and getpagesize against the kernel's real limits, pause,
 * lstat, access on the read-only tree, the user and group databases in
 * /etc, the calendar functions, temporary files and realpath in /tmp,
 * the BSD calls made of other calls, strerror_r, and the x87 math library and strtod
 * running inside Kestrel.
 */
#include <sys/mman.h>
#include <sys/kinfo.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <math.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "lib/ktest.h"

static int
test_sysconf(void)
{
	int fds[64], n = 0, open_before = 0, i;
	struct stat st;

	KT_CHECK(sysconf(_SC_PAGESIZE) == 4096 && getpagesize() == 4096,
	    "page size %ld", sysconf(_SC_PAGESIZE));
	KT_CHECK(sysconf(_SC_CLK_TCK) == kinfo(KINFO_HZ), "clock ticks %ld",
	    sysconf(_SC_CLK_TCK));
	KT_CHECK(sysconf(_SC_PHYS_PAGES) == kinfo(KINFO_TOTALPAGES),
	    "physical pages %ld", sysconf(_SC_PHYS_PAGES));
	KT_CHECK(sysconf(_SC_NPROCESSORS_ONLN) == 1, "processors");
	/* The descriptor limit is the one the kernel enforces. */
	for (i = 0; i < 64; i++)
		open_before += fstat(i, &st) == 0;
	while (n < 64 && (fds[n] = open("/dev/null", O_RDONLY)) != -1)
		n++;
	KT_CHECK(errno == EMFILE && open_before + n == sysconf(_SC_OPEN_MAX),
	    "%d open, %d more opened, sysconf says %ld", open_before, n,
	    sysconf(_SC_OPEN_MAX));
	for (i = 0; i < n; i++)
		close(fds[i]);
	errno = 0;
	KT_CHECK(sysconf(9999) == -1 && errno == EINVAL, "unknown name: "
	    "errno %d", errno);
	return 0;
}

static volatile sig_atomic_t got;

static void
on_usr1(int sig)
{
	got = sig;
}

static int
test_pause(void)
{
	pid_t parent = getpid(), child;
	int r, status;

	signal(SIGUSR1, on_usr1);
	if ((child = fork()) == 0) {
		usleep(100000);
		kill(parent, SIGUSR1);
		_exit(0);
	}
	errno = 0;
	r = pause();
	KT_CHECK(r == -1 && errno == EINTR && got == SIGUSR1,
	    "pause: %d, errno %d, signal %d", r, errno, (int)got);
	kt_wait_status(child, &status);
	return 0;
}

static int
test_lstat_access(void)
{
	struct stat a, b;

	KT_CHECK(lstat("/bin/sh", &a) == 0 && stat("/bin/sh", &b) == 0 &&
	    memcmp(&a, &b, sizeof(a)) == 0, "lstat differs from stat");
	KT_CHECK(access("/bin/sh", F_OK) == 0 && access("/bin/sh", X_OK) == 0 &&
	    access("/etc/passwd", R_OK) == 0, "access: errno %d", errno);
	errno = 0;
	KT_CHECK(access("/bin/sh", W_OK) == -1 && errno == EROFS,
	    "W_OK on the initrd: errno %d", errno);
	errno = 0;
	KT_CHECK(access("/bin", W_OK) == -1 && errno == EROFS,
	    "W_OK on a directory: errno %d", errno);
	KT_CHECK(access("/dev/null", R_OK | W_OK) == 0, "/dev/null: errno %d",
	    errno);
	errno = 0;
	KT_CHECK(access("/etc/passwd", X_OK) == -1 && errno == EACCES,
	    "X_OK on a text file: errno %d", errno);
	errno = 0;
	KT_CHECK(access("/no/such", F_OK) == -1 && errno == ENOENT,
	    "missing file: errno %d", errno);
	errno = 0;
	KT_CHECK(access("/bin/sh", 8) == -1 && errno == EINVAL,
	    "bad mode: errno %d", errno);
	return 0;
}

static int
test_passwd(void)
{
	struct passwd *pw;
	struct group *gr;
	int n = 0;

	KT_CHECK((pw = getpwnam("root")) != NULL && pw->pw_uid == 0 &&
	    pw->pw_gid == 0 && strcmp(pw->pw_shell, "/bin/sh") == 0 &&
	    strcmp(pw->pw_dir, "/") == 0, "root's entry");
	KT_CHECK((pw = getpwuid(1000)) != NULL && strcmp(pw->pw_name,
	    "student") == 0, "uid 1000");
	KT_CHECK(getpwnam("nosuchuser") == NULL && getpwuid(4242) == NULL,
	    "a user that is not there");
	setpwent();
	while (getpwent() != NULL)
		n++;
	endpwent();
	KT_CHECK(n == 4, "%d entries in /etc/passwd", n);
	KT_CHECK((gr = getgrgid(0)) != NULL && strcmp(gr->gr_name, "wheel") ==
	    0 && gr->gr_mem[0] != NULL && strcmp(gr->gr_mem[0], "root") == 0 &&
	    gr->gr_mem[1] == NULL, "group 0");
	KT_CHECK((gr = getgrnam("student")) != NULL && gr->gr_gid == 1000,
	    "group student");
	return 0;
}

static int
test_time(void)
{
	struct tm tm, *p;
	struct timespec ts;
	char buf[64];
	time_t t = 0, now;

	p = gmtime(&t);
	KT_CHECK(p->tm_year == 70 && p->tm_mon == 0 && p->tm_mday == 1 &&
	    p->tm_wday == 4 && strcmp(p->tm_zone, "UTC") == 0, "the epoch");
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = 124;
	tm.tm_mon = 1;
	tm.tm_mday = 29;
	tm.tm_hour = 12;
	KT_CHECK(mktime(&tm) == 1709208000 && tm.tm_wday == 4 &&
	    tm.tm_yday == 59, "2024-02-29 12:00 is %ld", (long)mktime(&tm));
	KT_CHECK(strftime(buf, sizeof(buf), "%F %T %a %j %Z", &tm) > 0 &&
	    strcmp(buf, "2024-02-29 12:00:00 Thu 060 UTC") == 0, "strftime: "
	    "\"%s\"", buf);
	KT_CHECK(strcmp(asctime(&tm), "Thu Feb 29 12:00:00 2024\n") == 0,
	    "asctime: \"%s\"", asctime(&tm));
	now = time(NULL);
	KT_CHECK(clock_gettime(CLOCK_REALTIME, &ts) == 0 && ts.tv_sec >= now &&
	    ts.tv_sec - now < 2, "time() %ld, the clock %ld", (long)now,
	    (long)ts.tv_sec);
	KT_CHECK(localtime(&now)->tm_year == gmtime(&now)->tm_year,
	    "local time is not UTC");
	return 0;
}

/* Entries of /tmp: a removed temporary file is no longer one of them. */
static int
tmp_entries(void)
{
	DIR *d = opendir("/tmp");
	int n = 0;

	if (d == NULL)
		return -1;
	while (readdir(d) != NULL)
		n++;
	closedir(d);
	return n;
}

/*
 * mkstemp, mkdtemp and tmpfile in /tmp (new, private, distinct; tmpfile's
 * gone from the directory at once), and realpath through them; the
 * pages come back once all is removed (the harness counts them).
 */
static int
test_tempfiles(void)
{
	char a[] = "/tmp/a.XXXXXX", b[] = "/tmp/a.XXXXXX", d[] = "/tmp/dXXXX";
	char buf[PATH_MAX], rel[64];
	struct stat st;
	int fa, fb, before = tmp_entries();
	FILE *fp;

	KT_CHECK((fa = mkstemp(a)) >= 0 && (fb = mkstemp(b)) >= 0 &&
	    strcmp(a, b) != 0 && strncmp(a, "/tmp/a.", 7) == 0 &&
	    strcmp(a + 7, "XXXXXX") != 0, "mkstemp: %s %s, errno %d", a, b,
	    errno);	/* (a random suffix may itself hold an X) */
	KT_CHECK(fstat(fa, &st) == 0 && (st.st_mode & 0777) == 0600 &&
	    st.st_uid == getuid(), "mode %o", (unsigned)st.st_mode);
	KT_CHECK(write(fa, "kept", 4) == 4 && close(fa) == 0 && close(fb) == 0,
	    "write");
	KT_CHECK(mkdtemp(d) == d && stat(d, &st) == 0 && S_ISDIR(st.st_mode) &&
	    (st.st_mode & 0777) == 0700, "mkdtemp: %s, errno %d", d, errno);
	KT_CHECK(chdir(d) == 0 && realpath("../../tmp/./a.XXXXXX/..", buf) ==
	    NULL && errno == ENOENT, "realpath of a missing file");
	KT_CHECK(realpath(strrchr(a, '/') + 1, buf) == NULL && errno == ENOENT,
	    "a relative name in the wrong directory");
	snprintf(rel, sizeof(rel), "..//%s/.", strrchr(d, '/') + 1);
	KT_CHECK(realpath(rel, buf) != NULL && strcmp(buf, d) == 0,
	    "realpath: \"%s\", want %s", buf, d);
	KT_CHECK(chdir("/") == 0, "cd /");
	KT_CHECK((fp = tmpfile()) != NULL, "tmpfile: errno %d", errno);
	KT_CHECK(tmp_entries() == before + 3, "tmpfile left a name: %d "
	    "entries, %d before", tmp_entries(), before);
	KT_CHECK(fputs("scratch", fp) >= 0 && fseek(fp, 0, SEEK_SET) == 0 &&
	    fgets(buf, sizeof(buf), fp) != NULL && strcmp(buf, "scratch") == 0,
	    "tmpfile read back: \"%s\"", buf);
	KT_CHECK(fclose(fp) == 0 && unlink(a) == 0 && unlink(b) == 0 &&
	    rmdir(d) == 0 && tmp_entries() == before, "cleaning up");
	return 0;
}

/*
 * The BSD calls over other calls, inside Kestrel: getprogname from crt0's
 * argv[0], gethostname against uname, killpg and wait3 on a child of its
 * own group, and arc4random differing between a parent and its child.
 */
static int
test_bsd(void)
{
	struct utsname u;
	char host[256];
	uint32_t mine, theirs;
	int p[2], status;
	pid_t pid;

	KT_CHECK(strcmp(getprogname(), "libc_misc") == 0, "getprogname: %s",
	    getprogname());
	KT_CHECK(uname(&u) == 0 && gethostname(host, sizeof(host)) == 0 &&
	    strcmp(host, u.nodename) == 0, "gethostname: %s", host);
	KT_CHECK(gethostname(host, 1) == -1 && errno == ENAMETOOLONG,
	    "a short buffer: errno %d", errno);
	KT_CHECK(pipe(p) == 0 && (pid = fork()) != -1, "fork");
	if (pid == 0) {
		setpgid(0, 0);
		theirs = arc4random();
		write(p[1], &theirs, sizeof(theirs));
		pause();
		_exit(0);
	}
	mine = arc4random();
	KT_CHECK(read(p[0], &theirs, sizeof(theirs)) == sizeof(theirs) &&
	    theirs != mine, "the child repeated its parent's number");
	KT_CHECK(killpg(pid, SIGTERM) == 0 && wait3(&status, 0, NULL) == pid &&
	    WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM,
	    "killpg/wait3: status %#x", status);
	KT_CHECK(killpg(1, SIGTERM) == -1 && errno == ESRCH, "killpg(1)");
	KT_CHECK(strerror_r(ENOENT, host, sizeof(host)) == 0 &&
	    strcmp(host, strerror(ENOENT)) == 0, "strerror_r: %s", host);
	KT_CHECK(strerror_r(9999, host, sizeof(host)) == EINVAL &&
	    strcmp(host, "Unknown error: 9999") == 0, "unknown: %s", host);
	KT_CHECK(strerror_r(ENOENT, host, 8) == ERANGE &&
	    strcmp(host, "No such") == 0, "short buffer: %s", host);
	close(p[0]);
	close(p[1]);
	return 0;
}

/* The x87 code and the bignum inside Kestrel, with values known exactly. */
static int
test_math(void)
{
	volatile double two = 2.0, big = 1e22, minus1 = -1.0;
	double r;

	KT_CHECK(sqrt(two) == 0x1.6a09e667f3bcdp+0, "sqrt(2) = %a", sqrt(two));
	KT_CHECK(pow(two, 10) == 1024.0 && exp(0.0) == 1.0 && log(1.0) == 0.0,
	    "pow/exp/log");
	r = sin(big);
	KT_CHECK(r == -0x1.b453ab76bf397p-1 || r == -0x1.b453ab76bf396p-1,
	    "sin(1e22) = %a", r);
	KT_CHECK(fabs(atan2(1.0, -1.0) - 3 * M_PI / 4) < 1e-15, "atan2");
	KT_CHECK(floor(-2.5) == -3.0 && ceil(-2.5) == -2.0 &&
	    round(-2.5) == -3.0 && trunc(-2.5) == -2.0, "rounding");
	KT_CHECK(fmod(10.0, 3.0) == 1.0, "fmod");
	errno = 0;
	KT_CHECK(isnan(sqrt(minus1)) && errno == EDOM, "sqrt(-1): errno %d",
	    errno);
	errno = 0;
	KT_CHECK(log(0.0) == -HUGE_VAL && errno == ERANGE, "log(0): errno %d",
	    errno);
	errno = 0;
	KT_CHECK(exp(1000.0) == HUGE_VAL && errno == ERANGE, "exp(1000)");
	KT_CHECK(strtod("0.1", NULL) == 0.1 && atof("2.5e3") == 2500.0 &&
	    strtod("0x1.8p1", NULL) == 3.0, "strtod");
	errno = 0;
	KT_CHECK(strtod("1e999", NULL) == HUGE_VAL && errno == ERANGE,
	    "strtod overflow");
	srandom(1);
	KT_CHECK(random() == 1804289383, "random() after srandom(1)");
	return 0;
}

int
main(void)
{
	kt_suite("libc_misc");
	kt_run("sysconf", test_sysconf);
	kt_run("pause", test_pause);
	kt_run("lstat_access", test_lstat_access);
	kt_run("passwd", test_passwd);
	kt_run("time", test_time);
	kt_run("tempfiles", test_tempfiles);
	kt_run("bsd", test_bsd);
	kt_run("math", test_math);
	return kt_finish();
}
