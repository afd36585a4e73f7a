/*
 * test, [ - evaluate an expression: test expression, or [ expression ].
 * The exit status is 0 for true, 1 for false and 2 for a bad expression.
 *
 *	-e -f -d -r -w -x -s -c -p -h -L -S -b file, -t fd
 *	-n string, -z string, string
 *	s1 = s2, s1 != s2, s1 < s2, s1 > s2 (bytewise)
 *	n1 -eq -ne -lt -le -gt -ge n2 (integers)
 *	! expr, expr -a expr, expr -o expr, ( expr )
 *
 * POSIX fixes the meaning of one to four arguments by their count (so
 * "test -n" is true: one non-empty string); longer expressions are parsed
 * with -o binding loosest, then -a, then !. The same program is /bin/test
 * and /bin/[, told apart by its name; [ wants a closing ].
 */
#include <sys/stat.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char **tok;		/* the next argument */
static int ntok;		/* arguments left */

static _Noreturn void
syntax(const char *msg, const char *arg)
{
	if (arg != NULL)
		fprintf(stderr, "test: %s: %s\n", arg, msg);
	else
		fprintf(stderr, "test: %s\n", msg);
	exit(2);
}

static const char *
take(void)
{
	if (ntok == 0)
		syntax("argument expected", NULL);
	ntok--;
	return *tok++;
}

static long long
integer(const char *s)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	while (*end == ' ' || *end == '\t')
		end++;
	if (*s == '\0' || *end != '\0' || errno == ERANGE)
		syntax("bad number", s);
	return v;
}

static int
is_unary(const char *s)
{
	return s[0] == '-' && s[1] != '\0' && s[2] == '\0' &&
	    strchr("edfrwxscphLSbtnz", s[1]) != NULL;
}

static int
is_binary(const char *s)
{
	static const char *const ops[] = { "=", "!=", "<", ">", "-eq", "-ne",
	    "-lt", "-le", "-gt", "-ge", NULL };
	int i;

	for (i = 0; ops[i] != NULL; i++)
		if (strcmp(s, ops[i]) == 0)
			return 1;
	return 0;
}

static int
unary(int op, const char *arg)
{
	struct stat st;

	switch (op) {
	case 'n':
		return arg[0] != '\0';
	case 'z':
		return arg[0] == '\0';
	case 't':
		return isatty((int)integer(arg));
	case 'r':
		return access(arg, R_OK) == 0;
	case 'w':
		return access(arg, W_OK) == 0;
	case 'x':
		return access(arg, X_OK) == 0;
	}
	if ((op == 'h' || op == 'L' ? lstat(arg, &st) : stat(arg, &st)) == -1)
		return 0;
	switch (op) {
	case 'f':
		return S_ISREG(st.st_mode);
	case 'd':
		return S_ISDIR(st.st_mode);
	case 's':
		return st.st_size > 0;
	case 'c':
		return S_ISCHR(st.st_mode);
	case 'p':
		return S_ISFIFO(st.st_mode);
	case 'h':
	case 'L':
		return S_ISLNK(st.st_mode);
	case 'S':
		return (st.st_mode & S_IFMT) == 0140000;
	case 'b':
		return (st.st_mode & S_IFMT) == 0060000;
	default:		/* 'e' */
		return 1;
	}
}

static int
binary(const char *a, const char *op, const char *b)
{
	long long x, y;

	if (strcmp(op, "=") == 0)
		return strcmp(a, b) == 0;
	if (strcmp(op, "!=") == 0)
		return strcmp(a, b) != 0;
	if (strcmp(op, "<") == 0)
		return strcmp(a, b) < 0;
	if (strcmp(op, ">") == 0)
		return strcmp(a, b) > 0;
	x = integer(a);
	y = integer(b);
	if (strcmp(op, "-eq") == 0)
		return x == y;
	if (strcmp(op, "-ne") == 0)
		return x != y;
	if (strcmp(op, "-lt") == 0)
		return x < y;
	if (strcmp(op, "-le") == 0)
		return x <= y;
	if (strcmp(op, "-gt") == 0)
		return x > y;
	return x >= y;
}

static int oexpr(void);

static int
primary(void)
{
	const char *a = take(), *op;
	int r;

	if (strcmp(a, "(") == 0) {
		r = oexpr();
		if (ntok == 0 || strcmp(take(), ")") != 0)
			syntax("closing paren expected", NULL);
		return r;
	}
	if (ntok >= 2 && is_binary(tok[0])) {
		op = take();
		return binary(a, op, take());
	}
	if (is_unary(a) && ntok >= 1)
		return unary(a[1], take());
	return a[0] != '\0';
}

static int
nexpr(void)
{
	if (ntok > 0 && strcmp(tok[0], "!") == 0 &&
	    !(ntok >= 3 && is_binary(tok[1]))) {
		take();
		return !nexpr();
	}
	return primary();
}

static int
aexpr(void)
{
	int r = nexpr();

	while (ntok > 0 && strcmp(tok[0], "-a") == 0) {
		take();
		r = nexpr() && r;
	}
	return r;
}

static int
oexpr(void)
{
	int r = aexpr();

	while (ntok > 0 && strcmp(tok[0], "-o") == 0) {
		take();
		r = aexpr() || r;
	}
	return r;
}

static int by_count(void);

/* "! rest", rest judged by its own count; -1 if that has no rule either. */
static int
negate(void)
{
	int r;

	tok++;
	ntok--;
	r = by_count();
	return r < 0 ? -1 : !r;
}

/*
 * POSIX's rules for up to four arguments, which no grammar gives: the
 * result, or -1 where the general parser must decide.
 */
static int
by_count(void)
{
	switch (ntok) {
	case 0:
		return 0;
	case 1:
		return tok[0][0] != '\0';
	case 2:
		if (strcmp(tok[0], "!") == 0)
			return tok[1][0] == '\0';
		if (is_unary(tok[0]))
			return unary(tok[0][1], tok[1]);
		break;
	case 3:
		if (is_binary(tok[1]))
			return binary(tok[0], tok[1], tok[2]);
		if (strcmp(tok[0], "!") == 0)
			return negate();
		if (strcmp(tok[0], "(") == 0 && strcmp(tok[2], ")") == 0)
			return tok[1][0] != '\0';
		break;
	case 4:
		if (strcmp(tok[0], "!") == 0)
			return negate();
		break;
	}
	return -1;
}

int
main(int argc, char *argv[])
{
	const char *name = strrchr(argv[0], '/');
	int r, n;

	name = name != NULL ? name + 1 : argv[0];
	if (strcmp(name, "[") == 0) {
		if (argc < 2 || strcmp(argv[argc - 1], "]") != 0)
			syntax("missing ]", NULL);
		argc--;
	}
	tok = argv + 1;
	ntok = argc - 1;
	n = ntok;
	if ((r = by_count()) >= 0 && n <= 4)
		return !r;
	tok = argv + 1;
	ntok = n;
	r = oexpr();
	if (ntok != 0)
		syntax("unexpected operator", tok[0]);
	return !r;
}
