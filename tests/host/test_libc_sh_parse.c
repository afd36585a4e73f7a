// SOURCES: user/bin/sh/lex.c user/bin/sh/parse.c user/bin/sh/expand.c
/*
 * test_libc_sh_parse.c - the shell's front end (user/bin/sh: lex.c,
 * parse.c, expand.c) on the host: how lines split into tokens, and-or
 * lists and pipelines, redirections and their descriptors, what words
 * expand to, file name patterns (in a scratch directory, with quoted
 * characters kept literal and unmatched patterns left as they are), and
 * which lines are syntax errors; command substitution with a stand-in
 * for the child shell (tests/os/proc_sh.c runs real ones). (Named test_libc_* because it tests user-space code that ships
 * with the library.)
 */
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "bin/sh/sh.h"

/* The shell state expand.c reads, normally owned by main.c. */
int interactive;
pid_t shell_pgid;
int last_status = 3;
pid_t last_bg = 77;
static char *args[] = { "script", "one", "two", NULL };
char **pos_args = args;
int npos_args = 3;

_Noreturn void
sh_exit(int status)
{
	printf("FAIL sh_exit called with %d\n", status);
	exit(1);
}

/*
 * exec.c's command_output, stood in for: "[cmd]" and two newlines, so a
 * test sees which command would have run and that the newlines go.
 */
char *
command_output(const char *cmd)
{
	size_t size = strlen(cmd) + 5;
	char *out = malloc(size);

	last_status = 9;
	if (out != NULL)
		snprintf(out, size, "[%s]\n\n", cmd);
	return out;
}

#include "check.h"

static struct andor ao;

/* Parses line; describes it as "pipelines|commands|words;..." in out. */
static int
shape(const char *line, char *out, size_t size)
{
	struct token toks[MAXTOKENS];
	char *storage;
	static const char *const ops[] = { [T_LT] = "<", [T_GT] = ">",
	    [T_GTGT] = ">>", [T_LTAND] = "<&", [T_GTAND] = ">&" };
	int pos = 0, r, i, k, n;
	const struct command *c;

	out[0] = '\0';
	if (lex(line, toks, &storage) == -1) {
		free(storage);
		return -1;
	}
	while ((r = parse_andor(toks, &pos, &ao)) == 0) {
		snprintf(out + strlen(out), size - strlen(out), "%s%d:",
		    ao.background ? "&" : "", ao.npl);
		for (i = 0; i < ao.npl; i++)
			for (k = 0; k < ao.pl[i].ncmd; k++) {
				c = &ao.pl[i].cmd[k];
				snprintf(out + strlen(out), size - strlen(out),
				    "%d", c->argc);
				for (n = 0; n < c->nredir; n++)
					snprintf(out + strlen(out), size -
					    strlen(out), "[%d%s%s]", c->redir[n].fd,
					    ops[c->redir[n].op], c->redir[n].word);
				strncat(out, " ", size - strlen(out) - 1);
			}
		strncat(out, ";", size - strlen(out) - 1);
	}
	free(storage);
	return r;
}

static void
structure(const char *name, const char *line, const char *want)
{
	char got[256], detail[400];
	int r = shape(line, got, sizeof(got));

	snprintf(detail, sizeof(detail), "\"%s\": got \"%s\", want \"%s\"",
	    line, got, want);
	check(name, r == 1 && strcmp(got, want) == 0, detail);
}

static void
bad(const char *name, const char *line)
{
	char got[256];

	check(name, shape(line, got, sizeof(got)) == -1, line);
}

static void
expands(const char *name, const char *raw, const char *want)
{
	char *got = expand(raw), detail[300];

	snprintf(detail, sizeof(detail), "[%s] gave [%s], want [%s]", raw, got,
	    want);
	check(name, strcmp(got, want) == 0, detail);
	free(got);
}

/*
 * Expands raw into fields, split and globbed; the words joined by a
 * space (pathnames), or each in brackets when fields is set.
 */
static void
expand_list(const char *name, const char *raw, int fields, const char *want)
{
	char **list = NULL, got[256] = "", detail[400];
	int n = 0, i;

	expand_fields(raw, &list, &n);
	for (i = 0; i < n; i++) {
		snprintf(got + strlen(got), sizeof(got) - strlen(got),
		    fields ? "[%s]" : i > 0 ? " %s" : "%s", list[i]);
		free(list[i]);
	}
	free(list);
	snprintf(detail, sizeof(detail), "[%s] gave [%s], want [%s]", raw, got,
	    want);
	check(name, strcmp(got, want) == 0, detail);
}

