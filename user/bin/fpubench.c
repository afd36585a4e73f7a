/*
 * fpubench - what a context switch costs when both processes use the FPU,
 * against the same switch when neither does, in TSC ticks (under QEMU with
 * -icount shift=0: guest instructions, exactly repeatable).
 *
 * Two processes hand the CPU to each other with sched_yield, N times each.
 * In the first round neither has executed an FP instruction since exec, so
 * neither owns FPU state and no switch moves any. In the FPU round each
 * touches x87 and (where present) SSE registers between yields, so every
 * switch must move FPU state: eagerly (FXSAVE + FXRSTOR in the switch) or
 * lazily (CR0.TS, then #NM at the first FP instruction). The difference
 * between the rounds is the FPU's share.
 * Boot with fpu=lazy to measure lazy switching; docs/fpu.md has figures.
 *
 *	fpubench [switches]
 */
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/kinfo.h>
#include <sys/wait.h>
#include <unistd.h>

static int has_sse;

static uint64_t
rdtsc(void)
{
	uint64_t v;

	__asm__ volatile("rdtsc" : "=A"(v));
	return v;
}

/* One x87 and one SSE instruction: enough to need the FPU state. */
static void
touch_fpu(void)
{
	static const float one[4] __attribute__((aligned(16))) = { 1, 1, 1, 1 };

	__asm__ volatile("fld1\n\tfstp %st(0)");
	if (has_sse)
		__asm__ volatile("movaps %0, %%xmm0\n\taddps %%xmm0, %%xmm0"
		    : : "m"(one));
}

static void
yields(int n, int fpu)
{
	int i;

	for (i = 0; i < n; i++) {
		if (fpu)
			touch_fpu();
		sched_yield();
	}
}

/*
 * Ticks per switch while two processes yield to each other n times each;
 * in *cr3, the CR3 writes per 100 switches (kinfo KINFO_CR3WRITES).
 */
static uint64_t
round_trip(int n, int fpu, unsigned *cr3)
{
	uint64_t t0, t1;
	unsigned c0;
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		yields(n + 1, fpu);
		_exit(0);
	}
	sched_yield();		/* let the child reach its loop */
	c0 = kinfo(KINFO_CR3WRITES);
	t0 = rdtsc();
	yields(n, fpu);
	t1 = rdtsc();
	*cr3 = (kinfo(KINFO_CR3WRITES) - c0) * 100 / (2 * n);
	waitpid(pid, &status, 0);
	return (t1 - t0) / (2 * (uint64_t)n);
}

int
main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 5000;
	uint64_t plain, fpu;
	unsigned cr3, cr3_fpu;

	if (!(kinfo(KINFO_CPUFEATURES) & KCPU_TSC)) {
		fprintf(stderr, "fpubench: this CPU has no TSC\n");
		return 1;
	}
	has_sse = (kinfo(KINFO_CPUFEATURES) & KCPU_SSE) != 0;
	/* Not a single FP instruction before the first round: FPU-free processes. */
	round_trip(n / 10 + 1, 0, &cr3);	/* warm up */
	plain = round_trip(n, 0, &cr3);
	round_trip(n / 10 + 1, 1, &cr3_fpu);
	fpu = round_trip(n, 1, &cr3_fpu);
	printf("fpubench: %s switching, %d switches each: no FPU use %llu "
	    "ticks/switch, x87%s use %llu, FPU share %lld\n",
	    kinfo(KINFO_FPUMODE) ? "lazy" : "eager", 2 * n,
	    (unsigned long long)plain, has_sse ? "+SSE" : "",
	    (unsigned long long)fpu, (long long)(fpu - plain));
	printf("fpubench: CR3 writes per switch %u.%02u, with FPU use %u.%02u\n",
	    cr3 / 100, cr3 % 100, cr3_fpu / 100, cr3_fpu % 100);
	return 0;
}
