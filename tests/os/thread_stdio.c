// RUN: qemu hz=1000
/*
 * thread_stdio.c - stdio with threads: calls on one stream from several
 * threads never mix their bytes (each fprintf line arrives whole, through
 * a small buffer into a pipe that fills, so writers sleep in the middle of
 * their calls and others run), flockfile
 * makes a run of calls one (lines written a character at a time with
 * putc_unlocked arrive whole), the lock is recursive and ftrylockfile
 * fails while another thread holds it, and a blocked stdio call waits for
 * funlockfile.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lib/ktest.h"

#define NTHREADS	4
#define NLINES		250
#define PATH		"/tmp/thread_stdio.out"

static FILE *out;
static int by_char;		/* 1: lines char by char under flockfile */

/* Line i of thread t: its numbers, then filler up to 100 bytes. */
static void
make_line(char *buf, int t, int i)
{
	int n = snprintf(buf, 128, "thread %d line %04d ", t, i);

	memset(buf + n, 'a' + t, 98 - n);
	buf[98] = '.';
	buf[99] = '\n';
	buf[100] = '\0';
}

static void *
writer(void *arg)
{
	int t = (int)arg, i;
	char line[128], *p;

	for (i = 0; i < NLINES; i++) {
		make_line(line, t, i);
		if (!by_char) {
			fprintf(out, "%s", line);
			continue;
		}
		flockfile(out);
		for (p = line; *p != '\0'; p++)
			putc_unlocked(*p, out);
		funlockfile(out);
	}
	return NULL;
}

#define TOTAL	(NTHREADS * NLINES * 100)

static char *got;
static int gotlen, rfd;

/* Reads the pipe to its end into got. */
static void *
reader(void *arg)
{
	int n;

	(void)arg;
	while (gotlen < TOTAL && (n = read(rfd, got + gotlen, TOTAL - gotlen)) > 0)
		gotlen += n;
	return NULL;
}

/*
 * Write with NTHREADS threads into a pipe (a small buffer, flushed often;
 * a full pipe puts a writer to sleep in the middle of its call, so another
 * runs), then check every line the reader got.
 */
static int
run_writers(int chars)
{
	pthread_t t[NTHREADS], r;
	int i, next[NTHREADS] = { 0 }, th, idx, lines = 0, p[2];
	char want[128], *line = NULL;

	by_char = chars;
	KT_CHECK((got = malloc(TOTAL + 1)) != NULL && pipe(p) == 0, "setup");
	rfd = p[0];
	KT_CHECK((out = fdopen(p[1], "w")) != NULL, "fdopen: errno %d", errno);
	KT_CHECK(setvbuf(out, NULL, _IOFBF, 256) == 0, "setvbuf");
	KT_CHECK(pthread_create(&r, NULL, reader, NULL) == 0, "reader");
	for (i = 0; i < NTHREADS; i++)
		KT_CHECK(pthread_create(&t[i], NULL, writer, (void *)i) == 0,
		    "create");
	for (i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	KT_CHECK(fclose(out) == 0, "fclose");
	pthread_join(r, NULL);
	close(p[0]);
	got[gotlen] = '\0';
	for (line = got; line < got + gotlen; line += 100, lines++) {
		if (sscanf(line, "thread %d line %d ", &th, &idx) != 2 ||
		    th < 0 || th >= NTHREADS)
			break;
		make_line(want, th, next[th]);
		if (strncmp(line, want, 100) != 0)
			break;
		next[th]++;
	}
	KT_CHECK(gotlen == TOTAL && lines == NTHREADS * NLINES &&
	    next[0] == NLINES && next[1] == NLINES && next[2] == NLINES &&
	    next[3] == NLINES, "%d bytes; line %d is not whole or in order: "
	    "%.60s", gotlen, lines, line);
	free(got);
	return 0;
}

/* fprintf from four threads: every line whole, each thread's in order. */
static int
test_lines_whole(void)
{
	return run_writers(0);
}

/* putc_unlocked a character at a time, each line under flockfile. */
static int
test_flockfile_lines(void)
{
	return run_writers(1);
}

static volatile int tried, wrote;

static void *
contender(void *arg)
{
	FILE *f = arg;

	tried = ftrylockfile(f) == 0 ? 1 : -1;
	if (tried == 1)
		funlockfile(f);
	fputs("second\n", f);		/* waits for the holder */
	wrote = 1;
	return NULL;
}

/*
 * The lock is recursive: held twice, let go once, still held. Meanwhile
 * another thread's ftrylockfile fails and its fputs waits; the holder's
 * lines come first.
 */
static int
test_trylock_and_wait(void)
{
	pthread_t t;
	char buf[64];
	FILE *f;

	KT_CHECK((f = fopen(PATH, "w+")) != NULL, "fopen: errno %d", errno);
	flockfile(f);
	flockfile(f);
	KT_CHECK(ftrylockfile(f) == 0, "the owner's trylock");
	funlockfile(f);
	funlockfile(f);			/* held once still */
	KT_CHECK(pthread_create(&t, NULL, contender, f) == 0, "create");
	usleep(30000);
	KT_CHECK(tried == -1, "ftrylockfile of a held stream: %d", tried);
	KT_CHECK(wrote == 0, "fputs did not wait for the lock");
	fputs("first\n", f);
	funlockfile(f);
	pthread_join(t, NULL);
	rewind(f);
	KT_CHECK(fgets(buf, sizeof(buf), f) != NULL && strcmp(buf, "first\n") ==
	    0, "first line %s", buf);
	KT_CHECK(fgets(buf, sizeof(buf), f) != NULL && strcmp(buf,
	    "second\n") == 0, "second line %s", buf);
	fclose(f);
	unlink(PATH);
	return 0;
}

int
main(void)
{
	kt_suite("thread_stdio");
	kt_run("lines_whole", test_lines_whole);
	kt_run("flockfile_lines", test_flockfile_lines);
	kt_run("trylock_and_wait", test_trylock_and_wait);
	return kt_finish();
}
