/*
 * rng.c - the random stream and the biased choices made from it.
 *
 * The generator is xorshift128, its state filled from the seed through
 * splitmix32, so every seed (0 too) gives a good stream. The choices lean
 * towards what has broken kernels before: every PT_* number and some that
 * are none; the subjects, but also pids that are gone, a zombie, init, the
 * idle process and impossible ones (never an arbitrary positive pid: the
 * fuzzer must not touch a process outside its run); addresses at page
 * boundaries, at the end of user space, in the kernel, in the subject's
 * own text, data and stack, at the end of its image; signal numbers in and
 * out of range.
 */
#include <signal.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "ptfuzz.h"

static uint32_t
splitmix32(uint32_t *x)
{
	uint32_t z = (*x += 0x9e3779b9u);

	z = (z ^ (z >> 16)) * 0x85ebca6bu;
	z = (z ^ (z >> 13)) * 0xc2b2ae35u;
	return z ^ (z >> 16);
}

void
rng_seed(struct rng *g, uint32_t seed)
{
	int i;

	for (i = 0; i < 4; i++)
		g->s[i] = splitmix32(&seed);
	if ((g->s[0] | g->s[1] | g->s[2] | g->s[3]) == 0)
		g->s[0] = 1;
}

uint32_t
rng_next(struct rng *g)
{
	uint32_t t = g->s[3], s = g->s[0];

	g->s[3] = g->s[2];
	g->s[2] = g->s[1];
	g->s[1] = s;
	t ^= t << 11;
	t ^= t >> 8;
	g->s[0] = t ^ s ^ (s >> 19);
	return g->s[0];
}

/* Every request with a weight; the last entry stands for junk numbers. */
static const struct {
	int	req;
	int	weight;
} requests[] = {
	{ PT_READ_I, 4 }, { PT_READ_D, 6 }, { PT_WRITE_I, 4 },
	{ PT_WRITE_D, 6 }, { PT_IO, 10 }, { PT_CONTINUE, 4 },
	{ PT_KILL, 1 }, { PT_STEP, 4 }, { PT_ATTACH, 3 }, { PT_DETACH, 2 },
	{ PT_LWPINFO, 4 }, { PT_CLEARSTEP, 2 }, { PT_SETSTEP, 2 },
	{ PT_TO_SCE, 2 }, { PT_TO_SCX, 2 }, { PT_SYSCALL, 2 },
	{ PT_GET_SC_ARGS, 2 }, { PT_GET_SC_RET, 2 }, { PT_GETREGS, 4 },
	{ PT_SETREGS, 10 }, { PT_GETFPREGS, 3 }, { PT_SETFPREGS, 5 },
	{ PT_GETDBREGS, 3 }, { PT_SETDBREGS, 8 }, { PT_GETXMMREGS, 3 },
	{ PT_SETXMMREGS, 5 }, { PT_TRACE_ME, 1 }, { PT_GETNUMLWPS, 1 },
	{ PT_GETLWPLIST, 2 }, { PT_SUSPEND, 2 }, { PT_RESUME, 2 }, { -1, 10 },
};

/* Numbers that are no request (and a few that could be confused with one). */
static const int junk_requests[] = {
	3, 6, 23, 26, 29, 30, 31, 32, 39, 40, 41, 63, 66, 100, 255,
	-2, 0x7fffffff, (int)0x80000000,
};

int
pick_request(const uint32_t *r)
{
	unsigned total = 0, i, x;

	for (i = 0; i < sizeof(requests) / sizeof(requests[0]); i++)
		total += requests[i].weight;
	x = r[0] % total;
	for (i = 0; x >= (unsigned)requests[i].weight; i++)
		x -= requests[i].weight;
	if (requests[i].req != -1)
		return requests[i].req;
	if (r[1] & 1)
		return (int)r[1] >> 1;
	return junk_requests[r[1] % (sizeof(junk_requests) / sizeof(int))];
}

