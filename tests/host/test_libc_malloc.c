// CFLAGS: -fno-builtin -Dmalloc=k_malloc -Dfree=k_free -Dcalloc=k_calloc -Drealloc=k_realloc -Dsbrk=fake_sbrk
/*
 * test_libc_malloc.c - the allocator of user/libc/malloc.c, included whole
 * so its chunk headers and bins can be inspected, running on a fake sbrk over
 * a static arena. After the operations of every case the whole heap is
 * walked: chunks tile the region exactly, sizes and boundary tags agree, no
 * two free chunks touch, and the bins hold exactly the free chunks.
 */
#include "libc/malloc.c"

#include <stdio.h>

/* One thread here: the heap's lock has nothing to do. */
void
__libc_lock(struct __libc_lock *l)
{
	(void)l;
}

void
__libc_unlock(struct __libc_lock *l)
{
	(void)l;
}

#define ARENA_SIZE	(8 << 20)

static char arena[ARENA_SIZE] __attribute__((aligned(64)));
static char *arena_start = arena + 3;	/* a misaligned initial break */
static char *brk_cur = arena + 3;
static int failures;
static const char *current;
/* Absurd sizes through a volatile, so gcc does not reject the calls at compile time. */
static volatile size_t huge = SIZE_MAX - 8, half = SIZE_MAX / 2;

void *
fake_sbrk(intptr_t incr)
{
	char *old = brk_cur;

	if (incr > arena + ARENA_SIZE - brk_cur || incr < arena_start - brk_cur) {
		errno = ENOMEM;
		return (void *)-1;
	}
	brk_cur += incr;
	return old;
}

static void
fail(const char *what)
{
	failures++;
	printf("FAIL %s: %s\n", current, what);
}

/*
 * Walks the one region from the prologue to the fence and checks every
 * invariant; returns the number of free chunks (-1 if the walk failed).
 */
static int
check_heap(void)
{
	struct chunk *c = (struct chunk *)region_start(arena_start), *prev = NULL;
	int nfree = 0, inbins = 0, b;

	if (fence == NULL)
		return 0;
	if (c->size != (MIN_CHUNK | INUSE)) {
		fail("bad prologue");
		return -1;
	}
	for (; c != fence; prev = c, c = next_chunk(c)) {
		if ((char *)c < arena || (char *)c >= brk_cur) {
			fail("walk left the arena");
			return -1;
		}
		if (csize(c) < MIN_CHUNK || csize(c) % ALIGN != 0 ||
		    (uintptr_t)payload(c) % ALIGN != 0) {
			fail("bad chunk size or alignment");
			return -1;
		}
		if (prev != NULL && c->prev_size != csize(prev))
			fail("prev_size disagrees with the previous chunk");
		if (!(c->size & INUSE)) {
			nfree++;
			if (prev != NULL && !(prev->size & INUSE))
				fail("two adjacent free chunks");
		}
	}
	if ((char *)fence + HDR != brk_cur || fence->size != INUSE)
		fail("fence is not at the break");
	if (fence->prev_size != csize(prev))
		fail("fence prev_size is wrong");
	for (b = 0; b < NBINS; b++)
		for (c = bins[b]; c != NULL; c = c->next) {
			inbins++;
			if (c->size & INUSE)
				fail("in-use chunk in a bin");
			if (bin_of(csize(c)) != b)
				fail("chunk in the wrong bin");
			if (c->next != NULL && c->next->prev != c)
				fail("broken bin links");
		}
	if (inbins != nfree)
		fail("bins and heap disagree on the free chunks");
	return nfree;
}

static void
begin(const char *name)
{
	current = name;
}

static void
end(int before)
{
	if (check_heap() >= 0 && failures == before)
		printf("PASS %s\n", current);
}

static void
test_basic(void)
{
	int before = failures;
	char *p, *q;

	begin("malloc_basic");
	p = k_malloc(1);
	q = k_malloc(100);
	if (p == NULL || q == NULL || (uintptr_t)p % 16 || (uintptr_t)q % 16)
		fail("small allocations");
	memset(p, 1, 1);
	memset(q, 2, 100);
	if (p[0] != 1 || q[99] != 2)
		fail("contents");
	k_free(p);
	k_free(q);
	k_free(NULL);
	p = k_malloc(0);
	if (p == NULL)
		fail("malloc(0) must give a unique pointer");
	k_free(p);
	end(before);
}

static void
test_coalesce(void)
{
	int before = failures;
	char *a, *b, *c, *guard;

	begin("malloc_coalesce");
	a = k_malloc(200);
	b = k_malloc(200);
	c = k_malloc(200);
	guard = k_malloc(200);
	k_free(a);
	k_free(c);
	if (check_heap() < 2)
		fail("a and c should be separate free chunks");
	k_free(b);
	/* a, b and c are now one chunk: a 600-byte request fits where a was. */
	if (k_malloc(600) != a)
		fail("freed neighbours were not merged");
	k_free(a);
	k_free(guard);
	if (check_heap() != 1)
		fail("an empty heap should be one free chunk");
	end(before);
}

static void
test_realloc(void)
{
	int before = failures, i;
	unsigned char *p, *q, *r;

	begin("malloc_realloc");
	p = k_malloc(100);
	q = k_malloc(100);
	for (i = 0; i < 100; i++)
		p[i] = (unsigned char)i;
	k_free(q);
	if ((r = k_realloc(p, 150)) != p)
		fail("growing into a free neighbour should stay in place");
	if ((r = k_realloc(p, 20)) != p)
		fail("shrinking should stay in place");
	q = k_malloc(10);	/* a barrier so the next grow must move */
	r = k_realloc(p, 5000);
	for (i = 0; i < 20; i++)
		if (r[i] != i)
			fail("realloc lost the contents");
	if (k_realloc(NULL, 10) == NULL)
		fail("realloc(NULL, n) is malloc");
	k_free(r);
	k_free(q);
	end(before);
}

