/*
 * proc_pipe.c - pipes between processes: 1 MiB carried intact in chunks of
 * every size, end of file only when the last write end closes, EPIPE and
 * SIGPIPE when no reader is left, writes of up to PIPE_BUF bytes never
 * interleaved, and descriptors shared by fork and dup.
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lib/ktest.h"

#define TOTAL		(1u << 20)
#define PIPE_BUF	512

/* The byte at offset i of the test stream: not periodic in any small power of two. */
static uint8_t
stream_byte(uint32_t i)
{
	uint32_t x = i * 2654435761u;

	return (uint8_t)(x >> 24 ^ i >> 11);
}

static uint32_t
fletcher(uint32_t sum, const uint8_t *p, size_t n)
{
	uint32_t a = sum & 0xffff, b = sum >> 16;

	while (n-- > 0) {
		a = (a + *p++) % 65535;
		b = (b + a) % 65535;
	}
	return b << 16 | a;
}

/* Chunk sizes that cross the pipe's buffer edges in every way. */
static size_t
chunk_size(unsigned k)
{
	static const size_t sizes[] = { 1, 7, 512, 4000, 4096, 13, 8191, 100,
	    3999, 4001, 65536 };

	return sizes[k % (sizeof(sizes) / sizeof(sizes[0]))];
}

static int
test_one_mib(void)
{
	static uint8_t buf[65536];
	uint32_t want = 0, got = 0, off = 0, mismatch = UINT32_MAX;
	int fds[2], status;
	unsigned k;
	ssize_t n;
	pid_t pid;

	for (off = 0; off < TOTAL; off++) {
		uint8_t b = stream_byte(off);

		want = fletcher(want, &b, 1);
	}
	KT_CHECK(pipe(fds) == 0, "pipe");
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		for (off = 0, k = 0; off < TOTAL; off += n, k++) {
			size_t len = chunk_size(k), i;

			if (len > TOTAL - off)
				len = TOTAL - off;
			for (i = 0; i < len; i++)
				buf[i] = stream_byte(off + i);
			n = write(fds[1], buf, len);
			if (n <= 0)
				_exit(1);
		}
		_exit(0);
	}
	close(fds[1]);
	for (off = 0, k = 3; (n = read(fds[0], buf, chunk_size(k))) > 0; k++) {
		ssize_t i;

		for (i = 0; i < n && mismatch == UINT32_MAX; i++)
			if (buf[i] != stream_byte(off + i))
				mismatch = off + i;
		got = fletcher(got, buf, n);
		off += n;
	}
	KT_CHECK(n == 0, "read returned %d (errno %d) instead of EOF", (int)n,
	    errno);
	KT_CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0, "writer status %#x", status);
	KT_CHECK(off == TOTAL, "received %u bytes of %u", off, TOTAL);
	KT_CHECK(mismatch == UINT32_MAX, "first wrong byte at offset %u",
	    mismatch);
	KT_CHECK(got == want, "checksum %#x, expected %#x", got, want);
	KT_CHECK(read(fds[0], buf, 1) == 0, "EOF is not sticky");
	close(fds[0]);
	return 0;
}

/* EOF only once every write end, in every process, is closed. */
static int
test_eof_needs_all_writers(void)
{
	int fds[2], extra, status;
	char c;
	pid_t pid;

	KT_CHECK(pipe(fds) == 0, "pipe");
	extra = dup(fds[1]);
	KT_CHECK(extra > fds[1], "dup returned %d", extra);
	pid = fork();
	if (pid == 0) {
		usleep(50000);
		write(extra, "z", 1);
		_exit(0);		/* closes the child's copies */
	}
	close(fds[1]);
	close(extra);
	KT_CHECK(read(fds[0], &c, 1) == 1 && c == 'z',
	    "the child's write end did not keep the pipe open");
	KT_CHECK(read(fds[0], &c, 1) == 0, "no EOF after the last writer left");
	KT_CHECK(waitpid(pid, &status, 0) == pid, "wait");
	close(fds[0]);
	return 0;
}

static volatile int sigpipes;

static void
on_sigpipe(int sig)
{
	(void)sig;
	sigpipes++;
}

static int
test_epipe_sigpipe(void)
{
	int fds[2], status;
	ssize_t r;
	pid_t pid;

	/* Default action: the writer dies of SIGPIPE. */
	KT_CHECK(pipe(fds) == 0, "pipe");
	close(fds[0]);
	pid = fork();
	if (pid == 0) {
		write(fds[1], "x", 1);
		_exit(0);
	}
	KT_CHECK(waitpid(pid, &status, 0) == pid, "wait");
	KT_CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE,
	    "writer to a pipe without readers: status %#x", status);

	/* Ignored: EPIPE. */
	signal(SIGPIPE, SIG_IGN);
	errno = 0;
	r = write(fds[1], "x", 1);
	KT_CHECK(r == -1 && errno == EPIPE, "write returned %d, errno %d",
	    (int)r, errno);

	/* Caught: the handler runs, then EPIPE. */
	signal(SIGPIPE, on_sigpipe);
	errno = 0;
	r = write(fds[1], "x", 1);
	KT_CHECK(r == -1 && errno == EPIPE && sigpipes == 1,
	    "write returned %d, errno %d, %d SIGPIPEs", (int)r, errno, sigpipes);
	close(fds[1]);
	return 0;
}

