/*
 * exec.c - running what the parser built. A pipeline becomes one job: one
 * child per command, joined by pipes, all in the process group of the
 * first child (set by both parent and child, so neither has to wait for
 * the other). A lone builtin runs in the shell itself; anywhere else it runs
 * in a child like any command. A background && / || list runs in a
 * subshell, a child that is itself the job. NAME=value words before a
 * command's name set its environment only (the child's, or the shell's
 * for as long as a builtin runs); alone, they set the shell's variables.
 */
#include <sys/wait.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

/*
 * A command with its words expanded (split and globbed), the NAME=value
 * words before its name apart: they are for its environment only.
 */
struct words {
	char		**argv;		/* NULL-terminated, or NULL if none */
	int		argc;
	char		**assign;	/* NAME=value, expanded */
	int		nassign;
	struct redir	redir[MAXREDIR];	/* words expanded */
	int		nredir;
};

static unsigned substitutions;	/* how many command_output has run */

/* NAME=value: a word that assigns, when it comes before the command name. */
static int
is_assignment(const char *s)
{
	const char *p = s;

	if (!isalpha((unsigned char)*p) && *p != '_')
		return 0;
	while (isalnum((unsigned char)*p) || *p == '_')
		p++;
	return *p == '=';
}

static void
expand_command(const struct command *c, struct words *w)
{
	int i;

	w->argv = NULL;
	w->argc = 0;
	if ((w->assign = malloc((size_t)(c->argc + 1) * sizeof(char *))) ==
	    NULL) {
		fprintf(stderr, "sh: out of memory\n");
		sh_exit(2);
	}
	for (i = 0; i < c->argc && is_assignment(c->argv[i]); i++)
		w->assign[i] = expand(c->argv[i]);
	w->nassign = i;
	for (; i < c->argc; i++)
		expand_fields(c->argv[i], &w->argv, &w->argc);
	for (i = 0; i < c->nredir; i++) {
		w->redir[i] = c->redir[i];
		w->redir[i].word = expand(c->redir[i].word);
	}
	w->nredir = c->nredir;
}

static void
free_words(struct words *w)
{
	int i;

	for (i = 0; i < w->argc; i++)
		free(w->argv[i]);
	free(w->argv);
	for (i = 0; i < w->nassign; i++)
		free(w->assign[i]);
	free(w->assign);
	for (i = 0; i < w->nredir; i++)
		free(w->redir[i].word);
}

/* The NAME of a NAME=value word, in name[VARNAME]; -1 if too long. */
#define VARNAME	64
static int
var_name(const char *word, char *name)
{
	size_t len = strcspn(word, "=");

	if (len >= VARNAME)
		return -1;
	memcpy(name, word, len);
	name[len] = '\0';
	return 0;
}

/* Sets the variables of NAME=value words; 1 if one could not be set. */
static int
assign(char **words, int n)
{
	char name[VARNAME];
	int i, status = 0;

	for (i = 0; i < n; i++) {
		if (var_name(words[i], name) == -1) {
			fprintf(stderr, "sh: %s: name too long\n", words[i]);
			status = 1;
		} else if (setenv(name, words[i] + strlen(name) + 1, 1) == -1)
			status = 1;
	}
	return status;
}

/*
 * Runs a builtin in the shell with "NAME=value builtin ..." assignments
 * in force for it alone: the old values come back afterwards.
 */
static int
run_builtin(builtin_fn *fn, struct words *w)
{
	char *saved[MAXARGS], name[VARNAME], *old;
	int i, status;

	for (i = 0; i < w->nassign; i++) {
		old = var_name(w->assign[i], name) == 0 ? getenv(name) : NULL;
		saved[i] = old != NULL ? strdup(old) : NULL;
	}
	status = assign(w->assign, w->nassign);
	if (status == 0)
		status = fn(w->argc, w->argv);
	for (i = 0; i < w->nassign; i++) {
		if (var_name(w->assign[i], name) == 0) {
			if (saved[i] != NULL)
				setenv(name, saved[i], 1);
			else
				unsetenv(name);
		}
		free(saved[i]);
	}
	return status;
}

/*
 * Applies one redirection: fd becomes the opened file, or with <& and >&
 * a copy of another descriptor ("-" closes it). Exits the child on failure.
 */
