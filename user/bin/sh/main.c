/*
 * main.c - sh, the Kestrel shell: reads command lines from a terminal
 * (with a "$ " prompt, line editing and history from readline(3), and job
 * control), from a script (sh FILE [arg ...]) or from its argument
 * (sh -c "line" [$0 [arg ...]]), and runs them one and-or list at a time.
 *
 * With job control the shell owns its own process group, ignores the
 * terminal's job signals (^C, ^Z, background-read and -write stops) and
 * hands the terminal to the foreground job while it runs.
 */
#include <errno.h>
#include <fcntl.h>
#include <readline/readline.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

int interactive;
pid_t shell_pgid;
int last_status;
pid_t last_bg;
char **pos_args;
int npos_args;

static struct andor current_list;	/* large: kept out of the stack */

_Noreturn void
sh_exit(int status)
{
	jobs_hangup();
	exit(status);
}

static void
init_job_control(void)
{
	static const int sigs[] = { SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU };
	pid_t fg;
	size_t i;

	/* Started in the background of another shell: wait to be brought forward. */
	while ((fg = tcgetpgrp(STDIN_FILENO)) > 0 && fg != getpgrp())
		kill(-getpgrp(), SIGTTIN);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		signal(sigs[i], SIG_IGN);
	setpgid(0, 0);
	shell_pgid = getpgrp();
	tcsetpgrp(STDIN_FILENO, shell_pgid);
}

/* Runs every and-or list of one line, updating $? after each. */
void
run_line(const char *line)
{
	struct token toks[MAXTOKENS];
	char *storage;
	int pos = 0, r;

	if (lex(line, toks, &storage) == -1) {
		free(storage);
		last_status = 2;
		return;
	}
	while ((r = parse_andor(toks, &pos, &current_list)) == 0)
		last_status = run_andor(&current_list);
	if (r == -1)
		last_status = 2;
	free(storage);
}

/*
 * Reads a line of any length into *buf (without its newline). Returns 0,
 * 1 if a signal interrupted the read, or -1 at the end of the input.
 */
static int
read_line(FILE *in, char **buf, size_t *cap)
{
	size_t len = 0;
	char *grown;
	int c;

	while ((c = fgetc(in)) != EOF && c != '\n') {
		if (len + 2 > *cap) {
			*cap = *cap ? *cap * 2 : 256;
			if ((grown = realloc(*buf, *cap)) == NULL) {
				fprintf(stderr, "sh: out of memory\n");
				sh_exit(2);
			}
			*buf = grown;
		}
		(*buf)[len++] = (char)c;
	}
	if (c == EOF && ferror(in) && errno == EINTR) {
		clearerr(in);
		return 1;
	}
	if (c == EOF && len == 0)
		return -1;
	if (*buf == NULL && (*buf = malloc(*cap = 1)) == NULL)
		sh_exit(2);
	(*buf)[len] = '\0';
	return 0;
}

/* The terminal: lines from readline, kept in its history. */
static void
interactive_loop(void)
{
	char *line;

	for (;;) {
		jobs_notify();
		if ((line = readline("$ ")) == NULL)
			break;
		add_history(line);
		run_line(line);
		free(line);
	}
	putchar('\n');
}

static void
loop(FILE *in)
{
	char *line = NULL;
	size_t cap = 0;
	int r;

	while ((r = read_line(in, &line, &cap)) != -1)
		if (r == 0)
			run_line(line);
	free(line);
}

int
main(int argc, char *argv[])
{
	FILE *in = stdin;
	int fd;

	if (argc > 1 && strcmp(argv[1], "-c") == 0) {
		if (argc < 3) {
			fprintf(stderr, "usage: sh [-c command [name [arg ...]]] "
			    "[file [arg ...]]\n");
			return 2;
		}
		pos_args = argc > 3 ? argv + 3 : argv;
		npos_args = argc > 3 ? argc - 3 : 1;
		run_line(argv[2]);
		sh_exit(last_status);
	}
	pos_args = argv + (argc > 1);
	npos_args = argc > 1 ? argc - 1 : 1;
	if (argc > 1) {
		/* Close-on-exec, so commands do not inherit the script. */
		if ((fd = open(argv[1], O_RDONLY | O_CLOEXEC)) == -1 ||
		    (in = fdopen(fd, "r")) == NULL) {
			fprintf(stderr, "sh: %s: %s\n", argv[1], strerror(errno));
			return 127;
		}
	} else if (isatty(STDIN_FILENO))
		interactive = 1;
	else
		/* Read no further than a line, leaving the rest to commands. */
		setvbuf(stdin, NULL, _IONBF, 0);
	if (interactive) {
		init_job_control();
		interactive_loop();
	} else
		loop(in);
	sh_exit(last_status);
}
