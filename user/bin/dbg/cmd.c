/*
 * cmd.c - the command table and how a line becomes a command, gdb's way.
 *
 * A command word is looked up in three steps: gdb's fixed abbreviations
 * ("b", "c", "s", "n", "si", "ni", "bt", "p", "i", ...), then an exact name,
 * then a unique prefix of a name ("cont", "watc"). An ambiguous prefix or an
 * unknown word is a message naming it, as in gdb; a gdb command dbg lacks
 * says so. "x/4xw" is split at the slash:
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

static void cmd_unsupported(struct dbg *d, char *a);

/* Commands; a NULL help hides one of gdb's that dbg answers "not supported". */
static const struct command commands[] = {
	{ "advance", cmd_advance, "advance LOCATION: run to it (or the return)" },
	{ "attach", cmd_attach, "attach PID: trace a running process" },
	{ "awatch", cmd_awatch, "awatch EXPR: a read/write watchpoint" },
	{ "backtrace", cmd_backtrace, "backtrace [N]: the call chain, arguments" },
	{ "break", cmd_break, "break FUNC|FILE:LINE|LINE|*ADDR: a breakpoint" },
	{ "call", cmd_unsupported, NULL },
	{ "catch", cmd_catch,
	    "catch fork|vfork|exec|syscall [NAME|NUM...]: a catchpoint" },
	{ "commands", cmd_unsupported, NULL },
	{ "condition", cmd_unsupported, NULL },
	{ "continue", cmd_continue, "continue: run to a breakpoint or signal" },
	{ "define", cmd_unsupported, NULL },
	{ "delete", cmd_delete, "delete [N...]: remove breakpoints (or all)" },
	{ "detach", cmd_detach, "detach: let the process go on untraced" },
	{ "disable", cmd_unsupported, NULL },
	{ "disassemble", cmd_disassemble,
	    "disassemble [FUNC|ADDR|START,END]: the instructions" },
	{ "display", cmd_display, "display[/FMT] EXPR: show it at every stop" },
	{ "down", cmd_down, "down [N]: select the frame N below (callee)" },
	{ "enable", cmd_unsupported, NULL },
	{ "file", cmd_file, "file PROG: the program to run and its symbols" },
	{ "finish", cmd_finish, "finish: run until this function returns" },
	{ "frame", cmd_frame, "frame [N]: select frame N, or show this one" },
	{ "handle", cmd_handle, "handle SIG [no]stop|[no]print|[no]pass" },
	{ "hbreak", cmd_hbreak, "hbreak LOCATION: a debug register breakpoint" },
	{ "help", cmd_help, "help: this list" },
	{ "ignore", cmd_unsupported, NULL },
	{ "info", cmd_info, "info SUBCOMMAND: see \"help info\"" },
	{ "jump", cmd_unsupported, NULL },
	{ "kill", cmd_kill, "kill: end the process" },
	{ "list", cmd_list, "list [LINE|FILE:LINE|FUNC|-]: source lines" },
	{ "next", cmd_next, "next [N]: the next source line, over calls" },
	{ "nexti", cmd_nexti, "nexti [N]: one instruction, stepping over calls" },
	{ "output", cmd_output, "output EXPR: its value, no $N, no newline" },
	{ "print", cmd_print, "print[/FMT] EXPR: a C expression's value" },
	{ "ptype", cmd_ptype, "ptype EXPR|TYPE: the type, structs expanded" },
	{ "quit", NULL, "quit: leave (kills a process started by run)" },
	{ "record", cmd_unsupported, NULL },
	{ "return", cmd_unsupported, NULL },
	{ "reverse-continue", cmd_unsupported, NULL },
	{ "reverse-next", cmd_unsupported, NULL },
	{ "reverse-step", cmd_unsupported, NULL },
	{ "run", cmd_run, "run [PROG] [ARGS]: start the program, traced" },
	{ "rwatch", cmd_rwatch, "rwatch EXPR [LEN]: a read watchpoint" },
	{ "set", cmd_set, "set var EXPR = V: assign a variable or $register; "
	    "set follow-fork-mode parent|child" },
	{ "shell", cmd_unsupported, NULL },
	{ "show", cmd_show, "show follow-fork-mode: which side a fork goes on" },
	{ "signal", cmd_unsupported, NULL },
	{ "source", cmd_unsupported, NULL },
	{ "start", cmd_unsupported, NULL },
	{ "step", cmd_step, "step [N]: the next source line, into calls" },
	{ "stepi", cmd_stepi, "stepi [N]: one instruction" },
	{ "tbreak", cmd_tbreak, "tbreak LOCATION: a breakpoint used once" },
	{ "thread", cmd_thread,
	    "thread [N | apply all bt]: select a thread, or every backtrace" },
	{ "undisplay", cmd_undisplay, "undisplay [N...]: stop displaying" },
	{ "until", cmd_until, "until [LOCATION]: next, but not back in a loop" },
	{ "up", cmd_up, "up [N]: select the frame N above (caller)" },
	{ "watch", cmd_watch, "watch EXPR [LEN]: a write watchpoint" },
	{ "whatis", cmd_whatis, "whatis EXPR|TYPE: the type's name" },
	{ "x", cmd_x, "x/NFU ADDR: examine memory (F: x d u c s i, U: b h w g)" },
};
#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