static void
redirect(const struct redir *r)
{
	int fd, flags;
	char *end;
	long from;

	if (r->op == T_LTAND || r->op == T_GTAND) {
		if (strcmp(r->word, "-") == 0) {
			close(r->fd);
			return;
		}
		from = strtol(r->word, &end, 10);
		if (*r->word == '\0' || *end != '\0' || from < 0 ||
		    dup2((int)from, r->fd) == -1) {
			fprintf(stderr, "sh: %s: bad file descriptor\n",
			    r->word);
			_exit(1);
		}
		return;
	}
	flags = r->op == T_LT ? O_RDONLY : O_WRONLY | O_CREAT |
	    (r->op == T_GTGT ? O_APPEND : O_TRUNC);
	if ((fd = open(r->word, flags, 0666)) == -1) {
		fprintf(stderr, "sh: %s: %s\n", r->word, strerror(errno));
		_exit(1);
	}
	if (fd != r->fd) {
		dup2(fd, r->fd);
		close(fd);
	}
}

/* What a child does between fork and exec. Never returns. */
static _Noreturn void
child(struct words *w, pid_t pgid, int fg, int in, int out, int other)
{
	static const int jobsigs[] = { SIGINT, SIGQUIT, SIGTSTP, SIGTTIN,
	    SIGTTOU };
	builtin_fn *fn;
	char path[PATH_MAX], **argv;
	size_t i;

	if (interactive) {
		setpgid(0, pgid);
		/* Take the terminal while SIGTTOU is still ignored. */
		if (fg)
			tcsetpgrp(STDIN_FILENO, pgid != 0 ? pgid : getpid());
		for (i = 0; i < sizeof(jobsigs) / sizeof(jobsigs[0]); i++)
			signal(jobsigs[i], SIG_DFL);
	} else if (!fg) {
		/* POSIX: without job control, background jobs ignore ^C. */
		signal(SIGINT, SIG_IGN);
		signal(SIGQUIT, SIG_IGN);
	}
	/*
	 * A pipe end may already be 0 or 1 when the shell started without
	 * them: close the unused end first, and never close what dup2 kept.
	 */
	if (other != -1)
		close(other);
	if (in != -1 && in != STDIN_FILENO) {
		dup2(in, STDIN_FILENO);
		close(in);
	}
	if (out != -1 && out != STDOUT_FILENO) {
		dup2(out, STDOUT_FILENO);
		close(out);
	}
	for (i = 0; i < (size_t)w->nredir; i++)
		redirect(&w->redir[i]);
	if (assign(w->assign, w->nassign) != 0 || w->argc == 0)
		exit(w->argc == 0 ? 0 : 1);
	argv = run_as(w->argv);
	if ((fn = find_builtin(argv[0])) != NULL) {
		for (i = 0; argv[i] != NULL; i++)
			;
		exit(fn((int)i, argv));
	}
	if (strchr(argv[0], '/') != NULL)
		strlcpy(path, argv[0], sizeof(path));
	else
		snprintf(path, sizeof(path), "/bin/%s", argv[0]);
	execve(path, argv, environ);
	if (errno == ENOENT) {
		fprintf(stderr, "sh: %s: not found\n", argv[0]);
		_exit(127);
	}
	fprintf(stderr, "sh: %s: %s\n", argv[0], strerror(errno));
	_exit(126);
}

/*
 * Starts the commands of pl as job j; returns how many were started. The
 * first command's words come already expanded in first (still the
 * caller's) when the caller had to look at them: every word is expanded
 * once, since a $(...) in it runs a command.
 */
static int
start_pipeline(const struct pipeline *pl, struct job *j, int bg,
    struct words *first)
{
	struct words w;
	int i, prev = -1, p[2], given;
	pid_t pid, pgid = 0;

	for (i = 0; i < pl->ncmd; i++) {
		given = i == 0 && first != NULL;
		if (given)
			w = *first;
		else
			expand_command(&pl->cmd[i], &w);
		p[0] = p[1] = -1;
		if (i < pl->ncmd - 1 && pipe(p) == -1) {
			perror("sh: pipe");
			pid = -1;
		} else if ((pid = fork()) == -1)
			perror("sh: fork");
		else if (pid == 0)
			child(&w, pgid, !bg, prev, p[1], p[0]);
		if (!given)
			free_words(&w);
		if (pid == -1) {
			close(p[0]);
			close(p[1]);
			break;
		}
		if (pgid == 0)
			pgid = pid;
		if (interactive)
			setpgid(pid, pgid);
		job_add_proc(j, pid);
		if (prev != -1)
			close(prev);
		if (p[1] != -1)
			close(p[1]);
		prev = p[0];
	}
	if (prev != -1)
		close(prev);
	return i;
}

