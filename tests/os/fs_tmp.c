/*
 * fs_tmp.c - the RAM file system on /tmp: files (create, write, read back,
 * O_EXCL, O_TRUNC, O_APPEND, holes, ftruncate and truncate), directories
 * (mkdir, rmdir, getdents with . and .., link counts), unlink (also of an
 * open file), rename (and its refusals), stat's sizes, owners and times,
 * and the per-user quota. Every case removes what it made, and the
 * harness's page count shows that every page went back.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/kinfo.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "lib/ktest.h"

static char buf[8192];

/* Write s to path (created 0644, truncated). */
static int
put(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = write(fd, s, strlen(s));
	close(fd);
	return n == (ssize_t)strlen(s) ? 0 : -1;
}

/* The contents of path (at most sizeof(buf) - 1 bytes) in buf, or NULL. */
static const char *
get(const char *path)
{
	int fd = open(path, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return NULL;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n < 0)
		return NULL;
	buf[n] = '\0';
	return buf;
}

static int
test_create_read_back(void)
{
	struct stat st;
	time_t now = time(NULL);
	int fd;

	umask(022);
	KT_CHECK((fd = open("/tmp/a", O_WRONLY | O_CREAT | O_EXCL, 0666)) >= 0,
	    "create: %s", strerror(errno));
	KT_CHECK(write(fd, "hello, ", 7) == 7 && write(fd, "tmp\n", 4) == 4,
	    "write");
	KT_CHECK(fstat(fd, &st) == 0 && st.st_size == 11 && S_ISREG(st.st_mode),
	    "fstat: size %ld", (long)st.st_size);
	close(fd);
	KT_CHECK(get("/tmp/a") != NULL && strcmp(buf, "hello, tmp\n") == 0,
	    "read back \"%s\"", buf);
	KT_CHECK(stat("/tmp/a", &st) == 0, "stat");
	KT_CHECK((st.st_mode & 07777) == 0644, "mode %o, umask 022 from 0666",
	    st.st_mode & 07777);
	KT_CHECK(st.st_uid == 0 && st.st_nlink == 1, "uid %d nlink %d",
	    (int)st.st_uid, (int)st.st_nlink);
	KT_CHECK(st.st_mtime >= now - 1 && st.st_mtime <= now + 2 &&
	    now > 1600000000, "mtime %ld, time() %ld", (long)st.st_mtime,
	    (long)now);
	KT_CHECK(open("/tmp/a", O_WRONLY | O_CREAT | O_EXCL, 0666) == -1 &&
	    errno == EEXIST, "O_EXCL on an existing file");
	KT_CHECK(open("/tmp/nope", O_RDONLY) == -1 && errno == ENOENT, "ENOENT");
	KT_CHECK(open("/tmp/a/", O_RDONLY) == -1 && errno == ENOTDIR,
	    "a file named as a directory");
	KT_CHECK(open("/tmp/a/x", O_RDONLY | O_CREAT, 0644) == -1 &&
	    errno == ENOTDIR, "a file passed through");
	KT_CHECK(unlink("/tmp/a") == 0 && stat("/tmp/a", &st) == -1 &&
	    errno == ENOENT, "unlink");
	return 0;
}

static int
test_trunc_append(void)
{
	int a, b;

	KT_CHECK(put("/tmp/t", "0123456789") == 0, "put");
	KT_CHECK((a = open("/tmp/t", O_WRONLY | O_TRUNC)) >= 0, "O_TRUNC");
	close(a);
	KT_CHECK(get("/tmp/t") != NULL && buf[0] == '\0', "not truncated");
	a = open("/tmp/t", O_WRONLY | O_APPEND);
	b = open("/tmp/t", O_WRONLY | O_APPEND);
	KT_CHECK(a >= 0 && b >= 0, "O_APPEND");
	KT_CHECK(write(a, "one ", 4) == 4 && write(b, "two ", 4) == 4 &&
	    write(a, "three", 5) == 5, "writes");
	KT_CHECK(lseek(a, 0, SEEK_CUR) == 13, "offset after append");
	close(a);
	close(b);
	KT_CHECK(strcmp(get("/tmp/t"), "one two three") == 0,
	    "appends interleaved: \"%s\"", buf);
	KT_CHECK(unlink("/tmp/t") == 0, "unlink");
	return 0;
}