static void
globs(const char *name, const char *raw, const char *want)
{
	expand_list(name, raw, 0, want);
}

static void
fields(const char *name, const char *raw, const char *want)
{
	expand_list(name, raw, 1, want);
}

/* Field splitting, $@ and $*, empty words, ~. */
static void
test_fields(void)
{
	char want[300];

	setenv("SPL", "  a b\t c  ", 1);
	setenv("EMPTY", "", 1);
	setenv("HOME", "/home/me", 1);
	unsetenv("IFS");
	fields("sh_split_plain", "$SPL", "[a][b][c]");
	fields("sh_split_quoted", "\"$SPL\"", "[  a b\t c  ]");
	fields("sh_split_joined", "x${SPL}y", "[x][a][b][c][y]");
	fields("sh_split_literal_spaces", "'a b'", "[a b]");
	fields("sh_split_unset_vanishes", "$SHUNSET", "");
	fields("sh_split_empty_vanishes", "$EMPTY", "");
	fields("sh_split_empty_quoted", "\"$EMPTY\"", "[]");
	fields("sh_split_empty_quotes_count", "''$EMPTY", "[]");
	fields("sh_split_args_at", "$@", "[one][two]");
	fields("sh_split_args_at_quoted", "<\"$@\">", "[<one][two>]");
	fields("sh_split_args_star_quoted", "\"$*\"", "[one two]");
	setenv("IFS", ":", 1);
	setenv("SPL", "a::b:", 1);
	fields("sh_split_ifs_empty_fields", "$SPL", "[a][][b]");
	setenv("IFS", " :", 1);
	setenv("SPL", " a : b ", 1);
	fields("sh_split_ifs_mixed", "$SPL", "[a][b]");
	setenv("IFS", "", 1);
	fields("sh_split_ifs_null", "$SPL", "[ a : b ]");
	unsetenv("IFS");
	fields("sh_tilde", "~/x", "[/home/me/x]");
	fields("sh_tilde_alone", "~", "[/home/me]");
	fields("sh_tilde_quoted", "'~'/x", "[~/x]");
	fields("sh_tilde_not_first", "a~", "[a~]");
	snprintf(want, sizeof(want), "[%s]", getpwnam("root") != NULL ?
	    getpwnam("root")->pw_dir : "~root");
	fields("sh_tilde_user", "~root", want);
	fields("sh_tilde_nobody", "~nosuchuser/x", "[~nosuchuser/x]");
}

/* $(...) and `...`, with the stand-in command_output above. */
static void
test_substitution(void)
{
	last_status = 0;
	expands("sh_subst", "<$(echo hi)>", "<[echo hi]>");
	check("sh_subst_status", last_status == 9, "$? not the command's");
	expands("sh_subst_quoted", "\"$(a  b)\"", "[a  b]");
	fields("sh_subst_split", "$(a  b)", "[[a][b]]");
	fields("sh_subst_quoted_field", "\"$(a  b)\"", "[[a  b]]");
	expands("sh_subst_nested", "$(a $(b) c)", "[a $(b) c]");
	expands("sh_backquote", "`echo \\$x \\` \\q`", "[echo $x ` \\q]");
	expands("sh_subst_single_quoted", "'$(a)'", "$(a)");
}

