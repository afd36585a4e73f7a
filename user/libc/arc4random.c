/*
 * arc4random.c - BSD's random numbers that need no seeding: arc4random,
 * arc4random_uniform and arc4random_buf. Like FreeBSD's, they are the
 * ChaCha20 stream cipher's output (RFC 8439); after each block the first
 * 32 bytes become the next key, so a state seen later does not give away
 * the numbers already handed out.
 *
 * Kestrel has no source of entropy: the first key is made of the
 * real-time and monotonic clocks, the pid and a stack address. That is
 * enough for simulations, games and shuffles that must differ from run to
 * run, and not for keys or passwords. A forked child notices that its pid
 * changed and stirs it in, so parent and child do not repeat each other.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define ROTL(v, n)	((v) << (n) | (v) >> (32 - (n)))

static void
quarter(uint32_t *x, int a, int b, int c, int d)
{
	x[a] += x[b]; x[d] ^= x[a]; x[d] = ROTL(x[d], 16);
	x[c] += x[d]; x[b] ^= x[c]; x[b] = ROTL(x[b], 12);
	x[a] += x[b]; x[d] ^= x[a]; x[d] = ROTL(x[d], 8);
	x[c] += x[d]; x[b] ^= x[c]; x[b] = ROTL(x[b], 7);
}

static uint32_t
le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

/* One 64-byte ChaCha20 block of key (32 bytes), counter and nonce (12). */
static void
chacha20_block(const uint8_t *key, uint32_t counter, const uint8_t *nonce,
    uint8_t *out)
{
	uint32_t in[16], x[16];
	int i;

	in[0] = 0x61707865;	/* "expand 32-byte k" */
	in[1] = 0x3320646e;
	in[2] = 0x79622d32;
	in[3] = 0x6b206574;
	for (i = 0; i < 8; i++)
		in[4 + i] = le32(key + 4 * i);
	in[12] = counter;
	for (i = 0; i < 3; i++)
		in[13 + i] = le32(nonce + 4 * i);
	memcpy(x, in, sizeof(x));
	for (i = 0; i < 10; i++) {
		quarter(x, 0, 4, 8, 12);
		quarter(x, 1, 5, 9, 13);
		quarter(x, 2, 6, 10, 14);
		quarter(x, 3, 7, 11, 15);
		quarter(x, 0, 5, 10, 15);
		quarter(x, 1, 6, 11, 12);
		quarter(x, 2, 7, 8, 13);
		quarter(x, 3, 4, 9, 14);
	}
	for (i = 0; i < 16; i++) {
		x[i] += in[i];
		out[4 * i] = (uint8_t)x[i];
		out[4 * i + 1] = (uint8_t)(x[i] >> 8);
		out[4 * i + 2] = (uint8_t)(x[i] >> 16);
		out[4 * i + 3] = (uint8_t)(x[i] >> 24);
	}
}

static struct {
	uint8_t		key[32];
	uint8_t		out[32];	/* numbers not handed out yet */
	size_t		left;
	uint32_t	counter;
	pid_t		pid;		/* who stirred last: a fork shows */
} rs;

/* Mixes n bytes into the key and starts a fresh block. */
static void
stir(const void *p, size_t n)
{
	const uint8_t *b = p;
	size_t i;

	for (i = 0; i < n; i++)
		rs.key[i % sizeof(rs.key)] ^= b[i];
	rs.left = 0;
}

static void
refill(void)
{
	static const uint8_t nonce[12];
	struct timespec ts[2];
	uint8_t block[64];
	uintptr_t where;
	pid_t pid = getpid();

	if (rs.pid != pid) {
		clock_gettime(CLOCK_REALTIME, &ts[0]);
		clock_gettime(CLOCK_MONOTONIC, &ts[1]);
		stir(ts, sizeof(ts));
		stir(&pid, sizeof(pid));
		where = (uintptr_t)&where;
		stir(&where, sizeof(where));
		rs.pid = pid;
	}
	chacha20_block(rs.key, rs.counter++, nonce, block);
	memcpy(rs.key, block, sizeof(rs.key));
	memcpy(rs.out, block + 32, sizeof(rs.out));
	memset(block, 0, sizeof(block));
	rs.left = sizeof(rs.out);
}

void
arc4random_buf(void *buf, size_t n)
{
	uint8_t *p = buf;
	size_t k;

	while (n > 0) {
		if (rs.left == 0 || rs.pid != getpid())
			refill();
		k = n < rs.left ? n : rs.left;
		memcpy(p, rs.out + sizeof(rs.out) - rs.left, k);
		memset(rs.out + sizeof(rs.out) - rs.left, 0, k);
		rs.left -= k;
		p += k;
		n -= k;
	}
}

uint32_t
arc4random(void)
{
	uint32_t v;

	arc4random_buf(&v, sizeof(v));
	return v;
}

/*
 * A number in [0, upper) with every value equally likely: the values
 * below 2^32 mod upper, which would favour the small results, are drawn
 * again.
 */
uint32_t
arc4random_uniform(uint32_t upper)
{
	uint32_t min, r;

	if (upper < 2)
		return 0;
	min = -upper % upper;
	do
		r = arc4random();
	while (r < min);
	return r % upper;
}
