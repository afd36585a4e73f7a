// SOURCES: user/libc/scanf.c user/libc/strtol.c
// CFLAGS: -fno-builtin -Dsscanf=k_sscanf -Dvsscanf=k_vsscanf -Dstrtol=k_strtol -Dstrtoul=k_strtoul -Dstrtoll=k_strtoll -Dstrtoull=k_strtoull -Datoi=k_atoi -Datol=k_atol -Datoll=k_atoll -Dstrtoimax=k_strtoimax -Dstrtoumax=k_strtoumax
/*
 * test_libc_scanf.c - sscanf of user/libc (renamed k_sscanf) against the
 * host's sscanf on the same inputs: integers in every base and length,
 * widths, '*', %s, %c, %[...], %n, literals and input failures.
 */
#include <stdio.h>
#include <string.h>

#undef sscanf
int	sscanf(const char *, const char *, ...);

static int failures;

struct out {
	int	i[4];
	long long	ll;
	short	h;
	char	s[32], t[32];
	int	ret;
};

/* Both implementations scan (str, fmt) into their own struct out. */
#define BOTH(name, str, fmt, ...) do {					\
	struct out o_[2];						\
	for (int k_ = 0; k_ < 2; k_++) {				\
		struct out *o = &o_[k_];				\
		memset(o, 0, sizeof(*o));				\
		o->ret = (k_ == 0 ? k_sscanf : sscanf)(str, fmt, __VA_ARGS__); \
	}								\
	if (memcmp(&o_[0], &o_[1], sizeof(o_[0])) != 0) {		\
		failures++;						\
		printf("FAIL %s: \"%s\" with \"%s\": got %d, want %d\n", \
		    name, str, fmt, o_[0].ret, o_[1].ret);		\
	} else								\
		printf("PASS %s\n", name);				\
} while (0)

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
	return failures != 0;
}
