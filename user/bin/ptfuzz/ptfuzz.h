/*
 * ptfuzz.h - a ptrace fuzzer (docs/hazards.md): a stream of random
 * requests, derived only from a seed, against a few processes of its own.
 *
 *   main.c     the run: options, the loop, the checks every 1,000 requests,
 *              the report (requests per second, the seed of a failure)
 *   rng.c      the generator (xorshift128 seeded through splitmix) and the
 *              biased choices: request numbers, pids, addresses, data
 *   images.c   register, FPU, XMM, debug-register and PT_IO images: valid
 *              ones read from a subject, then mutated
 *   request.c  one request: choose, issue, count, bring the subject back
 *   subject.c  the processes requests are aimed at, their workload, and
 *              keeping each one stopped (or knowing why it is not)
 *   check.c    the invariants of a traced process and of the system
 *
 * Every request draws the same number of random words, whatever happened
 * before, so a seed always produces the same stream of requests; a failure
 * prints its seed and request number, and `make fuzz SEED=s N=n' replays it.
 */
#ifndef PTFUZZ_H
#define PTFUZZ_H

#include <stdint.h>
#include <sys/types.h>

#define NSUBJ		2	/* subject 0 is born traced, 1 untraced */
#define RWORDS		16	/* random words per request */
#define NRECENT		16	/* requests remembered for a failure report */
#define IOBUF_SIZE	65536	/* the tracer's PT_IO buffer, at the heap's end */
#define USER_TOP	0xbfc00000u	/* VM_MAXUSER_ADDRESS */
#define MAXERRNO	100

enum { S_GONE, S_STOPPED, S_UNTRACED };

struct subject {
	pid_t	pid;
	int	state;
	int	idle;		/* requests since it was last traced and stopped */
	int	traced_born;	/* started with PT_TRACE_ME */
};

struct rng {
	uint32_t	s[4];
};

struct recent {
	int		req;
	pid_t		pid;
	uint32_t	addr;
	int		data;
	int		err;
};

struct fuzz {
	pid_t		self;		/* the fuzzer, not a subject running its code */
	uint32_t	seed;
	unsigned long	n;		/* requests to make */
	unsigned long	done;		/* requests made */
	struct rng	rng;
	struct subject	subj[NSUBJ];
	pid_t		zombie;		/* a child kept unreaped */
	pid_t		gone;		/* a pid that was ours and is no more */
	unsigned long	errs[MAXERRNO + 1];	/* by errno; [0]: success */
	unsigned long	resumes, respawns;
	uint32_t	digest;		/* of the request stream (replay check) */
	unsigned long	verbose_from;	/* print each request from this one on */
	uint8_t		*iobuf;		/* IOBUF_SIZE bytes; unmapped after */
	struct recent	recent[NRECENT];
};

/* rng.c */
void		rng_seed(struct rng *g, uint32_t seed);
uint32_t	rng_next(struct rng *g);
int		pick_request(const uint32_t *r);
pid_t		pick_pid(struct fuzz *f, const uint32_t *r, int *cat);
uint32_t	pick_addr(const struct fuzz *f, pid_t pid, const uint32_t *r,
		    int *cat);
int		pick_data(int req, const uint32_t *r);
void		*pick_buffer(struct fuzz *f, void *good, const uint32_t *r);
int		is_resume(int req);

/* images.c */
void		images_touch(void);
int		make_image(struct fuzz *f, int req, pid_t pid,
		    const uint32_t *r, void **buf);

/* request.c */
void		one_request(struct fuzz *f);

/* subject.c */
void		subjects_start(struct fuzz *f);
void		subjects_end(struct fuzz *f);
int		subject_died(struct fuzz *f, struct subject *s);
struct subject	*subject_of(struct fuzz *f, pid_t pid);
void		subject_settle(struct fuzz *f, struct subject *s);
void		subject_tend(struct fuzz *f, struct subject *s);
int		subject_main(void);

/* check.c */
void		check_subject(struct fuzz *f, struct subject *s);
void		check_subjects(struct fuzz *f);
void		check_system(struct fuzz *f);

/* main.c */
void		fuzz_fail(struct fuzz *f, const char *fmt, ...)
		    __attribute__((noreturn, format(printf, 2, 3)));

#endif
