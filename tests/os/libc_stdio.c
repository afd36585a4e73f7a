/*
 * libc_stdio.c - the stdio of Kestrel's libc on real descriptors, where
 * the host tests cannot reach (its FILE is not the host's): ftell, fseek,
 * rewind, fgetpos/fsetpos and ungetc on a file of the initrd, seeking a
 * pipe (ESPIPE), getline and getdelim, fscanf and scanf, popen/pclose in
 * both directions, system, asprintf.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lib/ktest.h"

#define PASSWD	"/etc/passwd"
#define LINE1	"root:*:0:0:System administrator:/:/bin/sh\n"

static int
test_seek(void)
{
	char buf[128];
	struct stat st;
	fpos_t pos;
	FILE *f;
	int c;

	KT_CHECK(stat(PASSWD, &st) == 0, "stat: errno %d", errno);
	KT_CHECK((f = fopen(PASSWD, "r")) != NULL, "fopen: errno %d", errno);
	KT_CHECK(ftell(f) == 0, "ftell at the start: %ld", ftell(f));
	KT_CHECK(fgets(buf, sizeof(buf), f) != NULL && strcmp(buf, LINE1) == 0,
	    "first line \"%s\"", buf);
	/* The whole file is buffered now; ftell still counts the program's reads. */
	KT_CHECK(ftell(f) == (long)strlen(LINE1), "ftell after a line: %ld",
	    ftell(f));
	KT_CHECK(fgetpos(f, &pos) == 0, "fgetpos");
	c = fgetc(f);
	KT_CHECK(ungetc(c, f) == c && ftell(f) == (long)strlen(LINE1),
	    "ftell after ungetc: %ld", ftell(f));
	KT_CHECK(fseek(f, 0, SEEK_END) == 0 && ftell(f) == (long)st.st_size,
	    "SEEK_END: %ld of %ld", ftell(f), (long)st.st_size);
	KT_CHECK(fgetc(f) == EOF && feof(f), "no EOF at the end");
	KT_CHECK(fseek(f, 5, SEEK_SET) == 0 && !feof(f) && fgetc(f) == '*',
	    "SEEK_SET 5 does not read '*'");
	KT_CHECK(fseek(f, -2, SEEK_CUR) == 0 && fgetc(f) == ':',
	    "SEEK_CUR -2 does not read ':'");
	KT_CHECK(fsetpos(f, &pos) == 0 && fgets(buf, sizeof(buf), f) != NULL &&
	    strncmp(buf, "daemon:", 7) == 0, "fsetpos: \"%s\"", buf);
	rewind(f);
	KT_CHECK(ftell(f) == 0 && fgetc(f) == 'r', "rewind");
	errno = 0;
	KT_CHECK(fseek(f, 0, 42) == -1 && errno == EINVAL, "bad whence: "
	    "errno %d", errno);
	KT_CHECK(fclose(f) == 0, "fclose");
	return 0;
}

static int
test_seek_pipe(void)
{
	int fds[2];
	FILE *f;

	KT_CHECK(pipe(fds) == 0, "pipe");
	KT_CHECK((f = fdopen(fds[0], "r")) != NULL, "fdopen");
	errno = 0;
	KT_CHECK(fseek(f, 0, SEEK_SET) == -1 && errno == ESPIPE,
	    "fseek on a pipe: errno %d", errno);
	errno = 0;
	KT_CHECK(ftell(f) == -1 && errno == ESPIPE, "ftell on a pipe: "
	    "errno %d", errno);
	fclose(f);
	close(fds[1]);
	return 0;
}

static int
test_getline(void)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int lines = 0;
	FILE *f;

	KT_CHECK((f = fopen(PASSWD, "r")) != NULL, "fopen");
	while ((n = getline(&line, &cap, f)) > 0) {
		KT_CHECK(line[n - 1] == '\n' && (size_t)n == strlen(line) &&
		    cap > (size_t)n, "line %d: length %d, cap %u", lines,
		    (int)n, (unsigned)cap);
		if (lines++ == 0)
			KT_CHECK(strcmp(line, LINE1) == 0, "line 1: \"%s\"",
			    line);
	}
	KT_CHECK(n == -1 && feof(f) && lines == 4, "%d lines, last %d", lines,
	    (int)n);
	rewind(f);
	KT_CHECK(getdelim(&line, &cap, ':', f) == 5 && strcmp(line, "root:") ==
	    0, "getdelim: \"%s\"", line);
	errno = 0;
	KT_CHECK(getline(NULL, &cap, f) == -1 && errno == EINVAL,
	    "NULL buffer pointer: errno %d", errno);
	free(line);
	fclose(f);
	return 0;
}

