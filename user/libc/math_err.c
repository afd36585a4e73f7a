/*
 * math_err.c - how the math functions hand back a result computed in the
 * x87's extended format, and report errors through errno (C11 7.12.1):
 * EDOM for a domain error (an argument outside the function's domain),
 * ERANGE for a pole error (an exact infinity from a finite argument, as
 * log(0)), for overflow, and for underflow: a result below the smallest
 * normal number that is not exact (IEEE 754's underflow; C leaves this
 * case to the implementation).
 */
#include <float.h>
#include <math.h>
#include "math_impl.h"

double
__math_double(long double r)
{
	volatile double d = (double)r;	/* the store rounds to double */

	if ((__builtin_isinf(d) && !__builtin_isinf(r)) ||
	    (__builtin_fabs(d) < DBL_MIN && d != r))
		errno = ERANGE;
	return d;
}

float
__math_float(double r)
{
	volatile float f = (float)r;

	if ((__builtin_isinf(f) && !__builtin_isinf(r)) ||
	    (__builtin_fabsf(f) < FLT_MIN && f != r))
		errno = ERANGE;
	return f;
}

double
__math_error(double v, int e)
{
	errno = e;
	return v;
}
