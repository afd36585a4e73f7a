/*
 * argv.c - a run-prog sample: run with ARGS="alpha beta 42", it checks its
 * arguments, that argv[0] is the path it was started by (/bin/argv), and
 * that the environment holds the kernel options; then it re-executes itself
 * through argv[0] with one argument, "again", and that image exits 7.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	char *again[] = { argv[0], "again", NULL };

	if (argc == 2 && strcmp(argv[1], "again") == 0) {
		printf("re-executed as %s\n", argv[0]);
		return 7;
	}
	if (argc != 4 || strcmp(argv[1], "alpha") != 0 ||
	    strcmp(argv[2], "beta") != 0 || atoi(argv[3]) != 42) {
		printf("bad arguments (argc %d)\n", argc);
		return 1;
	}
	if (strcmp(argv[0], "/bin/argv") != 0) {
		printf("argv[0] is %s, not /bin/argv\n", argv[0]);
		return 1;
	}
	if (getenv("init") == NULL || strcmp(getenv("init"), "/bin/argv") != 0) {
		printf("no init=/bin/argv in the environment\n");
		return 1;
	}
	printf("arguments ok: %s %s %s\n", argv[1], argv[2], argv[3]);
	fflush(stdout);
	execv(argv[0], again);
	perror("execv");
	return 1;
}