/* A hole reads as zeros and takes no page; truncation cuts and grows. */
static int
test_holes_truncate(void)
{
	struct stat st;
	int fd, i;

	KT_CHECK((fd = open("/tmp/h", O_RDWR | O_CREAT, 0644)) >= 0, "create");
	KT_CHECK(lseek(fd, 20000, SEEK_SET) == 20000 && write(fd, "x", 1) == 1,
	    "write past the end");
	KT_CHECK(fstat(fd, &st) == 0 && st.st_size == 20001 &&
	    st.st_blocks == 8, "size %ld, %ld blocks (one page)",
	    (long)st.st_size, (long)st.st_blocks);
	KT_CHECK(lseek(fd, 4000, SEEK_SET) == 4000 &&
	    read(fd, buf, 8192) == 8192, "read the hole");
	for (i = 0; i < 8192; i++)
		KT_CHECK(buf[i] == 0, "byte %d of the hole is %d", 4000 + i,
		    buf[i]);
	KT_CHECK(ftruncate(fd, 3) == 0 && fstat(fd, &st) == 0 &&
	    st.st_size == 3 && st.st_blocks == 0, "ftruncate to 3: size %ld, "
	    "%ld blocks", (long)st.st_size, (long)st.st_blocks);
	KT_CHECK(lseek(fd, 0, SEEK_SET) == 0 && write(fd, "abcdef", 6) == 6 &&
	    ftruncate(fd, 2) == 0 && ftruncate(fd, 5) == 0, "cut and grow");
	KT_CHECK(lseek(fd, 0, SEEK_SET) == 0 && read(fd, buf, 10) == 5 &&
	    memcmp(buf, "ab\0\0\0", 5) == 0, "a cut tail does not come back");
	KT_CHECK(truncate("/tmp/h", 1) == 0 && fstat(fd, &st) == 0 &&
	    st.st_size == 1, "truncate(path)");
	KT_CHECK(ftruncate(fd, -1) == -1 && errno == EINVAL, "negative length");
	close(fd);
	fd = open("/tmp/h", O_RDONLY);
	KT_CHECK(ftruncate(fd, 0) == -1 && errno == EINVAL,
	    "ftruncate of a read-only descriptor");
	close(fd);
	fd = open("/etc/passwd", O_RDONLY);
	KT_CHECK(ftruncate(fd, 0) == -1 && errno == EINVAL, "initrd file");
	close(fd);
	KT_CHECK(truncate("/etc/passwd", 0) == -1 && errno == EROFS,
	    "truncate on the initrd: %s", strerror(errno));
	KT_CHECK(truncate("/tmp", 0) == -1 && errno == EISDIR, "a directory");
	KT_CHECK(unlink("/tmp/h") == 0, "unlink");
	return 0;
}

/* Names of the entries of path (with . and ..), space-separated, in order. */
static const char *
listing(const char *path)
{
	static char names[512];
	struct dirent *d;
	DIR *dir;

	names[0] = '\0';
	if ((dir = opendir(path)) == NULL)
		return "(opendir failed)";
	while ((d = readdir(dir)) != NULL) {
		strlcat(names, d->d_name, sizeof(names));
		strlcat(names, " ", sizeof(names));
	}
	closedir(dir);
	return names;
}

static int
test_directories(void)
{
	struct stat st;

	KT_CHECK(mkdir("/tmp/d", 0755) == 0, "mkdir: %s", strerror(errno));
	KT_CHECK(mkdir("/tmp/d", 0755) == -1 && errno == EEXIST, "EEXIST");
	KT_CHECK(mkdir("/tmp/d/e", 0700) == 0 && mkdir("/tmp/d/f/", 0700) == 0,
	    "subdirectories");
	KT_CHECK(put("/tmp/d/file", "x") == 0, "a file inside");
	KT_CHECK(strcmp(listing("/tmp/d"), ". .. e f file ") == 0,
	    "listing \"%s\"", listing("/tmp/d"));
	KT_CHECK(stat("/tmp/d", &st) == 0 && S_ISDIR(st.st_mode) &&
	    st.st_nlink == 4, "nlink %d (2 + two subdirectories)",
	    (int)st.st_nlink);
	KT_CHECK(rmdir("/tmp/d") == -1 && errno == ENOTEMPTY, "ENOTEMPTY");
	KT_CHECK(rmdir("/tmp/d/file") == -1 && errno == ENOTDIR, "rmdir file");
	KT_CHECK(unlink("/tmp/d/e") == -1 && errno == EPERM, "unlink dir");
	KT_CHECK(rmdir("/tmp/d/e/.") == -1 && errno == EINVAL, "rmdir .");
	KT_CHECK(rmdir("/tmp/d/e/..") == -1 && errno == ENOTEMPTY, "rmdir ..");
	KT_CHECK(rmdir("/tmp") == -1 && errno == EBUSY, "rmdir /tmp");
	KT_CHECK(rmdir("/bin") == -1 && errno == EROFS, "rmdir /bin");
	KT_CHECK(mkdir("/bin/x", 0755) == -1 && errno == EROFS, "mkdir on "
	    "the initrd");
	KT_CHECK(mkdir("/tmp/d/file/x", 0755) == -1 && errno == ENOTDIR,
	    "mkdir under a file");
	KT_CHECK(stat("/tmp/d/file/..", &st) == -1 && errno == ENOTDIR,
	    "file/.. is not a path");
	KT_CHECK(unlink("/tmp/d/file") == 0 && rmdir("/tmp/d/e") == 0 &&
	    rmdir("/tmp/d/f") == 0 && rmdir("/tmp/d") == 0, "cleanup");
	KT_CHECK(strstr(listing("/"), " tmp ") != NULL, "/ does not list tmp");
	return 0;
}

