/*
 * proc_file.c - files and descriptors: open, read, lseek, fstat and stat
 * on the read-only initrd, directory listings with getdents, the devices,
 * dup and dup2 (a shared offset), close-on-exec, descriptor limits, and the
 * errors a read-only tree gives (EROFS, EISDIR, ENOTDIR, EBADF).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "lib/ktest.h"

#define GOOD	"/test/badelf/good"	/* a small file of known content */

static int
test_read_lseek_fstat(void)
{
	char buf[64], all[256];
	struct stat st;
	int fd;
	ssize_t n;

	KT_CHECK((fd = open(GOOD, O_RDONLY)) >= 0, "open: errno %d", errno);
	KT_CHECK(fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_size > 52 && st.st_size < (off_t)sizeof(all),
	    "fstat: mode %#o size %ld", (unsigned)st.st_mode, (long)st.st_size);
	KT_CHECK((st.st_mode & 0777) == 0755, "mode %#o", (unsigned)st.st_mode);
	n = read(fd, all, sizeof(all));
	KT_CHECK(n == st.st_size, "read %d of %ld bytes", (int)n,
	    (long)st.st_size);
	KT_CHECK(memcmp(all, "\177ELF", 4) == 0, "not the ELF file");
	KT_CHECK(read(fd, buf, sizeof(buf)) == 0, "no EOF at the end");
	KT_CHECK(lseek(fd, 0, SEEK_CUR) == st.st_size, "offset at the end");
	KT_CHECK(lseek(fd, 4, SEEK_SET) == 4, "SEEK_SET");
	KT_CHECK(read(fd, buf, 2) == 2 && memcmp(buf, all + 4, 2) == 0,
	    "read after SEEK_SET");
	KT_CHECK(lseek(fd, 10, SEEK_CUR) == 16, "SEEK_CUR");
	KT_CHECK(lseek(fd, -4, SEEK_END) == st.st_size - 4, "SEEK_END");
	KT_CHECK(read(fd, buf, 64) == 4 && memcmp(buf, all + st.st_size - 4,
	    4) == 0, "read after SEEK_END");
	KT_CHECK(lseek(fd, 1000, SEEK_SET) == 1000 && read(fd, buf, 1) == 0,
	    "reading past the end is EOF");
	errno = 0;
	KT_CHECK(lseek(fd, -1, SEEK_SET) == -1 && errno == EINVAL,
	    "negative offset: errno %d", errno);
	errno = 0;
	KT_CHECK(lseek(fd, 0, 7) == -1 && errno == EINVAL, "bad whence: "
	    "errno %d", errno);
	errno = 0;
	KT_CHECK(write(fd, "x", 1) == -1 && errno == EBADF,
	    "write to a read-only descriptor: errno %d", errno);
	KT_CHECK(close(fd) == 0, "close");
	errno = 0;
	KT_CHECK(close(fd) == -1 && errno == EBADF, "second close: errno %d",
	    errno);
	errno = 0;
	KT_CHECK(read(fd, buf, 1) == -1 && errno == EBADF, "read of a closed "
	    "descriptor: errno %d", errno);
	errno = 0;
	KT_CHECK(read(-1, buf, 1) == -1 && errno == EBADF &&
	    fstat(999, &st) == -1, "bad descriptor numbers");
	return 0;
}

static int
test_stat(void)
{
	struct stat st;

	KT_CHECK(stat("/bin", &st) == 0 && S_ISDIR(st.st_mode), "/bin");
	KT_CHECK(stat("/", &st) == 0 && S_ISDIR(st.st_mode), "/");
	KT_CHECK(stat("/bin/../bin/./sh", &st) == 0 && S_ISREG(st.st_mode),
	    "a path with . and ..");
	KT_CHECK(stat("//bin//sh", &st) == 0, "doubled slashes");
	KT_CHECK(stat("/dev/null", &st) == 0 && S_ISCHR(st.st_mode),
	    "/dev/null: mode %#o", (unsigned)st.st_mode);
	KT_CHECK(stat("/test/badelf/noexec", &st) == 0 &&
	    (st.st_mode & 0777) == 0644, "noexec's mode %#o",
	    (unsigned)st.st_mode);
	errno = 0;
	KT_CHECK(stat("/nope", &st) == -1 && errno == ENOENT, "missing: %d",
	    errno);
	errno = 0;
	KT_CHECK(stat("", &st) == -1 && errno == ENOENT, "empty path: %d",
	    errno);
	errno = 0;
	KT_CHECK(stat("/bin/sh/x", &st) == -1 && errno == ENOTDIR,
	    "through a file: %d", errno);
	return 0;
}

static int
test_read_only_tree(void)
{
	static const struct {
		const char	*path;
		int		flags;
		int		err;
	} cases[] = {
		{ "/bin/sh", O_WRONLY, EROFS },
		{ "/bin/sh", O_RDWR, EROFS },
		{ "/bin/newfile", O_WRONLY | O_CREAT, EROFS },
		{ "/bin", O_WRONLY, EISDIR },
		{ "/bin/sh", O_RDONLY | O_DIRECTORY, ENOTDIR },
		{ "/bin/nope", O_RDONLY, ENOENT },
	};
	unsigned i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		errno = 0;
		KT_CHECK(open(cases[i].path, cases[i].flags) == -1 &&
		    errno == cases[i].err, "open(%s, %#x): errno %d, expected %d",
		    cases[i].path, cases[i].flags, errno, cases[i].err);
	}
	return 0;
}

