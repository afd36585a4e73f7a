/*
 * vm_mmap.c - the regions mmap(2), munmap(2) and mprotect(2) make and
 * change (the system calls themselves are proc/sys_mmap.c).
 *
 * A new mapping without MAP_FIXED goes at the hint if that range is free,
 * else in the highest free range below the stack's region, far from the
 * heap that brk() grows upwards. munmap and mprotect work on any page range
 * of any region: a region that the range cuts is split in two (or three),
 * which needs a free slot in the region table (ENOMEM otherwise, and then
 * nothing has changed).
 *
 * mprotect also changes the pages already present. A page made writable is
 * marked copy-on-write rather than writable: it may be shared with another
 * address space (fork shares read-only pages without marking them), and the
 * first write then copies it if it must (vm/vm_fault.c). Only the pages of
 * a MAP_SHARED region become writable at once, since copying them would
 * undo the sharing.
 *
 * The stack's region (MAXSSIZ bytes below USRSTACK, mapped by exec) is
 * usable only above the stack limit's edge: vm_stack_limit() moves the
 * edge and joins the pieces again, so the limit may change any number of
 * times without filling the region table.
 */
#include <string.h>
#include <sys/errno.h>
#include "vm/vm.h"

/* The regions that overlap [start, end) count, and the index of one. */
static int
overlaps(struct vmspace *vm, vaddr_t start, vaddr_t end, int *which)
{
	int i, n = 0;

	for (i = 0; i < vm->vm_nregions; i++)
		if (vm->vm_regions[i].start < end && start < vm->vm_regions[i].end) {
			*which = i;
			n++;
		}
	return n;
}

/* Is no page of [start, end) in a region? */
int
vm_range_free(struct vmspace *vm, vaddr_t start, vaddr_t end)
{
	int w;

	return overlaps(vm, start, end, &w) == 0;
}

int
vm_mmap_find(struct vmspace *vm, vaddr_t hint, size_t len, vaddr_t *addrp)
{
	vaddr_t floor = round_page(vm->vm_brk), end, lowest;
	struct vm_region *r;
	int i, w;

	if (len == 0 || len > VM_MAXUSER_ADDRESS - VM_MINUSER_ADDRESS)
		return ENOMEM;
	if (hint != 0 && !(hint & PAGE_MASK) && hint >= VM_MINUSER_ADDRESS &&
	    hint <= VM_MAXUSER_ADDRESS - len &&
	    overlaps(vm, hint, hint + len, &w) == 0) {
		*addrp = hint;
		return 0;
	}
	for (end = USRSTACK - MAXSSIZ; end >= floor + len; end = lowest) {
		if (overlaps(vm, end - len, end, &w) == 0) {
			*addrp = end - len;
			return 0;
		}
		/* Try again below the lowest region in the way. */
		for (lowest = end, i = 0; i < vm->vm_nregions; i++) {
			r = &vm->vm_regions[i];
			if (r->start < end && end - len < r->end &&
			    r->start < lowest)
				lowest = r->start;
		}
	}
	return ENOMEM;
}

int
vm_mmap_insert(struct vmspace *vm, vaddr_t start, vaddr_t end, int prot,
    int flags)
{
	int error = vm_map_region(vm, start, end, prot);

	if (error != 0)
		return error;
	vm->vm_regions[vm->vm_nregions - 1].flags = flags;
	if (flags & VMR_SHARED)
		vm->vm_nshared++;
	return 0;
}

static void
remove_region(struct vmspace *vm, int i)
{
	if (vm->vm_regions[i].flags & VMR_SHARED)
		vm->vm_nshared--;
	memmove(&vm->vm_regions[i], &vm->vm_regions[i + 1],
	    (vm->vm_nregions - i - 1) * sizeof(vm->vm_regions[0]));
	vm->vm_nregions--;
}

/* Region i becomes [start, at) and a new one [at, end) (a slot is free). */
static void
split(struct vmspace *vm, int i, vaddr_t at)
{
	struct vm_region *r = &vm->vm_regions[i], *n;

	n = &vm->vm_regions[vm->vm_nregions++];
	*n = *r;
	n->start = at;
	r->end = at;
	if (n->flags & VMR_SHARED)
		vm->vm_nshared++;
}

/* Does a region have a border strictly inside it at va? */
static int
cuts(struct vmspace *vm, vaddr_t va, int *which)
{
	int i;

	for (i = 0; i < vm->vm_nregions; i++)
		if (vm->vm_regions[i].start < va && va < vm->vm_regions[i].end) {
			*which = i;
			return 1;
		}
	return 0;
}

