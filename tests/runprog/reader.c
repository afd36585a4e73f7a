/*
 * reader.c - a run-prog sample: reads its standard input to the end,
 * printing each line back after "> " (-q: not), then how much it read and
 * a checksum. It exits 0 once the input ends as end of file, 1 on an error.
 */
#include <stdio.h>
#include <string.h>

int
main(int argc, char **argv)
{
	char buf[512];
	unsigned long bytes = 0, lines = 0, sum = 0;
	int quiet = argc > 1 && strcmp(argv[1], "-q") == 0;
	size_t i, n = 0;

	while (fgets(buf, sizeof(buf), stdin) != NULL) {
		n = strlen(buf);
		bytes += n;
		for (i = 0; i < n; i++)
			sum = sum * 31 + (unsigned char)buf[i];
		if (buf[n - 1] == '\n')
			lines++;
		if (!quiet)
			printf("> %s", buf);
	}
	if (ferror(stdin)) {
		perror("read");
		return 1;
	}
	if (!quiet && n > 0 && buf[n - 1] != '\n')
		putchar('\n');
	printf("end of input: %lu bytes, %lu lines, sum %lu\n", bytes, lines,
	    sum);
	return 0;
}
