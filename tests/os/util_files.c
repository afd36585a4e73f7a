/*
 * util_files.c - living in a writable tree, the way a user does it at the
 * prompt (sh -c LINE): cd and pwd, redirections into /tmp and grep on the
 * result, touch, mkdir, rmdir, rm, cp and mv with their options and their
 * errors, several sources into a directory, and the questions of -i. Each
 * case cleans up after itself (the harness counts the pages).
 */
#include <string.h>
#include "lib/ktest.h"
#include "lib/shrun.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static const struct sh_case cd_cases[] = {
	{ "cd /tmp && pwd", 0, "/tmp\n" },
	{ "cd /tmp; cd ..; pwd", 0, "/\n" },
	{ "cd /bin; cd ../etc; pwd; echo $PWD $OLDPWD", 0,
	    "/etc\n/etc /bin\n" },
	{ "cd /etc; cd /bin; cd -", 0, "/etc\n" },
	{ "cd; pwd", 0, "/\n" },
	{ "cd /nope", 1, "sh: cd: /nope: No such file or directory\n" },
	{ "cd /etc/passwd", 1, "sh: cd: /etc/passwd: Not a directory\n" },
	{ "cd /bin && ls sh cat", 0, "cat\nsh\n" },
	{ "cd /etc && ls", 0, "demo.dbg\ngroup\npasswd\n" },
	{ "cd /tmp && mkdir -p w && cd w && touch a1 a2 b && echo a* && "
	    "cd .. && rm -r w", 0, "a1 a2\n" },
};

/* The sequence a new user tries first: write files, grep them. */
static const struct sh_case write_grep_cases[] = {
	{ "cd /tmp && echo hello > notes && echo world >> notes && "
	    "grep -n o notes && wc -l < notes && rm notes", 0,
	    "1:hello\n2:world\n       2\n" },
	{ "cd /tmp && ls /bin > list 2>&1 && grep -c '^sh$' list && rm list",
	    0, "1\n" },
	{ "echo x > /etc/new", 1, "sh: /etc/new: Read-only file system\n" },
	{ "cd /tmp && echo one > f && cat f nope 2> err; cat err; rm f err", 0,
	    "one\ncat: nope: No such file or directory\n" },
};

static const struct sh_case tool_cases[] = {
	{ "cd /tmp && mkdir -p a/b/c && touch a/b/c/x && ls a/b/c && "
	    "rmdir -p a/b/c 2>&1; rm a/b/c/x && rmdir -pv a/b/c", 0,
	    "x\nrmdir: a/b/c: Directory not empty\na/b/c\na/b\na\n" },
	{ "mkdir /tmp/e && mkdir /tmp/e; rmdir /tmp/e", 0,
	    "mkdir: /tmp/e: File exists\n" },
	{ "mkdir -m 700 /tmp/m && ls -l /tmp | grep -c '^drwx------ .* m$'; "
	    "su 1000 ls /tmp/m; rmdir /tmp/m", 0,
	    "1\nls: /tmp/m: Permission denied\n" },
	{ "ls -l / | grep -c '^drwxrwxrwt .* tmp$'", 0, "1\n" },
	{ "touch -c /tmp/none; ls /tmp/none", 1,
	    "ls: /tmp/none: No such file or directory\n" },
	{ "touch /tmp/t1 && [ -f /tmp/t1 ] && [ ! -s /tmp/t1 ] && echo empty; "
	    "rm /tmp/t1", 0, "empty\n" },
	{ "rm /tmp/nope", 1, "rm: /tmp/nope: No such file or directory\n" },
	{ "rm -f /tmp/nope", 0, "" },
	{ "mkdir /tmp/d; rm /tmp/d; rm -d /tmp/d && echo gone", 0,
	    "rm: /tmp/d: is a directory\ngone\n" },
	{ "rm -rf /tmp/.. /tmp/.", 1,
	    "rm: \".\" and \"..\" may not be removed\n"
	    "rm: \".\" and \"..\" may not be removed\n" },
	{ "mkdir -p /tmp/r/s && touch /tmp/r/s/x /tmp/r/y && rm -rv /tmp/r | "
	    "sort", 0, "/tmp/r\n/tmp/r/s\n/tmp/r/s/x\n/tmp/r/y\n" },
	{ "cp /etc/passwd /tmp/p && grep -c '^root:' /tmp/p; rm /tmp/p", 0,
	    "1\n" },
	{ "cp -R /etc /tmp/etc && ls /tmp/etc && rm -r /tmp/etc", 0,
	    "demo.dbg\ngroup\npasswd\n" },
	{ "cp /etc /tmp/x", 1, "cp: /etc is a directory (not copied)\n" },
	{ "echo a > /tmp/c1; cp /tmp/c1 /tmp/c1; rm /tmp/c1", 0,
	    "cp: /tmp/c1 and /tmp/c1 are identical (not copied)\n" },
	{ "echo a > /tmp/c1 && echo b > /tmp/c2 && cp -n /tmp/c1 /tmp/c2 && "
	    "cat /tmp/c2 && cp /tmp/c1 /tmp/c2 && cat /tmp/c2; "
	    "rm /tmp/c1 /tmp/c2", 0, "b\na\n" },
	{ "echo m > /tmp/m1 && mv /tmp/m1 /tmp/m2 && cat /tmp/m2 && "
	    "mkdir /tmp/md && mv -v /tmp/m2 /tmp/md && ls /tmp/md && "
	    "rm -r /tmp/md", 0, "m\n/tmp/m2 -> /tmp/md/m2\nm2\n" },
	{ "echo m > /tmp/m1; mv /tmp/m1 /etc; cat /tmp/m1; rm /tmp/m1", 0,
	    "cp: /etc/m1: Read-only file system\n"
	    "mv: /tmp/m1: moving to another file system failed\nm\n" },
};

