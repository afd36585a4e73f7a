/*
 * cp - copy files: cp [-R] [-finpv] source target, or cp [-R] [-finpv]
 * source ... directory. -R (-r) copies directories and what is below them;
 * -p keeps modes, times and (for root) owners; -f removes a target that
 * cannot be opened and tries again; -i asks before overwriting, -n never
 * overwrites; -v names each copy. Without -p a new file gets the source's
 * mode less the umask.
 */
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>
#include "libutil/fileutil.h"

static int fflag, iflag, nflag, pflag, rflag, vflag;
static mode_t mask;		/* the umask */

static int copy(const char *from, const char *to);

/* -p: the target gets the source's mode, times and (root only) owner. */
static int
preserve(const char *to, const struct stat *st)
{
	struct timeval tv[2];

	tv[0].tv_sec = st->st_atim.tv_sec;
	tv[0].tv_usec = st->st_atim.tv_nsec / 1000;
	tv[1].tv_sec = st->st_mtim.tv_sec;
	tv[1].tv_usec = st->st_mtim.tv_nsec / 1000;
	if ((getuid() == 0 && chown(to, st->st_uid, st->st_gid) == -1) ||
	    chmod(to, st->st_mode & 07777) == -1 || utimes(to, tv) == -1) {
		warn("%s", to);
		return -1;
	}
	return 0;
}

static int
write_all(int fd, const char *buf, ssize_t n)
{
	ssize_t w;

	for (; n > 0; buf += w, n -= w)
		if ((w = write(fd, buf, (size_t)n)) <= 0)
			return -1;
	return 0;
}

static int
copy_file(const char *from, const char *to, const struct stat *st)
{
	static char buf[8192];
	int in, out, status = 0;
	ssize_t n;

	if ((in = open(from, O_RDONLY)) == -1) {
		warn("%s", from);
		return -1;
	}
	out = open(to, O_WRONLY | O_CREAT | O_TRUNC, st->st_mode & 0777);
	if (out == -1 && fflag && unlink(to) == 0)
		out = open(to, O_WRONLY | O_CREAT | O_TRUNC, st->st_mode & 0777);
	if (out == -1) {
		warn("%s", to);
		close(in);
		return -1;
	}
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write_all(out, buf, n) == -1) {
			warn("%s", to);
			status = -1;
			break;
		}
	if (n == -1) {
		warn("%s", from);
		status = -1;
	}
	close(in);
	close(out);
	return status;
}

/* each_entry()'s call: path, an entry of the directory copied into to. */
static int
copy_entry(const char *path, const char *name, void *to)
{
	char t[1024];

	if ((size_t)snprintf(t, sizeof(t), "%s/%s", (const char *)to, name) >=
	    sizeof(t)) {
		warnx("%s: name too long", path);
		return -1;
	}
	return copy(path, t);
}

/* -R: a directory and everything below it. */
static int
copy_dir(const char *from, const char *to, const struct stat *st)
{
	struct stat tst;
	int status;

	if (stat(to, &tst) == -1 && mkdir(to, (st->st_mode & 0777) | 0700) == -1) {
		warn("%s", to);
		return -1;
	}
	if ((status = each_entry(from, copy_entry, (void *)to)) == -1)
		return -1;
	if (!pflag && chmod(to, st->st_mode & 0777 & ~mask) == -1)
		status = 1;
	return status == 0 ? 0 : -1;
}

static int
overwrite_ok(const char *to)
{
	if (nflag)
		return 0;
	return !iflag || ask("overwrite %s? ", to);
}

static int
copy(const char *from, const char *to)
{
	struct stat st, tst;
	int exists, r;

	if (stat(from, &st) == -1) {
		warn("%s", from);
		return -1;
	}
	exists = stat(to, &tst) == 0;
	if (exists && st.st_dev == tst.st_dev && st.st_ino == tst.st_ino) {
		warnx("%s and %s are identical (not copied)", from, to);
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		if (!rflag) {
			warnx("%s is a directory (not copied)", from);
			return -1;
		}
		r = copy_dir(from, to, &st);
	} else {
		if (exists && !overwrite_ok(to))
			return 0;
		r = copy_file(from, to, &st);
	}
	if (r == 0 && pflag)
		r = preserve(to, &st);
	if (r == 0 && vflag)
		printf("%s -> %s\n", from, to);
	return r;
}

static void
usage(void)
{
	fprintf(stderr, "usage: cp [-R] [-finpv] source target\n"
	    "       cp [-R] [-finpv] source ... directory\n");
	exit(1);
}

int
main(int argc, char *argv[])
{
	int ch;

	while ((ch = getopt(argc, argv, "finpRrv")) != -1)
		switch (ch) {
		case 'f':
			fflag = 1;
			iflag = nflag = 0;
			break;
		case 'i':
			iflag = 1;
			fflag = nflag = 0;
			break;
		case 'n':
			nflag = 1;
			fflag = iflag = 0;
			break;
		case 'p':
			pflag = 1;
			break;
		case 'R':
		case 'r':
			rflag = 1;
			break;
		case 'v':
			vflag = 1;
			break;
		default:
			usage();
		}
	if (argc - optind < 2)
		usage();
	mask = umask(0);
	umask(mask);
	return to_target(argc - optind, argv + optind, copy);
}
