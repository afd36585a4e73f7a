// RUN: qemu hz=1000
// RUN: qemu hz=1000 fpu=lazy
// RUN: qemu hz=1000 | -cpu pentium
// RUN: bochs
// TIMEOUT: 180
/*
 * hazards_e4.c - FPU state isolation. LazyFP (CVE-2018-3665) leaks the
 * previous owner's registers through a lazily switched FPU; AMD's FIP,
 * FDP and FOP (CVE-2006-1056) leak where the last x87 instruction was;
 * exec must start clean; and a tracer's GETFPREGS runs while the tracer's
 * own state is the live one (FreeBSD fill_fpregs saves the live state to
 * its owner first; EN-18:08 broke exactly that under preemption). So: a
 * fresh exec, run while a victim holds a secret in every register, finds
 * the clean state with FIP, FDP and FOP zero as its very first FP action;
 * a tracer holding its own pattern reads the tracee's, writes a third, and
 * still holds its own while the tracee resumes with the third; and that
 * round trip survives 1,000 rounds with the clock at 1000 Hz, eager and
 * lazy, FXSAVE and FNSAVE.
 *
 * Not expressible from user space: the doc's kernel self-test that CR0.TS
 * is never set on the way to user mode (with eager switching the kernel
 * never sets it; docs/fpu.md).
 */
#include "hazards_lib.h"

#define SECRET		0x5ec
#define TRACER_SEED	11
#define TRACEE_SEED	22
#define WRITTEN_SEED	33

static int __attribute__((noreturn))
victim(void)
{
	struct fppattern p;

	fpu_pattern(&p, SECRET);
	fpu_load(&p);
	for (;;)
		sched_yield();
}

/* The probe mode of this program: its first FP action is the snapshot. */
static int
probe(void)
{
	struct fppattern p;
	struct fpview v;
	char why[100];

	fpu_snapshot(&v);
	fpu_pattern(&p, SECRET);
	if (fpu_shows(&p, &v))
		return 2;
	return fpu_is_clean(&v, why, sizeof(why)) ? 0 : 3;
}

HZ_CASE(test_fresh_exec_clean)
{
	char *argv[] = { "hazards_e4", "probe", NULL };
	pid_t pid;
	int i;

	KT_CHECK(hz_child(victim) > 0, "no victim");
	for (i = 0; i < 5; i++) {
		KT_CHECK((pid = kt_spawn("/test/hazards_e4", argv)) > 0,
		    "spawn: errno %d", errno);
		PT_EXITS(pid, 0);		/* 2: the secret, 3: not clean */
	}
	return 0;
}

/* The tracee: its pattern, a stop, then it must hold what was written. */
static int
tracee(void)
{
	struct fppattern p, w;
	struct fpview v;
	char why[100];

	fpu_pattern(&p, TRACEE_SEED);
	fpu_pattern(&w, WRITTEN_SEED);
	for (;;) {
		fpu_load(&p);
		raise(SIGUSR2);
		fpu_snapshot(&v);
		if (!fpu_holds(&w, &v, why, sizeof(why)))
			return 2;
	}
}

/* One round: read the tracee's state, write the third, check our own. */
static int
round_trip(pid_t pid, const struct fppattern *mine)
{
	struct fppattern theirs, w;
	union fpimage img;
	struct fpview v;
	char why[100];

	fpu_pattern(&theirs, TRACEE_SEED);
	fpu_pattern(&w, WRITTEN_SEED);
	if (fpu_fxsr()) {
		PT_OK(PT_GETXMMREGS, pid, &img.fx, 0);
		fpu_view_fx(&img.fx, &v);
	} else {
		PT_OK(PT_GETFPREGS, pid, &img.fn, 0);
		fpu_view_fn(&img.fn, &v);
	}
	KT_CHECK(fpu_holds(&theirs, &v, why, sizeof(why)), "read: %s", why);
	if (fpu_fxsr()) {
		fpu_pattern_xmm(&w, &img.fx);
		PT_OK(PT_SETXMMREGS, pid, &img.fx, 0);
	} else {
		fpu_pattern_fpreg(&w, &img.fn);
		PT_OK(PT_SETFPREGS, pid, &img.fn, 0);
	}
	fpu_snapshot(&v);
	KT_CHECK(fpu_holds(mine, &v, why, sizeof(why)), "tracer's own: %s",
	    why);
	return 0;
}

static int
rounds(int n)
{
	struct fppattern mine;
	pid_t pid = pt_traced(tracee);
	int i;

	KT_CHECK(pid > 0 && hz_child(victim) > 0, "no processes");
	fpu_pattern(&mine, TRACER_SEED);
	fpu_load(&mine);
	PT_CONT(pid, 0);
	for (i = 0; i < n; i++) {
		PT_STOP(pid, SIGUSR2);
		KT_CHECK(round_trip(pid, &mine) == 0, "round %d", i);
		PT_CONT(pid, 0);
	}
	PT_STOP(pid, SIGUSR2);
	return 0;
}

HZ_CASE(test_tracer_round_trip) { return rounds(1); }
HZ_CASE(test_round_trips_preempted) { return rounds(1000); }

int
main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "probe") == 0)
		return probe();
	kt_suite("hazards_e4");
	kt_run("fresh_exec_clean", test_fresh_exec_clean);
	kt_run("tracer_round_trip", test_tracer_round_trip);
	kt_run("round_trips_preempted", test_round_trips_preempted);
	return kt_finish();
}