static void
test_calloc(void)
{
	int before = failures, i;
	unsigned char *p;

	begin("malloc_calloc");
	p = k_malloc(4096);
	memset(p, 0xee, 4096);
	k_free(p);
	p = k_calloc(64, 64);
	for (i = 0; i < 4096; i++)
		if (p[i] != 0)
			fail("calloc memory not zeroed");
	k_free(p);
	errno = 0;
	if (k_calloc(half, 3) != NULL || errno != ENOMEM)
		fail("calloc overflow must be ENOMEM");
	end(before);
}

static void
test_enomem(void)
{
	int before = failures, n = 0, i;
	static void *blocks[1024];

	begin("malloc_enomem");
	errno = 0;
	if (k_malloc(ARENA_SIZE * 2) != NULL || errno != ENOMEM)
		fail("a request larger than the arena must fail with ENOMEM");
	errno = 0;
	if (k_malloc(huge) != NULL || errno != ENOMEM)
		fail("a huge request must fail with ENOMEM");
	while (n < 1024 && (blocks[n] = k_malloc(60000)) != NULL)
		n++;
	if (n == 1024 || errno != ENOMEM)
		fail("exhausting the arena must end in ENOMEM");
	check_heap();
	for (i = 0; i < n; i += 2)
		k_free(blocks[i]);
	for (i = 1; i < n; i += 2)
		k_free(blocks[i]);
	if (check_heap() != 1)
		fail("after freeing everything the heap is one chunk");
	/* Merging must make nearly the whole arena available again. */
	if ((blocks[0] = k_malloc((size_t)n * 60000)) == NULL)
		fail("the merged heap cannot satisfy a large request");
	k_free(blocks[0]);
	end(before);
}

static uint64_t state = 0x2545F4914F6CDD1DULL;

static unsigned
rnd(unsigned n)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return (unsigned)(state % n);
}

#define SLOTS	400

static struct {
	unsigned char	*p;
	size_t		n;
	unsigned char	tag;
} slot[SLOTS];

static int
intact(int i)
{
	size_t k;

	for (k = 0; k < slot[i].n; k++)
		if (slot[i].p[k] != (unsigned char)(slot[i].tag + k))
			return 0;
	return 1;
}

static void
fill(int i)
{
	size_t k;

	for (k = 0; k < slot[i].n; k++)
		slot[i].p[k] = (unsigned char)(slot[i].tag + k);
}

static size_t
random_size(void)
{
	switch (rnd(10)) {
	case 0:
		return rnd(70000);
	case 1:
	case 2:
		return rnd(4000);
	default:
		return rnd(200);
	}
}

static void
test_stress(void)
{
	int before = failures, op, i;
	unsigned char *p;
	size_t n;

	begin("malloc_stress");
	for (op = 0; op < 60000 && failures - before < 5; op++) {
		i = rnd(SLOTS);
		if (slot[i].p != NULL && !intact(i))
			fail("a block's contents changed: overlap");
		n = random_size();
		switch (rnd(4)) {
		case 0:		/* realloc */
			if (slot[i].p == NULL)
				break;
			p = k_realloc(slot[i].p, n);
			if (p == NULL)
				break;
			if (n < slot[i].n)
				slot[i].n = n;
			slot[i].p = p;
			if (!intact(i))
				fail("realloc did not keep the contents");
			slot[i].n = n;
			fill(i);
			break;
		case 1:		/* free */
			k_free(slot[i].p);
			slot[i].p = NULL;
			break;
		default:	/* (re)allocate */
			k_free(slot[i].p);
			slot[i].p = rnd(8) == 0 ? k_calloc(1, n) : k_malloc(n);
			slot[i].n = slot[i].p != NULL ? n : 0;
			slot[i].tag = (unsigned char)rnd(256);
			if (slot[i].p != NULL && (uintptr_t)slot[i].p % 16)
				fail("misaligned block");
			fill(i);
			break;
		}
		if (op % 16 == 0)
			check_heap();
	}
	for (i = 0; i < SLOTS; i++) {
		if (slot[i].p != NULL && !intact(i))
			fail("a block's contents changed at the end");
		k_free(slot[i].p);
		slot[i].p = NULL;
	}
	if (check_heap() != 1)
		fail("after the stress the heap should be one free chunk");
	end(before);
}

/*
 * Someone else moves the break: the allocator must start a new region
 * rather than extend the old one over the foreign bytes. Runs on a fresh
 * heap, as the last case (check_heap walks one region only).
 */
static void
test_foreign_break(void)
{
	int before = failures;
	char *small, *gap, *p;

	begin("malloc_foreign_break");
	memset(bins, 0, sizeof(bins));
	fence = NULL;
	brk_cur = arena_start;
	small = k_malloc(16);
	gap = fake_sbrk(100);
	memset(gap, 0x77, 100);
	p = k_malloc(200000);
	if (p == NULL || p < gap + 100)
		fail("no new region after a foreign sbrk");
	else
		memset(p, 0x55, 200000);
	if (gap[0] != 0x77 || gap[99] != 0x77)
		fail("the foreign bytes were overwritten");
	k_free(p);
	k_free(small);
	if (failures == before)
		printf("PASS %s\n", current);
}

int
main(void)
{
	test_basic();
	test_coalesce();
	test_realloc();
	test_calloc();
	test_enomem();
	test_stress();
	test_foreign_break();
	return failures != 0;
}
