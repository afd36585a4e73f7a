/*
 * proc_sh.c - the shell and the utilities, run the way a user runs them:
 * `sh -c LINE` with its output captured. Exit statuses and $?, pipelines,
 * && || ;, quoting, variables, a command that is not there, a child killed
 * by a signal, su; assignments before a command, field splitting, ~,
 * export and unset, command substitution; file name patterns, redirections with descriptor
 * numbers, job specifications in kill and wait; then ls, cat, echo, ps,
 * kill, sleep, true and false.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/kinfo.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "lib/ktest.h"
#include "lib/shrun.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static char out[4096];

static int
sh(const char *line)
{
	return kt_sh(line, out, sizeof(out));
}

static const struct sh_case lines[] = {
	{ "exit 3", 3, "" },
	{ "true", 0, "" },
	{ "false", 1, "" },
	{ "false; echo $?", 0, "1\n" },
	{ "true; echo $?", 0, "0\n" },
	{ "sh -c 'exit 7'; echo $?", 0, "7\n" },
	{ "sh -c 'kill -9 $$'; echo $?", 0, "Killed\n137\n" },
	{ "echo hello | cat", 0, "hello\n" },
	{ "echo a b c | cat | cat | cat", 0, "a b c\n" },
	{ "true | false", 1, "" },
	{ "false | true", 0, "" },
	{ "false && echo no || echo yes", 0, "yes\n" },
	{ "true && echo yes", 0, "yes\n" },
	{ "echo 1; echo 2; exit 4", 4, "1\n2\n" },
	{ "echo 'a  b' \"c  d\" e\\ f", 0, "a  b c  d e f\n" },
	{ "X=5; echo $X", 0, "5\n" },
	{ "echo $$ > /dev/null", 0, "" },
	{ "cat < /test/badelf/not_elf", 0, "this is not a program\n" },
	{ "cat /test/badelf/not_elf /test/badelf/not_elf | cat", 0,
	    "this is not a program\nthis is not a program\n" },
	{ "no_such_command", 127, NULL },
	{ "sleep 0 & wait; echo done", 0, "done\n" },
	{ "kill -0 $$ && echo alive", 0, "alive\n" },
	{ "su 100 kill -0 1", 1, NULL },
	{ "su 100 sh -c 'exit 5'; echo $?", 0, "5\n" },
};

/* File name patterns: sorted matches, quoted or unmatched ones literal. */
static const struct sh_case globbing[] = {
	{ "echo /etc/p*", 0, "/etc/passwd\n" },
	{ "echo /etc/*o*", 0, "/etc/demo.dbg /etc/group\n" },
	{ "echo /bin/[tu]?ue /bin/?at", 0, "/bin/true /bin/cat\n" },
	{ "echo '/etc/*' \"/etc/p*\" /etc/p\\*", 0, "/etc/* /etc/p* /etc/p*\n" },
	{ "echo /etc/nomatch* x[", 0, "/etc/nomatch* x[\n" },
	{ "X='/etc/g*'; echo $X \"$X\"", 0, "/etc/group /etc/g*\n" },
	{ "cat /etc/gr*p | wc -l", 0, "       4\n" },
};

/* < > >> and descriptor numbers; writing needs a writable file. */
static const struct sh_case redirections[] = {
	{ "ls /nonexistent 2>&1 | cat", 0,
	    "ls: /nonexistent: No such file or directory\n" },
	{ "ls /nonexistent 2>/dev/null; echo $?", 0, "1\n" },
	{ "echo to-err 1>&2 2>/dev/null", 0, "to-err\n" },
	{ "echo hi >/etc/new", 1, "sh: /etc/new: Read-only file system\n" },
	{ "echo hi >>/etc/group", 1, "sh: /etc/group: Read-only file system\n" },
	{ "echo gone >/dev/null; echo ok >>/dev/null; echo done", 0, "done\n" },
	{ "wc -l </etc/group", 0, "       4\n" },
	{ "cat </no/such", 1, "sh: /no/such: No such file or directory\n" },
	{ "echo x 2>&9", 1, "sh: 9: bad file descriptor\n" },
	{ "cat /etc/group >&-", 1, NULL },
	{ "echo a 2>&1 >/dev/null | cat", 0, "" },
};