static int
test_getdents(void)
{
	static const char *const want[] = { "sh", "init", "ls", "cat" };
	int found[4] = { 0 }, dots = 0;
	struct dirent *d;
	unsigned i;
	DIR *dir;
	char buf[8];
	int fd;

	struct stat root, bin;
	int n = 0;

	KT_CHECK(stat("/", &root) == 0 && stat("/bin", &bin) == 0, "stat");
	KT_CHECK((dir = opendir("/bin")) != NULL, "opendir");
	while ((d = readdir(dir)) != NULL) {
		/* "." and ".." come first, naming the directory and its parent. */
		if (n == 0)
			KT_CHECK(strcmp(d->d_name, ".") == 0 &&
			    d->d_fileno == bin.st_ino && d->d_type == DT_DIR,
			    "the first entry is %s, not .", d->d_name);
		if (n++ == 1)
			KT_CHECK(strcmp(d->d_name, "..") == 0 &&
			    d->d_fileno == root.st_ino, "the second entry is "
			    "%s, not ..", d->d_name);
		for (i = 0; i < 4; i++)
			if (strcmp(d->d_name, want[i]) == 0)
				found[i]++;
		if (strchr(d->d_name, '/') != NULL)
			dots++;
	}
	closedir(dir);
	for (i = 0; i < 4; i++)
		KT_CHECK(found[i] == 1, "/bin/%s listed %d times", want[i],
		    found[i]);
	KT_CHECK(dots == 0, "a name with a slash");
	KT_CHECK((dir = opendir("/")) != NULL, "opendir /");
	for (i = 0; (d = readdir(dir)) != NULL;)
		i += strcmp(d->d_name, "bin") == 0 || strcmp(d->d_name, "dev") == 0 ||
		    strcmp(d->d_name, "test") == 0;
	closedir(dir);
	KT_CHECK(i == 3, "/ lacks bin, dev or test");
	KT_CHECK((fd = open("/bin", O_RDONLY | O_DIRECTORY)) >= 0, "open /bin");
	errno = 0;
	KT_CHECK(getdents(fd, buf, sizeof(buf)) == -1 && errno == EINVAL,
	    "getdents into 8 bytes: errno %d", errno);
	close(fd);
	KT_CHECK((fd = open(GOOD, O_RDONLY)) >= 0, "open");
	errno = 0;
	KT_CHECK(getdents(fd, buf, sizeof(buf)) == -1 && errno == ENOTDIR,
	    "getdents on a file: errno %d", errno);
	close(fd);
	return 0;
}

/* dup and dup2 share one open file, and so its offset. */
static int
test_dup(void)
{
	int fd, fd2, fd3;
	char c;

	KT_CHECK((fd = open(GOOD, O_RDONLY)) >= 0, "open");
	KT_CHECK((fd2 = dup(fd)) > fd, "dup: %d", fd2);
	KT_CHECK(lseek(fd, 3, SEEK_SET) == 3, "lseek");
	KT_CHECK(lseek(fd2, 0, SEEK_CUR) == 3, "the offset is not shared");
	KT_CHECK(read(fd2, &c, 1) == 1 && c == 'F', "read through the dup");
	KT_CHECK(lseek(fd, 0, SEEK_CUR) == 4, "the dup's read moved no offset");
	fd3 = 20;
	KT_CHECK(dup2(fd, fd3) == fd3, "dup2 to a free number");
	KT_CHECK(dup2(fd, fd3) == fd3, "dup2 onto itself again");
	KT_CHECK(dup2(fd, fd) == fd, "dup2(fd, fd)");
	close(fd);
	KT_CHECK(read(fd3, &c, 1) == 1, "the dup2 copy died with the original");
	errno = 0;
	KT_CHECK(dup2(fd3, 1000) == -1 && errno == EBADF, "dup2 to 1000: %d",
	    errno);
	errno = 0;
	KT_CHECK(dup(77) == -1 && errno == EBADF, "dup of a closed number");
	close(fd2);
	close(fd3);
	return 0;
}

/* The table holds 32 descriptors: the 33rd open is EMFILE, nothing leaks. */
static int
test_descriptor_limit(void)
{
	int fds[40], n = 0, i, fd;

	while (n < 40 && (fd = open("/bin/sh", O_RDONLY)) >= 0)
		fds[n++] = fd;
	KT_CHECK(n < 40 && errno == EMFILE, "%d opens, then errno %d", n,
	    errno);
	errno = 0;
	KT_CHECK(dup(fds[0]) == -1 && errno == EMFILE, "dup with a full table: "
	    "errno %d", errno);
	for (i = 0; i < n; i++)
		close(fds[i]);
	KT_CHECK((fd = open("/bin/sh", O_RDONLY)) >= 0, "open afterwards");
	close(fd);
	return 0;
}

static int
test_devices(void)
{
	char buf[8];
	int fd;

	KT_CHECK((fd = open("/dev/null", O_RDWR)) >= 0, "open /dev/null");
	KT_CHECK(write(fd, "gone", 4) == 4, "write to /dev/null");
	KT_CHECK(read(fd, buf, sizeof(buf)) == 0, "read from /dev/null");
	close(fd);
	KT_CHECK((fd = open("/dev/tty", O_WRONLY)) >= 0, "open /dev/tty");
	KT_CHECK(isatty(fd) && isatty(1), "the terminal is not a tty");
	close(fd);
	KT_CHECK((fd = open("/dev/null", O_RDONLY)) >= 0 && !isatty(fd),
	    "/dev/null is a tty");
	close(fd);
	return 0;
}

int
main(void)
{
	kt_suite("proc_file");
	kt_run("read_lseek_fstat", test_read_lseek_fstat);
	kt_run("stat", test_stat);
	kt_run("read_only_tree", test_read_only_tree);
	kt_run("getdents", test_getdents);
	kt_run("dup", test_dup);
	kt_run("descriptor_limit", test_descriptor_limit);
	kt_run("devices", test_devices);
	return kt_finish();
}
