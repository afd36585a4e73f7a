/*
 * clock.c - the 8253/8254 programmable interval timer and the TSC.
 *
 * PIT channel 0 interrupts hz times a second (100 by default, kernel option
 * hz= from 18 to 1000); each tick drives the scheduler and sleep timeouts.
 * The uptime (clock_gettime's CLOCK_MONOTONIC) is the TSC since boot, turned
 * into nanoseconds exactly (kernel/dev/tsc_ns.c), so it never decreases.
 * Under QEMU with -icount the TSC counts guest instructions instead of
 * time, which is what the benchmark wants. A CPU without a TSC (a 486:
 * RDTSC is #UD there) counts uptime in ticks.
 *
 * The TSC's rate is measured at boot against PIT channel 2, counting down
 * freely, over a window of about 5 ms. Each end of the window is the moment
 * the count changes (an edge): it lies after the latch that still saw the
 * old count and no later than the latch that saw the new one, so between
 * the first RDTSC of the one reading and the last of the other, and the
 * count there is exact. The error of the rate is then at most the two
 * brackets' half-widths over the window; the first window whose bound is
 * within CALIBRATE_PPM ends the calibration: under QEMU a bracket (two
 * readings) is about 0.3 us, so a quiet host's first window bounds the rate
 * to about 60 ppm. An emulator may be descheduled at any moment on a busy host; the
 * guest cannot see that, but it advances the PIT and the TSC alike, so a
 * pause between two readings costs nothing. Only a pause inside a bracket
 * matters: it widens the bracket, so the tightest of a few edges is kept
 * and a window whose bound is still too wide is measured again.
 * (Timing a fixed 4 ms window of TSC ticks instead measured 3 to 5 times
 * the true rate under load: the clock ran slow, and past 18.4 GHz it ran
 * backwards.) The kernel option tscstall=N pauses N million TSC ticks at
 * both places during calibration, the way a busy host does (suite
 * proc_clock).
 */
#include "kernel/dev/clock.h"
#include "kernel/dev/tsc_ns.h"
#include "kernel/cmdline.h"
#include "kernel/i386/cpu.h"
#include "kernel/i386/trap.h"
#include "kernel/i386/x86.h"
#include "proc/proc.h"

#define PIT_FREQ	1193182u
#define PIT_CH0		0x40
#define PIT_CH2		0x42
#define PIT_CMD		0x43
#define PIT_GATE	0x61	/* bit 0: channel 2 gate, bit 5: its output */
#define PIT_MODE2_CH0	0x34	/* channel 0, lo/hi byte, rate generator */
#define PIT_MODE0_CH2	0xb0	/* channel 2, lo/hi byte, one-shot */
#define PIT_LATCH_CH2	0x80	/* channel 2, latch the count */
#define CALIBRATE_COUNTS	(PIT_FREQ / 200)	/* 5 ms of PIT counts */
#define CALIBRATE_PPM	100	/* the error bound that ends calibration */
#define CALIBRATE_TRIES	3	/* edges per end, valid windows per boot */
#define EDGE_SPINS	100000	/* readings before the PIT counts as stuck */

volatile uint32_t ticks;
static volatile uint32_t tick_wraps;	/* the high half of the tick count */
int hz = 100;
uint64_t tsc_freq;
static uint64_t tsc_boot;
static uint64_t calib_stall;	/* kernel option tscstall=, in TSC ticks */

static void
clock_intr(void)
{
	if (++ticks == 0)
		tick_wraps++;
	sched_clock();
}

/*
 * Ticks since boot, all 64 bits: deadlines kept in this count never wrap
 * (2^32 ticks are 50 days at hz=1000), so a timeout or an alarm of any
 * length compares right.
 */
uint64_t
clock_ticks64(void)
{
	uint32_t ef = intr_disable();
	uint64_t t = (uint64_t)tick_wraps << 32 | ticks;

	intr_restore(ef);
	return t;
}

/* The tscstall= option: spin as long as a descheduled emulator would stop. */
static void
stall(void)
{
	uint64_t t0 = rdtsc();

	while (calib_stall != 0 && rdtsc() - t0 < calib_stall)
		;
}

/* One PIT channel-2 count with the TSC read just before and just after. */
struct pit_reading {
	uint64_t	t0, t1;
	uint32_t	count;
};

static void
pit_read(struct pit_reading *rd, int stalled)
{
	uint32_t lo, hi;

	rd->t0 = rdtsc();
	if (stalled)
		stall();
	outb(PIT_CMD, PIT_LATCH_CH2);
	lo = inb(PIT_CH2);
	hi = inb(PIT_CH2);
	rd->t1 = rdtsc();
	rd->count = hi << 8 | lo;
}