int
is_resume(int req)
{
	return req == PT_CONTINUE || req == PT_STEP || req == PT_TO_SCE ||
	    req == PT_TO_SCX || req == PT_SYSCALL || req == PT_KILL ||
	    req == PT_DETACH;
}

/* The pid of a request; *cat says which kind it is (for the digest). */
pid_t
pick_pid(struct fuzz *f, const uint32_t *r, int *cat)
{
	static const pid_t impossible[] = { -1, -2, 100000, 0x7fffffff,
	    (pid_t)0x80000000 };

	*cat = r[2] % 16;
	switch (*cat) {
	case 0: case 1: case 2: case 3: case 4: case 5: case 6: case 7:
		return f->subj[0].pid;
	case 8: case 9: case 10:
		return f->subj[1].pid;
	case 11:
		return f->zombie;
	case 12:
		return f->gone;
	case 13:
		return r[3] & 1 ? 1 : 0;	/* init, the idle process */
	case 14:
		return getpid();
	}
	return impossible[r[3] % (sizeof(impossible) / sizeof(pid_t))];
}

/* Boundaries: page 0, page edges, the end of user space, the kernel. */
static const uint32_t edges[] = {
	0x00000000, 0x00000001, 0x00000fff, 0x00001000, 0x08048000,
	0xbf3ffffc, 0xbfbff000, 0xbfbffffc, 0xbfbffffe, 0xbfbfffff,
	0xbfc00000, 0xc0000000, 0xc0100000, 0xfffff000, 0xfffffffc,
	0xffffffff,
};

extern volatile uint32_t subject_data[];
extern char end[];	/* user/user.ld: the end of the image */

/* An address in the subject (or not); *cat is its kind. */
uint32_t
pick_addr(const struct fuzz *f, pid_t pid, const uint32_t *r, int *cat)
{
	int delta = (int)(r[5] % 17) - 8;

	(void)f, (void)pid;
	*cat = r[4] % 8;
	switch (*cat) {
	case 0: case 1:
		return edges[r[5] % (sizeof(edges) / sizeof(edges[0]))] +
		    (r[6] & 1 ? delta : 0);
	case 2:
		return (uint32_t)&subject_data[r[5] % 1024];
	case 3:
		return (uint32_t)subject_main + r[5] % 64;
	case 4:					/* the stack's top pages */
		return USER_TOP - 4 - (r[5] % 8192);
	case 5:					/* the edges of some page */
		return (r[5] & 0xfffff000u) + (r[6] & 1 ? 0xffc : 0xffe);
	case 6:
		return (uint32_t)end - 4 + (r[5] % 8);
	}
	return r[5];
}

/* The data word: a signal for resumes, a size, or a word to write. */
int
pick_data(int req, const uint32_t *r)
{
	static const int junk[] = { -1, 32, 33, 128, 0x7fffffff,
	    (int)0x80000000 };

	if (is_resume(req)) {
		if (r[7] % 10 < 7)
			return 0;
		if (r[7] % 10 < 9)
			return 1 + r[8] % (NSIG - 1);
		return junk[r[8] % (sizeof(junk) / sizeof(int))];
	}
	if (req == PT_LWPINFO && r[7] % 4 != 0)
		return sizeof(struct ptrace_lwpinfo);
	if (req == PT_LWPINFO || req == PT_GET_SC_ARGS)
		return (int)(r[8] % 200) - 8;
	return (int)r[8];
}

/*
 * The tracer-side buffer of a request: good (mostly), or one the kernel
 * must refuse: NULL, kernel memory, read-only text, or one that runs from
 * the end of the heap into unmapped memory.
 */
void *
pick_buffer(struct fuzz *f, void *good, const uint32_t *r)
{
	switch (r[9] % 16) {
	case 0:
		return NULL;
	case 1:
		return (void *)0xc0000000u;
	case 2:
		return (void *)(uintptr_t)pick_buffer;	/* our own text */
	case 3:
		return f->iobuf + IOBUF_SIZE - (r[10] % 64);
	case 4:
		return (void *)0xfffffff0u;
	}
	return good;
}
