// CFLAGS: -fno-builtin -Darc4random=k_arc4random -Darc4random_buf=k_arc4random_buf -Darc4random_uniform=k_arc4random_uniform
/*
 * test_libc_arc4random.c - user/libc/arc4random.c, included whole (its
 * block function is static): the ChaCha20 block of RFC 8439's test
 * vector (section 2.3.2), byte for byte; then the generator: no repeats
 * in a long run, every byte value about equally common, arc4random_uniform
 * inside its range and even across it, arc4random_buf filling odd sizes,
 * and a forked child that does not repeat its parent's numbers.
 */
#include <stdio.h>
#include <sys/wait.h>
#include "libc/arc4random.c"

#include "check.h"

static void
test_block(void)
{
	static const uint8_t want[64] = {
		0x10, 0xf1, 0xe7, 0xe4, 0xd1, 0x3b, 0x59, 0x15,
		0x50, 0x0f, 0xdd, 0x1f, 0xa3, 0x20, 0x71, 0xc4,
		0xc7, 0xd1, 0xf4, 0xc7, 0x33, 0xc0, 0x68, 0x03,
		0x04, 0x22, 0xaa, 0x9a, 0xc3, 0xd4, 0x6c, 0x4e,
		0xd2, 0x82, 0x64, 0x46, 0x07, 0x9f, 0xaa, 0x09,
		0x14, 0xc2, 0xd7, 0x05, 0xd9, 0x8b, 0x02, 0xa2,
		0xb5, 0x12, 0x9c, 0xd1, 0xde, 0x16, 0x4e, 0xb9,
		0xcb, 0xd0, 0x83, 0xe8, 0xa2, 0x50, 0x3c, 0x4e,
	};
	static const uint8_t nonce[12] = { 0, 0, 0, 9, 0, 0, 0, 0x4a };
	uint8_t key[32], out[64];
	int i;

	for (i = 0; i < 32; i++)
		key[i] = (uint8_t)i;
	chacha20_block(key, 1, nonce, out);
	check("chacha20_rfc8439_block", memcmp(out, want, 64) == 0,
	    "the block differs from RFC 8439's");
}

static void
test_generator(void)
{
	static uint32_t seen[20000];
	long counts[256] = { 0 };
	uint8_t buf[4099];
	uint32_t r;
	int i, k, ok = 1, dup = 0, low = 0;

	for (i = 0; i < 20000; i++) {
		seen[i] = k_arc4random();
		for (k = 0; k < i && k < 200; k++)
			dup += seen[i] == seen[i - 1 - k];
	}
	check("arc4random_no_repeats", dup == 0, "a value came back at once");
	for (i = 0; i < 100; i++) {
		k_arc4random_buf(buf, sizeof(buf));
		for (k = 0; k < (int)sizeof(buf); k++)
			counts[buf[k]]++;
	}
	/* 409,900 bytes: about 1,601 each; 5 standard deviations is 200. */
	for (i = 0; i < 256; i++)
		ok &= counts[i] > 1400 && counts[i] < 1800;
	check("arc4random_buf_bytes_even", ok, "a byte value is far too common "
	    "or too rare");
	ok = k_arc4random_uniform(0) == 0 && k_arc4random_uniform(1) == 0;
	for (i = 0; i < 30000; i++) {
		r = k_arc4random_uniform(3000000000u);
		ok &= r < 3000000000u;
		low += r < 1500000000u;
	}
	check("arc4random_uniform_range", ok, "a value out of range");
	/* Without the redraw, values below 2^32 mod 3e9 come twice as often. */
	check("arc4random_uniform_even", low > 14400 && low < 15600,
	    "the lower half is not half");
}

static void
test_fork(void)
{
	uint32_t mine[4], theirs[4];
	int p[2], status;
	pid_t pid;

	k_arc4random();
	if (pipe(p) != 0 || (pid = fork()) == -1) {
		check("arc4random_fork", 0, "no pipe or fork");
		return;
	}
	if (pid == 0) {
		for (int i = 0; i < 4; i++)
			theirs[i] = k_arc4random();
		_exit(write(p[1], theirs, sizeof(theirs)) != sizeof(theirs));
	}
	for (int i = 0; i < 4; i++)
		mine[i] = k_arc4random();
	waitpid(pid, &status, 0);
	check("arc4random_fork", read(p[0], theirs, sizeof(theirs)) ==
	    sizeof(theirs) && memcmp(mine, theirs, sizeof(mine)) != 0,
	    "the child repeated its parent's numbers");
}

int
main(void)
{
	test_block();
	test_generator();
	test_fork();
	return failures != 0;
}