/* An open directory outlives its removal, and its parent's: . and .. only. */
static int
test_removed_dir_open(void)
{
	char dbuf[512];
	int fd, n;

	KT_CHECK(mkdir("/tmp/p1", 0755) == 0 && mkdir("/tmp/p1/c", 0755) == 0,
	    "mkdir");
	KT_CHECK((fd = open("/tmp/p1/c", O_RDONLY | O_DIRECTORY)) >= 0, "open");
	KT_CHECK(rmdir("/tmp/p1/c") == 0 && rmdir("/tmp/p1") == 0, "rmdir");
	n = getdents(fd, dbuf, sizeof(dbuf));
	KT_CHECK(n > 0 && strcmp(((struct dirent *)dbuf)->d_name, ".") == 0,
	    "getdents of a removed directory: %d", n);
	KT_CHECK(fchdir(fd) == -1 && errno == ENOENT, "fchdir into it");
	close(fd);
	return 0;
}

/* An unlinked open file stays readable (and its pages kept) until closed. */
static int
test_unlink_open(void)
{
	int fd, before;

	KT_CHECK(put("/tmp/u", "still here") == 0, "put");
	before = kt_free_pages();
	KT_CHECK((fd = open("/tmp/u", O_RDONLY)) >= 0, "open");
	KT_CHECK(unlink("/tmp/u") == 0 && open("/tmp/u", O_RDONLY) == -1,
	    "unlink");
	KT_CHECK(read(fd, buf, 20) == 10 && memcmp(buf, "still here", 10) == 0,
	    "read after unlink");
	KT_CHECK(kt_free_pages() <= before, "the page went while open");
	close(fd);
	KT_CHECK(kt_free_pages() > before, "the page did not come back");
	return 0;
}

static int
test_rename(void)
{
	struct stat st;

	KT_CHECK(put("/tmp/r1", "one") == 0 && put("/tmp/r2", "two") == 0,
	    "put");
	KT_CHECK(rename("/tmp/r1", "/tmp/r3") == 0 && stat("/tmp/r1", &st) ==
	    -1 && strcmp(get("/tmp/r3"), "one") == 0, "rename");
	KT_CHECK(rename("/tmp/r3", "/tmp/r2") == 0 &&
	    strcmp(get("/tmp/r2"), "one") == 0, "replace");
	KT_CHECK(rename("/tmp/r2", "/tmp/r2") == 0, "to itself");
	KT_CHECK(mkdir("/tmp/rd", 0755) == 0 && mkdir("/tmp/rd/sub", 0755) ==
	    0 && mkdir("/tmp/full", 0755) == 0 && put("/tmp/full/f", "") == 0,
	    "mkdir");
	KT_CHECK(rename("/tmp/rd", "/tmp/rd/sub/x") == -1 && errno == EINVAL,
	    "into itself");
	KT_CHECK(rename("/tmp/rd", "/tmp/full") == -1 && errno == ENOTEMPTY,
	    "over a full directory");
	KT_CHECK(rename("/tmp/rd", "/tmp/r2") == -1 && errno == ENOTDIR,
	    "directory over a file");
	KT_CHECK(rename("/tmp/r2", "/tmp/rd") == -1 && errno == EISDIR,
	    "file over a directory");
	KT_CHECK(rename("/tmp/r2", "/etc/r2") == -1 && errno == EXDEV, "EXDEV");
	KT_CHECK(rename("/tmp/nope", "/tmp/x") == -1 && errno == ENOENT, "ENOENT");
	KT_CHECK(rename("/tmp", "/tmp2") == -1 && errno == EBUSY, "a mount point");
	KT_CHECK(rename("/tmp/rd/.", "/tmp/y") == -1 && errno == EINVAL, "\".\"");
	KT_CHECK(rename("/tmp/rd", "/tmp/full/moved") == 0 &&
	    stat("/tmp/full/moved/sub", &st) == 0, "move a directory");
	KT_CHECK(stat("/tmp/full", &st) == 0 && st.st_nlink == 3,
	    "the new parent's nlink %d", (int)st.st_nlink);
	KT_CHECK(strcmp(listing("/tmp/full/moved/sub"), ". .. ") == 0 &&
	    rmdir("/tmp/full/moved/sub") == 0 && rmdir("/tmp/full/moved") == 0 &&
	    unlink("/tmp/full/f") == 0 && rmdir("/tmp/full") == 0 &&
	    unlink("/tmp/r2") == 0, "cleanup");
	return 0;
}