/*
 * cp and mv with several sources, a failure inside a tree cp -R copies or
 * rm -r removes (the rest goes on, the status says it), the questions of -i.
 */
static const struct sh_case target_cases[] = {
	{ "cd /tmp && touch s1 s2 && cp s1 s2 nodir; mv s1 s2 nodir; "
	    "rm s1 s2", 0,
	    "cp: nodir is not a directory\nmv: nodir is not a directory\n" },
	{ "cd /tmp && mkdir t && echo 1 > s1 && echo 2 > s2 && "
	    "cp -v s1 s2 t && mv -v s1 s2 t && ls t && cat t/s2; rm -r t", 0,
	    "s1 -> t/s1\ns2 -> t/s2\ns1 -> t/s1\ns2 -> t/s2\ns1\ns2\n2\n" },
	{ "cd /tmp && echo a > q1 && echo b > q2 && echo n | cp -i q1 q2 && "
	    "cat q2 && echo y | cp -i q1 q2 && cat q2; rm q1 q2", 0,
	    "overwrite q2? b\noverwrite q2? a\n" },
	{ "cd /tmp && echo a > q1 && echo b > q2 && echo no | mv -i q1 q2 && "
	    "cat q1 q2 && echo Yes | mv -i q1 q2 && cat q2 && ls q1; rm q2", 0,
	    "overwrite q2? a\nb\noverwrite q2? a\n"
	    "ls: q1: No such file or directory\n" },
	{ "mkdir -p /tmp/s && mkdir -m 700 /tmp/s/p && touch /tmp/s/f && "
	    "su 1000 cp -R /tmp/s /tmp/d; echo $?; "
	    "su 1000 rm -r /tmp/s 2>&1 | sort; ls /tmp/s; rm -r /tmp/s /tmp/d",
	    0, "cp: /tmp/s/p: Permission denied\n1\n"
	    "rm: /tmp/s/f: Permission denied\n"
	    "rm: /tmp/s/p: Permission denied\nf\np\n" },
	{ "cd /tmp && mkdir r && touch r/f && echo n | rm -i r/f && ls r && "
	    "printf 'y\\ny\\n' | rm -ri r; ls r", 1,
	    "remove file r/f? f\nremove file r/f? remove directory r? "
	    "ls: r: No such file or directory\n" },
};

static int
test_cd_pwd(void)
{
	return kt_sh_cases(cd_cases, NELEM(cd_cases));
}

static int
test_write_grep(void)
{
	return kt_sh_cases(write_grep_cases, NELEM(write_grep_cases));
}

static int
test_tools(void)
{
	return kt_sh_cases(tool_cases, NELEM(tool_cases));
}

static int
test_targets_and_questions(void)
{
	return kt_sh_cases(target_cases, NELEM(target_cases));
}

int
main(void)
{
	kt_suite("util_files");
	kt_run("cd_pwd", test_cd_pwd);
	kt_run("write_grep", test_write_grep);
	kt_run("tools", test_tools);
	kt_run("targets_and_questions", test_targets_and_questions);
	return kt_finish();
}
