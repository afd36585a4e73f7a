/*
 * tail - the last part of a file: tail [-n [+|-]count | -c [+|-]count]
 * [file ...]. "-n 5" (or "-n -5", or the default of 10) is the last five
 * lines, "-n +5" everything from line 5 on; -c counts bytes instead. The
 * old forms "tail -5" and "tail +5" mean -n. The input is read whole
 * into memory, so tail works on pipes as on files.
 * With several files each gets a "==> name <==" header. There is no -f:
 * no file Kestrel has can grow while tail watches it.
 */
#include <ctype.h>
#include <err.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void
usage(void)
{
	fprintf(stderr, "usage: tail [-n [+|-]lines | -c [+|-]bytes] "
	    "[file ...]\n");
	exit(1);
}

/* Reads all of fd; returns the bytes (malloc'd) and their count in *len. */
static char *
slurp(int fd, size_t *len)
{
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap), *grown;
	ssize_t r;

	if (buf == NULL)
		err(1, "malloc");
	while ((r = read(fd, buf + n, cap - n)) > 0) {
		n += (size_t)r;
		if (n == cap) {
			if ((grown = realloc(buf, cap *= 2)) == NULL)
				err(1, "realloc");
			buf = grown;
		}
	}
	if (r < 0)
		err(1, "read");
	*len = n;
	return buf;
}

/*
 * Where the output starts: from_start counts from the beginning (the
 * "+N" form, 1-based), otherwise the last n lines or bytes.
 */
static size_t
start_of(const char *buf, size_t len, long n, int bytes, int from_start)
{
	size_t i;

	if (bytes) {
		if (from_start)
			return n <= 1 ? 0 : (size_t)(n - 1) < len ?
			    (size_t)(n - 1) : len;
		return (size_t)n < len ? len - (size_t)n : 0;
	}
	if (from_start) {
		for (i = 0; i < len && n > 1; i++)
			if (buf[i] == '\n')
				n--;
		return i;
	}
	if (n == 0)
		return len;
	/* Back from the end: a last line without a newline still counts. */
	i = len;
	if (i > 0 && buf[i - 1] == '\n')
		i--;
	for (; i > 0; i--)
		if (buf[i - 1] == '\n' && --n == 0)
			break;
	return i;
}

int
main(int argc, char *argv[])
{
	long n = 10;
	int ch, bytes = 0, from_start = 0, status = 0, i, fd;
	char *buf, *arg, *end;
	size_t len, start;

	/* "tail -5" and "tail +5": the form before -n. */
	if (argc > 1 && (argv[1][0] == '-' || argv[1][0] == '+') &&
	    isdigit((unsigned char)argv[1][1])) {
		from_start = argv[1][0] == '+';
		n = strtol(argv[1] + 1, &end, 10);
		if (*end != '\0')
			errx(1, "illegal offset -- %s", argv[1]);
		argc--;
		argv++;
	}
	while ((ch = getopt(argc, argv, "n:c:")) != -1)
		switch (ch) {
		case 'n':
		case 'c':
			bytes = ch == 'c';
			arg = optarg;
			from_start = *arg == '+';
			if (*arg == '+' || *arg == '-')
				arg++;
			n = strtol(arg, &end, 10);
			if (*arg == '\0' || *end != '\0' || n < 0)
				errx(1, "illegal offset -- %s", optarg);
			break;
		default:
			usage();
		}
	argc -= optind;
	argv += optind;
	for (i = 0; i < (argc > 0 ? argc : 1); i++) {
		fd = STDIN_FILENO;
		if (argc > 0 && (fd = open(argv[i], O_RDONLY)) == -1) {
			warn("%s", argv[i]);
			status = 1;
			continue;
		}
		buf = slurp(fd, &len);
		if (argc > 0)
			close(fd);
		if (argc > 1)
			printf("%s==> %s <==\n", i > 0 ? "\n" : "", argv[i]);
		start = start_of(buf, len, n, bytes, from_start);
		fwrite(buf + start, 1, len - start, stdout);
		free(buf);
	}
	return status;
}
