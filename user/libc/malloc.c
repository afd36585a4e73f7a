/*
 * malloc.c - the heap allocator: boundary-tag chunks on memory from sbrk,
 * kept in segregated free lists, split on allocation and coalesced on free.
 *
 * Every chunk starts with a header of two words: the size of the chunk just
 * before it and its own size, whose low bit says "in use". Sizes are
 * multiples of 16 and the header is placed so that the payload after it is
 * 16-byte aligned. A free chunk also holds the links of its free list, and
 * no two free chunks are ever adjacent (free merges them at once).
 *
 * A region from sbrk is laid out as
 *	[pad][prologue: in-use chunk][chunks ...][fence: header of size 0, in use]
 * so that walking or merging never runs off either end. When the heap must
 * grow and nobody else moved the break, the region is extended in place:
 * the fence becomes the header of the new space.
 *
 * Free chunks sit in bin floor(log2(size)) - 4. A request looks first-fit
 * in its own bin, then takes the first chunk of any larger bin, which is
 * always big enough.
 *
 * One lock (libc_lock.h) keeps the heap whole when threads allocate at
 * once; a program without threads never takes it.
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "libc_lock.h"

#define ALIGN		16
#define HDR		(2 * sizeof(size_t))
#define INUSE		((size_t)1)
#define ROUND(n)	(((n) + ALIGN - 1) & ~(size_t)(ALIGN - 1))
#define MIN_CHUNK	ROUND(HDR + 2 * sizeof(void *))
#define NBINS		32
#define GROW_MIN	(64 * 1024)	/* sbrk at least this much at a time */

struct chunk {
	size_t		prev_size;	/* size of the chunk before this one */
	size_t		size;		/* size of this chunk | INUSE */
	struct chunk	*next;		/* free-list links, in free chunks only */
	struct chunk	*prev;
};

static struct chunk *bins[NBINS];
static struct chunk *fence;		/* the fence of the newest region */

static size_t
csize(const struct chunk *c)
{
	return c->size & ~INUSE;
}

static struct chunk *
next_chunk(const struct chunk *c)
{
	return (struct chunk *)((char *)c + csize(c));
}

static struct chunk *
prev_chunk(const struct chunk *c)
{
	return (struct chunk *)((char *)c - c->prev_size);
}

static void *
payload(struct chunk *c)
{
	return (char *)c + HDR;
}

static int
bin_of(size_t size)
{
	int b = -4;

	for (; size > 1; size >>= 1)
		b++;
	return b < 0 ? 0 : b >= NBINS ? NBINS - 1 : b;
}

static void
bin_insert(struct chunk *c)
{
	struct chunk **head = &bins[bin_of(csize(c))];

	c->prev = NULL;
	c->next = *head;
	if (*head != NULL)
		(*head)->prev = c;
	*head = c;
}

static void
bin_remove(struct chunk *c)
{
	if (c->prev != NULL)
		c->prev->next = c->next;
	else
		bins[bin_of(csize(c))] = c->next;
	if (c->next != NULL)
		c->next->prev = c->prev;
}

/* Sets c's size (keeping its in-use bit) and tells the next chunk. */
static void
set_size(struct chunk *c, size_t size)
{
	c->size = size | (c->size & INUSE);
	next_chunk(c)->prev_size = size;
}

/*
 * Marks c free, merges it with free neighbours and files the result.
 * c must not be in any bin.
 */
static void
release(struct chunk *c)
{
	struct chunk *n = next_chunk(c), *p;

	c->size &= ~INUSE;
	if (!(n->size & INUSE)) {
		bin_remove(n);
		set_size(c, csize(c) + csize(n));
	}
	p = prev_chunk(c);
	if (!(p->size & INUSE)) {
		bin_remove(p);
		set_size(p, csize(p) + csize(c));
		c = p;
	}
	bin_insert(c);
}

/* Cuts c (not in a bin) down to size bytes; the rest, if usable, is freed. */
static void
split(struct chunk *c, size_t size)
{
	size_t total = csize(c);
	struct chunk *rest;

	if (total - size < MIN_CHUNK)
		return;
	set_size(c, size);
	rest = next_chunk(c);
	rest->size = INUSE;
	set_size(rest, total - size);
	release(rest);
}

static struct chunk *
find_fit(size_t size)
{
	struct chunk *c;
	int b = bin_of(size);

	for (c = bins[b]; c != NULL; c = c->next)
		if (csize(c) >= size)
			return c;
	for (b++; b < NBINS; b++)
		if (bins[b] != NULL)
			return bins[b];
	return NULL;
}