/* A writer blocked on a full pipe gets EPIPE when the reader goes away. */
static int
test_reader_leaves(void)
{
	static char big[16384];
	int fds[2], status;
	pid_t pid;

	KT_CHECK(pipe(fds) == 0, "pipe");
	pid = fork();
	if (pid == 0) {
		ssize_t r;

		signal(SIGPIPE, SIG_IGN);
		close(fds[0]);
		r = write(fds[1], big, sizeof(big));
		if (r > 0 && r < (ssize_t)sizeof(big))
			_exit(10);	/* a partial write is allowed */
		_exit(r == -1 && errno == EPIPE ? 11 : 12);
	}
	close(fds[1]);
	usleep(50000);		/* let it fill the pipe and block */
	close(fds[0]);
	KT_CHECK(waitpid(pid, &status, 0) == pid, "wait");
	KT_CHECK(WIFEXITED(status) && (WEXITSTATUS(status) == 10 ||
	    WEXITSTATUS(status) == 11), "blocked writer: status %#x", status);
	return 0;
}

/* Writes of at most PIPE_BUF bytes from several writers never interleave. */
static int
test_atomic_writes(void)
{
	char rec[PIPE_BUF], buf[PIPE_BUF];
	int fds[2], status, w, counts[4] = { 0 };
	size_t have = 0, i;
	ssize_t n;

	KT_CHECK(pipe(fds) == 0, "pipe");
	for (w = 0; w < 4; w++) {
		if (fork() == 0) {
			close(fds[0]);
			memset(rec, 'a' + w, sizeof(rec));
			for (i = 0; i < 40; i++)
				write(fds[1], rec, sizeof(rec));
			_exit(0);
		}
	}
	close(fds[1]);
	while ((n = read(fds[0], buf + have, sizeof(buf) - have)) > 0) {
		have += n;
		if (have < sizeof(buf))
			continue;
		KT_CHECK(buf[0] >= 'a' && buf[0] < 'a' + 4, "bad byte %#x",
		    buf[0]);
		for (i = 1; i < sizeof(buf); i++)
			KT_CHECK(buf[i] == buf[0], "record of %c interleaved "
			    "with %c at byte %u", buf[0], buf[i], (unsigned)i);
		counts[buf[0] - 'a']++;
		have = 0;
	}
	for (w = 0; w < 4; w++) {
		KT_CHECK(wait(&status) > 0, "wait");
		KT_CHECK(counts[w] == 40, "writer %d: %d records", w, counts[w]);
	}
	KT_CHECK(have == 0, "a partial record at the end");
	close(fds[0]);
	return 0;
}

static int
test_pipe_basics(void)
{
	int fds[2];
	struct stat st;
	char c;

	KT_CHECK(pipe(fds) == 0, "pipe");
	KT_CHECK(fds[0] >= 0 && fds[1] >= 0 && fds[0] != fds[1], "fds %d %d",
	    fds[0], fds[1]);
	KT_CHECK(fstat(fds[0], &st) == 0 && S_ISFIFO(st.st_mode),
	    "fstat mode %#o", (unsigned)st.st_mode);
	KT_CHECK(read(fds[0], &c, 0) == 0, "read of 0 bytes");
	KT_CHECK(write(fds[1], "hello", 5) == 5, "write");
	KT_CHECK(fstat(fds[0], &st) == 0 && st.st_size == 5, "st_size %ld",
	    (long)st.st_size);
	KT_CHECK(fstat(fds[1], &st) == 0 && st.st_size == 0,
	    "the writing end's own buffer holds %ld bytes", (long)st.st_size);
	errno = 0;
	KT_CHECK(lseek(fds[0], 0, SEEK_SET) == -1 && errno == ESPIPE,
	    "lseek on a pipe: errno %d", errno);
	close(fds[0]);
	close(fds[1]);
	return 0;
}

/* Many pipes opened and closed leave no memory behind (the harness checks). */
static int
test_many_pipes(void)
{
	int i, fds[2];

	for (i = 0; i < 200; i++) {
		KT_CHECK(pipe(fds) == 0, "pipe %d: errno %d", i, errno);
		write(fds[1], "data", 4);
		close(fds[i & 1]);
		close(fds[!(i & 1)]);
	}
	return 0;
}

int
main(void)
{
	kt_suite("proc_pipe");
	kt_run("one_mib", test_one_mib);
	kt_run("eof_needs_all_writers", test_eof_needs_all_writers);
	kt_run("epipe_sigpipe", test_epipe_sigpipe);
	kt_run("reader_leaves", test_reader_leaves);
	kt_run("atomic_writes", test_atomic_writes);
	kt_run("basics", test_pipe_basics);
	kt_run("many_pipes", test_many_pipes);
	return kt_finish();
}
