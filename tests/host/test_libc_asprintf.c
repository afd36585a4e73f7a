// SOURCES: user/libc/asprintf.c user/libc/sprintf.c user/libc/format.c user/libc/format_float.c
// CFLAGS: -fno-builtin -D_GNU_SOURCE -Dasprintf=k_asprintf -Dvasprintf=k_vasprintf -Dvsnprintf=k_vsnprintf -Dsnprintf=k_snprintf -Dsprintf=k_sprintf -Dvsprintf=k_vsprintf
/*
 * test_libc_asprintf.c - asprintf of user/libc (renamed k_asprintf, with
 * its formatter) against the host's: the same string and length for short,
 * empty and long results, and a string exactly as long as the text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#undef asprintf
int	asprintf(char **, const char *, ...);

static int failures;

#define BOTH(name, fmt, ...) do {					\
	char *a_ = NULL, *b_ = NULL;					\
	int na_ = k_asprintf(&a_, fmt, __VA_ARGS__);			\
	int nb_ = asprintf(&b_, fmt, __VA_ARGS__);			\
	if (na_ != nb_ || a_ == NULL || strcmp(a_, b_) != 0 ||		\
	    strlen(a_) != (size_t)na_) {				\
		failures++;						\
		printf("FAIL %s: %d \"%.40s\", host %d \"%.40s\"\n", name,\
		    na_, a_ ? a_ : "(null)", nb_, b_);			\
	} else								\
		printf("PASS %s\n", name);				\
	free(a_);							\
	free(b_);							\
} while (0)

int
main(void)
{
	static char big[5000];

	memset(big, 'x', sizeof(big) - 1);
	BOTH("asprintf_short", "%d-%s-%.3f", 42, "kestrel", 3.14159);
	BOTH("asprintf_empty", "%s", "");
	BOTH("asprintf_long", "[%s] %08x", big, 0xbeefU);
	BOTH("asprintf_width", "%*d|%-*s|", 300, 7, 200, "left");
	return failures != 0;
}
