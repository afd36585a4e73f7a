/*
 * sys_kinfo.c - what the system says about itself: Kestrel's own kinfo()
 * reads a kernel counter (the tests use the free-page count to prove
 * nothing leaks), sysinfo() takes a snapshot of the memory and process
 * counters in one call, uname() names the system; and reboot() ends the
 * machine. What ps needs to know about processes comes from sysctl
 * kern.proc (proc/kern_proc.c).
 */
#include <string.h>
#include <sys/errno.h>
#include <sys/kinfo.h>
#include <sys/reboot.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include "kernel/dev/clock.h"
#include "kernel/i386/machine.h"
#include "kernel/syscall.h"
#include "kernel/version.h"
#include "proc/proc.h"
#include "vm/vm.h"

int
sys_kinfo(struct thread *td, uint32_t *args)
{
	uint32_t v;

	switch (args[0]) {
	case KINFO_FREEPAGES:	v = vm_page_free_count(); break;
	case KINFO_TOTALPAGES:	v = vm_page_total(); break;
	case KINFO_TICKS:	v = ticks; break;
	case KINFO_HZ:		v = hz; break;
	case KINFO_CTXSWITCHES:	v = sched_switches; break;
	case KINFO_TSCHZ:	v = (uint32_t)tsc_freq; break;
	case KINFO_NPROCS:	v = proc_count(); break;
	case KINFO_KHEAP:	v = kmalloc_bytes_in_use(); break;
	case KINFO_CR3WRITES:	v = cr3_writes; break;
	default:
		if (cpu_kinfo((int)args[0], &v) != 0)
			return EINVAL;
		break;
	}
	td->td_retval[0] = v;
	return 0;
}

/* LAB syscall: BEGIN */
int
sys_sysinfo(struct thread *td, uint32_t *args)
{
	struct sysinfo si;

	(void)td;
	memset(&si, 0, sizeof(si));
	si.si_freepages = vm_page_free_count();
	si.si_totalpages = vm_page_total();
	si.si_pagesize = PAGE_SIZE;
	si.si_nprocs = proc_count();
	si.si_uptime = ticks / hz;
	return copyout(&si, (void *)args[0], sizeof(si));
}
/* LAB syscall: END */

/* uname(2): the names FreeBSD's libc would read with sysctl. */
int
sys_uname(struct thread *td, uint32_t *args)
{
	struct utsname u;

	(void)td;
	memset(&u, 0, sizeof(u));
	strlcpy(u.sysname, "Kestrel", sizeof(u.sysname));
	strlcpy(u.nodename, "kestrel", sizeof(u.nodename));
	strlcpy(u.release, KESTREL_VERSION, sizeof(u.release));
	strlcpy(u.version, "Kestrel " KESTREL_VERSION, sizeof(u.version));
	strlcpy(u.machine, "i386", sizeof(u.machine));
	return copyout(&u, (void *)args[0], sizeof(u));
}

int
sys_reboot(struct thread *td, uint32_t *args)
{
	int howto = (int)args[0];

	if (td->td_proc->p_cred.cr_uid != 0)
		return EPERM;
	if (howto & RB_POWEROFF)
		machine_poweroff((howto >> 16) & 0xff);
	if (howto & RB_HALT)
		machine_halt();
	machine_reset();
}
