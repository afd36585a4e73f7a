/*
 * cp - copy files: cp [-R] [-finpv] source target, or cp [-R] [-finpv]
 * source ... directory. -R (-r) copies directories and what is below them;
 * -p keeps modes, times and (for root) owners; -f removes a target that
 * cannot be opened and tries again; -i asks before overwriting, -n never
 * overwrites; -v names each copy. Without -p a new file gets the source's
 * mode less the umask.
 */
#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

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

/* -R: a directory and everything below it. */
static int
copy_dir(const char *from, const char *to, const struct stat *st)
{
	char f[1024], t[1024];
	struct stat tst;
	struct dirent *d;
	int status = 0;
	DIR *dir;

	if (stat(to, &tst) == -1 && mkdir(to, (st->st_mode & 0777) | 0700) == -1) {
		warn("%s", to);
		return -1;
	}
	if ((dir = opendir(from)) == NULL) {
		warn("%s", from);
		return -1;
	}
	while ((d = readdir(dir)) != NULL) {
		if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0)
			continue;
		if ((size_t)snprintf(f, sizeof(f), "%s/%s", from, d->d_name) >=
		    sizeof(f) || (size_t)snprintf(t, sizeof(t), "%s/%s", to,
		    d->d_name) >= sizeof(t)) {
			warnx("%s/%s: name too long", from, d->d_name);
			status = -1;
		} else if (copy(f, t) == -1)
			status = -1;
	}
	closedir(dir);
	if (!pflag && chmod(to, st->st_mode & 0777 & ~mask) == -1)
		status = -1;
	return status;
}

static int
overwrite_ok(const char *to)
{
	int c, first;

	if (nflag)
		return 0;
	if (!iflag)
		return 1;
	fprintf(stderr, "overwrite %s? ", to);
	first = c = getchar();
	while (c != '\n' && c != EOF)
		c = getchar();
	return first == 'y' || first == 'Y';
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
	char target[1024], name[1024];
	int ch, status = 0, i;
	struct stat st;

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
	if (stat(argv[argc - 1], &st) == -1 || !S_ISDIR(st.st_mode)) {
		if (argc - optind > 2)
			errx(1, "%s is not a directory", argv[argc - 1]);
		return copy(argv[optind], argv[argc - 1]) == 0 ? 0 : 1;
	}
	for (i = optind; i < argc - 1; i++) {
		strlcpy(name, argv[i], sizeof(name));
		if ((size_t)snprintf(target, sizeof(target), "%s/%s",
		    argv[argc - 1], basename(name)) >= sizeof(target)) {
			warnx("%s: name too long", argv[i]);
			status = 1;
		} else if (copy(argv[i], target) == -1)
			status = 1;
	}
	return status;
}
