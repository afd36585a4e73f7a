// SOURCES: vm/physmem.c
/*
 * test_physmem.c - the page allocator's bookkeeping on made-up memory maps:
 * reserved ranges, partial pages, exhaustion, reference counts, contiguous
 * runs, and double frees that must not corrupt the map.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "vm/physmem.h"

#define MB		(1024 * 1024ull)
#define NPAGES		4096		/* a 16 MiB machine */

static int failures;
static struct physmem pm;
static uint8_t meta[NPAGES * 3];

#define CHECK(name, cond)						\
	do {								\
		if (cond)						\
			printf("PASS %s\n", name);			\
		else {							\
			printf("FAIL %s: %s (line %d)\n", name, #cond,	\
			    __LINE__);					\
			failures++;					\
		}							\
	} while (0)

/* A PC-like map: 640 KiB low, a hole, then RAM from 1 MiB to 16 MiB. */
static void
setup(void)
{
	physmem_init(&pm, NPAGES, meta);
	physmem_add_free(&pm, 0, 640 * 1024);
	physmem_add_free(&pm, 1 * MB, 16 * MB);
	physmem_reserve(&pm, 0, 1 * MB);
	physmem_reserve(&pm, 1 * MB, 1 * MB + 300 * 1024 + 1);	/* "kernel" */
}

static void
test_layout(void)
{
	setup();
	/* 16 MiB - 1 MiB - 304 KiB (the reservation rounds up) = 3764 pages. */
	CHECK("free_count_after_reservations", pm.nfree == 3764);
	CHECK("meta_size_fits", physmem_meta_size(NPAGES) <= sizeof(meta));
}

static void
test_partial_pages(void)
{
	physmem_init(&pm, NPAGES, meta);
	physmem_add_free(&pm, 0x1800, 0x5800);	/* covers pages 2, 3, 4 fully */
	CHECK("partial_pages_excluded", pm.nfree == 3);
	physmem_reserve(&pm, 0x3fff, 0x4001);	/* touches pages 3 and 4 */
	CHECK("reserve_rounds_outward", pm.nfree == 1);
}

static void
test_exhaustion(void)
{
	static uint8_t seen[NPAGES];
	uint32_t n = 0, start;
	int32_t pfn;

	setup();
	start = pm.nfree;
	memset(seen, 0, sizeof(seen));
	while ((pfn = physmem_alloc(&pm)) >= 0) {
		if (seen[pfn]++ || pfn < 256)
			break;		/* duplicate or reserved: fail below */
		n++;
	}
	CHECK("exhaustion_distinct_and_complete", pfn < 0 && n == start);
	CHECK("exhaustion_nfree_zero", pm.nfree == 0);
	for (pfn = 0; pfn < NPAGES; pfn++)
		if (seen[pfn])
			physmem_unref(&pm, pfn);
	CHECK("exhaustion_all_back", pm.nfree == start);
}

static void
test_refcount(void)
{
	int32_t pfn;

	setup();
	pfn = physmem_alloc(&pm);
	physmem_ref(&pm, pfn);
	CHECK("unref_shared_keeps", physmem_unref(&pm, pfn) == 0 &&
	    pm.refcnt[pfn] == 1);
	CHECK("unref_last_frees", physmem_unref(&pm, pfn) == 1);
	CHECK("double_free_ignored", physmem_unref(&pm, pfn) == 0 &&
	    pm.nfree == 3764);
}

static void
test_contig(void)
{
	int32_t a, b, c;

	setup();
	a = physmem_alloc_contig(&pm, 2);
	b = physmem_alloc_contig(&pm, 2);
	CHECK("contig_disjoint", a >= 0 && b >= 0 && (b >= a + 2 || a >= b + 2));
	physmem_unref(&pm, a + 1);	/* a hole of one page */
	c = physmem_alloc_contig(&pm, 2);
	CHECK("contig_skips_short_hole", c != a + 1 && c >= 0);
	CHECK("contig_too_big_fails", physmem_alloc_contig(&pm, NPAGES) < 0);
}

static void
test_random(void)
{
	static int32_t held[5000];
	int nheld = 0, i, ok = 1;
	uint32_t start;

	setup();
	start = pm.nfree;
	srand(7);
	for (i = 0; i < 200000 && ok; i++) {
		if (nheld > 0 && (rand() % 3 == 0 || nheld == 5000)) {
			int k = rand() % nheld;

			physmem_unref(&pm, held[k]);
			held[k] = held[--nheld];
		} else {
			int32_t pfn = physmem_alloc(&pm);

			if (pfn >= 0)
				held[nheld++] = pfn;
		}
		ok = pm.nfree + nheld == start;
	}
	while (nheld > 0)
		physmem_unref(&pm, held[--nheld]);
	CHECK("random_accounting", ok && pm.nfree == start);
}

int
main(void)
{
	test_layout();
	test_partial_pages();
	test_exhaustion();
	test_refcount();
	test_contig();
	test_random();
	return failures != 0;
}
