// SOURCES: user/libc/string.c user/libc/strtok.c user/libc/strcase.c user/libc/strdup.c user/libc/strsep.c
// CFLAGS: -fno-builtin -Dmemcpy=k_memcpy -Dmemmove=k_memmove -Dmemset=k_memset -Dmemcmp=k_memcmp -Dmemchr=k_memchr -Dstrlen=k_strlen -Dstrnlen=k_strnlen -Dstrcmp=k_strcmp -Dstrncmp=k_strncmp -Dstrcpy=k_strcpy -Dstrncpy=k_strncpy -Dstrlcpy=k_strlcpy -Dstrlcat=k_strlcat -Dstrcat=k_strcat -Dstrncat=k_strncat -Dstrchr=k_strchr -Dstrrchr=k_strrchr -Dstrstr=k_strstr -Dstrspn=k_strspn -Dstrcspn=k_strcspn -Dstrpbrk=k_strpbrk -Dstrtok=k_strtok -Dstrtok_r=k_strtok_r -Dstrcasecmp=k_strcasecmp -Dstrncasecmp=k_strncasecmp -Dstrdup=k_strdup -Dstrndup=k_strndup -Dstrsep=k_strsep
/*
 * test_libc_string.c - the string and memory functions of user/libc
 * (string.c, strtok.c, strcase.c, strdup.c), renamed k_*, against known
 * answers and against simple byte-at-a-time reference loops written here.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* glibc declares strlcpy only in newer versions: make sure ours is known. */
size_t	k_strlcpy(char *, const char *, size_t);
size_t	k_strlcat(char *, const char *, size_t);

/* The host's own functions, used to set up and check (renamed above). */
#undef memcmp
#undef memset
#undef strcmp
#undef strcpy
int	memcmp(const void *, const void *, size_t);
void	*memset(void *, int, size_t);
int	strcmp(const char *, const char *);
char	*strcpy(char *, const char *);

static int failures;
static const char *current;

#define CHECK(cond) do {						\
	if (!(cond)) {							\
		failures++;						\
		printf("FAIL %s: line %d: %s\n", current, __LINE__, #cond);\
	}								\
} while (0)

#define CASE(name) for (int once_ = (current = name, start_case()); once_; \
	once_ = end_case())

static int case_failures;

/* The host's strsep, under its own name (the rename covers this file). */
#undef strsep
char	*strsep(char **, const char *);
#define host_strsep	strsep

static int
start_case(void)
{
	case_failures = failures;
	return 1;
}

static int
end_case(void)
{
	if (failures == case_failures)
		printf("PASS %s\n", current);
	return 0;
}

static int
sign(int x)
{
	return (x > 0) - (x < 0);
}

static void
test_mem(void)
{
	unsigned char src[300], dst[300], ref[300];
	size_t off, n, i, d, s;

	for (i = 0; i < sizeof(src); i++)
		src[i] = (unsigned char)(i * 7 + 3);
	CASE("memcpy") {
		for (off = 0; off < 8; off++)
			for (n = 0; n < 100; n += 7) {
				memset(dst, 0xaa, sizeof(dst));
				CHECK(k_memcpy(dst + off, src + 3, n) == dst + off);
				for (i = 0; i < sizeof(dst); i++)
					CHECK(dst[i] == (i >= off && i < off + n ?
					    src[3 + i - off] : 0xaa));
			}
	}
	CASE("memmove") {
		for (d = 0; d < 40; d += 3)
			for (s = 0; s < 40; s += 5)
				for (n = 0; n < 60; n += 11) {
					for (i = 0; i < 120; i++)
						dst[i] = ref[i] = (unsigned char)i;
					for (i = 0; i < n; i++)	/* reference: via a copy */
						src[i] = ref[s + i];
					for (i = 0; i < n; i++)
						ref[d + i] = src[i];
					CHECK(k_memmove(dst + d, dst + s, n) == dst + d);
					CHECK(memcmp(dst, ref, 120) == 0);
				}
	}
	CASE("memset") {
		memset(dst, 1, sizeof(dst));
		CHECK(k_memset(dst + 5, 0x1ff, 10) == dst + 5);
		for (i = 0; i < 30; i++)
			CHECK(dst[i] == (i >= 5 && i < 15 ? 0xff : 1));
		CHECK(k_memset(dst, 0, 0) == dst && dst[0] == 1);
	}
	CASE("memcmp") {
		CHECK(k_memcmp("abc", "abd", 3) < 0);
		CHECK(k_memcmp("abd", "abc", 3) > 0);
		CHECK(k_memcmp("abc", "abd", 2) == 0);
		CHECK(k_memcmp("\x80", "\x01", 1) > 0);	/* unsigned bytes */
		CHECK(k_memcmp("x", "y", 0) == 0);
	}
	CASE("memchr") {
		const char *t = "hello\0world";

		CHECK(k_memchr(t, 'o', 11) == t + 4);
		CHECK(k_memchr(t, 'w', 11) == t + 6);
		CHECK(k_memchr(t, '\0', 11) == t + 5);
		CHECK(k_memchr(t, 'w', 5) == NULL);
		CHECK(k_memchr("\xff", 0xff, 1) != NULL);
	}
}