/* Job specifications in kill and wait (no job control under sh -c). */
static const struct sh_case jobspecs[] = {
	{ "sleep 5 & kill %1; wait %1; echo $?", 0, "143\n" },
	{ "sleep 5 & kill -KILL %sleep; wait $!; echo $?", 0, "137\n" },
	{ "sleep 5 & sleep 6 & kill %- %+; wait; echo $?", 0, "0\n" },
	{ "sleep 5 & kill -s TERM %?eep; wait %%; echo $?", 0, "143\n" },
	{ "kill %3", 1, "sh: kill: %3: no such job\n" },
	{ "sleep 5 & sleep 5 & kill %sleep; echo $?; kill %1 %2", 0,
	    "sh: kill: %sleep: ambiguous job specification\n1\n" },
	{ "true & fg %1", 1, "sh: fg: no job control\n" },
	{ "wait %9; echo $?", 0, "sh: wait: %9: no such job\n127\n" },
};

/*
 * Assignments before a command (its environment only), field splitting
 * of unquoted expansions at $IFS, empty words, $@ and $*, ~, export and
 * unset.
 */
static const struct sh_case variables[] = {
	{ "X=1 env | grep ^X=; echo [$X]", 0, "X=1\n[]\n" },
	{ "X=old; X=new sh -c 'echo $X'; echo $X", 0, "new\nold\n" },
	{ "A=1 B=2; echo $A$B", 0, "12\n" },
	{ "X=a; Y=$X.b Z=c env | grep '^[YZ]='", 0, "Y=a.b\nZ=c\n" },
	{ "H=$HOME; HOME=/etc cd; pwd; test \"$HOME\" = \"$H\" && echo same",
	    0, "/etc\nsame\n" },
	{ "X='1  2'; Y=$X; printf '[%s]' \"$Y\"; echo", 0, "[1  2]\n" },
	{ "X=' a  b c '; printf '[%s]' $X \"$X\"; echo", 0,
	    "[a][b][c][ a  b c ]\n" },
	{ "E=; printf '[%s]' $E x \"\" $E''; echo", 0, "[x][][]\n" },
	{ "IFS=:; P=a::b; printf '[%s]' $P 'c d'; echo", 0, "[a][][b][c d]\n" },
	{ "X='/etc/g* /etc/p*'; echo $X", 0, "/etc/group /etc/passwd\n" },
	{ "sh -c 'printf \"[%s]\" \"$@\" $*; echo' s 'a b' c", 0,
	    "[a b][c][a][b][c]\n" },
	{ "HOME=/etc; echo ~ ~/group '~' a~", 0, "/etc /etc/group ~ a~\n" },
	{ "echo ~student ~nobody/x", 0, "/ //x\n" },
	{ "export Y=7; sh -c 'echo $Y'; unset Y; sh -c 'echo [$Y]'", 0,
	    "7\n[]\n" },
	{ "export 1x", 1, "sh: export: 1x: bad variable name\n" },
	{ "unset 'a b'", 1, "sh: unset: a b: bad variable name\n" },
};

/* $(...) and `...`: output, newlines, splitting, nesting, status. */
static const struct sh_case substitutions[] = {
	{ "echo $(echo a; echo b) c", 0, "a b c\n" },
	{ "X=$(echo 'x  y'); echo \"$X\"", 0, "x  y\n" },
	{ "echo \"[$(printf 'a\\n\\n\\n')]\"", 0, "[a]\n" },
	{ "X=$(exit 3); echo $?", 0, "3\n" },
	{ "echo $(echo $(echo nested) twice)", 0, "nested twice\n" },
	{ "X=1; echo `echo back` `echo \\$X` $(echo \\$X)", 0,
	    "back 1 $X\n" },
	{ "n=$(wc -l < /etc/group); echo $n", 0, "4\n" },
	{ "echo $(echo '/etc/p*') \"$(echo '/etc/p*')\"", 0,
	    "/etc/passwd /etc/p*\n" },
	{ "echo \"$(echo \")\")\" $(echo '(x)')", 0, ") (x)\n" },
	{ "cd /tmp; echo $(pwd)", 0, "/tmp\n" },
	{ "echo $(no_such_command)[$?]", 0,
	    "sh: no_such_command: not found\n[127]\n" },
	{ "echo $(echo a", 2, "sh: a quote or a $( is not closed\n" },
};

static int
test_substitutions(void)
{
	return kt_sh_cases(substitutions, NELEM(substitutions));
}

static int
test_variables(void)
{
	return kt_sh_cases(variables, NELEM(variables));
}

static int
test_globbing(void)
{
	return kt_sh_cases(globbing, NELEM(globbing));
}

