/*
 * vm_map.c - user address spaces: a page directory plus a short list of
 * regions, each a page-aligned range with a protection. A region says where
 * a fault may create a page; the page tables say which pages exist now.
 * Program text, data and bss are regions made by the ELF loader, the heap is
 * one region that brk() moves the end of, and the stack is one region below
 * USRSTACK. Pages appear on first touch (vm/vm_fault.c), zero-filled.
 *
 * fork copies the regions and the page tables, not the pages: writable pages
 * become read-only and marked PG_COW in both copies, read-only ones are just
 * shared, and every shared frame's reference count goes up. The pages of a
 * MAP_SHARED region stay writable in both: that is what shared means.
 * vfork copies nothing: the child uses its parent's address space itself
 * (vm_refcnt counts the users) until it execs or exits.
 */
#include <string.h>
#include <sys/errno.h>
#include "vm/vm.h"
#include "kernel/kprintf.h"
#include "kernel/i386/x86.h"

struct vmspace *
vmspace_alloc(void)
{
	struct vmspace *vm = kzalloc(sizeof(*vm));

	if (vm == NULL)
		return NULL;
	vm->vm_pd = pmap_create();
	if (vm->vm_pd == 0) {
		kfree(vm);
		return NULL;
	}
	vm->vm_refcnt = 1;
	return vm;
}

/* Drop one user of vm; the last one frees it. */
void
vmspace_free(struct vmspace *vm)
{
	if (vm == NULL || --vm->vm_refcnt > 0)
		return;
	pmap_destroy(vm->vm_pd);	/* kept until the switch away if loaded */
	kfree(vm);
}

/* One more process uses vm (a vfork child borrows its parent's). */
struct vmspace *
vmspace_share(struct vmspace *vm)
{
	vm->vm_refcnt++;
	return vm;
}

/* Add [start, end) with prot; regions may not overlap. 0 or an errno. */
int
vm_map_region(struct vmspace *vm, vaddr_t start, vaddr_t end, int prot)
{
	int i;

	if (start & PAGE_MASK || end & PAGE_MASK || start >= end ||
	    start < VM_MINUSER_ADDRESS || end > VM_MAXUSER_ADDRESS)
		return EINVAL;
	for (i = 0; i < vm->vm_nregions; i++)
		if (start < vm->vm_regions[i].end && vm->vm_regions[i].start < end)
			return EINVAL;
	if (vm->vm_nregions == VM_NREGIONS)
		return ENOMEM;
	vm->vm_regions[vm->vm_nregions].start = start;
	vm->vm_regions[vm->vm_nregions].end = end;
	vm->vm_regions[vm->vm_nregions].prot = prot;
	vm->vm_regions[vm->vm_nregions].flags = 0;
	vm->vm_nregions++;
	return 0;
}

struct vm_region *
vm_find_region(struct vmspace *vm, vaddr_t va)
{
	int i;

	for (i = 0; i < vm->vm_nregions; i++)
		if (va >= vm->vm_regions[i].start && va < vm->vm_regions[i].end)
			return &vm->vm_regions[i];
	return NULL;
}

/*
 * The page-table bits of a page in a region with prot: present, and for
 * any access user-accessible (x86 reads what it may execute or write), and
 * writable if prot says so. PROT_NONE pages stay for the kernel only.
 */
uint32_t
vm_pte_flags(int prot)
{
	return PG_P | (prot != VM_PROT_NONE ? PG_U : 0) |
	    ((prot & VM_PROT_WRITE) ? PG_RW : 0);
}

/* Drop the pages of [start, end) (a shrinking heap, munmap). */
void
vm_unmap_pages(struct vmspace *vm, vaddr_t start, vaddr_t end)
{
	vaddr_t va;

	for (va = start; va < end; va += PAGE_SIZE) {
		uint32_t *pte = pmap_pte(vm->vm_pd, va, 0);

		if (pte != NULL && (*pte & PG_P)) {
			vm_page_unref(*pte & PG_FRAME);
			*pte = 0;
			pmap_invalidate(vm->vm_pd, va);
		}
	}
}

/*
 * Move the break. The heap region (created by exec at vm_brk_base) grows or
 * shrinks page-wise; it may not run into another region. 0 or ENOMEM.
 */
