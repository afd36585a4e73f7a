// SOURCES: user/libc/math_basic.c user/libc/math_exp.c user/libc/math_trig.c user/libc/math_rem_pio2.c user/libc/math_err.c
// CFLAGS: -m32 -march=i486 -fno-builtin -Itests/host/kinclude -Wl,--no-as-needed -lm -Dsqrt=k_sqrt -Dsqrtf=k_sqrtf -Dfabs=k_fabs -Dfabsf=k_fabsf -Dfloor=k_floor -Dfloorf=k_floorf -Dceil=k_ceil -Dceilf=k_ceilf -Dtrunc=k_trunc -Dtruncf=k_truncf -Dround=k_round -Droundf=k_roundf -Dfmod=k_fmod -Dfmodf=k_fmodf -Dldexp=k_ldexp -Dldexpf=k_ldexpf -Dfrexp=k_frexp -Dfrexpf=k_frexpf -Dmodf=k_modf -Dmodff=k_modff -Dcopysign=k_copysign -Dcopysignf=k_copysignf -Dhypot=k_hypot -Dhypotf=k_hypotf -Dexp=k_exp -Dexpf=k_expf -Dexp2=k_exp2 -Dexp2f=k_exp2f -Dlog=k_log -Dlogf=k_logf -Dlog2=k_log2 -Dlog2f=k_log2f -Dlog10=k_log10 -Dlog10f=k_log10f -Dpow=k_pow -Dpowf=k_powf -Dsin=k_sin -Dsinf=k_sinf -Dcos=k_cos -Dcosf=k_cosf -Dtan=k_tan -Dtanf=k_tanf -Dasin=k_asin -Dasinf=k_asinf -Dacos=k_acos -Dacosf=k_acosf -Datan=k_atan -Datanf=k_atanf -Datan2=k_atan2 -Datan2f=k_atan2f
/*
 * test_libc_math.c - the math library of user/libc (built for i386, as in
 * Kestrel, and renamed k_*) against the host's libm (glibc, i386): every
 * function on a table of special arguments (zeros, infinities, NaN,
 * subnormals, the edges of overflow, multiples of pi/2, the double closest
 * to a multiple of pi/2) for the same value and errno, then on random
 * arguments for the largest error in ulps, which must stay within the
 * tolerance <math.h> states. Floats are checked the same way.
 */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* The host's functions under their own names. */
#define HOST1(fn)	double fn(double); float fn##f(float)
#undef sqrt
#undef fabs
#undef floor
#undef ceil
#undef trunc
#undef round
#undef exp
#undef exp2
#undef log
#undef log2
#undef log10
#undef sin
#undef cos
#undef tan
#undef asin
#undef acos
#undef atan
#undef sqrtf
#undef fabsf
#undef floorf
#undef ceilf
#undef truncf
#undef roundf
#undef expf
#undef exp2f
#undef logf
#undef log2f
#undef log10f
#undef sinf
#undef cosf
#undef tanf
#undef asinf
#undef acosf
#undef atanf
#undef pow
#undef powf
#undef atan2
#undef atan2f
#undef fmod
#undef fmodf
#undef hypot
#undef hypotf
#undef copysign
#undef copysignf
#undef ldexp
#undef ldexpf
#undef frexp
#undef modf
HOST1(sqrt); HOST1(fabs); HOST1(floor); HOST1(ceil); HOST1(trunc);
HOST1(round); HOST1(exp); HOST1(exp2); HOST1(log); HOST1(log2);
HOST1(log10); HOST1(sin); HOST1(cos); HOST1(tan); HOST1(asin); HOST1(acos);
HOST1(atan);
double	pow(double, double);
float	powf(float, float);
double	atan2(double, double);
float	atan2f(float, float);
double	fmod(double, double);
float	fmodf(float, float);
double	hypot(double, double);
float	hypotf(float, float);
double	copysign(double, double);
float	copysignf(float, float);
double	ldexp(double, int);
float	ldexpf(float, int);
double	frexp(double, int *);
double	modf(double, double *);

static int failures;

struct fn1 {
	const char	*name;
	double		(*k)(double);
	double		(*h)(double);
	float		(*kf)(float);
	float		(*hf)(float);
	double		tol;		/* ulps */
	double		lo, hi;		/* random arguments */
};

struct fn2 {
	const char	*name;
	double		(*k)(double, double);
	double		(*h)(double, double);
	float		(*kf)(float, float);
	float		(*hf)(float, float);
	double		tol;
	double		lo, hi;
};

