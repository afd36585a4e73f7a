// SOURCES: user/libc/scanf.c user/libc/strtol.c user/libc/strtod.c user/libc/bignum.c
// CFLAGS: -fno-builtin -Dsscanf=k_sscanf -Dvsscanf=k_vsscanf -Dfscanf=k_fscanf -Dvfscanf=k_vfscanf -Dscanf=k_scanf -Dvscanf=k_vscanf -Dstrtod=k_strtod -Dstrtof=k_strtof -Dstrtold=k_strtold -Datof=k_atof -Dstrtol=k_strtol -Dstrtoul=k_strtoul -Dstrtoll=k_strtoll -Dstrtoull=k_strtoull -Datoi=k_atoi -Datol=k_atol -Datoll=k_atoll -Dstrtoimax=k_strtoimax -Dstrtoumax=k_strtoumax
/*
 * test_libc_scanf.c - sscanf and fscanf of user/libc (renamed k_*) against
 * the host's on the same inputs: integers in every base and length, floating
 * point in every form (%f %e %g %a, float, double, long double), widths,
 * '*', %s, %c, %[...], %n, %p, literals and input failures; fscanf reading
 * a file, where only one character can be pushed back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#undef sscanf
#undef fscanf
int	sscanf(const char *, const char *, ...);
int	fscanf(FILE *, const char *, ...);

static int failures;

struct out {
	int	i[4];
	long long	ll;
	short	h;
	char	s[32], t[32];
	float	f;
	double	d[2];
	long double	ld;
	void	*p;
	size_t	z;
	signed char	hh;
	int	ret;
};

/* Both implementations scan (str, fmt) into their own struct out. */
#define BOTH(name, str, fmt, ...) do {					\
	struct out o_[2];						\
	memset(o_, 0, sizeof(o_));					\
	for (int k_ = 0; k_ < 2; k_++) {				\
		struct out *o = &o_[k_];				\
		o->ret = (k_ == 0 ? k_sscanf : sscanf)(str, fmt, __VA_ARGS__); \
	}								\
	if (memcmp(&o_[0], &o_[1], sizeof(o_[0])) != 0) {		\
		failures++;						\
		printf("FAIL %s: \"%s\" with \"%s\": got %d, want %d\n", \
		    name, str, fmt, o_[0].ret, o_[1].ret);		\
	} else								\
		printf("PASS %s\n", name);				\
} while (0)

/* The same text through a stream: one character of push-back only. */
static void
test_fscanf(void)
{
	static const char text[] = "  42 3.5e1 word  0x1F\n7 rest-of-line\n";
	struct out o_[2];
	FILE *f;
	int k;

	memset(o_, 0, sizeof(o_));
	for (k = 0; k < 2; k++) {
		struct out *o = &o_[k];

		f = tmpfile();
		fputs(text, f);
		rewind(f);
		o->ret = (k == 0 ? k_fscanf : fscanf)(f, "%d %lf %31s %x %d",
		    &o->i[0], &o->d[0], o->s, &o->i[1], &o->i[2]);
		o->i[3] = fgetc(f);
		o->ret += 10 * (k == 0 ? k_fscanf : fscanf)(f, "%31[^\n]",
		    o->t);
		o->h = (short)((k == 0 ? k_fscanf : fscanf)(f, "%d", &o->i[0]));
		fclose(f);
	}
	if (memcmp(&o_[0], &o_[1], sizeof(o_[0])) != 0) {
		failures++;
		printf("FAIL scanf_fscanf: got %d \"%s\" \"%s\", want %d \"%s\" "
		    "\"%s\"\n", o_[0].ret, o_[0].s, o_[0].t, o_[1].ret, o_[1].s,
		    o_[1].t);
	} else
		printf("PASS scanf_fscanf\n");
}

