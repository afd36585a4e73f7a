/* cat - copy files, or standard input ("-" or no argument), to standard output. */
#include <err.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

static char buf[4096];

/* Copies fd to standard output; returns 0, or -1 after reporting an error. */
static int
copy(int fd, const char *name)
{
	ssize_t n, w, off;

	while ((n = read(fd, buf, sizeof(buf))) > 0)
		for (off = 0; off < n; off += w)
			if ((w = write(STDOUT_FILENO, buf + off, n - off)) <= 0) {
				warn("stdout");
				return -1;
			}
	if (n < 0) {
		warn("%s", name);
		return -1;
	}
	return 0;
}

int
main(int argc, char *argv[])
{
	int i, fd, status = 0;

	if (argc < 2)
		return copy(STDIN_FILENO, "stdin") == 0 ? 0 : 1;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-") == 0) {
			status |= copy(STDIN_FILENO, "stdin");
			continue;
		}
		if ((fd = open(argv[i], O_RDONLY)) == -1) {
			warn("%s", argv[i]);
			status = -1;
			continue;
		}
		status |= copy(fd, argv[i]);
		close(fd);
	}
	return status == 0 ? 0 : 1;
}
