/*
 * dbg - the debugger inside Kestrel, with gdb's commands and habits.
 *
 *	dbg [-x FILE] [PROG [ARGS...]]
 *
 * PROG's symbols are read at once; "run" starts it with ARGS. Commands come
 * from FILE (-x: then dbg quits, like gdb -batch -x) or from standard input.
 * At a terminal dbg prompts "(dbg) ", reads the line with readline(3)
 * (editing, history), and an empty line repeats stepi, nexti, continue or
 * x (as gdb does); otherwise (a script, a pipe) each command is echoed
 * after the prompt, so that a transcript reads like the session it was. At
 * the end a process dbg started is killed and an attached one detached.
 *
 * dbg ignores SIGINT: ^C at the terminal stops the inferior (dbg reports
 * "Program received signal SIGINT") and leaves the debugger alone.
 */
#include <readline/readline.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "dbg.h"

#define LINE_MAX_DBG	512

static void
usage(void)
{
	fprintf(stderr, "usage: dbg [-x FILE] [PROG [ARGS...]]\n");
	exit(2);
}

/*
 * The next command into line: at a terminal from readline(3) (editing,
 * history), else a line of f. 0, or -1 at the end of the input.
 */
static int
next_line(FILE *f, int interactive, char *line, size_t size)
{
	char *r;
	size_t n;

	if (interactive) {
		if ((r = readline("(dbg) ")) == NULL)
			return -1;
		if (*cmd_trim(r) != '\0')
			add_history(r);
		strlcpy(line, r, size);
		free(r);
		return 0;
	}
	if (fgets(line, (int)size, f) == NULL)
		return -1;
	n = strlen(line);
	if (n > 0 && line[n - 1] == '\n')
		line[n - 1] = '\0';
	return 0;
}

/* Read and run commands from f until it ends or says quit. */
static void
command_loop(struct dbg *d, FILE *f, int interactive)
{
	char line[LINE_MAX_DBG], last[LINE_MAX_DBG] = "";

	for (;;) {
		if (next_line(f, interactive, line, sizeof(line)) == -1)
			break;
		if (d->echo)
			printf("(dbg) %s\n", line);
		if (interactive && *cmd_trim(line) == '\0')
			strcpy(line, last);
		else
			cmd_repeat(line, last, sizeof(last));
		if (cmd_execute(d, line))
			break;
		fflush(stdout);
	}
}

int
main(int argc, char *argv[])
{
	struct dbg d;
	const char *script = NULL;
	FILE *f = stdin;
	int i, j, interactive;

	memset(&d, 0, sizeof(d));
	d.list_file = -1;
	signals_init(&d);
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "-x") == 0 && i + 1 < argc)
			script = argv[++i];
		else if (strcmp(argv[i], "-batch") != 0 &&
		    strcmp(argv[i], "-q") != 0)
			usage();
	}
	if (i < argc && load_program(&d, argv[i]) == 0)
		for (j = 1; i + j < argc && j < DBG_MAXARGS; j++)
			d.args[j] = strdup(argv[i + j]);
	signal(SIGINT, SIG_IGN);
	if (script != NULL && (f = fopen(script, "r")) == NULL) {
		printf("%s: No such file or directory.\n", script);
		return 1;
	}
	interactive = script == NULL && isatty(0);
	d.echo = !interactive;
	command_loop(&d, f, interactive);
	proc_quit(&d);
	fflush(stdout);
	return 0;
}
