/*
 * math_impl.h - the x87 instructions the math library is built on, as
 * inline functions on long double (the x87's own 64-bit-mantissa format),
 * and the helpers that turn an extended result into a double or float
 * with C's errno rules (math_errhandling is MATH_ERRNO).
 *
 * The x87 has these in hardware: fsqrt, fsin, fcos, fptan and fpatan,
 * fyl2x (y * log2 x), f2xm1 (2^x - 1 for |x| <= 1), fscale (* 2^n),
 * frndint and fprem. Each is exact or accurate to about one unit in the
 * 64th bit, so a double computed from them and rounded once is within an
 * ulp or so of the true value. fsin, fcos and fptan are only used on
 * arguments already reduced to [-pi/4, pi/4] (math_rem_pio2.c), where they
 * are accurate; their own reduction uses a 66-bit pi.
 */
#ifndef _LIBC_MATH_IMPL_H_
#define _LIBC_MATH_IMPL_H_

#include <errno.h>
#include <stdint.h>

/* x87 rounding control (bits 10-11 of the control word). */
#define RC_NEAREST	0x000
#define RC_DOWN		0x400
#define RC_UP		0x800
#define RC_ZERO		0xc00
/* x87 precision control (bits 8-9). */
#define PC_SINGLE	0x000
#define PC_DOUBLE	0x200
#define PC_EXTENDED	0x300

static inline unsigned short
x87_getcw(void)
{
	unsigned short cw;

	__asm__ volatile("fnstcw %0" : "=m"(cw));
	return cw;
}

static inline void
x87_setcw(unsigned short cw)
{
	__asm__ volatile("fldcw %0" : : "m"(cw));
}

/* x rounded to an integer in the given rounding direction (RC_*). */
static inline long double
x87_rint(long double x, unsigned rc)
{
	unsigned short cw = x87_getcw();

	x87_setcw((unsigned short)((cw & ~0xc00) | rc));
	__asm__ volatile("frndint" : "+t"(x));
	x87_setcw(cw);
	return x;
}

/* sqrt(x) rounded once, to the precision pc (PC_*): no double rounding. */
static inline long double
x87_sqrt(long double x, unsigned pc)
{
	unsigned short cw = x87_getcw();

	x87_setcw((unsigned short)((cw & ~0x300) | pc));
	__asm__ volatile("fsqrt" : "+t"(x));
	x87_setcw(cw);
	return x;
}

/* y * log2(x), for x > 0. */
static inline long double
x87_yl2x(long double y, long double x)
{
	long double r;

	__asm__("fyl2x" : "=t"(r) : "0"(x), "u"(y) : "st(1)");
	return r;
}

/* x * 2^n for an integral n (in long double). */
static inline long double
x87_scale(long double x, long double n)
{
	__asm__("fscale" : "+t"(x) : "u"(n));
	return x;
}

/* 2^x for any finite x: 2^n * (1 + (2^f - 1)) with n = rint(x), |f| <= 1/2. */
static inline long double
x87_exp2(long double x)
{
	long double n = x87_rint(x, RC_NEAREST), f = x - n;

	__asm__("f2xm1" : "+t"(f));
	return x87_scale(1.0L + f, n);
}

/* The exact remainder of x / y with the quotient truncated (C's fmod). */
static inline long double
x87_fmod(long double x, long double y)
{
	unsigned short sw;

	do
		__asm__("fprem; fnstsw %1" : "+t"(x), "=a"(sw) : "u"(y));
	while (sw & 0x400);	/* C2: only a partial remainder so far */
	return x;
}

/* atan(y / x) in the right quadrant (C's atan2). */
static inline long double
x87_atan2(long double y, long double x)
{
	long double r;

	__asm__("fpatan" : "=t"(r) : "0"(x), "u"(y) : "st(1)");
	return r;
}

/* sin, cos and tan of |x| <= pi/4. */
static inline long double
x87_sin(long double x)
{
	__asm__("fsin" : "+t"(x));
	return x;
}

static inline long double
x87_cos(long double x)
{
	__asm__("fcos" : "+t"(x));
	return x;
}

static inline long double
x87_tan(long double x)
{
	long double one;

	__asm__("fptan" : "=t"(one), "=u"(x) : "0"(x));
	return x;
}

/* The bits of a double and the pieces of its exponent field. */
static inline uint64_t
dbits(double x)
{
	union { double d; uint64_t u; } v = { .d = x };

	return v.u;
}

static inline double
dfrom(uint64_t u)
{
	union { double d; uint64_t u; } v = { .u = u };

	return v.d;
}

/*
 * The extended result r as a double: rounded once (through memory, so no
 * excess precision survives), ERANGE when it overflows, or underflows: is
 * below DBL_MIN and inexact.
 */
double	__math_double(long double r);
/* The same for float, for the f forms of functions that can overflow. */
float	__math_float(double r);
/* errno = e, and v as the result: for domain (EDOM) and pole (ERANGE) errors. */
double	__math_error(double v, int e);
/* [-pi/4, pi/4] remainder of |x| by pi/2 and the quadrant (x finite). */
int	__rem_pio2(double x, long double *r);

#endif