#define F1(n, tol, lo, hi)	{ #n, k_##n, n, k_##n##f, n##f, tol, lo, hi }

static const struct fn1 fns1[] = {
	F1(sqrt, 0, 0, 1e300), F1(fabs, 0, -1e300, 1e300),
	F1(floor, 0, -1e17, 1e17), F1(ceil, 0, -1e17, 1e17),
	F1(trunc, 0, -1e17, 1e17), F1(round, 0, -1e17, 1e17),
	F1(exp, 1, -745, 709), F1(exp2, 1, -1074, 1023),
	F1(log, 1, 0, 1e300), F1(log2, 1, 0, 1e300), F1(log10, 1, 0, 1e300),
	F1(sin, 1, -1e10, 1e10), F1(cos, 1, -1e10, 1e10),
	F1(tan, 2, -1e10, 1e10), F1(asin, 1, -1, 1), F1(acos, 1, -1, 1),
	F1(atan, 1, -1e10, 1e10),
};

static const struct fn2 fns2[] = {
	{ "pow", k_pow, pow, k_powf, powf, 2, 0, 100 },
	{ "atan2", k_atan2, atan2, k_atan2f, atan2f, 1, -1e10, 1e10 },
	{ "fmod", k_fmod, fmod, k_fmodf, fmodf, 0, -1e20, 1e20 },
	{ "hypot", k_hypot, hypot, k_hypotf, hypotf, 1, -1e300, 1e300 },
	{ "copysign", k_copysign, copysign, k_copysignf, copysignf, 0, -10, 10 },
};

static double specials[40];
static int nspecials;

static void
make_specials(void)
{
	static const double v[] = { 0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0,
		3.0, -3.0, 0.1, 100.0, 1e-20, 1e-310, -1e-310, DBL_MIN,
		DBL_MAX, -DBL_MAX, 709.78, 710.0, -745.0, -746.0, 1024.0,
		-1075.0, 1e22, 1e300, -1e300, M_PI, M_PI_2, -M_PI_2, M_PI_4,
		0.9999999999999999, 1.0000000000000002 };
	unsigned i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		specials[nspecials++] = v[i];
	specials[nspecials++] = __builtin_inf();
	specials[nspecials++] = -__builtin_inf();
	specials[nspecials++] = __builtin_nan("");
}

/* Distance in ulps between two doubles; NaNs are equal to each other. */
static double
ulps(double a, double b)
{
	int64_t ia, ib;

	if (__builtin_isnan(a) || __builtin_isnan(b))
		return __builtin_isnan(a) && __builtin_isnan(b) ? 0 : 1e30;
	memcpy(&ia, &a, 8);
	memcpy(&ib, &b, 8);
	if (ia < 0)
		ia = INT64_MIN - ia;
	if (ib < 0)
		ib = INT64_MIN - ib;
	return ia > ib ? (double)(ia - ib) : (double)(ib - ia);
}

static double
ulpsf(float a, float b)
{
	int32_t ia, ib;

	if (__builtin_isnan(a) || __builtin_isnan(b))
		return __builtin_isnan(a) && __builtin_isnan(b) ? 0 : 1e30;
	memcpy(&ia, &a, 4);
	memcpy(&ib, &b, 4);
	if (ia < 0)
		ia = INT32_MIN - ia;
	if (ib < 0)
		ib = INT32_MIN - ib;
	return ia > ib ? (double)(ia - ib) : (double)(ib - ia);
}

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint64_t
next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* Uniform in [lo, hi] half the time, log-uniform in magnitude otherwise. */
static double
random_arg(double lo, double hi)
{
	double u = (double)(next() >> 11) / 9007199254740992.0, m;

	if (next() & 1)
		return lo + (hi - lo) * u;
	m = hi > -lo ? hi : -lo;
	u = exp2(-60.0 * u) * m;
	if (lo < 0 && (next() & 1))
		u = -u;
	return u < lo ? lo : u > hi ? hi : u;
}

/*
 * The same errno, except for a tiny nonzero result: whether underflow sets
 * ERANGE is the implementation's choice (C11 7.12.1), and glibc's double
 * and float functions choose differently.
 */
static int
same_errno(int ek, int eh, double rh, double tiny)
{
	if (rh != 0 && __builtin_fabs(rh) < tiny)
		return 1;
	return ek == eh;
}

