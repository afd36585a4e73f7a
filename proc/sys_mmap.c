/*
 * sys_mmap.c - mmap(2), munmap(2) and mprotect(2) with FreeBSD's flags
 * (the regions they change are vm/vm_mmap.c's).
 *
 * What Kestrel maps: anonymous memory, private (MAP_PRIVATE: zero pages on
 * first touch, copied on write after fork) or shared (MAP_SHARED: all its
 * pages made at once, and a fork shares them, so parent and child see each
 * other's writes); and regular files privately: the file's bytes are read
 * into the new pages when the mapping is made, and writes to them never
 * reach the file. A shared mapping of a file is ENODEV, as is any mapping
 * of something that is not a regular file. The offset travels as one
 * 32-bit word (files are far smaller than 4 GiB); the libc's wrapper
 * refuses a larger one.
 */
#include <sys/errno.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include "proc/proc.h"
#include "kernel/fs/file.h"
#include "kernel/syscall.h"
#include "vm/vm.h"

#define MAP_KNOWN	(MAP_SHARED | MAP_PRIVATE | MAP_FIXED | MAP_STACK | \
	MAP_NOSYNC | MAP_ANON | MAP_EXCL | MAP_NOCORE)
#define PROT_ALL	(PROT_READ | PROT_WRITE | PROT_EXEC)

/* [addr, addr + len) rounded out to pages, inside user space. */
static int
user_range(uint32_t addr, uint32_t len, vaddr_t *start, vaddr_t *end)
{
	if ((addr & PAGE_MASK) || len == 0 || addr < VM_MINUSER_ADDRESS ||
	    addr >= VM_MAXUSER_ADDRESS ||
	    len > VM_MAXUSER_ADDRESS - addr - PAGE_MASK)
		return EINVAL;
	*start = addr;
	*end = addr + round_page(len);
	return 0;
}

/* A MAP_SHARED region's pages exist from the start (fork must find them). */
static int
make_pages(struct vmspace *vm, vaddr_t start, vaddr_t end)
{
	paddr_t pa;
	vaddr_t va;
	int error;

	for (va = start; va < end; va += PAGE_SIZE)
		if ((error = vm_page_get(vm, va, 1, 0, &pa)) != 0)
			return error;
	return 0;
}

/* Read the file's bytes from off into the (writable) new mapping. */
static int
fill_from_file(struct file *fp, vaddr_t start, size_t len, uint32_t off)
{
	off_t saved = fp->f_offset;
	size_t done = 0, n;
	int error = 0;

	fp->f_offset = off;
	while (error == 0 && done < len) {
		n = 0;
		error = fp->f_ops->fo_read(fp, (char *)start + done, len - done,
		    &n);
		if (n == 0)
			break;		/* the end of the file: the rest stays 0 */
		done += n;
	}
	fp->f_offset = saved;
	return error;
}

/* The file behind fd may be mapped privately: 0, EBADF, ENODEV or EACCES. */
static int
mappable(struct file *fp, int flags)
{
	struct stat st;

	if (fp == NULL)
		return EBADF;
	if (fp->f_ops->fo_stat(fp, &st) != 0 || !S_ISREG(st.st_mode) ||
	    (flags & MAP_SHARED))
		return ENODEV;
	return (fp->f_flag & FREAD) ? 0 : EACCES;
}

/* mmap(addr, len, prot, flags, fd, offset): the mapping's address. */
int
sys_mmap(struct thread *td, uint32_t *args)
{
	struct vmspace *vm = td->td_proc->p_vmspace;
	uint32_t addr = args[0], len = args[1], off = args[5];
	int prot = (int)args[2], flags = (int)args[3], fd = (int)args[4];
	struct file *fp = NULL;
	vaddr_t start, end;
	int error;

	if (len == 0 || (prot & ~PROT_ALL) || (flags & ~MAP_KNOWN) ||
	    (off & PAGE_MASK) || !(flags & (MAP_SHARED | MAP_PRIVATE)) ||
	    (flags & (MAP_SHARED | MAP_PRIVATE)) == (MAP_SHARED | MAP_PRIVATE))
		return EINVAL;
	if (flags & MAP_ANON) {
		if (fd != -1 || off != 0)
			return EINVAL;
	} else if ((error = mappable(fp = fd_get(td, fd), flags)) != 0)
		return error;
	if (flags & MAP_FIXED) {
		if ((error = user_range(addr, len, &start, &end)) != 0)
			return error;
		if ((flags & MAP_EXCL) && !vm_range_free(vm, start, end))
			return EINVAL;
		if ((error = vm_munmap(vm, start, end)) != 0)
			return error;
	} else {
		if (len > VM_MAXUSER_ADDRESS - PAGE_MASK)
			return ENOMEM;
		if ((error = vm_mmap_find(vm, trunc_page(addr), round_page(len),
		    &start)) != 0)
			return error;
		end = start + round_page(len);
	}
	error = vm_mmap_insert(vm, start, end, fp != NULL ? PROT_ALL : prot,
	    (flags & MAP_SHARED) ? VMR_SHARED : 0);
	if (error == 0 && (flags & MAP_SHARED))
		error = make_pages(vm, start, end);
	if (error == 0 && fp != NULL &&
	    (error = fill_from_file(fp, start, len, off)) == 0)
		error = vm_mprotect(vm, start, end, prot);
	if (error != 0) {
		vm_munmap(vm, start, end);
		return error == EFAULT ? ENOMEM : error;
	}
	td->td_retval[0] = start;
	return 0;
}

int
sys_munmap(struct thread *td, uint32_t *args)
{
	vaddr_t start, end;
	int error;

	if ((error = user_range(args[0], args[1], &start, &end)) != 0)
		return error;
	return vm_munmap(td->td_proc->p_vmspace, start, end);
}

int
sys_mprotect(struct thread *td, uint32_t *args)
{
	vaddr_t start, end;
	int error;

	if ((int)args[2] & ~PROT_ALL)
		return EINVAL;
	if (args[1] == 0)
		return (args[0] & PAGE_MASK) ? EINVAL : 0;
	if ((error = user_range(args[0], args[1], &start, &end)) != 0)
		return error;
	return vm_mprotect(td->td_proc->p_vmspace, start, end, (int)args[2]);
}
