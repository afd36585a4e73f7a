/*
 * env - run a program in a changed environment, or print the environment:
 * env [-i] [-u name] [name=value ...] [utility [argument ...]]. -i starts
 * from an empty environment, -u removes a variable, each name=value sets
 * one. Without a utility the resulting environment is printed, one
 * variable a line. The utility is found through PATH; 127 means it was not
 * found, 126 that it could not be run.
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int
main(int argc, char *argv[])
{
	static char *empty[] = { NULL };
	char **ep, *eq;
	int ch;

	while ((ch = getopt(argc, argv, "iu:")) != -1)
		switch (ch) {
		case 'i':
			environ = empty;
			break;
		case 'u':
			if (unsetenv(optarg) == -1)
				err(125, "unsetenv %s", optarg);
			break;
		default:
			fprintf(stderr, "usage: env [-i] [-u name] [name=value ...]"
			    " [utility [argument ...]]\n");
			return 125;
		}
	argv += optind;
	for (; *argv != NULL && (eq = strchr(*argv, '=')) != NULL; argv++) {
		*eq = '\0';
		if (setenv(*argv, eq + 1, 1) == -1)
			err(125, "setenv %s", *argv);
	}
	if (*argv == NULL) {
		for (ep = environ; *ep != NULL; ep++)
			printf("%s\n", *ep);
		return 0;
	}
	execvp(argv[0], argv);
	warn("%s", argv[0]);
	return errno == ENOENT ? 127 : 126;
}
