/*
 * vm_fault.c - making a user page exist: the page-fault handler's work, also
 * used by copyin/copyout (through the kernel page-fault path) and by the
 * debugger's memory access (proc_rwmem and PT_IO through vm_rw, PT_READ_D
 * and the single-step code through vm_page_get).
 *
 * A fault inside a region creates a zero-filled page; a write to a PG_COW
 * page gets a private copy (or keeps the page, if nobody else maps it any
 * more). A region with no access at all (mprotect's PROT_NONE) faults. A debugger may write into a read-only region ("force"): the page
 * stays read-only for the program, but if another address space shares it
 * the tracee first gets its own copy, so a breakpoint never shows up in
 * another process.
 */
#include <string.h>
#include <sys/errno.h>
#include "vm/vm.h"

/* LAB cow: BEGIN */
/* Give the mapping at *pte a page of its own holding the same bytes. */
static int
copy_page(struct vmspace *vm, vaddr_t va, uint32_t *pte, uint32_t flags)
{
	paddr_t old = *pte & PG_FRAME, new = vm_page_alloc();

	if (new == 0)
		return ENOMEM;
	memcpy(PHYS_TO_KVA(new), PHYS_TO_KVA(old), PAGE_SIZE);
	*pte = new | flags;
	vm_page_unref(old);
	pmap_invalidate(vm->vm_pd, va);
	return 0;
}
/* LAB cow: END */

static int
fault_in(struct vmspace *vm, vaddr_t va, int write, int force, paddr_t *pap)
{
	struct vm_region *r = vm_find_region(vm, va);
	uint32_t *pte, flags;
	int error = 0;

	if (r == NULL || (!force && (r->prot == VM_PROT_NONE ||
	    (write && !(r->prot & VM_PROT_WRITE)))))
		return EFAULT;
	if ((pte = pmap_pte(vm->vm_pd, va, 1)) == NULL)
		return ENOMEM;
	flags = vm_pte_flags(r->prot);
	if ((*pte & PG_P) == 0) {
		paddr_t pa = vm_page_alloc_zeroed();

		if (pa == 0)
			return ENOMEM;
		*pte = pa | flags;
		pmap_invalidate(vm->vm_pd, va);
	} else if (write && (*pte & PG_RW) == 0) {
		/* LAB cow: BEGIN stub:
		 *	if (*pte & PG_COW)
		 *		error = EFAULT;
		 */
		if (vm_page_refcount(*pte & PG_FRAME) > 1)
			error = copy_page(vm, va, pte, flags);
		else if (*pte & PG_COW) {
			*pte = (*pte & PG_FRAME) | flags;
			pmap_invalidate(vm->vm_pd, va);
		}
		/* LAB cow: END */
	}
	*pap = *pte & PG_FRAME;
	return error;
}

/* Resolve a fault at va. 0, EFAULT (no region, or not writable) or ENOMEM. */
int
vm_fault(struct vmspace *vm, vaddr_t va, int write)
{
	paddr_t pa;

	if (va < VM_MINUSER_ADDRESS || va >= VM_MAXUSER_ADDRESS)
		return EFAULT;
	return fault_in(vm, trunc_page(va), write, 0, &pa);
}

/* vm_page_get()'s way when the page is not there yet (vm/vm.h). */
int
vm_page_get_slow(struct vmspace *vm, vaddr_t va, int write, int force,
    paddr_t *pap)
{
	return fault_in(vm, trunc_page(va), write, force, pap);
}
