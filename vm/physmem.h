/*
 * physmem.h - the physical page allocator's bookkeeping, as pure code: a
 * bitmap of free frames, a reference count per frame and a free count. It
 * knows nothing about the machine, so tests/host/test_physmem.c can run it on
 * a made-up memory map; vm/page.c feeds it the real one.
 */
#ifndef VM_PHYSMEM_H
#define VM_PHYSMEM_H

#include <stdint.h>

struct physmem {
	uint32_t	npages;		/* frames 0 .. npages-1 are described */
	uint32_t	nfree;
	uint32_t	hint;		/* bitmap word to start searching at */
	uint16_t	*refcnt;	/* npages entries */
	uint32_t	*freemap;	/* npages bits, 1 = free */
};

/* Bytes of storage physmem_init needs for npages frames. */
uint32_t	physmem_meta_size(uint32_t npages);
/* Every frame starts in use; add_free/reserve shape the map. */
void		physmem_init(struct physmem *pm, uint32_t npages, void *meta);
void		physmem_add_free(struct physmem *pm, uint64_t start, uint64_t end);
void		physmem_reserve(struct physmem *pm, uint64_t start, uint64_t end);

/* Frame numbers; -1 when no (contiguous) run is free. Refcount starts at 1. */
int32_t		physmem_alloc(struct physmem *pm);
int32_t		physmem_alloc_contig(struct physmem *pm, uint32_t n);
void		physmem_ref(struct physmem *pm, uint32_t pfn);
/* Drops one reference; returns 1 when the frame became free. */
int		physmem_unref(struct physmem *pm, uint32_t pfn);

#endif