/* Runs one pipeline; returns its status (0 for a background one). */
static int
run_pipeline(const struct pipeline *pl, int bg, const char *text)
{
	struct words w, *first = NULL;
	builtin_fn *fn;
	struct job *j;
	unsigned ran;
	int status = -1, started;

	if (pl->ncmd == 1 && !bg && pl->cmd[0].nredir == 0) {
		ran = substitutions;
		expand_command(&pl->cmd[0], &w);
		/* Only assignments: the status of a $(...) among them, if any. */
		if (w.argc == 0)
			status = assign(w.assign, w.nassign) != 0 ? 1 :
			    substitutions != ran ? last_status : 0;
		else if ((fn = find_builtin(w.argv[0])) != NULL)
			status = run_builtin(fn, &w);
		if (status != -1) {
			free_words(&w);
			return status;
		}
		first = &w;
	}
	/* Output still buffered would otherwise be written by each child too. */
	fflush(stdout);
	if ((j = job_new(text, 0)) == NULL)
		started = 0;
	else if ((started = start_pipeline(pl, j, bg, first)) == 0)
		job_drop(j);
	if (first != NULL)
		free_words(first);
	if (started == 0)
		return 1;
	if (bg) {
		job_background(j);
		return 0;
	}
	return job_foreground(j, 0);
}

/* The pipelines of ao in order, each run or skipped as && and || say. */
static int
run_list(struct andor *ao)
{
	int i, status = run_pipeline(&ao->pl[0], 0, ao->text);

	for (i = 1; i < ao->npl; i++) {
		last_status = status;
		if ((ao->op[i - 1] == T_AND) == (status == 0))
			status = run_pipeline(&ao->pl[i], 0, ao->text);
	}
	return status;
}

/* A background && / || list: a subshell child runs it, without job control. */
static int
run_subshell(struct andor *ao)
{
	struct job *j;
	pid_t pid;

	fflush(stdout);
	if ((j = job_new(ao->text, 0)) == NULL)
		return 1;
	if ((pid = fork()) == -1) {
		perror("sh: fork");
		job_drop(j);
		return 1;
	}
	if (pid == 0) {
		if (interactive) {
			setpgid(0, 0);
			signal(SIGINT, SIG_DFL);
			signal(SIGQUIT, SIG_DFL);
			signal(SIGTSTP, SIG_DFL);
		}
		interactive = 0;
		exit(run_list(ao));
	}
	if (interactive)
		setpgid(pid, pid);
	job_add_proc(j, pid);
	job_background(j);
	return 0;
}

/*
 * A child shell runs cmd with its standard output into a pipe, which the
 * shell reads to the end. The child keeps the shell's process group (the
 * terminal's foreground while the shell expands), so ^C reaches it; it
 * takes the keyboard's signals back for that.
 */
char *
command_output(const char *cmd)
{
	static const int jobsigs[] = { SIGINT, SIGQUIT, SIGTSTP };
	char *out = NULL, *grown;
	size_t len = 0, cap = 0, i;
	ssize_t n;
	int p[2], status;
	pid_t pid;

	fflush(stdout);
	substitutions++;
	if (pipe(p) == -1 || (pid = fork()) == -1) {
		perror("sh: command substitution");
		return strdup("");
	}
	if (pid == 0) {
		close(p[0]);
		if (p[1] != STDOUT_FILENO) {
			dup2(p[1], STDOUT_FILENO);
			close(p[1]);
		}
		if (interactive)
			for (i = 0; i < sizeof(jobsigs) / sizeof(jobsigs[0]); i++)
				signal(jobsigs[i], SIG_DFL);
		interactive = 0;
		run_line(cmd);
		exit(last_status);
	}
	close(p[1]);
	for (;;) {
		if (len + 512 > cap) {
			cap = (len + 512) * 2;
			if ((grown = realloc(out, cap)) == NULL)
				break;
			out = grown;
		}
		n = read(p[0], out + len, cap - len - 1);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	close(p[0]);
	while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
		;
	last_status = status_of(status);
	if (out == NULL)
		return strdup("");
	out[len] = '\0';
	return out;
}

int
run_andor(struct andor *ao)
{
	if (ao->background && ao->npl > 1)
		return run_subshell(ao);
	if (ao->background)
		return run_pipeline(&ao->pl[0], 1, ao->text);
	return run_list(ao);
}