/* The moment channel 2 took a count: that count and the TSC then. */
struct pit_edge {
	uint64_t	tsc;	/* the middle of the bracket */
	uint64_t	width;	/* the bracket: how unsure tsc is */
	uint32_t	count;
};

/*
 * Read channel 2 until its count changes; with stalled, the first reading
 * stalls. Returns 0 if the count never changed (no PIT there).
 */
static int
pit_edge(struct pit_edge *e, int stalled)
{
	struct pit_reading before, after;
	int spins = 0;

	pit_read(&after, stalled);
	do {
		before = after;
		pit_read(&after, 0);
	} while (after.count == before.count && ++spins < EDGE_SPINS);
	if (after.count == before.count)
		return 0;
	e->tsc = before.t0 + (after.t1 - before.t0) / 2;
	e->width = after.t1 - before.t0;
	e->count = after.count;
	return 1;
}

/* The tightest of a few edges; with stalled, the first one stalls. */
static int
pit_edge_best(struct pit_edge *best, int stalled)
{
	struct pit_edge e;
	int i, found = 0;

	for (i = 0; i < CALIBRATE_TRIES; i++) {
		if (!pit_edge(&e, stalled && i == 0))
			continue;
		if (found++ == 0 || e.width < best->width)
			*best = e;
	}
	return found != 0;
}

/*
 * One window: channel 2 counts down from 0xffff (55 ms); take an edge, let
 * at least CALIBRATE_COUNTS go by, take another. Returns the TSC ticks per
 * second and in *err the bound on its error in 1/10^6 (half of each
 * bracket over the window), or 0 if the PIT did not count or the count ran
 * out (a pause longer than 55 ms).
 */
static uint64_t
tsc_window(uint64_t *err)
{
	struct pit_edge a, b;
	struct pit_reading rd;
	uint64_t span;
	int spins = 0;

	outb(PIT_GATE, (inb(PIT_GATE) & ~0x02) | 0x01);
	outb(PIT_CMD, PIT_MODE0_CH2);
	outb(PIT_CH2, 0xff);
	outb(PIT_CH2, 0xff);
	if (!pit_edge_best(&a, 1))
		return 0;
	stall();
	do
		pit_read(&rd, 0);
	while (a.count - rd.count < CALIBRATE_COUNTS && ++spins < 10000000 &&
	    (inb(PIT_GATE) & 0x20) == 0);
	if (!pit_edge_best(&b, 0) || (inb(PIT_GATE) & 0x20) != 0 ||
	    b.count >= a.count || b.tsc <= a.tsc)
		return 0;
	span = b.tsc - a.tsc;
	*err = (a.width + b.width) / 2 * 1000000u / span;
	return span * PIT_FREQ / (a.count - b.count);
}

/*
 * The first window whose error bound is within CALIBRATE_PPM, or else the
 * tightest of a few valid ones; 1 GHz if none was valid.
 */
static void
calibrate_tsc(void)
{
	uint64_t f, err, best_err = 0;
	int i, valid = 0;

	tsc_freq = 0;
	for (i = 0; i < 3 * CALIBRATE_TRIES && valid < CALIBRATE_TRIES; i++) {
		f = tsc_window(&err);
		if (f == 0)
			continue;
		if (valid++ == 0 || err < best_err) {
			tsc_freq = f;
			best_err = err;
		}
		if (best_err <= CALIBRATE_PPM)
			break;
	}
	if (tsc_freq == 0)
		tsc_freq = 1000000000ull;
}

void
clock_init(void)
{
	uint32_t divisor;
	int stall_m;

	hz = kopt_int("hz", 100);
	if (hz < 18 || hz > 1000)
		hz = 100;
	if (cpu_features & KCPU_TSC) {
		stall_m = kopt_int("tscstall", 0);
		calib_stall = stall_m > 0 ? (uint64_t)stall_m * 1000000u : 0;
		calibrate_tsc();
		tsc_boot = rdtsc();
	}
	divisor = PIT_FREQ / hz;
	outb(PIT_CMD, PIT_MODE2_CH0);
	outb(PIT_CH0, divisor & 0xff);
	outb(PIT_CH0, divisor >> 8);
	irq_register(0, clock_intr);
}

uint64_t
clock_uptime_ns(void)
{
	if (tsc_freq == 0)
		return (uint64_t)ticks * (1000000000ull / hz);
	return tsc_ns(rdtsc() - tsc_boot, tsc_freq);
}

/* Ticks covering ns, rounded up; UINT32_MAX for anything longer. */
uint32_t
clock_ns_to_ticks(uint64_t ns)
{
	uint64_t per_tick = 1000000000ull / hz, n;

	n = ns / per_tick + (ns % per_tick != 0);
	return n > UINT32_MAX ? UINT32_MAX : (uint32_t)n;
}
