/*
 * util_misc.c - the other utilities against their expected output (sh -c
 * LINE): id (for root, for another user through su, for a named user),
 * env, printf (conversions, escapes, reuse of the format, bad numbers),
 * test and [ (files, strings, integers, !, -a, -o, parentheses, POSIX's
 * rules by argument count, syntax errors), hexdump (-C, the default form,
 * squeezed lines, -n, -s), uname and date.
 */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include "lib/ktest.h"
#include "lib/shrun.h"
#include <osreldate.h>

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static const struct sh_case id_env_cases[] = {
	{ "id", 0, "uid=0(root) gid=0(wheel) groups=0(wheel)\n" },
	{ "id -u; id -un; id -g; id -gn", 0, "0\nroot\n0\nwheel\n" },
	{ "su 1000 id -u", 0, "1000\n" },
	{ "su 1000 id -un", 0, "student\n" },
	{ "su 42 id -un", 0, "42\n" },
	{ "id student", 0,
	    "uid=1000(student) gid=1000(student) groups=1000(student)\n" },
	{ "id nosuchuser", 1, "id: nosuchuser: no such user\n" },
	{ "env -i A=1 B=two env", 0, "A=1\nB=two\n" },
	{ "env -i X=5 sh -c 'echo $X'", 0, "5\n" },
	{ "Y=1; env -u Y env | grep -c '^Y='", 1, "0\n" },
	{ "env -i nosuchcommand", 127, "env: nosuchcommand: No such file or "
	    "directory\n" },
};

static const struct sh_case printf_cases[] = {
	{ "printf '%s %d %x %o %c|%5s|%-4d|\\n' str 42 255 8 xyz ab 7", 0,
	    "str 42 ff 10 x|   ab|7   |\n" },
	{ "printf '%.2f %e %g\\n' 3.14159 1234.5 0.0001", 0,
	    "3.14 1.234500e+03 0.0001\n" },
	{ "printf '%s,' a b c; echo", 0, "a,b,c,\n" },
	{ "printf '%d %s\\n' 1 one 2", 0, "1 one\n2 \n" },
	{ "printf 'tab\\there\\\\ \\101\\n'", 0, "tab\there\\ A\n" },
	{ "printf '%b|\\n' 'a\\tb\\0101'", 0, "a\tbA|\n" },
	{ "printf '%*d|%.*s|\\n' 4 7 2 abcdef", 0, "   7|ab|\n" },
	{ "printf '%d\\n' \\'A", 0, "65\n" },
	{ "printf '%i %x\\n' 0x10 010", 0, "16 8\n" },
	{ "printf '%d\\n' 12abc", 1, "printf: 12abc: not completely converted\n"
	    "12\n" },
	{ "printf '%q'", 1, "printf: illegal format character q\n" },
	{ "printf", 1, "usage: printf format [arguments ...]\n" },
};

static const struct sh_case test_cases[] = {
	{ "test -f /etc/group && echo f", 0, "f\n" },
	{ "test -d /bin && [ -d /bin ] && echo d", 0, "d\n" },
	{ "[ -f /bin ] || echo notfile", 0, "notfile\n" },
	{ "[ -e /no/such ]; echo $?", 0, "1\n" },
	{ "[ -x /bin/sh -a -r /etc/group ] && echo xr", 0, "xr\n" },
	{ "[ -w /bin/sh ] || echo readonly", 0, "readonly\n" },
	{ "[ -c /dev/null -a -s /etc/group ] && echo cs", 0, "cs\n" },
	{ "[ abc = abc ] && [ abc != abd ] && echo eq", 0, "eq\n" },
	{ "[ -n '' ] || [ -z '' ] && echo z", 0, "z\n" },
	{ "[ 3 -gt 2 -a 1 -eq 1 ] && echo yes", 0, "yes\n" },
	{ "[ -5 -lt 2 ] && [ 10 -ge 10 ] && [ 1 -ne 2 ] && echo nums", 0,
	    "nums\n" },
	{ "[ ! -e /no/such ] && echo absent", 0, "absent\n" },
	{ "[ 1 -eq 2 -o 2 -eq 2 ] && echo or", 0, "or\n" },
	{ "[ \\( 1 -eq 2 -o 2 -eq 2 \\) -a 3 -eq 3 ] && echo paren", 0,
	    "paren\n" },
	{ "test; echo $?", 0, "1\n" },
	{ "test -n; echo $?", 0, "0\n" },
	{ "test ! ''; echo $?", 0, "0\n" },
	{ "[ a \\< b ] && echo less", 0, "less\n" },
	{ "[ 1 -lt x ]", 2, "test: x: bad number\n" },
	{ "[ 1 = 1", 2, "test: missing ]\n" },
	{ "test 1 -eq", 2, NULL },
};

