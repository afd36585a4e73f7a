/*
 * pmap.c - i386 two-level page tables (4 KiB pages, no PAE).
 *
 * The kernel page directory maps all RAM at KERNBASE (the direct map), with
 * kernel text and read-only data write-protected (CR0.WP makes that hold in
 * ring 0 too, and makes kernel writes to read-only user pages fault, which
 * is how copyout breaks copy-on-write). Its page tables are all created at
 * boot and never change, so each user page directory simply copies the
 * kernel's upper quarter when it is created and stays in step forever.
 *
 * A user page directory owns its page tables; the pages they map are
 * reference counted (shared after fork) and released by pmap_destroy().
 *
 * CR3 is written only where the directory really changes (pmap_activate):
 * not for the idle thread, not between threads of one address space, and
 * not by an exiting process, whose directory stays loaded, emptied, until
 * the switch away loads the next one (pd_leaving).
 */
#include <string.h>
#include "vm/vm.h"
#include "kernel/kprintf.h"
#include "kernel/i386/x86.h"

#define PDX(va)		((va) >> 22)
#define PTX(va)		(((va) >> 12) & 0x3ff)
#define KERNEL_PDX	PDX(KERNBASE)
#define USER_PDX_END	PDX(VM_MAXUSER_ADDRESS)

extern char kernel_text_start[], kernel_text_end[];

paddr_t kernel_pd;
uint32_t cr3_writes;

/*
 * The directory of an address space destroyed while it was loaded (the
 * exiting process's): its user half is freed at once, the page itself
 * when CR3 next moves to another directory.
 */
static paddr_t pd_leaving;

static uint32_t *
pd_kva(paddr_t pd)
{
	return PHYS_TO_KVA(pd);
}

void
pmap_bootstrap(void)
{
	paddr_t top = vm_phys_top(), pa;
	uint32_t *pd, *pt;
	uint32_t text_lo = KVA_TO_PHYS(trunc_page((uint32_t)kernel_text_start));
	uint32_t text_hi = KVA_TO_PHYS(round_page((uint32_t)kernel_text_end));

	kernel_pd = vm_page_alloc_zeroed();
	KASSERT(kernel_pd != 0, "no memory for the kernel page directory");
	pd = pd_kva(kernel_pd);
	for (pa = 0; pa < top; pa += PAGE_SIZE) {
		uint32_t va = KERNBASE + pa, flags = PG_P | PG_RW;

		if (pd[PDX(va)] == 0) {
			paddr_t ptpa = vm_page_alloc_zeroed();

			KASSERT(ptpa != 0, "no memory for kernel page tables");
			pd[PDX(va)] = ptpa | PG_P | PG_RW;
		}
		if (pa >= text_lo && pa < text_hi)
			flags &= ~PG_RW;
		pt = PHYS_TO_KVA(pd[PDX(va)] & PG_FRAME);
		pt[PTX(va)] = pa | flags;
	}
	lcr3(kernel_pd);
}

paddr_t
pmap_create(void)
{
	paddr_t pd = vm_page_alloc();
	uint32_t *p;

	if (pd == 0)
		return 0;
	p = pd_kva(pd);
	memset(p, 0, KERNEL_PDX * sizeof(uint32_t));
	memcpy(p + KERNEL_PDX, pd_kva(kernel_pd) + KERNEL_PDX,
	    (1024 - KERNEL_PDX) * sizeof(uint32_t));
	return pd;
}

/* Make pd the live page directory unless it is already (every switch). */
void
pmap_activate(paddr_t pd)
{
	if (rcr3() == pd)
		return;
	lcr3(pd);
	if (pd_leaving != 0) {
		vm_page_unref(pd_leaving);
		pd_leaving = 0;
	}
}

/* Load the live directory again: a whole TLB flush (debug.cr3_reload). */
void
pmap_reload(void)
{
	lcr3(rcr3());
}

/*
 * Free the user half of pd: its page tables and its references to the
 * pages they map. A live pd (exit) is left empty and loaded, its page kept
 * in pd_leaving; any other is freed now.
 */
void
pmap_destroy(paddr_t pd)
{
	uint32_t *p = pd_kva(pd), *pt;
	paddr_t ptpa;
	int i, j;

	for (i = 0; i < (int)USER_PDX_END; i++) {
		if ((p[i] & PG_P) == 0)
			continue;
		ptpa = p[i] & PG_FRAME;
		pt = PHYS_TO_KVA(ptpa);
		for (j = 0; j < 1024; j++)
			if (pt[j] & PG_P)
				vm_page_unref(pt[j] & PG_FRAME);
		p[i] = 0;
		vm_page_unref(ptpa);
	}
	if (rcr3() != pd) {
		vm_page_unref(pd);
		return;
	}
	/*
	 * The TLB may still hold user translations to the pages just freed;
	 * nothing uses a user address before the switch away flushes them.
	 */
	if (pd_leaving != 0)
		vm_page_unref(pd_leaving);	/* not loaded: CR3 is pd */
	pd_leaving = pd;
}

/*
 * The page-table entry for user address va, or NULL if it has no page
 * table and create is 0 (or no page is left to make one).
 */
uint32_t *
pmap_pte(paddr_t pd, vaddr_t va, int create)
{
	uint32_t *pde = &pd_kva(pd)[PDX(va)];

	if ((*pde & PG_P) == 0) {
		paddr_t pt;

		if (!create || (pt = vm_page_alloc_zeroed()) == 0)
			return NULL;
		*pde = pt | PG_P | PG_RW | PG_U;
	}
	return (uint32_t *)PHYS_TO_KVA(*pde & PG_FRAME) + PTX(va);
}

/* After changing a PTE of pd: flush the TLB entry if pd is the live one. */
void
pmap_invalidate(paddr_t pd, vaddr_t va)
{
	if (rcr3() == pd)
		invlpg(va);
}