/* Where, at or after p, a region's prologue goes so payloads are aligned. */
static char *
region_start(char *p)
{
	uintptr_t a = (uintptr_t)p + HDR;

	return (char *)(ROUND(a) - HDR);
}

/*
 * Grows the heap by a free chunk of at least size bytes. The break is
 * assumed to move only by our own sbrk calls in between (one thread).
 */
static int
grow(size_t size)
{
	char *brk_now = sbrk(0), *start;
	size_t amount = size < GROW_MIN ? GROW_MIN : size;
	struct chunk *c;

	if (brk_now == (void *)-1)
		return -1;
	if (fence != NULL && brk_now == (char *)fence + HDR) {
		/* Contiguous: the old fence becomes the new chunk's header. */
		if (sbrk(amount) != brk_now)
			return -1;
		c = fence;
	} else {
		/* A new region: alignment pad, prologue, the chunk, a fence. */
		start = region_start(brk_now);
		if (sbrk(start - brk_now + MIN_CHUNK + amount + HDR) != brk_now)
			return -1;
		c = (struct chunk *)start;
		c->prev_size = 0;
		c->size = MIN_CHUNK | INUSE;		/* the prologue */
		c = next_chunk(c);
		c->prev_size = MIN_CHUNK;
	}
	c->size = amount | INUSE;
	fence = next_chunk(c);
	fence->prev_size = amount;
	fence->size = 0 | INUSE;
	release(c);
	return 0;
}

/*
 * The chunk size for a request of n bytes, or 0 if n is too large: an
 * object must stay below PTRDIFF_MAX, and sbrk takes a signed amount.
 */
static size_t
chunk_size(size_t n)
{
	if (n > (size_t)PTRDIFF_MAX - 4096)
		return 0;
	n = ROUND(n + HDR);
	return n < MIN_CHUNK ? MIN_CHUNK : n;
}

static struct __libc_lock heap_lock;

static void *
heap_malloc(size_t n)
{
	size_t size = chunk_size(n);
	struct chunk *c;

	if (size == 0) {
		errno = ENOMEM;
		return NULL;
	}
	if ((c = find_fit(size)) == NULL) {
		if (grow(size) == -1 || (c = find_fit(size)) == NULL) {
			errno = ENOMEM;
			return NULL;
		}
	}
	bin_remove(c);
	c->size |= INUSE;
	split(c, size);
	return payload(c);
}

static void
heap_free(void *p)
{
	struct chunk *c;

	if (p == NULL)
		return;
	c = (struct chunk *)((char *)p - HDR);
	/* Freeing twice, or a pointer malloc never gave, would corrupt the heap. */
	if (!(c->size & INUSE) || csize(c) < MIN_CHUNK)
		abort();
	release(c);
}

void *
calloc(size_t n, size_t size)
{
	void *p;

	if (size != 0 && n > SIZE_MAX / size) {
		errno = ENOMEM;
		return NULL;
	}
	if ((p = malloc(n * size)) != NULL)
		memset(p, 0, n * size);
	return p;
}

/* Grows or shrinks in place when the chunk, or it and a free neighbour after it, suffice. */
static void *
heap_realloc(void *p, size_t n)
{
	size_t size = chunk_size(n), have;
	struct chunk *c, *next;
	void *q;

	if (p == NULL)
		return heap_malloc(n);
	if (size == 0) {
		errno = ENOMEM;
		return NULL;
	}
	c = (struct chunk *)((char *)p - HDR);
	have = csize(c);
	next = next_chunk(c);
	if (have < size && !(next->size & INUSE) &&
	    have + csize(next) >= size) {
		bin_remove(next);
		set_size(c, have + csize(next));
		have = csize(c);
	}
	if (have >= size) {
		split(c, size);
		return p;
	}
	if ((q = heap_malloc(n)) == NULL)
		return NULL;
	memcpy(q, p, have - HDR);
	heap_free(p);
	return q;
}

void
_malloc_prefork(void)
{
	__libc_lock(&heap_lock);
}

/* In the parent and in the child alike: the forking thread holds it. */
void
_malloc_postfork(void)
{
	__libc_unlock(&heap_lock);
}

void *
malloc(size_t n)
{
	void *p;

	__libc_lock(&heap_lock);
	p = heap_malloc(n);
	__libc_unlock(&heap_lock);
	return p;
}

void
free(void *p)
{
	__libc_lock(&heap_lock);
	heap_free(p);
	__libc_unlock(&heap_lock);
}

void *
realloc(void *p, size_t n)
{
	void *q;

	__libc_lock(&heap_lock);
	q = heap_realloc(p, n);
	__libc_unlock(&heap_lock);
	return q;
}