static void
test_glob(void)
{
	static const char *const files[] = { "b1", "a2", "a1", "a*", ".hid",
	    "sub/x" };
	char dir[] = "/tmp/kestrel-shglob-XXXXXX", cmd[64];
	unsigned i;
	int fd;

	if (mkdtemp(dir) == NULL || chdir(dir) != 0 || mkdir("sub", 0755) != 0) {
		check("sh_glob", 0, "no scratch directory");
		return;
	}
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		if ((fd = open(files[i], O_WRONLY | O_CREAT, 0644)) >= 0)
			close(fd);
	globs("sh_glob_star", "a*", "a* a1 a2");
	globs("sh_glob_all", "*", "a* a1 a2 b1 sub");
	globs("sh_glob_question", "?1", "a1 b1");
	globs("sh_glob_set", "[ab]2", "a2");
	globs("sh_glob_dir", "s*/*", "sub/x");
	globs("sh_glob_hidden", ".h*", ".hid");
	globs("sh_glob_none", "z*", "z*");
	globs("sh_glob_quoted", "'a'*", "a* a1 a2");
	globs("sh_glob_quoted_star", "a'*'", "a*");
	globs("sh_glob_escaped_star", "a\\*", "a*");
	globs("sh_glob_dq_star", "\"*\"", "*");
	setenv("SHPAT", "b*", 1);
	globs("sh_glob_from_variable", "$SHPAT", "b1");
	globs("sh_glob_quoted_variable", "\"$SHPAT\"", "b*");
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	if (chdir("/") != 0 || system(cmd) != 0)
		printf("# could not remove %s\n", dir);
}

int
main(void)
{
	char pid[32];

	structure("sh_simple", "ls -l /bin", "1:3 ;");
	structure("sh_pipeline", "a | b c | d", "1:1 2 1 ;");
	structure("sh_lists", "a; b & c", "1:1 ;&1:1 ;1:1 ;");
	structure("sh_andor", "a && b || c d &", "&3:1 1 2 ;");
	structure("sh_redirect", "cat < in > out", "1:1[0<in][1>out] ;");
	structure("sh_redirect_fd", "cmd 2>err 2>&1 >>log 0<&- x",
	    "1:2[2>err][2>&1][1>>log][0<&-] ;");
	structure("sh_redirect_not_fd", "echo a2>f 2 >g", "1:3[1>f][1>g] ;");
	structure("sh_newline", "a\nb", "1:1 ;1:1 ;");
	structure("sh_comment", "echo hi # not | this", "1:2 ;");
	structure("sh_quoted_ops", "echo 'a|b' \"c;d\" e\\&f", "1:4 ;");
	structure("sh_no_spaces", "a|b&&c;d", "2:1 1 1 ;1:1 ;");
	structure("sh_empty", "   ", "");
	bad("sh_err_pipe_end", "a |");
	bad("sh_err_leading_op", "| a");
	bad("sh_err_double_semi", "a ;; b");
	bad("sh_err_andand_end", "a &&");
	bad("sh_err_redirect", "cat <");
	bad("sh_err_redirect_dup", "cat 2>&");
	bad("sh_err_redirect_op", "cat > | x");
	bad("sh_err_quote", "echo 'unterminated");
	bad("sh_err_subst", "echo $(a b");
	bad("sh_err_subst_nested", "echo $(a $(b)");
	bad("sh_err_backquote", "echo `a");
	structure("sh_subst_one_word", "echo $(a | b; c > d) e", "1:3 ;");
	structure("sh_subst_quotes_inside", "x \"$(echo \")\")\" y", "1:3 ;");
	structure("sh_subst_parens", "x $( (a) ')' \\) )z", "1:2 ;");
	structure("sh_backquote_one_word", "echo `a | b` c", "1:3 ;");

	setenv("SHTEST", "val ue", 1);
	unsetenv("SHUNSET");
	snprintf(pid, sizeof(pid), "%d", (int)getpid());
	expands("sh_expand_plain", "word", "word");
	expands("sh_expand_single", "'$SHTEST \\n'", "$SHTEST \\n");
	expands("sh_expand_double", "\"a $SHTEST b\"", "a val ue b");
	expands("sh_expand_var", "x$SHTEST.y", "xval ue.y");
	expands("sh_expand_braced", "${SHTEST}s", "val ues");
	expands("sh_expand_unset", "[$SHUNSET]", "[]");
	expands("sh_expand_status", "$?", "3");
	expands("sh_expand_bgpid", "$!", "77");
	expands("sh_expand_pid", "$$", pid);
	expands("sh_expand_args", "$0-$1-$2-$3-$#", "script-one-two--2");
	expands("sh_expand_backslash", "a\\ b\\$c", "a b$c");
	expands("sh_expand_dq_backslash", "\"\\$x \\q \\\"\"", "$x \\q \"");
	expands("sh_expand_lone_dollar", "$ and $", "$ and $");
	expands("sh_expand_mixed", "'a'\"b\"c", "abc");
	test_fields();
	test_substitution();
	test_glob();
	return failures != 0;
}
