/*
 * math.h - the mathematical functions, built on the x87 FPU (user/libc/
 * math_*.c). Errors are reported through errno (math_errhandling is
 * MATH_ERRNO): EDOM for an argument outside the domain (sqrt(-1)),
 * ERANGE for a pole (log(0)), an overflow or an underflow.
 *
 * Accuracy, checked against glibc's libm (tests/host/test_libc_math.c):
 * sqrt, fabs, floor, ceil, trunc, round, fmod, ldexp, frexp, modf and
 * copysign are exact (sqrt is correctly rounded); exp, exp2, log, log2,
 * log10, sin, cos, atan, atan2, asin, acos and hypot are within 1 ulp; tan
 * and pow within 2 ulp. sin, cos and tan reduce their argument with 1,280
 * bits of 2/pi, so even 1e300 is exact. The f forms compute in double and
 * round to float.
 */
#ifndef _MATH_H_
#define _MATH_H_

typedef long double	double_t;	/* FLT_EVAL_METHOD 2: the x87 */
typedef long double	float_t;

#define HUGE_VAL	__builtin_huge_val()
#define HUGE_VALF	__builtin_huge_valf()
#define HUGE_VALL	__builtin_huge_vall()
#define INFINITY	__builtin_inff()
#define NAN		__builtin_nanf("")

#define MATH_ERRNO	1
#define MATH_ERREXCEPT	2
#define math_errhandling	MATH_ERRNO

/* fpclassify's values, FreeBSD's. */
#define FP_INFINITE	0x01
#define FP_NAN		0x02
#define FP_NORMAL	0x04
#define FP_SUBNORMAL	0x08
#define FP_ZERO		0x10

#define fpclassify(x)	__builtin_fpclassify(FP_NAN, FP_INFINITE, FP_NORMAL, \
	FP_SUBNORMAL, FP_ZERO, x)
#define isfinite(x)	__builtin_isfinite(x)
#define isinf(x)	__builtin_isinf_sign(x)
#define isnan(x)	__builtin_isnan(x)
#define isnormal(x)	__builtin_isnormal(x)
#define signbit(x)	__builtin_signbit(x)
#define isgreater(x, y)		__builtin_isgreater(x, y)
#define isgreaterequal(x, y)	__builtin_isgreaterequal(x, y)
#define isless(x, y)		__builtin_isless(x, y)
#define islessequal(x, y)	__builtin_islessequal(x, y)
#define islessgreater(x, y)	__builtin_islessgreater(x, y)
#define isunordered(x, y)	__builtin_isunordered(x, y)

#define M_E		2.7182818284590452354	/* e */
#define M_LOG2E		1.4426950408889634074	/* log 2e */
#define M_LOG10E	0.43429448190325182765	/* log 10e */
#define M_LN2		0.69314718055994530942	/* log e2 */
#define M_LN10		2.30258509299404568402	/* log e10 */
#define M_PI		3.14159265358979323846	/* pi */
#define M_PI_2		1.57079632679489661923	/* pi/2 */
#define M_PI_4		0.78539816339744830962	/* pi/4 */
#define M_1_PI		0.31830988618379067154	/* 1/pi */
#define M_2_PI		0.63661977236758134308	/* 2/pi */
#define M_2_SQRTPI	1.12837916709551257390	/* 2/sqrt(pi) */
#define M_SQRT2		1.41421356237309504880	/* sqrt(2) */
#define M_SQRT1_2	0.70710678118654752440	/* 1/sqrt(2) */

double	sqrt(double);
double	fabs(double);
double	floor(double);
double	ceil(double);
double	trunc(double);
double	round(double);
double	fmod(double, double);
double	ldexp(double, int);
double	frexp(double, int *);
double	modf(double, double *);
double	copysign(double, double);
double	hypot(double, double);
double	exp(double);
double	exp2(double);
double	log(double);
double	log2(double);
double	log10(double);
double	pow(double, double);
double	sin(double);
double	cos(double);
double	tan(double);
double	asin(double);
double	acos(double);
double	atan(double);
double	atan2(double, double);

float	sqrtf(float);
float	fabsf(float);
float	floorf(float);
float	ceilf(float);
float	truncf(float);
float	roundf(float);
float	fmodf(float, float);
float	ldexpf(float, int);
float	frexpf(float, int *);
float	modff(float, float *);
float	copysignf(float, float);
float	hypotf(float, float);
float	expf(float);
float	exp2f(float);
float	logf(float);
float	log2f(float);
float	log10f(float);
float	powf(float, float);
float	sinf(float);
float	cosf(float);
float	tanf(float);
float	asinf(float);
float	acosf(float);
float	atanf(float);
float	atan2f(float, float);

#endif
