/*
 * vm_rw.c - copying between a kernel buffer and any address space, not
 * just the current one: the ELF loader fills the new image with it, and
 * ptrace's proc_rwmem reads and writes the tracee with it.
 *
 * It goes page by page: make the page exist (vm_page_hold: fault it in,
 * break copy-on-write for a write), then copy through the direct map. The
 * copy is the only per-byte work; a page costs one lookup.
 */
#include <string.h>
#include <sys/errno.h>
#include "vm/vm.h"

int
vm_rw(struct vmspace *vm, vaddr_t uaddr, void *kbuf, size_t len, int write,
    int force, size_t *done)
{
	char *k = kbuf;
	size_t moved = 0;
	int error = 0;

	while (moved < len) {
		vaddr_t va = uaddr + moved;
		size_t chunk = PAGE_SIZE - (va & PAGE_MASK);
		paddr_t pa;
		char *p;

		if (va < uaddr) {		/* wrapped around */
			error = EFAULT;
			break;
		}
		if (chunk > len - moved)
			chunk = len - moved;
		if ((pa = vm_page_hold(vm, va, write, force)) == 0) {
			error = EFAULT;
			break;
		}
		p = (char *)PHYS_TO_KVA(pa) + (va & PAGE_MASK);
		if (write)
			memcpy(p, k + moved, chunk);
		else
			memcpy(k + moved, p, chunk);
		moved += chunk;
	}
	if (done != NULL)
		*done = moved;
	return error;
}
