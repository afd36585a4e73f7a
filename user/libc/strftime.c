/*
 * strftime.c - formatting a broken-down time in the "C" locale: every
 * conversion of C11 and POSIX (%a ... %Z, with the E and O modifiers
 * accepted and ignored), and the common extensions %k %l %s %P %+.
 * asctime and ctime are strftime with asctime's fixed format.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

static const char *const days[7] = { "Sunday", "Monday", "Tuesday",
	"Wednesday", "Thursday", "Friday", "Saturday" };
static const char *const months[12] = { "January", "February", "March",
	"April", "May", "June", "July", "August", "September", "October",
	"November", "December" };

struct out {
	char	*p;
	size_t	room;		/* bytes left, the NUL's included */
	int	full;
};

static void
put(struct out *o, const char *s, size_t n)
{
	if (n >= o->room) {
		o->full = 1;
		n = o->room > 0 ? o->room - 1 : 0;
	}
	memcpy(o->p, s, n);
	o->p += n;
	o->room -= n;
}

static void
puts_(struct out *o, const char *s)
{
	put(o, s, strlen(s));
}

/* A number, at least `width' digits wide, padded with `pad' ('0' or ' '). */
static void
num(struct out *o, long long v, int width, char pad)
{
	char buf[32];
	int n;

	n = snprintf(buf, sizeof(buf), pad == '0' ? "%0*lld" : "%*lld", width,
	    v);
	put(o, buf, (size_t)n);
}

/* Weeks (52 or 53) in ISO 8601 year y: 53 if it starts on a Thursday, etc. */
static int
iso_weeks(long long y)
{
	long long p = (y + y / 4 - y / 100 + y / 400) % 7;
	long long q = ((y - 1) + (y - 1) / 4 - (y - 1) / 100 + (y - 1) / 400) % 7;

	return 52 + (p == 4 || q == 3);
}

/* The ISO 8601 week number of tm and the year that week belongs to. */
static int
iso_week(const struct tm *tm, long long *year)
{
	int wday = (tm->tm_wday + 6) % 7 + 1;	/* Monday 1 .. Sunday 7 */
	int week = (tm->tm_yday + 1 - wday + 10) / 7;

	*year = 1900LL + tm->tm_year;
	if (week < 1) {
		(*year)--;
		return iso_weeks(*year);
	}
	if (week > iso_weeks(*year)) {
		(*year)++;
		return 1;
	}
	return week;
}

static void format(struct out *, const char *, const struct tm *);

