/*
 * math_trig.c - sin, cos, tan and the inverse functions on the x87.
 * Arguments beyond pi/4 are reduced first (math_rem_pio2.c), so fsin, fcos
 * and fptan only ever see |r| <= pi/4, where they are accurate; the
 * quadrant then picks the function and the sign. The inverse functions
 * are all fpatan, which gets the quadrant of atan2 right by itself:
 * asin x = atan2(x, sqrt(1 - x^2)) with 1 - x^2 as (1 - x)(1 + x), exact
 * in extended precision.
 */
#include <math.h>
#include "math_impl.h"

#define PIO4	0x1.921fb54442d18p-1	/* pi/4 rounded down */

/* sin (which == 0), cos (1) or tan (2) of x. */
static double
trig(double x, int which)
{
	long double r;
	int q, neg = 0;

	if (isnan(x))
		return x + x;
	if (isinf(x))
		return __math_error(NAN, EDOM);
	if (fabs(x) <= PIO4)
		return __math_double(which == 0 ? x87_sin(x) : which == 1 ? x87_cos(x) :
		    x87_tan(x));
	if (x < 0) {
		neg = which != 1;	/* sin and tan are odd, cos is even */
		x = -x;
	}
	q = __rem_pio2(x, &r);
	if (which == 2)
		r = q & 1 ? -1.0L / x87_tan(r) : x87_tan(r);
	else {
		q = (q + which) & 3;	/* cos x = sin(x + pi/2) */
		r = q & 1 ? x87_cos(r) : x87_sin(r);
		if (q & 2)
			r = -r;
	}
	return __math_double(neg ? -r : r);
}

double
sin(double x)
{
	return trig(x, 0);
}

double
cos(double x)
{
	return trig(x, 1);
}

double
tan(double x)
{
	return trig(x, 2);
}

double
atan2(double y, double x)
{
	if (isnan(x) || isnan(y))
		return x + y;
	return __math_double(x87_atan2(y, x));
}

double
atan(double x)
{
	if (isnan(x))
		return x + x;
	return __math_double(x87_atan2(x, 1.0L));
}

/* sqrt(1 - x^2) for |x| <= 1, in extended precision. */
static long double
cosine_of(double x)
{
	return x87_sqrt((1.0L - x) * (1.0L + x), PC_EXTENDED);
}

double
asin(double x)
{
	if (isnan(x))
		return x + x;
	if (fabs(x) > 1)
		return __math_error(NAN, EDOM);
	return __math_double(x87_atan2(x, cosine_of(x)));
}

double
acos(double x)
{
	if (isnan(x))
		return x + x;
	if (fabs(x) > 1)
		return __math_error(NAN, EDOM);
	return __math_double(x87_atan2(cosine_of(x), x));
}

float
sinf(float x)
{
	return (float)sin(x);
}

float
cosf(float x)
{
	return (float)cos(x);
}

float
tanf(float x)
{
	return (float)tan(x);
}

float
asinf(float x)
{
	return (float)asin(x);
}

float
acosf(float x)
{
	return (float)acos(x);
}

float
atanf(float x)
{
	return (float)atan(x);
}

float
atan2f(float y, float x)
{
	return (float)atan2(y, x);
}