int
vm_set_brk(struct vmspace *vm, vaddr_t newbrk)
{
	struct vm_region *heap = vm_find_region(vm, vm->vm_brk_base);
	vaddr_t newend = round_page(newbrk);
	int i;

	if (newbrk < vm->vm_brk_base || newbrk > VM_MAXUSER_ADDRESS - MAXSSIZ)
		return ENOMEM;
	if (heap == NULL) {
		if (newend > vm->vm_brk_base &&
		    vm_map_region(vm, vm->vm_brk_base, newend,
		    VM_PROT_READ | VM_PROT_WRITE) != 0)
			return ENOMEM;
		vm->vm_brk = newbrk;
		return 0;
	}
	for (i = 0; i < vm->vm_nregions; i++) {
		struct vm_region *r = &vm->vm_regions[i];

		if (r != heap && r->start >= heap->start && r->start < newend)
			return ENOMEM;
	}
	if (newend < heap->end)
		vm_unmap_pages(vm, newend, heap->end);
	heap->end = newend > heap->start ? newend : heap->start + PAGE_SIZE;
	vm->vm_brk = newbrk;
	return 0;
}

/* Is the page at va in a MAP_SHARED region (shared as it is by fork)? */
static int
is_shared(struct vmspace *vm, vaddr_t va)
{
	struct vm_region *r;

	if (vm->vm_nshared == 0)
		return 0;
	r = vm_find_region(vm, va);
	return r != NULL && (r->flags & VMR_SHARED);
}

/* Copy the page tables of one 4 MiB slot, sharing every page. */
static int
fork_table(struct vmspace *from, struct vmspace *to, vaddr_t base)
{
	uint32_t *src = pmap_pte(from->vm_pd, base, 0), *dst;
	int j;

	if (src == NULL)
		return 0;
	if ((dst = pmap_pte(to->vm_pd, base, 1)) == NULL)
		return ENOMEM;
	for (j = 0; j < 1024; j++) {
		uint32_t pte = src[j];

		if ((pte & PG_P) == 0)
			continue;
		/* MAP_SHARED pages stay shared, and writable in both. */
		if (!is_shared(from, base + j * PAGE_SIZE)) {
			/* LAB cow: BEGIN stub:
			 *	paddr_t pa = vm_page_alloc();
			 *
			 *	if (pa == 0)
			 *		return ENOMEM;
			 *	memcpy(PHYS_TO_KVA(pa), PHYS_TO_KVA(pte & PG_FRAME),
			 *	    PAGE_SIZE);
			 *	dst[j] = pa | (pte & ~PG_FRAME);
			 *	continue;
			 */
			if (pte & (PG_RW | PG_COW)) {
				pte = (pte & ~PG_RW) | PG_COW;
				src[j] = pte;
			}
			/* LAB cow: END */
		}
		dst[j] = pte;
		vm_page_ref(pte & PG_FRAME);
	}
	return 0;
}

struct vmspace *
vmspace_fork(struct vmspace *vm)
{
	struct vmspace *nvm = vmspace_alloc();
	vaddr_t base;

	if (nvm == NULL)
		return NULL;
	memcpy(nvm->vm_regions, vm->vm_regions, sizeof(vm->vm_regions));
	nvm->vm_nregions = vm->vm_nregions;
	nvm->vm_nshared = vm->vm_nshared;
	nvm->vm_brk_base = vm->vm_brk_base;
	nvm->vm_brk = vm->vm_brk;
	for (base = 0; base < VM_MAXUSER_ADDRESS; base += 1024 * PAGE_SIZE) {
		if (fork_table(vm, nvm, base) != 0) {
			vmspace_free(nvm);
			nvm = NULL;
			break;
		}
	}
	/* LAB cow: BEGIN */
	/* The parent's writable pages just became read-only. */
	if (rcr3() == vm->vm_pd)
		lcr3(vm->vm_pd);
	/* LAB cow: END */
	return nvm;
}

/* Pages present in the address space (for ps and the leak tests). */
uint32_t
vmspace_resident(struct vmspace *vm)
{
	uint32_t n = 0;
	vaddr_t va;

	for (va = 0; va < VM_MAXUSER_ADDRESS; va += 1024 * PAGE_SIZE) {
		uint32_t *pt = pmap_pte(vm->vm_pd, va, 0);
		int j;

		for (j = 0; pt != NULL && j < 1024; j++)
			if (pt[j] & PG_P)
				n++;
	}
	return n;
}
