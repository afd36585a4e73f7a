/*
 * mv - move (rename) files: mv [-finv] source target, or mv [-finv] source
 * ... directory. -f never asks, -i asks before replacing a file, -n never
 * replaces one, -v names each move. Between file systems (from /tmp to
 * elsewhere, say) a rename is impossible (EXDEV); then, as FreeBSD's mv
 * does, the source is copied with "cp -pR" and removed with "rm -rf".
 */
#include <err.h>
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

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
	int c, first;

	if (stat(to, &st) == -1)
		return 1;
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
	char target[1024], name[1024];
	int ch, status = 0, i;
	struct stat st;

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
	if (stat(argv[argc - 1], &st) == -1 || !S_ISDIR(st.st_mode)) {
		if (argc - optind > 2)
			errx(1, "%s is not a directory", argv[argc - 1]);
		return move(argv[optind], argv[argc - 1]) == 0 ? 0 : 1;
	}
	for (i = optind; i < argc - 1; i++) {
		strlcpy(name, argv[i], sizeof(name));
		if ((size_t)snprintf(target, sizeof(target), "%s/%s",
		    argv[argc - 1], basename(name)) >= sizeof(target)) {
			warnx("%s: name too long", argv[i]);
			status = 1;
		} else if (move(argv[i], target) == -1)
			status = 1;
	}
	return status;
}
