/*
 * kern_exec.c - execve: replace the caller's image with a program from a
 * file (the initrd's are read in place, others copied in first, vfs.c).
 *
 * The work is ordered so that a failure leaves the caller running its old
 * image: the file is found and its headers checked, the arguments are
 * copied out of the old address space into a kernel buffer, and a whole new
 * address space is built (segments, stack, argument vectors, the signal
 * trampoline) before anything of the old one is given up. Only then is the
 * new address space switched in and the old one freed. In a process with
 * several threads, the others end just before that (thread_single): the
 * new image starts with the calling thread alone, under its old id.
 *
 * The new stack, from USRSTACK down: the signal trampoline, the argument and
 * environment strings, then (16-byte aligned) argc, argv[], NULL, envp[],
 * NULL, where the new stack pointer points. The process starts with clean
 * registers, FPU and debug registers (exec_setregs() in kernel/i386/
 * machdep.c); caught signals revert to their defaults. A traced process then
 * stops with SIGTRAP at the exit of execve (PL_FLAG_EXEC, unless its tracer
 * cleared PTRACE_EXEC), so its debugger can plant breakpoints in the new
 * image.
 */
#include <string.h>
#include <sys/auxv.h>
#include <sys/errno.h>
#include <sys/dirent.h>
#include <sys/ptrace.h>
#include <sys/signal.h>
#include "proc/proc.h"
#include "proc/imgact_elf.h"
#include "kernel/fs/file.h"
#include "kernel/syscall.h"
#include "vm/vm.h"

#define ARG_MAX		65536
#define ARGV_MAX	1024	/* argument plus environment strings */

struct exec_args {
	char	*buf;		/* the strings, back to back */
	size_t	used;
	int	argc;
	int	envc;
};

/* Append the strings of vec (a user or kernel array) to ea. */
static int
copy_strings(struct exec_args *ea, char *const *vec, int from_kernel, int *count)
{
	int n = 0, error;

	if (vec == NULL)
		return 0;
	for (;;) {
		char *s;
		size_t len;

		if (from_kernel)
			s = vec[n];
		else if (copyin(&vec[n], &s, sizeof(s)) != 0)
			return EFAULT;
		if (s == NULL)
			break;
		if (ea->argc + ea->envc + n >= ARGV_MAX)
			return E2BIG;
		if (from_kernel) {
			len = strlen(s) + 1;
			if (len > ARG_MAX - ea->used)
				return E2BIG;
			memcpy(ea->buf + ea->used, s, len);
		} else {
			error = copyinstr(s, ea->buf + ea->used,
			    ARG_MAX - ea->used, &len);
			if (error)
				return error == ENAMETOOLONG ? E2BIG : error;
		}
		ea->used += len;
		n++;
	}
	*count = n;
	return 0;
}

/*
 * Write strings, vectors and the trampoline into the new address space:
 * argc, argv[], NULL, envp[], NULL, then the aux vector (sys/auxv.h).
 * Returns the initial stack pointer through *sp.
 */
static int
build_stack(struct vmspace *vm, struct exec_args *ea, uint32_t *sp,
    uint32_t *sigcode_at)
{
	uint32_t nptrs = ea->argc + 1 + ea->envc + 1, i, *vecs, strbase, top;
	uint32_t nwords = nptrs + 1 + 4, s = 0, *aux, landing;
	int error;

	if ((error = sigcode_install(vm, USRSTACK, sigcode_at)) != 0)
		return error;
	strbase = (*sigcode_at - ea->used) & ~3u;
	top = (strbase - nwords * 4) & ~15u;
	if ((vecs = kmalloc(nwords * 4)) == NULL)
		return ENOMEM;
	vecs[0] = ea->argc;
	for (i = 0; i < nptrs; i++) {
		if (i == (uint32_t)ea->argc || i == nptrs - 1) {
			vecs[i + 1] = 0;
			continue;
		}
		vecs[i + 1] = strbase + s;
		s += strlen(ea->buf + s) + 1;
	}
	aux = vecs + nptrs + 1;
	landing = sigcode_sysenter(*sigcode_at);
	aux[0] = landing != 0 ? AT_KSYSENTER : AT_NULL;
	aux[1] = landing;
	aux[2] = AT_NULL;
	aux[3] = 0;
	error = vm_rw(vm, strbase, ea->buf, ea->used, 1, 0, NULL);
	if (error == 0)
		error = vm_rw(vm, top, vecs, nwords * 4, 1, 0, NULL);
	kfree(vecs);
	*sp = top;
	return error;
}