/*
 * Split the regions at start and at end so that [start, end) is made of
 * whole regions. ENOMEM (and nothing done) if the table has no room.
 */
static int
split_at(struct vmspace *vm, vaddr_t start, vaddr_t end)
{
	int i, need = 0;

	need += cuts(vm, start, &i);
	need += cuts(vm, end, &i);
	if (vm->vm_nregions + need > VM_NREGIONS)
		return ENOMEM;
	if (cuts(vm, start, &i))
		split(vm, i, start);
	if (cuts(vm, end, &i))
		split(vm, i, end);
	return 0;
}

/* Unmap [start, end): the regions in it go, and their pages. */
int
vm_munmap(struct vmspace *vm, vaddr_t start, vaddr_t end)
{
	int i, error;

	if ((error = split_at(vm, start, end)) != 0)
		return error;
	for (i = vm->vm_nregions - 1; i >= 0; i--)
		if (vm->vm_regions[i].start >= start &&
		    vm->vm_regions[i].end <= end)
			remove_region(vm, i);
	vm_unmap_pages(vm, start, end);
	return 0;
}

/* Is every page of [start, end) in some region? */
static int
covered(struct vmspace *vm, vaddr_t start, vaddr_t end)
{
	struct vm_region *r;

	while (start < end) {
		if ((r = vm_find_region(vm, start)) == NULL)
			return 0;
		start = r->end;
	}
	return 1;
}

/* The present pages of [start, end) get what prot allows (see the top). */
static void
protect_pages(struct vmspace *vm, vaddr_t start, vaddr_t end, int prot,
    int shared)
{
	uint32_t *pte, bits;
	vaddr_t va;

	for (va = start; va < end; va += PAGE_SIZE) {
		if ((pte = pmap_pte(vm->vm_pd, va, 0)) == NULL || !(*pte & PG_P))
			continue;
		bits = vm_pte_flags(prot);
		if ((bits & PG_RW) && !shared)
			bits = (bits & ~PG_RW) | PG_COW;
		*pte = (*pte & ~(PG_RW | PG_U | PG_COW)) | bits;
		pmap_invalidate(vm->vm_pd, va);
	}
}

/* mprotect: every page of [start, end) must be mapped (ENOMEM). */
int
vm_mprotect(struct vmspace *vm, vaddr_t start, vaddr_t end, int prot)
{
	struct vm_region *r;
	int i, error;

	if (!covered(vm, start, end))
		return ENOMEM;
	if ((error = split_at(vm, start, end)) != 0)
		return error;
	for (i = 0; i < vm->vm_nregions; i++) {
		r = &vm->vm_regions[i];
		if (r->start >= start && r->end <= end) {
			r->prot = prot;
			protect_pages(vm, r->start, r->end, prot,
			    r->flags & VMR_SHARED);
		}
	}
	return 0;
}

/* Join neighbouring private regions of the stack's range with one protection. */
static void
join_stack(struct vmspace *vm)
{
	struct vm_region *a, *b;
	int i, j;

again:
	for (i = 0; i < vm->vm_nregions; i++)
		for (j = 0; j < vm->vm_nregions; j++) {
			a = &vm->vm_regions[i];
			b = &vm->vm_regions[j];
			if (a->end != b->start || a->start < USRSTACK - MAXSSIZ ||
			    b->end > USRSTACK || a->prot != b->prot ||
			    a->flags != 0 || b->flags != 0)
				continue;
			a->end = b->end;
			remove_region(vm, j);
			goto again;
		}
}

/*
 * The stack's usable part starts at new_edge instead of old_edge (both
 * page aligned, in [USRSTACK - MAXSSIZ, USRSTACK]): the pages between
 * become read/write (a higher limit) or inaccessible (a lower one), so
 * touching the stack below the edge faults. 0, or ENOMEM as mprotect.
 */
int
vm_stack_limit(struct vmspace *vm, vaddr_t old_edge, vaddr_t new_edge)
{
	int error = 0;

	if (new_edge < old_edge)
		error = vm_mprotect(vm, new_edge, old_edge,
		    VM_PROT_READ | VM_PROT_WRITE);
	else if (new_edge > old_edge)
		error = vm_mprotect(vm, old_edge, new_edge, VM_PROT_NONE);
	join_stack(vm);
	return error;
}