/* One argument: same value (within tol) and errno; returns the ulps. */
static double
check1(const struct fn1 *f, double x, int exact, char *why, size_t n)
{
	int ek, eh;
	double rk, rh, d;

	errno = 0;
	rk = f->k(x);
	ek = errno;
	errno = 0;
	rh = f->h(x);
	eh = errno;
	d = ulps(rk, rh);
	/* The sign of zero matters on special arguments; a NaN's never. */
	if ((exact && !__builtin_isnan(rk) && signbit(rk) != signbit(rh)) ||
	    d > f->tol || !same_errno(ek, eh, rh, DBL_MIN))
		snprintf(why, n, "%s(%a) = %a errno %d, host %a errno %d",
		    f->name, x, rk, ek, rh, eh);
	return d;
}

static void
test_fn1(const struct fn1 *f)
{
	char why[200] = "", tag[64];
	double worst = 0, d, x;
	int i;

	for (i = 0; i < nspecials && why[0] == '\0'; i++)
		check1(f, specials[i], 1, why, sizeof(why));
	for (i = 0; i < 20000 && why[0] == '\0'; i++) {
		x = random_arg(f->lo, f->hi);
		if ((d = check1(f, x, 0, why, sizeof(why))) > worst)
			worst = d;
	}
	for (i = 0; i < 5000 && why[0] == '\0'; i++) {
		float xf = (float)random_arg(f->lo < -1e30 ? -1e30 : f->lo,
		    f->hi > 1e30 ? 1e30 : f->hi), rk, rh;
		int ek, eh;

		errno = 0;
		rk = f->kf(xf);
		ek = errno;
		errno = 0;
		rh = f->hf(xf);
		eh = errno;
		if (ulpsf(rk, rh) > (f->tol > 0 ? 1 : 0) ||
		    !same_errno(ek, eh, rh, FLT_MIN))
			snprintf(why, sizeof(why), "%sf(%a) = %a errno %d, host "
			    "%a errno %d", f->name, xf, rk, ek, rh, eh);
	}
	snprintf(tag, sizeof(tag), "math_%s", f->name);
	if (why[0] != '\0') {
		failures++;
		printf("FAIL %s: %s\n", tag, why);
	} else
		printf("PASS %s\n# %s: worst error %.0f ulp\n", tag, tag, worst);
}

static double
check2(const struct fn2 *f, double x, double y, char *why, size_t n)
{
	int ek, eh;
	double rk, rh, d;

	errno = 0;
	rk = f->k(x, y);
	ek = errno;
	errno = 0;
	rh = f->h(x, y);
	eh = errno;
	d = ulps(rk, rh);
	if (d > f->tol || !same_errno(ek, eh, rh, DBL_MIN) ||
	    (!__builtin_isnan(rk) && signbit(rk) != signbit(rh)))
		snprintf(why, n, "%s(%a, %a) = %a errno %d, host %a errno %d",
		    f->name, x, y, rk, ek, rh, eh);
	return d;
}

static void
test_fn2(const struct fn2 *f)
{
	char why[240] = "", tag[64];
	double worst = 0, d, x, y;
	int i, j;

	for (i = 0; i < nspecials && why[0] == '\0'; i++)
		for (j = 0; j < nspecials && why[0] == '\0'; j++)
			check2(f, specials[i], specials[j], why, sizeof(why));
	for (i = 0; i < 20000 && why[0] == '\0'; i++) {
		x = random_arg(f->lo, f->hi);
		y = f->k == k_pow ? random_arg(-300, 300) :
		    random_arg(f->lo, f->hi);
		if (f->k == k_pow && (next() & 3) == 0) {
			x = -x;			/* negative base, integer power */
			y = k_round(y / 4);
		}
		if ((d = check2(f, x, y, why, sizeof(why))) > worst)
			worst = d;
	}
	for (i = 0; i < 5000 && why[0] == '\0'; i++) {
		float xf = (float)random_arg(f->lo < -1e30 ? -1e30 : f->lo,
		    f->hi > 1e30 ? 1e30 : f->hi);
		float yf = (float)(f->k == k_pow ? random_arg(-30, 30) :
		    random_arg(f->lo < -1e30 ? -1e30 : f->lo,
		    f->hi > 1e30 ? 1e30 : f->hi)), rk, rh;
		int ek, eh;

		errno = 0;
		rk = f->kf(xf, yf);
		ek = errno;
		errno = 0;
		rh = f->hf(xf, yf);
		eh = errno;
		if (ulpsf(rk, rh) > (f->tol > 0 ? 1 : 0) ||
		    !same_errno(ek, eh, rh, FLT_MIN))
			snprintf(why, sizeof(why), "%sf(%a, %a) = %a errno %d, "
			    "host %a errno %d", f->name, xf, yf, rk, ek, rh, eh);
	}
	snprintf(tag, sizeof(tag), "math_%s", f->name);
	if (why[0] != '\0') {
		failures++;
		printf("FAIL %s: %s\n", tag, why);
	} else
		printf("PASS %s\n# %s: worst error %.0f ulp\n", tag, tag, worst);
}

