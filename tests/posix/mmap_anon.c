/*
 * mmap_anon.c - anonymous memory from mmap, written against POSIX's
 * <sys/mman.h> (MAP_ANON: FreeBSD's name, which glibc shows only outside
 * strict POSIX, hence _DEFAULT_SOURCE): a sieve of Eratosthenes in pages
 * that must start zeroed, a second, larger mapping beside the first,
 * mprotect to read-only and back, munmap, and the errors POSIX names for
 * a zero length and an unaligned address.
 */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static unsigned char *
map(size_t len)
{
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON,
	    -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

/* Primes below n, counted with a sieve in a fresh mapping of n bytes. */
static long
primes(size_t n, unsigned char **sieve)
{
	size_t i, k;
	long count = 0;

	if ((*sieve = map(n)) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if ((*sieve)[i] != 0)
			return -2;
	for (i = 2; i < n; i++) {
		if ((*sieve)[i])
			continue;
		count++;
		if (i > n / i)
			continue;	/* i * i is past the end (or overflows) */
		for (k = i * i; k < n; k += i)
			(*sieve)[k] = 1;
	}
	return count;
}

int
main(void)
{
	long page = sysconf(_SC_PAGESIZE);
	unsigned char *s, *bigger;
	size_t n = 20 * (size_t)page;
	long c;
	void *bad;

	if ((c = primes(n, &s)) < 0) {
		printf("mapping failed (%ld)\n", c);
		return 1;
	}
	printf("primes below %zu: %ld\n", n, c);
	if ((c = primes(4 * n, &bigger)) < 0) {
		printf("second mapping failed (%ld)\n", c);
		return 1;
	}
	printf("primes below %zu: %ld; the first mapping still says %d for "
	    "97 and %d for 91\n", 4 * n, c, s[97], s[91]);
	if (mprotect(s, n, PROT_READ) != 0 || s[2] != 0 ||
	    mprotect(s, n, PROT_READ | PROT_WRITE) != 0) {
		perror("mprotect");
		return 1;
	}
	s[2] = 7;
	printf("read-only and back: s[2] = %d\n", s[2]);
	if (munmap(s, n) != 0 || munmap(bigger, 4 * n) != 0) {
		perror("munmap");
		return 1;
	}
	errno = 0;
	bad = mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANON, -1, 0);
	printf("a zero length: %s\n", bad == MAP_FAILED && errno == EINVAL ?
	    "EINVAL" : "accepted");
	errno = 0;
	printf("munmap of an unaligned address: %s\n",
	    munmap((char *)bigger + 1, (size_t)page) == -1 && errno == EINVAL ?
	    "EINVAL" : "accepted");
	return 0;
}
