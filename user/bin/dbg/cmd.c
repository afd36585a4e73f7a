/*
 * cmd.c - the command table and how a line becomes a command, gdb's way.
 *
 * A command word is looked up in three steps: gdb's fixed abbreviations
 * ("b", "c", "si", "ni", "bt", "p", "i", ...), then an exact name, then a
 * unique prefix of a name ("cont", "watc"). An ambiguous prefix or an unknown
 * word is a message naming it, as in gdb. "x/4xw" is split at the slash:
 * the format belongs to the arguments. "info" has its own small table.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "dbg.h"

struct command {
	const char	*name;
	void		(*fn)(struct dbg *, char *);
	const char	*help;
};

static void cmd_info(struct dbg *d, char *a);
static void cmd_help(struct dbg *d, char *a);

static const struct command commands[] = {
	{ "attach", cmd_attach, "attach PID: trace a running process" },
	{ "backtrace", cmd_backtrace, "backtrace: the call chain" },
	{ "break", cmd_break, "break SYMBOL|*ADDR: an int3 breakpoint" },
	{ "continue", cmd_continue, "continue: run to a breakpoint or signal" },
	{ "delete", cmd_delete, "delete [N...]: remove breakpoints (or all)" },
	{ "detach", cmd_detach, "detach: let the process go on untraced" },
	{ "file", cmd_file, "file PROG: the program to run and its symbols" },
	{ "finish", cmd_finish, "finish: run until this function returns" },
	{ "handle", cmd_handle, "handle SIG [no]stop|[no]print|[no]pass" },
	{ "hbreak", cmd_hbreak, "hbreak SYMBOL|*ADDR: a debug register one" },
	{ "help", cmd_help, "help: this list" },
	{ "info", cmd_info, "info registers|float|breakpoints|signals" },
	{ "kill", cmd_kill, "kill: end the process" },
	{ "nexti", cmd_nexti, "nexti [N]: one instruction, stepping over calls" },
	{ "print", cmd_print, "print[/FMT] EXPR: a symbol's value ($N = ...)" },
	{ "quit", NULL, "quit: leave (kills a process started by run)" },
	{ "run", cmd_run, "run [PROG] [ARGS]: start the program, traced" },
	{ "rwatch", cmd_rwatch, "rwatch SYMBOL|ADDR [LEN]: a read watchpoint" },
	{ "set", cmd_set, "set $REG = V | set var SYMBOL = V" },
	{ "stepi", cmd_stepi, "stepi [N]: one instruction" },
	{ "watch", cmd_watch, "watch SYMBOL|ADDR [LEN]: a write watchpoint" },
	{ "x", cmd_x, "x/NFU ADDR: examine memory (F: x d u c s, U: b h w g)" },
};
#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static const struct {
	const char	*alias, *name;
} aliases[] = {
	{ "b", "break" }, { "br", "break" }, { "c", "continue" },
	{ "cont", "continue" }, { "fg", "continue" }, { "d", "delete" },
	{ "bt", "backtrace" }, { "where", "backtrace" }, { "p", "print" },
	{ "i", "info" }, { "si", "stepi" }, { "ni", "nexti" },
	{ "fin", "finish" }, { "r", "run" }, { "k", "kill" }, { "q", "quit" },
	{ "exit", "quit" }, { "h", "help" }, { "inspect", "print" },
};

static const struct command info_commands[] = {
	{ "breakpoints", cmd_info_breakpoints, "the breakpoint table" },
	{ "float", cmd_info_float, "the x87 stack and words, SSE registers" },
	{ "registers", cmd_info_registers, "info registers [REG]" },
	{ "signals", cmd_info_signals, "how each signal is handled" },
	{ "watchpoints", cmd_info_breakpoints, "the breakpoint table" },
};
#define NINFO (sizeof(info_commands) / sizeof(info_commands[0]))

char *
cmd_trim(char *s)
{
	char *e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

/* Cut the next blank-separated word off *s; "" when there is none. */
char *
cmd_word(char **s)
{
	char *w = *s;

	while (isspace((unsigned char)*w))
		w++;
	*s = w;
	while (**s != '\0' && !isspace((unsigned char)**s))
		(*s)++;
	if (**s != '\0')
		*(*s)++ = '\0';
	return w;
}

/*
 * Find word in table (exact, then a unique prefix). NULL when there is no
 * match; *ambiguous is set when several names start with it.
 */
