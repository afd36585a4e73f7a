/*
 * rtc.c - the MC146818-compatible CMOS clock of the PC (ports 0x70/0x71),
 * read at boot and again whenever the wall clock is asked for a second or
 * more after the last read. Its registers hold the date and time in BCD or
 * binary and the hour in 12- or 24-hour form, as status register B says;
 * the century lives in register 0x32 where the firmware keeps it. A read is
 * trusted only if it does not fall into an update (UIP) and two reads in a
 * row agree. The wall clock is the RTC's time plus the uptime since it was
 * read (kernel/dev/clock.c); there is no settimeofday. The RTC counts
 * seconds on its own crystal, so it is also the self-test's yardstick for
 * the uptime's rate.
 */
#include "kernel/dev/rtc.h"
#include "kernel/dev/clock.h"
#include "kernel/kprintf.h"
#include "kernel/i386/x86.h"

#define CMOS_INDEX	0x70
#define CMOS_DATA	0x71
#define REG_SEC		0x00
#define REG_MIN		0x02
#define REG_HOUR	0x04
#define REG_DAY		0x07
#define REG_MONTH	0x08
#define REG_YEAR	0x09
#define REG_A		0x0a
#define REG_B		0x0b
#define REG_CENTURY	0x32
#define A_UIP		0x80	/* an update is in progress */
#define B_24H		0x02
#define B_BINARY	0x04
#define HOUR_PM		0x80

#define RESYNC_NS	1000000000u	/* read the RTC again after a second */
#define RATE_SLACK_NS	100000000u	/* the self-test's tolerance: 10 % */

static uint64_t boot_epoch_ns;	/* the wall-clock time at uptime 0 */
static uint64_t synced_at;	/* the uptime of the last RTC read */

static int
cmos(int reg)
{
	outb(CMOS_INDEX, reg);
	return inb(CMOS_DATA);
}

struct raw {
	int	r[6];
	int	century;
};

static void
read_raw(struct raw *raw)
{
	static const int regs[6] = { REG_SEC, REG_MIN, REG_HOUR, REG_DAY,
	    REG_MONTH, REG_YEAR };
	int i, spins = 100000;

	while ((cmos(REG_A) & A_UIP) && --spins > 0)
		;
	for (i = 0; i < 6; i++)
		raw->r[i] = cmos(regs[i]);
	raw->century = cmos(REG_CENTURY);
}

static int
same(const struct raw *a, const struct raw *b)
{
	int i;

	for (i = 0; i < 6; i++)
		if (a->r[i] != b->r[i])
			return 0;
	return a->century == b->century;
}

/* Decode the registers into t: BCD or binary, 12- or 24-hour, the century. */
static void
decode(const struct raw *raw, struct rtc_time *t)
{
	int b = cmos(REG_B), pm = raw->r[2] & HOUR_PM, v[6], i, century;

	for (i = 0; i < 6; i++) {
		v[i] = i == 2 ? raw->r[i] & ~HOUR_PM : raw->r[i];
		if (!(b & B_BINARY))
			v[i] = rtc_bcd(v[i]);
	}
	if (!(b & B_24H))
		v[2] = v[2] % 12 + (pm ? 12 : 0);
	century = (b & B_BINARY) ? raw->century : rtc_bcd(raw->century);
	if (century < 19 || century > 30)	/* no century register */
		century = v[5] < 70 ? 20 : 19;
	t->sec = v[0];
	t->min = v[1];
	t->hour = v[2];
	t->day = v[3];
	t->month = v[4];
	t->year = century * 100 + v[5];
}

/* The RTC's time now, in seconds since the epoch; -1 if it is unreadable. */
static int64_t
rtc_read(struct rtc_time *t)
{
	struct raw a, b;
	int tries = 5;

	read_raw(&a);
	do {
		b = a;
		read_raw(&a);
	} while (!same(&a, &b) && --tries > 0);
	decode(&a, t);
	return rtc_to_epoch(t);
}

/*
 * Set the wall clock from the RTC: the true time lies somewhere in the
 * second the RTC shows, so its middle is taken.
 */
static void
sync(uint64_t up)
{
	struct rtc_time t;
	int64_t secs = rtc_read(&t);

	synced_at = up;
	if (secs < 0)
		return;
	boot_epoch_ns = (uint64_t)secs * 1000000000u + 500000000u - up;
}

void
rtc_init(void)
{
	struct rtc_time t;
	int64_t secs = rtc_read(&t);

	if (secs < 0) {
		kprintf("rtc: unreadable date, the clock starts at 1970\n");
		return;
	}
	sync(clock_uptime_ns());
	kprintf("rtc: %04d-%02d-%02d %02d:%02d:%02d UTC\n", t.year, t.month,
	    t.day, t.hour, t.min, t.sec);
}

/*
 * The wall clock: the uptime plus where it started, set again from the RTC
 * once a second, so that a clock whose rate is a little off (the TSC's
 * calibration on a busy host) cannot drift away from the real time.
 */
uint64_t
realtime_ns(void)
{
	uint64_t up = clock_uptime_ns();

	if (boot_epoch_ns != 0 && up - synced_at >= RESYNC_NS)
		sync(up);
	return boot_epoch_ns + up;
}

uint32_t
realtime_sec(void)
{
	return (uint32_t)(realtime_ns() / 1000000000u);
}

/*
 * The uptime when the RTC's seconds next change, read outside its updates;
 * 0 if they did not change within three seconds of timer ticks.
 */
static uint64_t
next_second(void)
{
	uint64_t end = clock_ticks64() + 3 * (uint64_t)hz;
	int sec = -1, now;

	while (clock_ticks64() < end) {
		if (cmos(REG_A) & A_UIP)
			continue;
		now = cmos(REG_SEC);
		if (sec >= 0 && now != sec)
			return clock_uptime_ns();
		sec = now;
	}
	return 0;
}

/*
 * The uptime against the RTC: from one change of its seconds to the next
 * is one second by a clock that shares nothing with the PIT or the TSC, so
 * a TSC rate measured wrong at boot shows here. A busy host that stops the
 * emulator at one of the changes delays its reading; a second measurement
 * is taken before that counts as a wrong rate. Runs with interrupts on.
 */
const char *
rtc_selftest(void)
{
	static char why[80];
	uint64_t t0, t1 = 0, d = 0;
	int try;

	for (try = 0; try < 2; try++) {
		t0 = next_second();
		if (t0 != 0)
			t1 = next_second();
		if (t0 == 0 || t1 == 0)
			return "the RTC's seconds did not change";
		d = t1 - t0;
		if (d > 1000000000u - RATE_SLACK_NS &&
		    d < 1000000000u + RATE_SLACK_NS)
			return NULL;
	}
	ksnprintf(why, sizeof(why), "one second of the RTC took %u ms of "
	    "uptime", (unsigned)(d / 1000000u));
	return why;
}