/* One conversion character c. */
static void
convert(struct out *o, int c, const struct tm *tm)
{
	long long year = 1900LL + tm->tm_year, iy;
	long off = tm->tm_gmtoff < 0 ? -tm->tm_gmtoff : tm->tm_gmtoff;
	char ch = (char)c;
	int hour12 = tm->tm_hour % 12 == 0 ? 12 : tm->tm_hour % 12;
	int mon = tm->tm_mon >= 0 && tm->tm_mon < 12 ? tm->tm_mon : 0;
	int wday = tm->tm_wday >= 0 && tm->tm_wday < 7 ? tm->tm_wday : 0;
	struct tm copy;

	switch (c) {
	case 'a': put(o, days[wday], 3); break;
	case 'A': puts_(o, days[wday]); break;
	case 'b': case 'h': put(o, months[mon], 3); break;
	case 'B': puts_(o, months[mon]); break;
	case 'c': format(o, "%a %b %e %H:%M:%S %Y", tm); break;
	case 'C': num(o, year / 100, 2, '0'); break;
	case 'd': num(o, tm->tm_mday, 2, '0'); break;
	case 'D': format(o, "%m/%d/%y", tm); break;
	case 'e': num(o, tm->tm_mday, 2, ' '); break;
	case 'F': format(o, "%Y-%m-%d", tm); break;
	case 'g': iso_week(tm, &iy); num(o, iy % 100, 2, '0'); break;
	case 'G': iso_week(tm, &iy); num(o, iy, 1, '0'); break;
	case 'H': num(o, tm->tm_hour, 2, '0'); break;
	case 'I': num(o, hour12, 2, '0'); break;
	case 'j': num(o, tm->tm_yday + 1, 3, '0'); break;
	case 'k': num(o, tm->tm_hour, 2, ' '); break;
	case 'l': num(o, hour12, 2, ' '); break;
	case 'm': num(o, tm->tm_mon + 1, 2, '0'); break;
	case 'M': num(o, tm->tm_min, 2, '0'); break;
	case 'n': put(o, "\n", 1); break;
	case 'p': puts_(o, tm->tm_hour < 12 ? "AM" : "PM"); break;
	case 'P': puts_(o, tm->tm_hour < 12 ? "am" : "pm"); break;
	case 'r': format(o, "%I:%M:%S %p", tm); break;
	case 'R': format(o, "%H:%M", tm); break;
	case 's':
		copy = *tm;
		num(o, (long long)mktime(&copy), 1, '0');
		break;
	case 'S': num(o, tm->tm_sec, 2, '0'); break;
	case 't': put(o, "\t", 1); break;
	case 'T': format(o, "%H:%M:%S", tm); break;
	case 'u': num(o, (tm->tm_wday + 6) % 7 + 1, 1, '0'); break;
	case 'U': num(o, (tm->tm_yday + 7 - tm->tm_wday) / 7, 2, '0'); break;
	case 'V': num(o, iso_week(tm, &iy), 2, '0'); break;
	case 'w': num(o, tm->tm_wday, 1, '0'); break;
	case 'W':
		num(o, (tm->tm_yday + 7 - (tm->tm_wday + 6) % 7) / 7, 2, '0');
		break;
	case 'x': format(o, "%m/%d/%y", tm); break;
	case 'X': format(o, "%H:%M:%S", tm); break;
	case 'y': num(o, (year % 100 + 100) % 100, 2, '0'); break;
	case 'Y': num(o, year, 1, '0'); break;
	case 'z':
		put(o, tm->tm_gmtoff < 0 ? "-" : "+", 1);
		num(o, off / 3600 * 100 + off / 60 % 60, 4, '0');
		break;
	case 'Z': puts_(o, tm->tm_zone != NULL ? tm->tm_zone : "UTC"); break;
	case '+': format(o, "%a %b %e %H:%M:%S %Z %Y", tm); break;
	case '%': put(o, "%", 1); break;
	default:			/* unknown: copied as it is */
		put(o, "%", 1);
		if (c != '\0')
			put(o, &ch, 1);
		break;
	}
}

static void
format(struct out *o, const char *fmt, const struct tm *tm)
{
	for (; *fmt != '\0'; fmt++) {
		if (*fmt != '%') {
			put(o, fmt, 1);
			continue;
		}
		fmt++;
		if (*fmt == 'E' || *fmt == 'O')	/* alternative forms: none in C */
			fmt++;
		convert(o, (unsigned char)*fmt, tm);
		if (*fmt == '\0')
			break;
	}
}

/* Returns the length written, or 0 (contents unspecified) if it did not fit. */
size_t
strftime(char *__restrict buf, size_t size, const char *__restrict fmt,
    const struct tm *__restrict tm)
{
	struct out o = { buf, size, 0 };

	format(&o, fmt, tm);
	if (o.full || size == 0)
		return 0;
	*o.p = '\0';
	return (size_t)(o.p - buf);
}

/* "Thu Jan  1 00:00:00 1970\n": 26 bytes with the NUL. */
char *
asctime_r(const struct tm *__restrict tm, char *__restrict buf)
{
	return strftime(buf, 26, "%a %b %e %H:%M:%S %Y\n", tm) > 0 ? buf :
	    NULL;
}

char *
asctime(const struct tm *tm)
{
	static char buf[26];

	return asctime_r(tm, buf);
}

char *
ctime_r(const time_t *t, char *buf)
{
	struct tm tm;

	return asctime_r(localtime_r(t, &tm), buf);
}

char *
ctime(const time_t *t)
{
	static char buf[26];

	return ctime_r(t, buf);
}
