/*
 * mv - move (rename) files: mv [-finv] source target, or mv [-finv] source
 * ... directory. -f never asks, -i asks before replacing a file, -n never
 * replaces one, -v names each move. Between file systems (from /tmp to
 * elsewhere, say) a rename is impossible (EXDEV); then, as FreeBSD's mv
 * does, the source is copied with "cp -pR" and removed with "rm -rf".
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "libutil/fileutil.h"

static int iflag, nflag, vflag;

/* Runs argv (a program in /bin) and says whether it succeeded. */
static int
run(char *const argv[])
{
	int status;
	pid_t pid = fork();

	if (pid == -1)
		return -1;
	if (pid == 0) {
		execv(argv[0], argv);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

static int
replace_ok(const char *to)
{
	struct stat st;

	if (stat(to, &st) == -1)
		return 1;
	if (nflag)
		return 0;
	return !iflag || ask("overwrite %s? ", to);
}

static int
move(const char *from, const char *to)
{
	char *cp[] = { "/bin/cp", "-pR", (char *)from, (char *)to, NULL };
	char *rm[] = { "/bin/rm", "-rf", (char *)from, NULL };

	if (!replace_ok(to))
		return 0;
	if (rename(from, to) == -1) {
		if (errno != EXDEV) {
			warn("rename %s to %s", from, to);
			return -1;
		}
		if (run(cp) == -1 || run(rm) == -1) {
			warnx("%s: moving to another file system failed", from);
			return -1;
		}
	}
	if (vflag)
		printf("%s -> %s\n", from, to);
	return 0;
}

static void
usage(void)
{
	fprintf(stderr, "usage: mv [-finv] source target\n"
	    "       mv [-finv] source ... directory\n");
	exit(1);
}

int
main(int argc, char *argv[])
{
	int ch;

	while ((ch = getopt(argc, argv, "finv")) != -1)
		switch (ch) {
		case 'f':
			iflag = nflag = 0;
			break;
		case 'i':
			iflag = 1;
			nflag = 0;
			break;
		case 'n':
			nflag = 1;
			iflag = 0;
			break;
		case 'v':
			vflag = 1;
			break;
		default:
			usage();
		}
	if (argc - optind < 2)
		usage();
	return to_target(argc - optind, argv + optind, move);
}
