/*
 * sh.h - the shell's pieces and how they fit:
 *
 *	main.c		reads command lines (terminal, script, -c) and runs them
 *	lex.c		splits a line into words and operators
 *	parse.c		groups tokens into and-or lists of pipelines
 *	expand.c	turns a raw word into its words: quotes, $?, $NAME,
 *			$(command), field splitting, file name patterns
 *	exec.c		runs and-or lists and pipelines (fork, pipe, exec)
 *	jobs.c		the job table and job control: wait, stop, fg, bg
 *	killcmd.c	kill with job specifications (%1, %+, ...)
 *	builtin.c	commands the shell runs itself (exit, jobs, fg, ...)
 */
#ifndef SH_H
#define SH_H

#include <sys/types.h>

#define MAXTOKENS	256	/* tokens in one line */
#define MAXARGS		64	/* words in one command */
#define MAXPIPE		16	/* commands in one pipeline */
#define MAXANDOR	16	/* pipelines in one && / || list */
#define CMDTEXT		128	/* the text of a job that "jobs" shows */
#define MAXREDIR	8	/* redirections of one command */

/* lex.c */
enum token_type { T_WORD, T_PIPE, T_AMP, T_SEMI, T_AND, T_OR, T_LT, T_GT,
	T_GTGT, T_LTAND, T_GTAND, T_END };

struct token {
	enum token_type	type;
	char		*word;		/* T_WORD: the raw text, quotes and all */
	int		fd;		/* a redirection's descriptor, or -1 */
};

int	lex(const char *line, struct token *toks, char **storage);
/* Past the ")" of the $( whose "(" is at s, or of the `...` at s; or NULL. */
const char	*subst_end(const char *s);
const char	*backquote_end(const char *s);

/* parse.c: words here are raw; exec.c expands them just before running. */
struct redir {
	int		fd;		/* the descriptor it sets */
	enum token_type	op;		/* T_LT T_GT T_GTGT T_LTAND T_GTAND */
	char		*word;		/* the file, or the descriptor to copy */
};

struct command {
	char		*argv[MAXARGS + 1];
	int		argc;
	struct redir	redir[MAXREDIR];	/* applied in order */
	int		nredir;
};

struct pipeline {
	struct command	cmd[MAXPIPE];
	int		ncmd;
};

struct andor {
	struct pipeline	pl[MAXANDOR];
	enum token_type	op[MAXANDOR];	/* op[i] joins pl[i] and pl[i + 1] */
	int		npl;
	int		background;
	char		text[CMDTEXT];	/* for job messages */
};

int	parse_andor(struct token *toks, int *pos, struct andor *ao);

/* expand.c */
char	*expand(const char *raw);
/* Expands raw, split into fields and globbed, appending them to *list. */
void	expand_fields(const char *raw, char ***list, int *n);

/* exec.c */
int	run_andor(struct andor *ao);
/*
 * What the command line cmd writes on its standard output, run by a
 * child shell; its exit status goes to last_status. NULL only when out
 * of memory.
 */
char	*command_output(const char *cmd);

/* jobs.c */
struct job;
struct job *job_new(const char *text, pid_t pgid);
void	job_add_proc(struct job *j, pid_t pid);
void	job_drop(struct job *j);
int	job_foreground(struct job *j, int cont);
void	job_background(struct job *j);
void	jobs_notify(void);
void	jobs_hangup(void);
int	builtin_jobs(int argc, char **argv);
int	builtin_fg(int argc, char **argv);
int	builtin_bg(int argc, char **argv);
int	builtin_wait(int argc, char **argv);
int	status_of(int wstatus);
int	job_targets(const char *spec, pid_t *out, int max);

/* killcmd.c */
int	builtin_kill(int argc, char **argv);

/* builtin.c */
typedef int builtin_fn(int, char **);
builtin_fn	*find_builtin(const char *name);
char	**run_as(char **argv);

/* main.c: the shell's state */
extern int	interactive;	/* job control on: a terminal, no script */
extern pid_t	shell_pgid;
extern int	last_status;	/* $? */
extern pid_t	last_bg;	/* $! */
extern char	**pos_args;	/* $0, $1, ... */
extern int	npos_args;

_Noreturn void	sh_exit(int status);
void	run_line(const char *line);

#endif