static const struct sh_case hexdump_cases[] = {
	{ "printf 'ABC' | hexdump -C", 0, "00000000  41 42 43              "
	    "                            |ABC|\n00000003\n" },
	{ "printf 'ABC' | hexdump", 0, "0000000 4241 0043\n0000003\n" },
	{ "printf '0123456789abcdefXY\\n' | hexdump -C", 0,
	    "00000000  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  "
	    "|0123456789abcdef|\n00000010  58 59 0a                      "
	    "                    |XY.|\n00000013\n" },
	{ "printf '%048d' 0 | hexdump -C", 0,
	    "00000000  30 30 30 30 30 30 30 30  30 30 30 30 30 30 30 30  "
	    "|0000000000000000|\n*\n00000030\n" },
	{ "printf 'abcdefgh' | hexdump -C -s 2 -n 3", 0, "00000002  63 64 65  "
	    "                                        |cde|\n00000005\n" },
	{ "hexdump -C /no/such", 1, "hexdump: /no/such: No such file or "
	    "directory\n" },
	{ "printf '' | hexdump -C", 0, "" },
};

static const struct sh_case date_cases[] = {
	{ "date -r 0", 0, "Thu Jan  1 00:00:00 UTC 1970\n" },
	{ "date -u -r 1000000000 '+%F %T %A %j'", 0,
	    "2001-09-09 01:46:40 Sunday 252\n" },
	{ "date -r 86399 +%s", 0, "86399\n" },
	{ "date 0101", 1, "date: cannot set the date: the kernel has no "
	    "call for it\n" },
	{ "date -r x", 1, "date: x: invalid time\n" },
};

static int
test_id_env(void)
{
	return kt_sh_cases(id_env_cases, NELEM(id_env_cases));
}

static int
test_printf(void)
{
	return kt_sh_cases(printf_cases, NELEM(printf_cases));
}

static int
test_test(void)
{
	return kt_sh_cases(test_cases, NELEM(test_cases));
}

static int
test_hexdump(void)
{
	return kt_sh_cases(hexdump_cases, NELEM(hexdump_cases));
}

/* uname's names: the system's, whatever release this is. */
static int
test_uname(void)
{
	static const struct sh_case cases[] = {
		{ "uname", 0, "Kestrel\n" },
		{ "uname -m; uname -p", 0, "i386\ni386\n" },
		{ "uname -sr", 0, "Kestrel " __Kestrel_release "\n" },
		{ "uname -a", 0, "Kestrel kestrel " __Kestrel_release " Kestrel "
		    __Kestrel_release " i386\n" },
		{ "uname -x", 1, NULL },
	};

	return kt_sh_cases(cases, NELEM(cases));
}

/* date without -r shows the real-time clock, in the default format. */
static int
test_date(void)
{
	struct timespec ts;
	char out[128], want[64];
	time_t t;
	int status;

	if (kt_sh_cases(date_cases, NELEM(date_cases)) != 0)
		return 1;
	clock_gettime(CLOCK_REALTIME, &ts);
	status = kt_sh("date '+%Y %j'", out, sizeof(out));
	t = ts.tv_sec;
	strftime(want, sizeof(want), "%Y %j\n", gmtime(&t));
	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0 &&
	    strcmp(out, want) == 0, "date: \"%s\", clock says \"%s\"", out,
	    want);
	return 0;
}

int
main(void)
{
	kt_suite("util_misc");
	kt_run("id_env", test_id_env);
	kt_run("printf", test_printf);
	kt_run("test", test_test);
	kt_run("hexdump", test_hexdump);
	kt_run("uname", test_uname);
	kt_run("date", test_date);
	return kt_finish();
}
