/*
 * math_exp.c - exponentials, logarithms and powers on the x87.
 *
 * Logarithms are one fyl2x: log_b(x) = log_b(2) * log2(x). Exponentials go
 * through 2^t = 2^n * 2^f (n = rint(t), |f| <= 1/2), with f2xm1 for 2^f and
 * fscale for 2^n. exp(x) first takes n * ln 2 off x in two parts (ln 2 to
 * 48 bits, so n * LN2_HI is exact, and the rest), so the small remainder
 * carries all its bits into f2xm1. pow(x, y) is 2^(y * log2 |x|) with the
 * product from fyl2x, after C's long list of special cases (C11 F.10.4.4).
 */
#include <math.h>
#include "math_impl.h"

#define LN2		0x0.b17217f7d1cf79acp0L	/* ln 2, rounded to 64 bits */
#define LN2_HI		0xb17217f7d1cfp-48L	/* its first 48 bits */
#define LN2_LO		0xf35793c7673007e6p-113L	/* ln 2 - LN2_HI */
#define LOG2E		1.4426950408889634073599246810018921L
#define LOG10_2		0.30102999566398119521373889472449303L

double
exp(double x)
{
	long double n, r;

	if (isnan(x))
		return x + x;
	if (isinf(x))
		return x > 0 ? x : 0.0;
	if (x > 710)
		return __math_error(HUGE_VAL, ERANGE);
	if (x < -746)
		return __math_error(0.0, ERANGE);
	n = x87_rint(x * LOG2E, RC_NEAREST);
	r = (x - n * LN2_HI) - n * LN2_LO;
	return __math_double(x87_scale(x87_exp2(r * LOG2E), n));
}

double
exp2(double x)
{
	if (isnan(x))
		return x + x;
	if (isinf(x))
		return x > 0 ? x : 0.0;
	if (x > 1025)
		return __math_error(HUGE_VAL, ERANGE);
	if (x < -1080)
		return __math_error(0.0, ERANGE);
	return __math_double(x87_exp2(x));
}

/* log_b(x) = scale * log2(x); the errors are the same for every base. */
static double
logarithm(double x, long double scale)
{
	if (isnan(x))
		return x + x;
	if (x < 0)
		return __math_error(NAN, EDOM);
	if (x == 0)
		return __math_error(-HUGE_VAL, ERANGE);
	if (isinf(x))
		return x;
	return __math_double(x87_yl2x(scale, x));
}

double
log(double x)
{
	return logarithm(x, LN2);
}

double
log2(double x)
{
	return logarithm(x, 1.0L);
}

double
log10(double x)
{
	return logarithm(x, LOG10_2);
}

/* Whether y is an odd integer (every double from 2^53 up is even). */
static int
is_odd(double y)
{
	return fabs(y) < 0x1p53 && y == trunc(y) && fmod(y, 2.0) != 0;
}

/* pow for x or y zero or infinite. */
static double
pow_special(double x, double y)
{
	int odd = is_odd(y);

	if (x == 0) {
		if (isinf(y))
			return y > 0 ? 0.0 : HUGE_VAL;
		if (y < 0)	/* a pole: 1 / 0 */
			return __math_error(odd ? copysign(HUGE_VAL, x) :
			    HUGE_VAL, ERANGE);
		return odd ? x : 0.0;
	}
	if (isinf(y)) {
		if (x == -1)
			return 1.0;
		return (fabs(x) < 1) == (y > 0) ? 0.0 : HUGE_VAL;
	}
	/* x is +-infinity */
	if (x > 0)
		return y < 0 ? 0.0 : HUGE_VAL;
	if (y < 0)
		return odd ? -0.0 : 0.0;
	return odd ? -HUGE_VAL : HUGE_VAL;
}

double
pow(double x, double y)
{
	long double t, r;
	int neg = 0;

	if (x == 1 || y == 0)
		return 1.0;
	if (isnan(x) || isnan(y))
		return x + y;
	if (x == 0 || isinf(x) || isinf(y))
		return pow_special(x, y);
	if (x < 0) {
		if (y != trunc(y))
			return __math_error(NAN, EDOM);
		neg = is_odd(y);
		x = -x;
	}
	t = x87_yl2x(y, x);
	if (t > 1100)
		r = 0x1p1100L;		/* overflows the double, not the x87 */
	else if (t < -1200)
		r = 0x1p-1200L;
	else
		r = x87_exp2(t);
	return __math_double(neg ? -r : r);
}

float
expf(float x)
{
	return __math_float(exp(x));
}

float
exp2f(float x)
{
	return __math_float(exp2(x));
}

float
logf(float x)
{
	return (float)log(x);
}

float
log2f(float x)
{
	return (float)log2(x);
}

float
log10f(float x)
{
	return (float)log10(x);
}

float
powf(float x, float y)
{
	return __math_float(pow(x, y));
}