static int
test_times(void)
{
	struct timeval tv[2] = { { 1000000000, 0 }, { 1234567890, 500000 } };
	struct stat st;
	time_t now;

	KT_CHECK(put("/tmp/tm", "x") == 0, "put");
	KT_CHECK(utimes("/tmp/tm", tv) == 0 && stat("/tmp/tm", &st) == 0 &&
	    st.st_atime == 1000000000 && st.st_mtime == 1234567890 &&
	    st.st_mtim.tv_nsec == 500000000, "utimes: %ld %ld",
	    (long)st.st_atime, (long)st.st_mtime);
	now = time(NULL);
	KT_CHECK(utimes("/tmp/tm", NULL) == 0 && stat("/tmp/tm", &st) == 0 &&
	    st.st_mtime >= now - 1 && st.st_mtime <= now + 1, "utimes now");
	tv[0].tv_usec = 1000000;
	KT_CHECK(utimes("/tmp/tm", tv) == -1 && errno == EINVAL, "bad usec");
	KT_CHECK(chmod("/tmp/tm", 0600) == 0 && stat("/tmp/tm", &st) == 0 &&
	    (st.st_mode & 07777) == 0600 && S_ISREG(st.st_mode), "chmod");
	KT_CHECK(chown("/tmp/tm", 5, 7) == 0 && stat("/tmp/tm", &st) == 0 &&
	    st.st_uid == 5 && st.st_gid == 7, "chown");
	KT_CHECK(chmod("/etc/passwd", 0600) == -1 && errno == EROFS, "initrd");
	KT_CHECK(unlink("/tmp/tm") == 0, "unlink");
	return 0;
}

/* A user's pages in /tmp stop at a quarter of memory: EDQUOT. */
static int
fill_as_user(void)
{
	long total = kinfo(KINFO_TOTALPAGES), written = 0;
	ssize_t n;
	int fd;

	if (setuid(1000) != 0 || (fd = open("/tmp/q", O_WRONLY | O_CREAT,
	    0600)) < 0)
		return 1;
	memset(buf, 'q', sizeof(buf));
	while ((n = write(fd, buf, sizeof(buf))) > 0)
		written += n;
	if (errno != EDQUOT)
		return 2;
	if (written / 4096 < total / 4 - 2 || written / 4096 > total / 4)
		return 3;
	close(fd);
	return unlink("/tmp/q") == 0 ? 0 : 4;
}

static int
test_quota(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(fill_as_user());
	kt_wait_status(pid, &status);
	KT_CHECK(status == 0, "step %d", WEXITSTATUS(status));
	return 0;
}

int
main(void)
{
	kt_suite("fs_tmp");
	kt_run("create_read_back", test_create_read_back);
	kt_run("trunc_append", test_trunc_append);
	kt_run("holes_truncate", test_holes_truncate);
	kt_run("directories", test_directories);
	kt_run("unlink_open", test_unlink_open);
	kt_run("removed_dir_open", test_removed_dir_open);
	kt_run("rename", test_rename);
	kt_run("times", test_times);
	kt_run("quota", test_quota);
	return kt_finish();
}