/* gdb's fixed abbreviations, looked up before the unique-prefix rule. */
static const struct {
	const char	*alias, *name;
} aliases[] = {
	{ "b", "break" }, { "br", "break" }, { "c", "continue" },
	{ "cont", "continue" }, { "fg", "continue" }, { "d", "delete" },
	{ "bt", "backtrace" }, { "where", "backtrace" }, { "p", "print" },
	{ "i", "info" }, { "si", "stepi" }, { "ni", "nexti" },
	{ "fin", "finish" }, { "r", "run" }, { "k", "kill" }, { "q", "quit" },
	{ "exit", "quit" }, { "h", "help" }, { "inspect", "print" },
	{ "s", "step" }, { "n", "next" }, { "l", "list" }, { "u", "until" },
	{ "f", "frame" }, { "disas", "disassemble" }, { "dis", "disable" },
	{ "j", "jump" }, { "tb", "tbreak" }, { "adv", "advance" },
};

static const struct command info_commands[] = {
	{ "all-registers", cmd_info_all_registers,
	    "general, x87 and SSE registers" },
	{ "args", cmd_info_args, "the arguments of the selected frame" },
	{ "breakpoints", cmd_info_breakpoints, "the breakpoint table" },
	{ "display", cmd_info_display, "the display expressions" },
	{ "float", cmd_info_float, "the x87 stack and words, SSE registers" },
	{ "frame", cmd_info_frame, "the selected frame: addresses, saved regs" },
	{ "locals", cmd_info_locals, "the local variables of the frame" },
	{ "registers", cmd_info_registers, "info registers [REG]" },
	{ "signals", cmd_info_signals, "how each signal is handled" },
	{ "stack", cmd_backtrace, "the call chain (backtrace)" },
	{ "symbol", cmd_info_symbol, "info symbol ADDR: the symbol there" },
	{ "threads", cmd_info_threads, "the threads, the selected one marked *" },
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
	else if (strcmp(word, "f") == 0)
		word = "frame";
	else if (strcmp(word, "s") == 0)
		word = "stack";
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
	printf("List of commands (gdb's names; b c s n si ni bt p x i l f u q "
	    "and unique prefixes work):\n\n");
	for (c = commands; c < commands + NCOMMANDS; c++)
		if (c->help != NULL)
			printf("  %s\n", c->help);
}

static void
cmd_unsupported(struct dbg *d, char *a)
{
	(void)d;
	(void)a;
	printf("\"%s\" is not supported by dbg.\n", d->cmd_name);
}

/*
 * What an empty line at the terminal repeats after line, as in gdb: stepi,
 * nexti and continue again, x going on from where it stopped; "" for the
 * commands that are not repeated (run, kill, delete, ...).
 */
void
cmd_repeat(const char *line, char *out, size_t len)
{
	static const char *const repeated[] = { "stepi", "nexti", "continue",
	    "step", "next", "until", "list" };
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
	else {
		d->cmd_name = c->name;
		c->fn(d, args);
	}
	return 0;
}