/*
 * sin, cos and tan where glibc's i386 libm is not exact itself: huge
 * arguments, among them the double nearest a multiple of pi/2 (its
 * remainder is 2^-61). The expected values were computed with 3,000 bits
 * of pi and exact rational arithmetic.
 */
static void
test_trig_exact(void)
{
	static const struct {
		double	x, s, c, t;
	} cases[] = {
		{ 1e22, -0x1.b453ab76bf397p-1, 0x1.0be2cef01c8f4p-1,
		    -0x1.a0f79c1b6b257p+0 },
		{ 0x1.6ac5b262ca1ffp+849, 1.0, -0x1.14ae72e6ba22fp-61,
		    -0x1.d9ba9a7975636p+60 },
		{ 1e300, -0x1.a2c16b010e385p-1, -0x1.2699022adc4c1p-1,
		    0x1.6be411f37ac77p+0 },
	};
	unsigned i;
	int bad = 0;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (ulps(k_sin(cases[i].x), cases[i].s) > 1 ||
		    ulps(k_cos(cases[i].x), cases[i].c) > 1 ||
		    ulps(k_tan(cases[i].x), cases[i].t) > 1 ||
		    ulps(k_sin(-cases[i].x), -cases[i].s) > 1) {
			printf("FAIL math_trig_exact: x = %a: %a %a %a, want %a "
			    "%a %a\n", cases[i].x, k_sin(cases[i].x),
			    k_cos(cases[i].x), k_tan(cases[i].x), cases[i].s,
			    cases[i].c, cases[i].t);
			bad = 1;
		}
	failures += bad;
	if (!bad)
		printf("PASS math_trig_exact\n");
}

/* ldexp, frexp and modf have integer or pointer parts: exact comparisons. */
static void
test_parts(void)
{
	static const int ns[] = { 0, 1, -1, 52, -1074, -1075, 1023, 1024,
		-2000, 3000, 100000, -100000 };
	double x, r1, r2, i1, i2;
	int i, k, e1, e2, err1, err2, bad = 0;

	for (i = 0; i < nspecials && !bad; i++) {
		x = specials[i];
		for (k = 0; k < (int)(sizeof(ns) / sizeof(ns[0])); k++) {
			errno = 0;
			r1 = k_ldexp(x, ns[k]);
			err1 = errno;
			errno = 0;
			r2 = ldexp(x, ns[k]);
			err2 = errno;
			if (ulps(r1, r2) != 0 ||
			    !same_errno(err1, err2, r2, DBL_MIN)) {
				printf("FAIL math_ldexp: ldexp(%a, %d) = %a errno "
				    "%d, host %a errno %d\n", x, ns[k], r1, err1,
				    r2, err2);
				bad = 1;
				break;
			}
		}
		e1 = e2 = 7;
		r1 = k_frexp(x, &e1);
		r2 = frexp(x, &e2);
		i1 = i2 = 0;
		if (ulps(r1, r2) != 0 || (__builtin_isfinite(x) && e1 != e2)) {
			printf("FAIL math_frexp: frexp(%a) = %a, %d; host %a, "
			    "%d\n", x, r1, e1, r2, e2);
			bad = 1;
		}
		r1 = k_modf(x, &i1);
		r2 = modf(x, &i2);
		if (ulps(r1, r2) != 0 || ulps(i1, i2) != 0 ||
		    signbit(r1) != signbit(r2)) {
			printf("FAIL math_modf: modf(%a) = %a, %a; host %a, %a\n",
			    x, r1, i1, r2, i2);
			bad = 1;
		}
	}
	failures += bad;
	if (!bad)
		printf("PASS math_parts\n");
}

int
main(void)
{
	unsigned i;

	make_specials();
	for (i = 0; i < sizeof(fns1) / sizeof(fns1[0]); i++)
		test_fn1(&fns1[i]);
	for (i = 0; i < sizeof(fns2) / sizeof(fns2[0]); i++)
		test_fn2(&fns2[i]);
	test_parts();
	test_trig_exact();
	return failures != 0;
}