/*
 * The new address space of p: the program, its stack with the arguments
 * (usable down to p's stack limit, proc/kern_resource.c) and an empty heap.
 */
static struct vmspace *
build_image(struct proc *p, const char *image, size_t size,
    struct exec_args *ea, uint32_t *entry, uint32_t *sp, uint32_t *sigcode_at,
    int *errorp)
{
	struct vmspace *vm = vmspace_alloc();
	uint32_t brk_base;
	int error;

	if (vm == NULL) {
		*errorp = ENOMEM;
		return NULL;
	}
	error = elf_load(vm, image, size, entry, &brk_base);
	if (error == 0)
		error = vm_map_region(vm, USRSTACK - MAXSSIZ, USRSTACK,
		    VM_PROT_READ | VM_PROT_WRITE);
	if (error == 0)
		error = build_stack(vm, ea, sp, sigcode_at);
	if (error == 0)
		error = vm_stack_limit(vm, USRSTACK - MAXSSIZ,
		    lim_stack_guard(p, *sp));
	if (error) {
		vmspace_free(vm);
		*errorp = error;
		return NULL;
	}
	vm->vm_brk_base = vm->vm_brk = brk_base;
	return vm;
}

/*
 * The point of no return: the new image becomes the process. A vfork
 * child gives its parent's address space back here (vmspace_free drops
 * only its reference) and lets the parent go on.
 */
static void
commit(struct thread *td, struct vmspace *vm, const char *path, uint32_t entry,
    uint32_t sp, uint32_t sigcode_at)
{
	struct proc *p = td->td_proc;
	struct vmspace *old = p->p_vmspace;

	p->p_vmspace = vm;
	exec_setregs(td, entry, sp);
	vmspace_free(old);
	vfork_release(p);
	p->p_flag |= P_EXEC;
	if (!(p->p_flag2 & P2_NOTRACE_EXEC))
		p->p_flag2 &= ~P2_NOTRACE;	/* PROC_TRACE_CTL_DISABLE ends here */
	p->p_sigcode = sigcode_at;
	proc_set_comm(p, path);
	memset(td->td_name, 0, sizeof(td->td_name));
	sigacts_exec(p);
	fd_close_on_exec(p);
	if ((p->p_flag & P_TRACED) && (p->p_ptevents & PTRACE_EXEC))
		td->td_dbgflags |= TDB_EXEC;	/* the call's exit stop says so */
}

/*
 * Replace td's image with the program at path (relative to the current
 * directory), which td may execute: ENOENT, ENOTDIR, EACCES (not a regular
 * file, or no permission), ENOEXEC (not a Kestrel executable), E2BIG, ...
 */
int
kern_execve(struct thread *td, const char *path, char *const *argv,
    char *const *envp, int from_kernel)
{
	char norm[VFS_PATHMAX];
	const char *image;
	struct exec_args ea;
	struct vmspace *vm;
	uint32_t entry, sp, sigcode_at;
	size_t size;
	int error, release;

	if ((error = vfs_namei(td->td_proc, path, norm)) != 0 ||
	    (error = vfs_image(td->td_proc, norm, &image, &size, &release)) != 0)
		return error;
	memset(&ea, 0, sizeof(ea));
	if ((error = elf_check(image, size)) == 0 &&
	    (ea.buf = kmalloc(ARG_MAX)) == NULL)
		error = ENOMEM;
	if (error == 0)
		error = copy_strings(&ea, argv, from_kernel, &ea.argc);
	if (error == 0)
		error = copy_strings(&ea, envp, from_kernel, &ea.envc);
	if (error == 0) {
		vm = build_image(td->td_proc, image, size, &ea, &entry, &sp,
		    &sigcode_at, &error);
		if (vm != NULL && (error = thread_single(td)) != 0) {
			vmspace_free(vm);	/* another thread is ending us */
		} else if (vm != NULL) {
			commit(td, vm, path, entry, sp, sigcode_at);
			thread_single_end(td->td_proc);
		}
	}
	kfree(ea.buf);
	if (release)
		kfree((void *)image);
	return error;
}

int
sys_execve(struct thread *td, uint32_t *args)
{
	char path[VFS_PATHMAX];
	int error;

	error = copyinstr((void *)args[0], path, sizeof(path), NULL);
	if (error)
		return error;
	if (args[1] == 0)
		return EFAULT;		/* as FreeBSD: argv is required, envp is not */
	error = kern_execve(td, path, (char *const *)args[1],
	    (char *const *)args[2], 0);
	return error == 0 ? EJUSTRETURN : error;
}
