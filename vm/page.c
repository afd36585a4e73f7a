/*
 * page.c - the kernel's physical page allocator, built from the Multiboot
 * memory map. Usable RAM becomes free frames, except low memory (the first
 * MiB: BIOS data, VGA, ROMs), the kernel image, the boot modules (the
 * initrd) and the allocator's own bookkeeping, which is placed right after
 * the highest of those. RAM above PHYS_MAX is ignored (it could not be
 * direct-mapped).
 *
 * The last sixteenth of the free pages (at least 64) is kept for root: a
 * process of any other user gets no page once fewer remain (its fork,
 * mmap or page fault fails as if memory were exhausted), so a user's
 * runaway program cannot stop root from logging in, running ps and killing
 * it. The kernel's own work in a user's process (a page table, a kernel
 * stack) counts as that user's.
 */
#include <string.h>
#include "vm/vm.h"
#include "vm/physmem.h"
#include "kernel/kprintf.h"
#include "kernel/multiboot.h"
#include "kernel/i386/x86.h"

extern char kernel_end[];

static struct physmem pm;
static paddr_t phys_top;
static uint32_t root_reserve;

void
vm_page_init(void)
{
	uint64_t top = 0;
	paddr_t meta_pa;
	uint32_t meta_size, i;
	int r;

	for (r = 0; r < boot_info.nranges; r++)
		if (boot_info.ranges[r].end > top)
			top = boot_info.ranges[r].end;
	if (top > PHYS_MAX)
		top = PHYS_MAX;
	phys_top = trunc_page((paddr_t)top);

	meta_pa = round_page(KVA_TO_PHYS(kernel_end));
	for (i = 0; i < (uint32_t)boot_info.nmods; i++)
		if (boot_info.mods[i].end > meta_pa)
			meta_pa = round_page(boot_info.mods[i].end);
	meta_size = physmem_meta_size(phys_top >> PAGE_SHIFT);
	physmem_init(&pm, phys_top >> PAGE_SHIFT, PHYS_TO_KVA(meta_pa));

	for (r = 0; r < boot_info.nranges; r++)
		physmem_add_free(&pm, boot_info.ranges[r].start,
		    boot_info.ranges[r].end);
	physmem_reserve(&pm, 0, 0x100000);
	physmem_reserve(&pm, 0x100000, KVA_TO_PHYS(kernel_end));
	for (i = 0; i < (uint32_t)boot_info.nmods; i++)
		physmem_reserve(&pm, boot_info.mods[i].start,
		    boot_info.mods[i].end);
	physmem_reserve(&pm, meta_pa, meta_pa + meta_size);
	root_reserve = pm.nfree / 16 < 64 ? 64 : pm.nfree / 16;
}

/* May n more pages go, with interrupts off? */
static int
may_take(uint32_t n)
{
	return pm.nfree >= root_reserve + n || priv_reserve_ok();
}

uint32_t
vm_page_root_reserve(void)
{
	return root_reserve;
}

paddr_t
vm_phys_top(void)
{
	return phys_top;
}

paddr_t
vm_page_alloc(void)
{
	uint32_t ef = intr_disable();
	int32_t pfn = may_take(1) ? physmem_alloc(&pm) : -1;

	intr_restore(ef);
	return pfn < 0 ? 0 : (paddr_t)pfn << PAGE_SHIFT;
}

paddr_t
vm_page_alloc_zeroed(void)
{
	paddr_t pa = vm_page_alloc();

	if (pa != 0)
		memset(PHYS_TO_KVA(pa), 0, PAGE_SIZE);
	return pa;
}

paddr_t
vm_page_alloc_contig(uint32_t npages)
{
	uint32_t ef = intr_disable();
	int32_t pfn = may_take(npages) ? physmem_alloc_contig(&pm, npages) : -1;

	intr_restore(ef);
	return pfn < 0 ? 0 : (paddr_t)pfn << PAGE_SHIFT;
}

void
vm_page_free_contig(paddr_t pa, uint32_t npages)
{
	uint32_t i;

	for (i = 0; i < npages; i++)
		vm_page_unref(pa + i * PAGE_SIZE);
}

void
vm_page_ref(paddr_t pa)
{
	uint32_t ef = intr_disable();

	physmem_ref(&pm, pa >> PAGE_SHIFT);
	intr_restore(ef);
}

void
vm_page_unref(paddr_t pa)
{
	uint32_t ef = intr_disable();

	KASSERT((pa >> PAGE_SHIFT) < pm.npages, "freeing a frame past RAM");
	physmem_unref(&pm, pa >> PAGE_SHIFT);
	intr_restore(ef);
}

uint32_t
vm_page_refcount(paddr_t pa)
{
	return pm.refcnt[pa >> PAGE_SHIFT];
}

uint32_t
vm_page_free_count(void)
{
	return pm.nfree;
}

uint32_t
vm_page_total(void)
{
	uint32_t r, n = 0;

	for (r = 0; r < (uint32_t)boot_info.nranges; r++) {
		uint64_t s = boot_info.ranges[r].start, e = boot_info.ranges[r].end;

		if (e > phys_top)
			e = phys_top;
		if (e > s)
			n += (uint32_t)((e - s) >> PAGE_SHIFT);
	}
	return n;
}