static const struct command *
lookup(const struct command *table, size_t n, const char *word, int *ambiguous)
{
	const struct command *found = NULL;
	size_t i, len = strlen(word);
	int matches = 0;

	*ambiguous = 0;
	for (i = 0; i < n; i++) {
		if (strcmp(table[i].name, word) == 0)
			return &table[i];
		if (strncmp(table[i].name, word, len) == 0) {
			found = &table[i];
			matches++;
		}
	}
	if (matches > 1) {
		*ambiguous = 1;
		return NULL;
	}
	return found;
}

static void
print_ambiguous(const struct command *table, size_t n, const char *prefix,
    const char *word)
{
	size_t i, len = strlen(word);
	const char *sep = "";

	printf("Ambiguous %scommand \"%s\": ", prefix, word);
	for (i = 0; i < n; i++)
		if (strncmp(table[i].name, word, len) == 0) {
			printf("%s%s", sep, table[i].name);
			sep = ", ";
		}
	printf(".\n");
}

static void
cmd_info(struct dbg *d, char *a)
{
	const struct command *c;
	char *word = cmd_word(&a);
	int amb;

	if (*word == '\0') {
		printf("List of info subcommands:\n\n");
		for (c = info_commands; c < info_commands + NINFO; c++)
			printf("info %s -- %s\n", c->name, c->help);
		return;
	}
	if (strcmp(word, "b") == 0 || strcmp(word, "br") == 0)
		word = "breakpoints";
	else if (strcmp(word, "r") == 0)
		word = "registers";
	else if (strcmp(word, "handle") == 0)
		word = "signals";
	c = lookup(info_commands, NINFO, word, &amb);
	if (amb)
		print_ambiguous(info_commands, NINFO, "info ", word);
	else if (c == NULL)
		printf("Undefined info command: \"%s\".  Try \"help info\".\n",
		    word);
	else
		c->fn(d, a);
}

static void
cmd_help(struct dbg *d, char *a)
{
	const struct command *c;

	(void)d;
	if (strcmp(cmd_trim(a), "info") == 0) {
		cmd_info(d, a);
		return;
	}
	printf("List of commands (gdb's names; b c si ni bt p x i q and "
	    "unique prefixes work):\n\n");
	for (c = commands; c < commands + NCOMMANDS; c++)
		printf("  %s\n", c->help);
}

/*
 * What an empty line at the terminal repeats after line, as in gdb: stepi,
 * nexti and continue again, x going on from where it stopped; "" for the
 * commands that are not repeated (run, kill, delete, ...).
 */
void
cmd_repeat(const char *line, char *out, size_t len)
{
	static const char *const repeated[] = { "stepi", "nexti", "continue" };
	const struct command *c;
	char word[32];
	size_t i, n;
	int amb;

	out[0] = '\0';
	while (isspace((unsigned char)*line))
		line++;
	n = strcspn(line, " \t/");
	if (n == 0 || n >= sizeof(word))
		return;
	memcpy(word, line, n);
	word[n] = '\0';
	for (i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++)
		if (strcmp(word, aliases[i].alias) == 0)
			strcpy(word, aliases[i].name);
	if ((c = lookup(commands, NCOMMANDS, word, &amb)) == NULL)
		return;
	if (c->fn == cmd_x)	/* the same count again: "x/4" */
		snprintf(out, len, "x%s%.*s", line[n] == '/' ? "/" : "",
		    line[n] == '/' ? (int)strspn(line + n + 1, "0123456789") : 0,
		    line + n + 1);
	for (i = 0; i < sizeof(repeated) / sizeof(repeated[0]); i++)
		if (strcmp(c->name, repeated[i]) == 0)
			snprintf(out, len, "%s", line);
}

/* Run one command line; 1 when it was "quit". */
int
cmd_execute(struct dbg *d, char *line)
{
	const struct command *c;
	char word[32], *args, *start;
	size_t i, len;
	int amb;

	args = cmd_trim(line);
	if (*args == '\0' || *args == '#')
		return 0;
	start = args;
	while (*args != '\0' && !isspace((unsigned char)*args) && *args != '/')
		args++;
	len = args - start;
	if (len >= sizeof(word))
		len = sizeof(word) - 1;
	memcpy(word, start, len);
	word[len] = '\0';
	/* "x/4xw ADDR": the "/4xw" stays with the arguments. */
	if (*args != '\0' && *args != '/')
		args++;
	for (i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++)
		if (strcmp(word, aliases[i].alias) == 0)
			strcpy(word, aliases[i].name);
	c = lookup(commands, NCOMMANDS, word, &amb);
	if (amb)
		print_ambiguous(commands, NCOMMANDS, "", word);
	else if (c == NULL)
		printf("Undefined command: \"%s\".  Try \"help\".\n", word);
	else if (c->fn == NULL)
		return 1;
	else
		c->fn(d, args);
	return 0;
}