static void
test_str(void)
{
	char buf[64];
	const char *t = "abcabc";

	CASE("strlen") {
		CHECK(k_strlen("") == 0 && k_strlen("hello") == 5);
		CHECK(k_strnlen("hello", 3) == 3 && k_strnlen("hi", 10) == 2);
	}
	CASE("strcmp") {
		CHECK(k_strcmp("a", "a") == 0 && k_strcmp("a", "b") < 0);
		CHECK(k_strcmp("ab", "a") > 0 && k_strcmp("", "a") < 0);
		CHECK(k_strcmp("\xe9", "e") > 0);	/* compared unsigned */
		CHECK(k_strncmp("abcd", "abce", 3) == 0);
		CHECK(k_strncmp("abcd", "abce", 4) < 0);
		CHECK(k_strncmp("ab", "ab\0x", 4) == 0);
		CHECK(k_strncmp("x", "y", 0) == 0);
		CHECK(sign(k_strncmp("\x80", "\x7f", 1)) == 1);
	}
	CASE("strcpy") {
		CHECK(k_strcpy(buf, "copy") == buf && strcmp(buf, "copy") == 0);
		memset(buf, 'z', sizeof(buf));
		CHECK(k_strncpy(buf, "ab", 5) == buf);
		CHECK(memcmp(buf, "ab\0\0\0z", 6) == 0);	/* NUL padded */
		memset(buf, 'z', sizeof(buf));
		k_strncpy(buf, "abcdef", 3);
		CHECK(memcmp(buf, "abcz", 4) == 0);	/* no NUL when truncated */
	}
	CASE("strlcpy") {
		memset(buf, 'z', sizeof(buf));
		CHECK(k_strlcpy(buf, "hello", 3) == 5 && strcmp(buf, "he") == 0);
		CHECK(k_strlcpy(buf, "hi", sizeof(buf)) == 2 && strcmp(buf, "hi") == 0);
		buf[0] = 'q';
		CHECK(k_strlcpy(buf, "x", 0) == 1 && buf[0] == 'q');
	}
	CASE("strlcat") {
		strcpy(buf, "ab");
		CHECK(k_strlcat(buf, "cd", 5) == 4 && strcmp(buf, "abcd") == 0);
		strcpy(buf, "ab");
		CHECK(k_strlcat(buf, "cdef", 5) == 6 && strcmp(buf, "abcd") == 0);
		memcpy(buf, "abcd", 4);		/* no NUL within size */
		CHECK(k_strlcat(buf, "xy", 4) == 6 && memcmp(buf, "abcd", 4) == 0);
	}
	CASE("strcat") {
		strcpy(buf, "ab");
		CHECK(k_strcat(buf, "cd") == buf && strcmp(buf, "abcd") == 0);
		CHECK(k_strncat(buf, "efgh", 2) == buf && strcmp(buf, "abcdef") == 0);
		CHECK(strcmp(k_strncat(buf, "", 5), "abcdef") == 0);
	}
	CASE("strchr") {
		CHECK(k_strchr(t, 'b') == t + 1 && k_strrchr(t, 'b') == t + 4);
		CHECK(k_strchr(t, 'z') == NULL && k_strrchr(t, 'z') == NULL);
		CHECK(k_strchr(t, '\0') == t + 6 && k_strrchr(t, '\0') == t + 6);
	}
	CASE("strstr") {
		CHECK(k_strstr(t, "ca") == t + 2);
		CHECK(k_strstr(t, "") == t);
		CHECK(k_strstr(t, "abd") == NULL);
		CHECK(k_strstr("aaab", "aab") != NULL);
		CHECK(k_strstr("", "a") == NULL);
		CHECK(k_strstr("abc", "abcd") == NULL);
	}
	CASE("strspn") {
		CHECK(k_strspn("aabbc", "ab") == 4 && k_strspn("x", "ab") == 0);
		CHECK(k_strcspn("hello, world", ", ") == 5);
		CHECK(k_strcspn("abc", "") == 3);
		CHECK(k_strpbrk(t, "cx") == t + 2);
		CHECK(k_strpbrk("hello", "xyz") == NULL);
	}
}

