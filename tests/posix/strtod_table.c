/*
 * strtod_table.c - a table of conversions from text to double written
 * only against ISO C: strtod's value (its bits in hexadecimal, so every
 * bit shows, and %.17g), how much of the text it took and whether it said
 * ERANGE, for hard cases (halfway points, the edges of overflow and
 * underflow, hexadecimal floats, inf and nan); then sscanf and atof on
 * the same.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long long
bits(double d)
{
	uint64_t u;

	memcpy(&u, &d, sizeof(u));
	return (unsigned long long)u;
}

static const char *const inputs[] = {
	"0", "-0.0", "1", "0.1", "3.14159265358979323846", "1e23",
	"9007199254740993", "9007199254740995",
	"1.00000000000000011102230246251565404236316680908203125",
	"2.2250738585072011e-308", "2.2250738585072014e-308",
	"4.9406564584124654e-324", "2.4703282292062327e-324",
	"2.4703282292062328e-324", "1.7976931348623157e308",
	"1.7976931348623159e308", "1e-400", "0x1.8p1", "0x1p-1074",
	"-INF", "infinity", "nan", "  +12.5e-1xyz", "1e", ".", "x",
	"123456789012345678901234567890e-10",
};

int
main(void)
{
	unsigned i;
	char *end;
	double d, s;
	int err, n;

	for (i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++) {
		errno = 0;
		d = strtod(inputs[i], &end);
		err = errno;
		s = 0;
		n = sscanf(inputs[i], "%lf", &s);
		printf("%-58s %016llx %-24.17g used %2d%s scanf %d %016llx "
		    "atof %016llx\n", inputs[i], bits(d), d,
		    (int)(end - inputs[i]), err == ERANGE ? " ERANGE" : "",
		    n, bits(s), bits(atof(inputs[i])));
	}
	return 0;
}