int
main(void)
{
	BOTH("scanf_ints", "12 -34 0x1f 077", "%d %d %x %o", &o->i[0], &o->i[1],
	    &o->i[2], &o->i[3]);
	BOTH("scanf_i", "0x10 010 10 -0x10", "%i %i %i %i", &o->i[0], &o->i[1],
	    &o->i[2], &o->i[3]);
	BOTH("scanf_unsigned", "4294967295 42", "%u %u", (unsigned *)&o->i[0],
	    (unsigned *)&o->i[1]);
	BOTH("scanf_lengths", "-123456789012 -5", "%lld %hd", &o->ll, &o->h);
	BOTH("scanf_width", "123456", "%2d%3d%d", &o->i[0], &o->i[1], &o->i[2]);
	BOTH("scanf_skip", "1 2 3", "%d %*d %d", &o->i[0], &o->i[1]);
	BOTH("scanf_string", "  hello world", "%s %5s", o->s, o->t);
	BOTH("scanf_strwidth", "abcdefgh", "%3s%s", o->s, o->t);
	BOTH("scanf_char", "xyz", "%c%2c", o->s, o->t);
	BOTH("scanf_set", "abc123def", "%[a-c]%[0-9]", o->s, o->t);
	BOTH("scanf_set_literal", "key=value;", "%[^=]=%[^;]", o->s, o->t);
	BOTH("scanf_literal", "pid: 42, ppid: 7", "pid: %d, ppid: %d", &o->i[0],
	    &o->i[1]);
	BOTH("scanf_mismatch", "pid 42", "pid: %d", &o->i[0]);
	BOTH("scanf_badnum", "abc", "%d", &o->i[0]);
	BOTH("scanf_partial", "5 x", "%d %d", &o->i[0], &o->i[1]);
	BOTH("scanf_empty", "", "%d", &o->i[0]);
	BOTH("scanf_blank", "   ", "%d", &o->i[0]);
	BOTH("scanf_n", "12 345", "%d %n%d%n", &o->i[0], &o->i[1], &o->i[2],
	    &o->i[3]);
	BOTH("scanf_percent", "50% 3", "%d%% %d", &o->i[0], &o->i[1]);
	BOTH("scanf_percent_space", "50 % 3", "%d %% %d", &o->i[0], &o->i[1]);
	BOTH("scanf_hex_prefix_only", "0xg", "%x%n", &o->i[0], &o->i[1]);
	BOTH("scanf_sign_only", "-", "%d", &o->i[0]);
	BOTH("scanf_hh_z", "300 123456", "%hhd %zu", &o->hh, &o->z);
	BOTH("scanf_ptr", "0x1234abcd", "%p", &o->p);
	BOTH("scanf_float", "3.25 -1e3 .5", "%f %lf %lf", &o->f, &o->d[0],
	    &o->d[1]);
	BOTH("scanf_float_forms", "1.5E+2 0x1.8p1 inf", "%le %la %f", &o->d[0],
	    &o->d[1], &o->f);
	BOTH("scanf_float_nan", "-nan 7", "%lg %d", &o->d[0], &o->i[0]);
	BOTH("scanf_float_long", "2.718281828459045235360287 9", "%Lf %d",
	    &o->ld, &o->i[0]);
	BOTH("scanf_float_exact", "0.1 9007199254740993", "%lf %lf", &o->d[0],
	    &o->d[1]);
	BOTH("scanf_float_width", "12345.678", "%3lf%2lf%n", &o->d[0],
	    &o->d[1], &o->i[0]);
	BOTH("scanf_float_partial_exp", "1e+x", "%lf%n", &o->d[0], &o->i[0]);
	BOTH("scanf_float_dot", ".x", "%lf", &o->d[0]);
	BOTH("scanf_float_in", "inx", "%lf%n", &o->d[0], &o->i[0]);
	BOTH("scanf_float_infinity", "INFINITY!", "%lf%n", &o->d[0], &o->i[0]);
	BOTH("scanf_float_skip", "1.5 2.5", "%*f %lf", &o->d[0]);
	BOTH("scanf_float_suffix", "100ergs", "%lf%s", &o->d[0], o->s);
	BOTH("scanf_mixed", "x=3.5, name=kestrel;", "x=%lf, name=%[^;];%n",
	    &o->d[0], o->s, &o->i[0]);
	BOTH("scanf_n_lengths", "abc", "abc%hhn%hn", &o->hh, &o->h);
	test_fscanf();
	return failures != 0;
}
