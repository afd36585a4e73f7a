/*
 * dbg_lib.h - what the dbg_* suites share: run a scripted dbg session and
 * check its transcript.
 *
 * dbg_session() starts /bin/dbg with the given arguments, writes the script
 * to its standard input through a pipe (scripts are far smaller than a pipe's
 * buffer, so the whole script is written before the transcript is read) and
 * collects everything dbg and its inferior print on standard output and
 * standard error, until dbg exits. dbg echoes each command as "(dbg) CMD",
 * so the transcript reads like the session.
 *
 * DBG_EXPECT(r, text) finds text in the transcript after the previous match
 * (so a case states the order of events too); DBG_ABSENT checks that text
 * appears nowhere. On a failure the whole transcript is logged, then the
 * case fails. Everything is static inline: each suite is one program.
 */
#ifndef DBG_LIB_H
#define DBG_LIB_H

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lib/ktest.h"

#define DBG_OUT_MAX	65536

struct dbg_run {
	char	out[DBG_OUT_MAX];
	size_t	len;
	int	status;		/* dbg's wait status */
	size_t	pos;		/* where DBG_EXPECT searches from */
};

/* fd, moved above 2 if it is one of them (the harness may have closed 0). */
static inline int
dbg_high_fd(int fd)
{
	while (fd >= 0 && fd < 3)
		fd = dup(fd);
	return fd;
}

/* Run "dbg ARGS..." (args ends with NULL) on script. 0, or -1 after kt_fail. */
static inline int
dbg_session(struct dbg_run *r, const char *script, const char *const args[])
{
	char *argv[16];
	int in[2], out[2], i;
	ssize_t n;
	pid_t pid;

	memset(r, 0, sizeof(*r));
	argv[0] = "dbg";
	for (i = 0; args[i] != NULL && i < 14; i++)
		argv[i + 1] = (char *)args[i];
	argv[i + 1] = NULL;
	if (pipe(in) != 0 || pipe(out) != 0)
		return kt_fail(__FILE__, __LINE__, "pipe: %d", errno), -1;
	if ((pid = fork()) == 0) {
		int from = dbg_high_fd(in[0]), to = dbg_high_fd(out[1]);

		dup2(from, 0);
		dup2(to, 1);
		dup2(to, 2);
		close(from);
		close(to);
		close(in[1]);
		close(out[0]);
		execv("/bin/dbg", argv);
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	if (pid < 0)
		return kt_fail(__FILE__, __LINE__, "fork: %d", errno), -1;
	if (write(in[1], script, strlen(script)) != (ssize_t)strlen(script))
		kt_fail(__FILE__, __LINE__, "writing the script: %d", errno);
	close(in[1]);
	while (r->len < sizeof(r->out) - 1 &&
	    (n = read(out[0], r->out + r->len, sizeof(r->out) - 1 - r->len)) != 0)
		if (n > 0)
			r->len += n;
		else if (errno != EINTR)
			break;
	r->out[r->len] = '\0';
	close(out[0]);
	if (kt_wait_status(pid, &r->status) != pid)
		return kt_fail(__FILE__, __LINE__, "waitpid(dbg): %d", errno), -1;
	return 0;
}

static inline void
dbg_log_transcript(const struct dbg_run *r)
{
	const char *p = r->out, *nl;

	kt_log("---- dbg transcript ----");
	while (*p != '\0') {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		kt_log("%.*s", (int)(nl - p), p);
		p = *nl ? nl + 1 : nl;
	}
	kt_log("----");
}

/* 0 if text occurs after the last match (which then ends there), else -1. */
static inline int
dbg_find(struct dbg_run *r, const char *text)
{
	char *at = strstr(r->out + r->pos, text);

	if (at == NULL) {
		dbg_log_transcript(r);
		return -1;
	}
	r->pos = at + strlen(text) - r->out;
	return 0;
}

static inline const char *
dbg_fmt(const char *fmt, ...)
{
	static char buf[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return buf;
}

#define DBG_EXPECT(r, text)						\
	do {								\
		const char *dbg_t_ = (text);				\
		KT_CHECK(dbg_find((r), dbg_t_) == 0,			\
		    "transcript lacks \"%s\" (in order)", dbg_t_);	\
	} while (0)

#define DBG_ABSENT(r, text)						\
	do {								\
		const char *dbg_t_ = (text);				\
		if (strstr((r)->out, dbg_t_) != NULL)			\
			dbg_log_transcript(r);				\
		KT_CHECK(strstr((r)->out, dbg_t_) == NULL,		\
		    "transcript has \"%s\"", dbg_t_);			\
	} while (0)

/* dbg itself ended normally, whatever its inferior did. */
#define DBG_CLEAN_EXIT(r)						\
	KT_CHECK(WIFEXITED((r)->status) && WEXITSTATUS((r)->status) == 0, \
	    "dbg's status %#x", (r)->status)

#endif
