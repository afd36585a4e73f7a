/*
 * math_basic.c - the exact functions of <math.h>: sqrt (correctly rounded:
 * fsqrt runs at the result's precision, so it rounds once), fabs, floor,
 * ceil, trunc and round (frndint under the rounding mode each needs), fmod
 * (fprem's remainder is exact), ldexp, frexp, modf, copysign, and hypot
 * (squares and sum in extended precision, which cannot overflow for
 * doubles).
 */
#include <math.h>
#include "math_impl.h"

double
sqrt(double x)
{
	if (x < 0)
		return __math_error(NAN, EDOM);
	return (double)x87_sqrt(x, PC_DOUBLE);
}

float
sqrtf(float x)
{
	if (x < 0)
		return (float)__math_error(NAN, EDOM);
	return (float)x87_sqrt(x, PC_SINGLE);
}

double
fabs(double x)
{
	return dfrom(dbits(x) & ~(1ULL << 63));
}

double
floor(double x)
{
	return (double)x87_rint(x, RC_DOWN);
}

double
ceil(double x)
{
	return (double)x87_rint(x, RC_UP);
}

double
trunc(double x)
{
	return (double)x87_rint(x, RC_ZERO);
}

/* Halfway cases away from zero; doubles from 2^52 up are integers already. */
double
round(double x)
{
	long double a = fabs(x);

	if (!(a < 0x1p52))
		return x;
	return copysign((double)x87_rint(a + 0.5L, RC_ZERO), x);
}

double
fmod(double x, double y)
{
	if (isnan(x) || isnan(y))
		return x + y;
	if (isinf(x) || y == 0)
		return __math_error(NAN, EDOM);
	if (isinf(y))
		return x;
	return (double)x87_fmod(x, y);
}

double
ldexp(double x, int n)
{
	if (x == 0 || !isfinite(x))
		return x;
	/* Beyond +-4000 the double result is the same, and the x87 holds it. */
	if (n > 4000)
		n = 4000;
	if (n < -4000)
		n = -4000;
	return __math_double(x87_scale(x, n));
}

/* x = m * 2^*e with 0.5 <= |m| < 1 (m = x and *e = 0 for 0, inf, NaN). */
double
frexp(double x, int *e)
{
	uint64_t u = dbits(x);
	int bias = 0;

	*e = 0;
	if (x == 0 || !isfinite(x))
		return x;
	if ((u >> 52 & 0x7ff) == 0) {	/* subnormal: make it normal first */
		u = dbits(x * 0x1p54);
		bias = 54;
	}
	*e = (int)(u >> 52 & 0x7ff) - 1022 - bias;
	return dfrom((u & ~(0x7ffULL << 52)) | 1022ULL << 52);
}

double
modf(double x, double *ip)
{
	if (!isfinite(x)) {
		*ip = x;
		return isinf(x) ? copysign(0.0, x) : x;
	}
	*ip = trunc(x);
	return copysign(x - *ip, x);
}

double
copysign(double x, double y)
{
	return dfrom((dbits(x) & ~(1ULL << 63)) | (dbits(y) & 1ULL << 63));
}

/* An infinite argument wins over a NaN (C11 F.10.4.3). */
double
hypot(double x, double y)
{
	long double lx = x, ly = y;

	if (isinf(x) || isinf(y))
		return HUGE_VAL;
	if (isnan(x) || isnan(y))
		return x + y;
	return __math_double(x87_sqrt(lx * lx + ly * ly, PC_EXTENDED));
}

float
fabsf(float x)
{
	return (float)fabs(x);
}

float
floorf(float x)
{
	return (float)floor(x);
}

float
ceilf(float x)
{
	return (float)ceil(x);
}

float
truncf(float x)
{
	return (float)trunc(x);
}

float
roundf(float x)
{
	return (float)round(x);
}

float
fmodf(float x, float y)
{
	return (float)fmod(x, y);
}

float
ldexpf(float x, int n)
{
	if (x == 0 || !isfinite(x))
		return x;
	return __math_float((double)x87_scale(x, n < -4000 ? -4000 :
	    n > 4000 ? 4000 : n));
}

float
frexpf(float x, int *e)
{
	return (float)frexp(x, e);
}

float
modff(float x, float *ip)
{
	double i, f = modf(x, &i);

	*ip = (float)i;
	return (float)f;
}

float
copysignf(float x, float y)
{
	return (float)copysign(x, y);
}

float
hypotf(float x, float y)
{
	return __math_float(hypot(x, y));
}
