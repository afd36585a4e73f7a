/*
 * sys_break.c - brk(2), the one system call about a process's memory: the
 * heap region's end moves (vm_set_brk() in vm/vm_map.c), and the calling
 * process learns where it now is. The heap may not grow past RLIMIT_DATA
 * (ENOMEM); shrinking is always allowed.
 */
#include "proc/proc.h"
#include "kernel/syscall.h"
#include "vm/vm.h"

/* brk(addr): move the break; addr 0 only asks. Returns the break. */
int
sys_break(struct thread *td, uint32_t *args)
{
	struct vmspace *vm = td->td_proc->p_vmspace;
	int error;

	if (args[0] > vm->vm_brk && args[0] >= vm->vm_brk_base &&
	    args[0] - vm->vm_brk_base > lim_cur(td->td_proc, RLIMIT_DATA))
		return ENOMEM;
	if (args[0] != 0 && (error = vm_set_brk(vm, args[0])) != 0)
		return error;
	td->td_retval[0] = vm->vm_brk;
	return 0;
}
