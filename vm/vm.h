/*
 * vm.h - the virtual-memory interfaces: physical pages (vm/page.c), page
 * tables (vm/pmap.c), the kernel heap (vm/kmalloc.c), user address spaces
 * and their faults (vm/vm_map.c, vm/vm_fault.c) and the user-copy routines
 * (vm/copy.asm). Like FreeBSD, functions that can fail return 0 or a
 * positive errno value; those that allocate return their object, or 0 /
 * NULL when memory runs out (the caller turns that into ENOMEM).
 *
 * How the kernel reaches memory: all RAM (up to PHYS_MAX) is mapped once at
 * KERNBASE by the kernel page tables, which every address space shares, so a
 * physical address pa is always readable and writable at PHYS_TO_KVA(pa).
 * There is no temporary-mapping window to manage.
 */
#ifndef VM_VM_H
#define VM_VM_H

#include <stdint.h>
#include <stddef.h>
#include <sys/errno.h>
#include "kernel/i386/layout.h"
#include "kernel/i386/x86.h"

typedef uint32_t paddr_t;
typedef uint32_t vaddr_t;

/* vm/page.c: physical pages. Addresses are 0 when memory is exhausted. */
void		vm_page_init(void);
paddr_t		vm_page_alloc(void);		/* refcount 1, contents undefined */
paddr_t		vm_page_alloc_zeroed(void);
paddr_t		vm_page_alloc_contig(uint32_t npages);
void		vm_page_free_contig(paddr_t pa, uint32_t npages);
void		vm_page_ref(paddr_t pa);
void		vm_page_unref(paddr_t pa);	/* frees at refcount 0 */
uint32_t	vm_page_refcount(paddr_t pa);
uint32_t	vm_page_free_count(void);
uint32_t	vm_page_total(void);
paddr_t		vm_phys_top(void);		/* end of the direct map */

/* vm/pmap.c: page tables. */
extern paddr_t	kernel_pd;
void		pmap_bootstrap(void);
paddr_t		pmap_create(void);
void		pmap_destroy(paddr_t pd);
uint32_t	*pmap_pte(paddr_t pd, vaddr_t va, int create);
void		pmap_invalidate(paddr_t pd, vaddr_t va);
void		pmap_activate(paddr_t pd);
void		pmap_reload(void);

/* vm/kmalloc.c: the kernel heap. kmalloc returns NULL when out of memory. */
void		*kmalloc(size_t size);
void		*kzalloc(size_t size);
void		kfree(void *p);
uint32_t	kmalloc_bytes_in_use(void);

/* vm/vm_map.c: user address spaces. */
#define VM_PROT_NONE	0x0
#define VM_PROT_READ	0x1
#define VM_PROT_WRITE	0x2
#define VM_PROT_EXEC	0x4
#define VM_NREGIONS	48

struct vm_region {
	vaddr_t	start;		/* page aligned */
	vaddr_t	end;		/* exclusive, page aligned */
	int	prot;		/* VM_PROT_* */
	int	flags;
#define VMR_SHARED	0x01	/* mmap MAP_SHARED: fork shares the pages, no copy */
};

struct vmspace {
	paddr_t			vm_pd;
	int			vm_nregions;
	struct vm_region	vm_regions[VM_NREGIONS];
	vaddr_t			vm_brk_base;	/* start of the heap */
	vaddr_t			vm_brk;		/* current break */
	int			vm_nshared;	/* regions with VMR_SHARED */
	int			vm_refcnt;	/* processes using it (vfork shares) */
};

struct vmspace	*vmspace_alloc(void);
void		vmspace_free(struct vmspace *vm);
struct vmspace	*vmspace_share(struct vmspace *vm);
struct vmspace	*vmspace_fork(struct vmspace *vm);
int		vm_map_region(struct vmspace *vm, vaddr_t start, vaddr_t end,
		    int prot);
struct vm_region *vm_find_region(struct vmspace *vm, vaddr_t va);
int		vm_set_brk(struct vmspace *vm, vaddr_t newbrk);
uint32_t	vmspace_resident(struct vmspace *vm);
uint32_t	vm_pte_flags(int prot);
void		vm_unmap_pages(struct vmspace *vm, vaddr_t start, vaddr_t end);

/* vm/vm_mmap.c: the mappings mmap, munmap and mprotect make and change. */
int		vm_range_free(struct vmspace *vm, vaddr_t start, vaddr_t end);
int		vm_mmap_find(struct vmspace *vm, vaddr_t hint, size_t len,
		    vaddr_t *addrp);
int		vm_mmap_insert(struct vmspace *vm, vaddr_t start, vaddr_t end,
		    int prot, int flags);
int		vm_munmap(struct vmspace *vm, vaddr_t start, vaddr_t end);
int		vm_mprotect(struct vmspace *vm, vaddr_t start, vaddr_t end,
		    int prot);

/* vm/vm_fault.c */
int		vm_fault(struct vmspace *vm, vaddr_t va, int write);
int		vm_page_get_slow(struct vmspace *vm, vaddr_t va, int write,
		    int force, paddr_t *pap);

/*
 * The physical page behind user address va, made present (and private, for
 * a write) first, in *pap: 0, EFAULT (no page may be there) or ENOMEM.
 * force lets a write reach a read-only region, as a debugger planting a
 * breakpoint needs. Inline: every PT_READ_D and every single step looks up
 * a page that is usually there already.
 */
static inline int
vm_page_get(struct vmspace *vm, vaddr_t va, int write, int force, paddr_t *pap)
{
	uint32_t *pte;

	if (va < VM_MINUSER_ADDRESS || va >= VM_MAXUSER_ADDRESS)
		return EFAULT;
	pte = pmap_pte(vm->vm_pd, va, 0);
	if (pte != NULL && (*pte & PG_P) && (!write || (*pte & PG_RW))) {
		*pap = *pte & PG_FRAME;
		return 0;
	}
	return vm_page_get_slow(vm, va, write, force, pap);
}

/* vm/vm_rw.c: move bytes to or from any address space, page by page. */
int		vm_rw(struct vmspace *vm, vaddr_t uaddr, void *kbuf, size_t len,
		    int write, int force, size_t *done);
int		vm_rw_user(struct vmspace *vm, vaddr_t uaddr, void *ubuf,
		    size_t len, int write, int force, size_t *done);

/* vm/copy.asm: 0 or EFAULT; the user range is checked against VM_MAXUSER_ADDRESS. */
int		copyin(const void *uaddr, void *kaddr, size_t len);
int		copyout(const void *kaddr, void *uaddr, size_t len);
/* Copies a NUL-terminated string of at most maxlen bytes (with the NUL). */
int		copyinstr(const void *uaddr, char *kaddr, size_t maxlen, size_t *done);

#endif
