/*
 * rtc.c - the MC146818-compatible CMOS clock of the PC (ports 0x70/0x71),
 * read once at boot. Its registers hold the date and time in BCD or binary
 * and the hour in 12- or 24-hour form, as status register B says; the
 * century lives in register 0x32 where the firmware keeps it. A read is
 * trusted only if it does not fall into an update (UIP) and two reads in a
 * row agree. From then on the wall clock is the boot time plus the uptime
 * (kernel/dev/clock.c); there is no settimeofday.
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

static uint64_t boot_epoch_ns;	/* the wall-clock time at uptime 0 */

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

void
rtc_init(void)
{
	struct raw a, b;
	struct rtc_time t;
	int64_t secs;
	int tries = 5;

	read_raw(&a);
	do {
		b = a;
		read_raw(&a);
	} while (!same(&a, &b) && --tries > 0);
	decode(&a, &t);
	if ((secs = rtc_to_epoch(&t)) < 0) {
		kprintf("rtc: unreadable date, the clock starts at 1970\n");
		secs = 0;
	}
	boot_epoch_ns = (uint64_t)secs * 1000000000u;
	if (boot_epoch_ns > clock_uptime_ns())
		boot_epoch_ns -= clock_uptime_ns();
	kprintf("rtc: %04d-%02d-%02d %02d:%02d:%02d UTC\n", t.year, t.month,
	    t.day, t.hour, t.min, t.sec);
}

uint64_t
realtime_ns(void)
{
	return boot_epoch_ns + clock_uptime_ns();
}

uint32_t
realtime_sec(void)
{
	return (uint32_t)(realtime_ns() / 1000000000u);
}
