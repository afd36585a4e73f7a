/*
 * sys_machdep.c - sysarch(2), FreeBSD/i386's machine-dependent system
 * call. Kestrel has its TLS requests: I386_GET_GSBASE and I386_SET_GSBASE
 * read and set the calling thread's %gs base (args points at the base);
 * setting loads %gs with the thread's own selector too (GUGS_SEL, on the
 * way out). A base must be a user address (EINVAL); any other request
 * is EINVAL as well.
 */
#include <sys/errno.h>
#include <machine/sysarch.h>
#include "kernel/syscall.h"
#include "proc/proc.h"
#include "vm/vm.h"

int
sys_sysarch(struct thread *td, uint32_t *args)
{
	void *where = (void *)args[1];
	uint32_t base;

	switch ((int)args[0]) {
	case I386_GET_GSBASE:
		base = td->td_pcb.pcb_gsbase;
		return copyout(&base, where, sizeof(base));
	case I386_SET_GSBASE:
		if (copyin(where, &base, sizeof(base)) != 0)
			return EFAULT;
		return cpu_set_user_tls(td, base);
	}
	return EINVAL;
}
