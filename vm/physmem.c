/*
 * physmem.c - a bitmap allocator for page frames. Single frames come from a
 * word-at-a-time scan that starts where the last one ended (the hint), so
 * allocation is cheap in the common case; contiguous runs (kernel stacks)
 * scan frame by frame, skipping words with no free frame. Reference counts let copy-on-write share frames:
 * a frame is free exactly when its count drops to zero.
 */
#include "vm/physmem.h"

#define PAGE_SHIFT	12
#define BITS		32

uint32_t
physmem_meta_size(uint32_t npages)
{
	uint32_t words = (npages + BITS - 1) / BITS;

	return npages * sizeof(uint16_t) + words * sizeof(uint32_t);
}

void
physmem_init(struct physmem *pm, uint32_t npages, void *meta)
{
	uint32_t i, words = (npages + BITS - 1) / BITS;

	pm->npages = npages;
	pm->nfree = 0;
	pm->hint = 0;
	pm->freemap = meta;
	pm->refcnt = (uint16_t *)(pm->freemap + words);
	for (i = 0; i < words; i++)
		pm->freemap[i] = 0;
	for (i = 0; i < npages; i++)
		pm->refcnt[i] = 1;
}

static int
is_free(const struct physmem *pm, uint32_t pfn)
{
	return (pm->freemap[pfn / BITS] >> (pfn % BITS)) & 1;
}

static void
mark_free(struct physmem *pm, uint32_t pfn)
{
	if (!is_free(pm, pfn)) {
		pm->freemap[pfn / BITS] |= 1u << (pfn % BITS);
		pm->refcnt[pfn] = 0;
		pm->nfree++;
	}
}

static void
mark_used(struct physmem *pm, uint32_t pfn)
{
	if (is_free(pm, pfn)) {
		pm->freemap[pfn / BITS] &= ~(1u << (pfn % BITS));
		pm->nfree--;
	}
	pm->refcnt[pfn] = 1;
}

/* Only whole frames inside [start, end) become free. */
void
physmem_add_free(struct physmem *pm, uint64_t start, uint64_t end)
{
	uint64_t first = (start + (1u << PAGE_SHIFT) - 1) >> PAGE_SHIFT;
	uint64_t last = end >> PAGE_SHIFT;	/* exclusive */
	uint64_t pfn;

	if (last > pm->npages)
		last = pm->npages;
	for (pfn = first; pfn < last; pfn++)
		mark_free(pm, (uint32_t)pfn);
}

/* Every frame touching [start, end) becomes used. */
void
physmem_reserve(struct physmem *pm, uint64_t start, uint64_t end)
{
	uint64_t first = start >> PAGE_SHIFT;
	uint64_t last = (end + (1u << PAGE_SHIFT) - 1) >> PAGE_SHIFT;
	uint64_t pfn;

	if (last > pm->npages)
		last = pm->npages;
	for (pfn = first; pfn < last; pfn++)
		mark_used(pm, (uint32_t)pfn);
}

int32_t
physmem_alloc(struct physmem *pm)
{
	uint32_t words = (pm->npages + BITS - 1) / BITS, n, w;

	if (pm->nfree == 0)
		return -1;
	for (n = 0; n < words; n++) {
		w = (pm->hint + n) % words;
		if (pm->freemap[w] != 0) {
			uint32_t pfn = w * BITS + __builtin_ctz(pm->freemap[w]);

			pm->hint = w;
			mark_used(pm, pfn);
			return (int32_t)pfn;
		}
	}
	return -1;
}

/*
 * The first run of n free frames. Whole words of used frames (low memory,
 * the kernel, the initrd: thousands of frames every fork would otherwise
 * walk) are skipped a word at a time.
 */
int32_t
physmem_alloc_contig(struct physmem *pm, uint32_t n)
{
	uint32_t pfn, run = 0, i;

	if (n == 0 || pm->nfree < n)
		return -1;
	for (pfn = 0; pfn < pm->npages; pfn++) {
		if (pfn % BITS == 0 && pm->freemap[pfn / BITS] == 0) {
			run = 0;
			pfn += BITS - 1;
			continue;
		}
		run = is_free(pm, pfn) ? run + 1 : 0;
		if (run == n) {
			uint32_t first = pfn + 1 - n;

			for (i = first; i <= pfn; i++)
				mark_used(pm, i);
			return (int32_t)first;
		}
	}
	return -1;
}

void
physmem_ref(struct physmem *pm, uint32_t pfn)
{
	pm->refcnt[pfn]++;
}

int
physmem_unref(struct physmem *pm, uint32_t pfn)
{
	if (pm->refcnt[pfn] == 0 || is_free(pm, pfn))
		return 0;		/* a double free: leave the map intact */
	if (--pm->refcnt[pfn] > 0)
		return 0;
	mark_free(pm, pfn);
	return 1;
}
