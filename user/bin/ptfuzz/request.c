/*
 * request.c - one fuzzed request: draw its random words, build it, issue
 * it, count the outcome, and leave the subject in a known state.
 *
 * PT_TRACE_ME would make the fuzzer itself traced by its parent, which
 * never continues it; it is issued by a child made for the purpose, which
 * then exits (its exit goes to the fuzzer, its tracer and parent). A
 * subject's thread that PT_SUSPEND left suspended is resumed before the
 * subject is: it would not run, and every settle would have to wait it out.
 */
#include <errno.h>
#include <stdio.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>
#include "ptfuzz.h"

/* FNV-1a over the words that define a request (not over runtime state). */
static void
digest(struct fuzz *f, const uint32_t *w, int n)
{
	int i, b;

	for (i = 0; i < n; i++)
		for (b = 0; b < 32; b += 8) {
			f->digest ^= (w[i] >> b) & 0xff;
			f->digest *= 16777619u;
		}
}

static int
trace_me_child(struct fuzz *f)
{
	int st = 0, err;
	pid_t c = fork();

	if (c == 0)
		_exit(ptrace(PT_TRACE_ME, 0, NULL, 0) == 0 ? 0 : errno);
	if (c < 0)
		return errno;
	while (waitpid(c, &st, 0) == c && WIFSTOPPED(st))
		ptrace(PT_CONTINUE, c, (caddr_t)1, 0);
	err = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
	f->gone = c;
	return err;
}

/* After the request: is the subject still sound, and where is it now? */
static void
settle_after(struct fuzz *f, struct subject *s, int req, int err)
{
	if (s == NULL || err != 0)
		return;
	if (req == PT_SETREGS || req == PT_SETDBREGS || req == PT_SETFPREGS ||
	    req == PT_SETXMMREGS) {
		check_subject(f, s);
	} else if (req == PT_DETACH) {
		s->state = S_UNTRACED;
		s->idle = 0;
	} else if (is_resume(req) || req == PT_ATTACH) {
		f->resumes++;
		subject_settle(f, s);
	}
}

void
one_request(struct fuzz *f)
{
	uint32_t r[RWORDS], key[5];
	struct recent *rec = &f->recent[f->done % NRECENT];
	struct subject *s;
	int req, data, err, pcat, acat = -1, i, isbuf;
	uint32_t addr = 1;
	void *buf = NULL;
	pid_t pid;

	for (i = 0; i < RWORDS; i++)
		r[i] = rng_next(&f->rng);
	for (i = 0; i < NSUBJ; i++)
		subject_tend(f, &f->subj[i]);
	req = pick_request(r);
	pid = pick_pid(f, r, &pcat);
	data = pick_data(req, r);
	s = subject_of(f, pid);
	if ((isbuf = make_image(f, req, pid, r, &buf)) != 0)
		addr = (uint32_t)buf;
	else if (!is_resume(req) || r[14] % 4 == 0)
		addr = pick_addr(f, pid, r, &acat);
	key[0] = req;
	key[1] = pcat;
	/* Addresses inside the subject depend on where it runs: their kind only. */
	key[2] = acat < 0 || (acat >= 2 && acat <= 4) ? (uint32_t)acat : addr;
	key[3] = data;
	key[4] = isbuf;
	digest(f, key, 5);
	if (f->done >= f->verbose_from)
		printf("ptfuzz: #%lu: %d %d %#x %d\n", f->done, req, (int)pid,
		    addr, data);
	if (is_resume(req) && s != NULL)
		ptrace(PT_RESUME, pid, NULL, 0);	/* a suspended subject would not run */
	if (req == PT_TRACE_ME) {
		err = trace_me_child(f);
	} else {
		errno = 0;
		if (ptrace(req, pid, (caddr_t)addr, data) == -1)
			err = errno;	/* PT_READ_*: -1 may be data */
		else
			err = 0;
	}
	rec->req = req;
	rec->pid = pid;
	rec->addr = addr;
	rec->data = data;
	rec->err = err;
	f->errs[err >= 0 && err <= MAXERRNO ? err : MAXERRNO]++;
	f->done++;
	settle_after(f, s, req, err);
}
