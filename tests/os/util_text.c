/*
 * util_text.c - the text utilities against their expected output, run as
 * a user runs them (sh -c LINE): wc, head, tail, grep, sort, uniq and tee,
 * with the options a student reaches for first, their old forms, several
 * files, input from a pipe, and their errors and exit statuses. Inputs
 * come from printf or from /etc/group, whose contents are fixed.
 */
#include "lib/ktest.h"
#include "lib/shrun.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* /etc/group, for reference:
 *	wheel:*:0:root
 *	daemon:*:1:
 *	student:*:1000:student
 *	nobody:*:65534:
 */

static const struct sh_case wc_cases[] = {
	{ "printf 'one two\\nthree\\n' | wc", 0, "       2       3      14\n" },
	{ "printf 'x' | wc -l", 0, "       0\n" },
	{ "printf 'a\\nb\\n' | wc -cl", 0, "       2       4\n" },
	{ "printf '  a\\tb  c\\n\\n' | wc -w", 0, "       3\n" },
	{ "wc -l /etc/group /etc/group", 0,
	    "       4 /etc/group\n       4 /etc/group\n       8 total\n" },
	{ "wc -c /etc/group", 0, "      66 /etc/group\n" },
	{ "wc /no/such", 1, "wc: /no/such: No such file or directory\n" },
	{ "wc -z", 1, NULL },
};

static const struct sh_case head_tail_cases[] = {
	{ "printf '1\\n2\\n3\\n' | head -n 2", 0, "1\n2\n" },
	{ "printf '1\\n2\\n3\\n' | head -1", 0, "1\n" },
	{ "printf 'abcdef' | head -c 3", 0, "abc" },
	{ "head -n 1 /etc/group /etc/group", 0,
	    "==> /etc/group <==\nwheel:*:0:root\n\n"
	    "==> /etc/group <==\nwheel:*:0:root\n" },
	{ "head -n x /etc/group", 1, "head: illegal count -- x\n" },
	{ "printf '1\\n2\\n3\\n' | tail -n 2", 0, "2\n3\n" },
	{ "printf '1\\n2\\n3\\n' | tail -n +2", 0, "2\n3\n" },
	{ "printf '1\\n2\\n3\\n' | tail -1", 0, "3\n" },
	{ "printf '1\\n2\\n3\\n' | tail +3", 0, "3\n" },
	{ "printf '1\\n2' | tail -n 1", 0, "2" },
	{ "printf 'abcdef' | tail -c 2", 0, "ef" },
	{ "printf 'abcdef' | tail -c +5", 0, "ef" },
	{ "tail -n 1 /etc/group", 0, "nobody:*:65534:\n" },
	{ "tail /no/such", 1, "tail: /no/such: No such file or directory\n" },
};

static const struct sh_case grep_cases[] = {
	{ "grep root /etc/group", 0, "wheel:*:0:root\n" },
	{ "grep -n o /etc/group", 0,
	    "1:wheel:*:0:root\n2:daemon:*:1:\n4:nobody:*:65534:\n" },
	{ "grep -c : /etc/group", 0, "4\n" },
	{ "grep -v : /etc/group", 1, "" },
	{ "grep -i WHEEL /etc/group", 0, "wheel:*:0:root\n" },
	{ "grep -l wheel /etc/group /etc/passwd", 0, "/etc/group\n" },
	{ "grep -H -e daemon -e nobody /etc/group", 0,
	    "/etc/group:daemon:*:1:\n/etc/group:nobody:*:65534:\n" },
	{ "grep '^s.*t:' /etc/group", 0, "student:*:1000:student\n" },
	{ "grep -E 'wh(ee|oo)l|^nob' /etc/group", 0,
	    "wheel:*:0:root\nnobody:*:65534:\n" },
	{ "grep 'e\\{2\\}' /etc/group", 0, "wheel:*:0:root\n" },
	{ "grep -F '*:1:' /etc/group", 0, "daemon:*:1:\n" },
	{ "grep -x 'nobody:\\*:65534:' /etc/group", 0, "nobody:*:65534:\n" },
	{ "printf 'cat\\ncats\\na cat\\n' | grep -w cat", 0, "cat\na cat\n" },
	{ "printf 'a1b22c333\\n' | grep -oE '[0-9]+'", 0, "1\n22\n333\n" },
	{ "grep -q wheel /etc/group; echo $?", 0, "0\n" },
	{ "grep nosuchthing /etc/group; echo $?", 0, "1\n" },
	{ "grep -s x /no/such; echo $?", 0, "2\n" },
	{ "grep 'a\\{2' /etc/group", 2, "grep: a\\{2: braces not balanced\n" },
	{ "echo text | grep -c t -", 0, "1\n" },
};

static const struct sh_case sort_uniq_cases[] = {
	{ "printf 'b\\na\\nc\\n' | sort", 0, "a\nb\nc\n" },
	{ "printf 'b\\na\\nc\\n' | sort -r", 0, "c\nb\na\n" },
	{ "printf '10\\n9\\n-1\\n2.5\\n' | sort -n", 0, "-1\n2.5\n9\n10\n" },
	{ "printf '10\\n9\\n100\\n' | sort", 0, "10\n100\n9\n" },
	{ "printf 'a\\nb\\na\\nb\\n' | sort -u", 0, "a\nb\n" },
	{ "printf 'B\\na\\nC\\n' | sort -f", 0, "a\nB\nC\n" },
	{ "sort -t: -k3 -n /etc/group", 0,
	    "wheel:*:0:root\ndaemon:*:1:\nstudent:*:1000:student\n"
	    "nobody:*:65534:\n" },
	{ "sort /no/such", 2, "sort: /no/such: No such file or directory\n" },
	{ "printf 'a\\na\\nb\\na\\n' | uniq", 0, "a\nb\na\n" },
	{ "printf 'a\\na\\nb\\n' | uniq -c", 0, "   2 a\n   1 b\n" },
	{ "printf 'a\\na\\nb\\n' | uniq -d", 0, "a\n" },
	{ "printf 'a\\na\\nb\\n' | uniq -u", 0, "b\n" },
	{ "printf 'A\\na\\nb\\n' | uniq -i", 0, "A\nb\n" },
	{ "printf 'x\\ny\\nx\\n' | sort | uniq -c", 0, "   2 x\n   1 y\n" },
};

static const struct sh_case tee_cases[] = {
	{ "echo copy | tee /dev/null", 0, "copy\n" },
	{ "echo copy | tee -a /dev/null /dev/null | wc -c", 0, "       5\n" },
	{ "echo copy | tee /etc/new", 1,
	    "tee: /etc/new: Read-only file system\ncopy\n" },
};

static int
test_wc(void)
{
	return kt_sh_cases(wc_cases, NELEM(wc_cases));
}

static int
test_head_tail(void)
{
	return kt_sh_cases(head_tail_cases, NELEM(head_tail_cases));
}

static int
test_grep(void)
{
	return kt_sh_cases(grep_cases, NELEM(grep_cases));
}

static int
test_sort_uniq(void)
{
	return kt_sh_cases(sort_uniq_cases, NELEM(sort_uniq_cases));
}

static int
test_tee(void)
{
	return kt_sh_cases(tee_cases, NELEM(tee_cases));
}

int
main(void)
{
	kt_suite("util_text");
	kt_run("wc", test_wc);
	kt_run("head_tail", test_head_tail);
	kt_run("grep", test_grep);
	kt_run("sort_uniq", test_sort_uniq);
	kt_run("tee", test_tee);
	return kt_finish();
}
