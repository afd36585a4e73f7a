/*
 * vm_rw.c - copying between any address space (not just the current one)
 * and a buffer of the caller's: the ELF loader fills a new image with it,
 * and ptrace reads and writes the tracee with it (proc_rwmem, PT_IO).
 *
 * It goes page by page: make the page exist (vm_page_get: fault it in,
 * break copy-on-write for a write), then copy through the direct map. The
 * buffer is either kernel memory (vm_rw) or the current process's user
 * memory (vm_rw_user: PT_IO copies straight between the tracee's page and
 * the tracer's buffer with copyin/copyout, so each byte is copied once).
 * For a user buffer the page is referenced during the copy, because a
 * copyin or copyout can fault and resolve copy-on-write in the current
 * address space; and each piece also ends at a page boundary of the
 * buffer, so that a buffer page that cannot be reached fails a piece that
 * moved nothing, and *done counts every byte that did move.
 */
#include <string.h>
#include <sys/errno.h>
#include "vm/vm.h"

typedef int copy_fn(const void *src, void *dst, size_t n);

static int
kcopy(const void *src, void *dst, size_t n)
{
	memcpy(dst, src, n);
	return 0;
}

/* LAB rwmem: BEGIN */
static int
copyout_fn(const void *src, void *dst, size_t n)
{
	return copyout(src, dst, n);
}

static int
copyin_fn(const void *src, void *dst, size_t n)
{
	return copyin(src, dst, n);
}
/* LAB rwmem: END */

static int
rw_pages(struct vmspace *vm, vaddr_t va0, char *buf, size_t len, int write,
    int force, size_t *done, copy_fn *copy)
{
	size_t moved = 0;
	int error = 0;

	while (moved < len) {
		vaddr_t va = va0 + moved;
		size_t chunk = PAGE_SIZE - (va & PAGE_MASK);
		paddr_t pa;
		char *p;

		if (va < va0) {			/* wrapped around */
			error = EFAULT;
			break;
		}
		if (chunk > len - moved)
			chunk = len - moved;
		if (copy != kcopy) {
			size_t room = PAGE_SIZE -
			    ((uintptr_t)(buf + moved) & PAGE_MASK);

			if (chunk > room)
				chunk = room;
		}
		if ((error = vm_page_get(vm, va, write, force, &pa)) != 0)
			break;		/* EFAULT, or ENOMEM */
		p = (char *)PHYS_TO_KVA(pa) + (va & PAGE_MASK);
		if (copy == kcopy) {		/* cannot fault: no need to hold */
			error = 0;
			memcpy(write ? p : buf + moved, write ? buf + moved : p,
			    chunk);
		} else {
			/* LAB rwmem: BEGIN stub: error = ENOSYS; */
			vm_page_ref(pa);
			error = write ? copy(buf + moved, p, chunk) :
			    copy(p, buf + moved, chunk);
			vm_page_unref(pa);
			/* LAB rwmem: END */
		}
		if (error)
			break;
		moved += chunk;
	}
	if (done != NULL)
		*done = moved;
	return error;
}

/* Between [uaddr, uaddr+len) in vm and the kernel buffer kbuf. */
int
vm_rw(struct vmspace *vm, vaddr_t uaddr, void *kbuf, size_t len, int write,
    int force, size_t *done)
{
	return rw_pages(vm, uaddr, kbuf, len, write, force, done, kcopy);
}

/* Between [uaddr, uaddr+len) in vm and ubuf in the current address space. */
int
vm_rw_user(struct vmspace *vm, vaddr_t uaddr, void *ubuf, size_t len,
    int write, int force, size_t *done)
{
	/* LAB rwmem: BEGIN stub:
	 *	(void)vm;
	 *	(void)uaddr;
	 *	(void)ubuf;
	 *	(void)len;
	 *	(void)write;
	 *	(void)force;
	 *	(void)done;
	 *	return ENOSYS;
	 */
	return rw_pages(vm, uaddr, ubuf, len, write, force, done,
	    write ? copyin_fn : copyout_fn);
	/* LAB rwmem: END */
}