static void
test_others(void)
{
	char s[] = "  one,two;;three ";
	char *last, *p;

	CASE("strtok") {
		CHECK(strcmp(k_strtok(s, " ,;"), "one") == 0);
		CHECK(strcmp(k_strtok(NULL, " ,;"), "two") == 0);
		CHECK(strcmp(k_strtok(NULL, " ,;"), "three") == 0);
		CHECK(k_strtok(NULL, " ,;") == NULL);
		CHECK(k_strtok(NULL, " ,;") == NULL);
	}
	CASE("strtok_r") {
		char t[] = "a b";

		CHECK(strcmp(k_strtok_r(t, " ", &last), "a") == 0);
		CHECK(strcmp(k_strtok_r(NULL, " ", &last), "b") == 0);
		CHECK(k_strtok_r(NULL, " ", &last) == NULL);
		CHECK(k_strtok_r((char []){ "   " }, " ", &last) == NULL);
	}
	CASE("strcasecmp") {
		CHECK(k_strcasecmp("Hello", "hELLO") == 0);
		CHECK(k_strcasecmp("abc", "ABD") < 0);
		CHECK(k_strcasecmp("b", "A") > 0);
		CHECK(k_strncasecmp("HelloX", "helloY", 5) == 0);
		CHECK(k_strncasecmp("a", "B", 1) < 0);
	}
	CASE("strsep") {
		static const char *const inputs[] = { "a,b,,c", ",lead", "trail,",
		    "", "none", ",;,", "k=v;x=y" };
		char b1[32], b2[32], *s1, *s2, *f1, *f2;
		unsigned i;

		for (i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++) {
			strcpy(b1, inputs[i]);
			strcpy(b2, inputs[i]);
			s1 = b1;
			s2 = b2;
			do {
				f1 = k_strsep(&s1, ",;");
				f2 = host_strsep(&s2, ",;");
				CHECK((f1 == NULL) == (f2 == NULL));
				CHECK(f1 == NULL || (f1 - b1 == f2 - b2 &&
				    strcmp(f1, f2) == 0));
				CHECK((s1 == NULL) == (s2 == NULL));
			} while (f1 != NULL && f2 != NULL);
		}
		s1 = NULL;
		CHECK(k_strsep(&s1, ",") == NULL);
	}
	CASE("strdup") {
		p = k_strdup("dup me");
		CHECK(p != NULL && strcmp(p, "dup me") == 0);
		free(p);
		p = k_strndup("abcdef", 3);
		CHECK(p != NULL && strcmp(p, "abc") == 0);
		free(p);
		p = k_strndup("ab", 10);
		CHECK(p != NULL && strcmp(p, "ab") == 0);
		free(p);
	}
}

int
main(void)
{
	test_mem();
	test_str();
	test_others();
	return failures != 0;
}
