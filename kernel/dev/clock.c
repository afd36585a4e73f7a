/*
 * clock.c - the 8253/8254 programmable interval timer and the TSC.
 *
 * PIT channel 0 interrupts hz times a second (100 by default, kernel option
 * hz= from 18 to 1000); each tick drives the scheduler and sleep timeouts.
 * At boot the TSC is calibrated against PIT channel 2 (the best of three
 * 4 ms windows), so uptime (clock_gettime) has TSC resolution. Under QEMU
 * with -icount the TSC counts guest instructions instead of time, which is
 * what the benchmark wants.
 * A CPU without a TSC (a 486: RDTSC is #UD there) counts uptime in ticks.
 */
#include "kernel/dev/clock.h"
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
#define CALIBRATE_MS	4
#define CALIBRATE_WINDOWS	3

volatile uint32_t ticks;
static volatile uint32_t tick_wraps;	/* the high half of the tick count */
int hz = 100;
uint64_t tsc_freq;
static uint64_t tsc_boot;

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

/* TSC ticks during one PIT channel-2 one-shot of CALIBRATE_MS. */
static uint64_t
tsc_per_window(void)
{
	uint32_t count = PIT_FREQ * CALIBRATE_MS / 1000;
	uint64_t t0, t1;
	int spins = 0;

	outb(PIT_GATE, (inb(PIT_GATE) & ~0x02) | 0x01);
	outb(PIT_CMD, PIT_MODE0_CH2);
	outb(PIT_CH2, count & 0xff);
	outb(PIT_CH2, count >> 8);
	t0 = rdtsc();
	while ((inb(PIT_GATE) & 0x20) == 0 && ++spins < 50000000)
		;
	t1 = rdtsc();
	return t1 - t0;
}

/*
 * The smallest of a few short windows: anything that delays the loop (an
 * emulator descheduled by a busy host) only ever adds TSC ticks to a window.
 */
static void
calibrate_tsc(void)
{
	uint64_t best = 0, w;
	int i;

	for (i = 0; i < CALIBRATE_WINDOWS; i++) {
		w = tsc_per_window();
		if (best == 0 || w < best)
			best = w;
	}
	tsc_freq = best * (1000 / CALIBRATE_MS);
	if (tsc_freq == 0)
		tsc_freq = 1000000000ull;
}

void
clock_init(void)
{
	uint32_t divisor;

	hz = kopt_int("hz", 100);
	if (hz < 18 || hz > 1000)
		hz = 100;
	if (cpu_features & KCPU_TSC) {
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
	uint64_t d;

	if (tsc_freq == 0)
		return (uint64_t)ticks * (1000000000ull / hz);
	d = rdtsc() - tsc_boot;
	/* Split to keep d * 1e9 from overflowing 64 bits. */
	return d / tsc_freq * 1000000000ull +
	    d % tsc_freq * 1000000000ull / tsc_freq;
}

/* Ticks covering ns, rounded up; UINT32_MAX for anything longer. */
uint32_t
clock_ns_to_ticks(uint64_t ns)
{
	uint64_t per_tick = 1000000000ull / hz, n;

	n = ns / per_tick + (ns % per_tick != 0);
	return n > UINT32_MAX ? UINT32_MAX : (uint32_t)n;
}