static int
test_redirections(void)
{
	return kt_sh_cases(redirections, NELEM(redirections));
}

static int
test_jobspecs(void)
{
	return kt_sh_cases(jobspecs, NELEM(jobspecs));
}

static int
test_lines(void)
{
	return kt_sh_cases(lines, NELEM(lines));
}

/* The shell itself dies of a signal: the status says so. */
static int
test_shell_killed(void)
{
	int status = sh("kill -TERM $$; sleep 5");

	KT_CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM,
	    "status %#x, expected death by SIGTERM", status);
	return 0;
}

static int
test_ls(void)
{
	static const char *const want[] = { "cat\n", "echo\n", "init\n",
	    "kill\n", "ls\n", "ps\n", "sh\n", "sleep\n", "true\n", "false\n" };
	unsigned i;
	int status = sh("ls /bin");

	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "ls: status %#x", status);
	for (i = 0; i < NELEM(want); i++) {
		const char *p = strstr(out, want[i]);

		KT_CHECK(p != NULL && (p == out || p[-1] == '\n'),
		    "ls /bin does not list %.*s", (int)strlen(want[i]) - 1,
		    want[i]);
	}
	status = sh("ls /no/such/dir");
	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) != 0,
	    "ls of a missing directory: status %#x", status);
	status = sh("ls -l /test/badelf/good");
	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0 &&
	    strncmp(out, "-rwxr-xr-x", 10) == 0, "ls -l: \"%.60s\"", out);
	return 0;
}

static int
test_cat_echo(void)
{
	int status = sh("echo one two   three");

	KT_CHECK(WIFEXITED(status) && strcmp(out, "one two three\n") == 0,
	    "echo: \"%s\"", out);
	status = sh("echo -n x; echo y");
	KT_CHECK(strcmp(out, "xy\n") == 0, "echo -n: \"%s\"", out);
	status = sh("cat /no/such/file");
	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) != 0 &&
	    strstr(out, "/no/such/file") != NULL,
	    "cat of a missing file: status %#x, \"%.60s\"", status, out);
	status = sh("echo piped | cat - ");
	KT_CHECK(strcmp(out, "piped\n") == 0, "cat -: \"%s\"", out);
	return 0;
}

/* ps lists itself and its shell; kill signals by name and number. */
static int
test_ps_kill(void)
{
	int status = sh("ps");

	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "ps: status %#x", status);
	KT_CHECK(strncmp(out, "  PID  PPID STAT   UID COMMAND\n", 31) == 0,
	    "ps header: \"%.40s\"", out);
	KT_CHECK(strstr(out, " ps\n") != NULL && strstr(out, " sh\n") != NULL &&
	    strstr(out, " init\n") != NULL, "ps output lacks ps, sh or init:\n%s",
	    out);
	status = sh("sleep 10 & kill -KILL $!; wait $!; echo $?");
	KT_CHECK(strcmp(out, "137\n") == 0, "kill -KILL: \"%s\"", out);
	status = sh("sleep 10 & kill -15 $!; wait $!; echo $?");
	KT_CHECK(strcmp(out, "143\n") == 0, "kill -15: \"%s\"", out);
	status = sh("sleep 10 & kill $!; wait $!; echo $?");
	KT_CHECK(strcmp(out, "143\n") == 0, "kill (SIGTERM): \"%s\"", out);
	status = sh("kill -9 99998");
	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) != 0,
	    "kill of no such pid: status %#x", status);
	return 0;
}

static int
test_sleep(void)
{
	struct timespec t0, t1;
	long ms;
	int status;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	status = sh("sleep 1");
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "sleep: status %#x", status);
	KT_CHECK(ms >= 1000 && ms < 3000, "sleep 1 took %ld ms", ms);
	status = sh("sleep x");
	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) != 0,
	    "sleep x: status %#x", status);
	return 0;
}

int
main(void)
{
	kt_suite("proc_sh");
	kt_run("lines", test_lines);
	kt_run("variables", test_variables);
	kt_run("substitutions", test_substitutions);
	kt_run("globbing", test_globbing);
	kt_run("redirections", test_redirections);
	kt_run("jobspecs", test_jobspecs);
	kt_run("shell_killed", test_shell_killed);
	kt_run("ls", test_ls);
	kt_run("cat_echo", test_cat_echo);
	kt_run("ps_kill", test_ps_kill);
	kt_run("sleep", test_sleep);
	return kt_finish();
}