static int
test_fscanf(void)
{
	char name[32], pw[32];
	int uid, gid, n;
	FILE *f;

	KT_CHECK((f = fopen(PASSWD, "r")) != NULL, "fopen");
	n = fscanf(f, "%31[^:]:%31[^:]:%d:%d", name, pw, &uid, &gid);
	KT_CHECK(n == 4 && strcmp(name, "root") == 0 && strcmp(pw, "*") == 0 &&
	    uid == 0 && gid == 0, "fscanf: %d \"%s\" \"%s\" %d %d", n, name,
	    pw, uid, gid);
	/* The stream stopped right after the number it read. */
	KT_CHECK(fgetc(f) == ':', "fscanf read too far");
	fclose(f);
	return 0;
}

/* scanf reads stdin: a pipe from a child here. */
static int
test_scanf_stdin(void)
{
	double d = 0;
	int fds[2], i = 0, n, status;
	char word[16] = "";
	pid_t pid;

	KT_CHECK(pipe(fds) == 0, "pipe");
	if ((pid = fork()) == 0) {
		write(fds[1], "  17 2.5e-1 words\n", 18);
		_exit(0);
	}
	close(fds[1]);
	if (fds[0] != 0) {	/* the harness closed 0: the pipe may be there */
		dup2(fds[0], 0);
		close(fds[0]);
	}
	kt_wait_status(pid, &status);
	n = scanf("%d %lf %15s", &i, &d, word);
	KT_CHECK(n == 3 && i == 17 && d == 0.25 && strcmp(word, "words") == 0,
	    "scanf: %d: %d %g \"%s\"", n, i, d, word);
	KT_CHECK(scanf("%d", &i) == EOF, "no EOF at the end of the input");
	return 0;
}

static int
test_popen(void)
{
	char buf[64];
	FILE *f;
	int status;

	KT_CHECK((f = popen("echo from the child; exit 3", "r")) != NULL,
	    "popen r: errno %d", errno);
	KT_CHECK(fgets(buf, sizeof(buf), f) != NULL &&
	    strcmp(buf, "from the child\n") == 0, "read \"%s\"", buf);
	KT_CHECK(fgets(buf, sizeof(buf), f) == NULL, "no EOF after the output");
	status = pclose(f);
	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 3,
	    "pclose status %#x", status);
	/* "w": the command reads what we write; its exit says it got it. */
	KT_CHECK((f = popen("grep -q secret", "w")) != NULL,
	    "popen w: errno %d", errno);
	fputs("secret\n", f);
	status = pclose(f);
	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "the command did not read our line: %#x", status);
	errno = 0;
	KT_CHECK(popen("true", "rw") == NULL && errno == EINVAL,
	    "bad mode: errno %d", errno);
	errno = 0;
	KT_CHECK(pclose(stdout) == -1 && errno == ECHILD,
	    "pclose of a stream popen did not make: errno %d", errno);
	return 0;
}

static int
test_system(void)
{
	int status;

	KT_CHECK(system(NULL) == 1, "system(NULL): no shell");
	status = system("exit 7");
	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 7,
	    "status %#x", status);
	status = system("kill -9 $$");
	KT_CHECK(WIFSIGNALED(status) && WTERMSIG(status) == 9,
	    "killed shell: status %#x", status);
	status = system("no_such_command_anywhere 2>/dev/null");
	KT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 127,
	    "missing command: status %#x", status);
	return 0;
}

static int
test_asprintf(void)
{
	char *s = NULL;
	int n = asprintf(&s, "%s-%d-%.2f", "kestrel", 17, 0.125);

	KT_CHECK(n == 15 && s != NULL && strcmp(s, "kestrel-17-0.12") == 0,
	    "asprintf: %d \"%s\"", n, s ? s : "(null)");
	free(s);
	return 0;
}

int
main(void)
{
	kt_suite("libc_stdio");
	kt_run("seek", test_seek);
	kt_run("seek_pipe", test_seek_pipe);
	kt_run("getline", test_getline);
	kt_run("fscanf", test_fscanf);
	kt_run("scanf_stdin", test_scanf_stdin);
	kt_run("popen", test_popen);
	kt_run("system", test_system);
	kt_run("asprintf", test_asprintf);
	return kt_finish();
}
