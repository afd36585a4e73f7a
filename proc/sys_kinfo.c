/*
 * sys_kinfo.c - Kestrel's own system calls: kinfo() reads a kernel counter
 * (the tests use the free-page count to prove nothing leaks), sysinfo()
 * takes a snapshot of the memory and process counters in one call, kproc()
 * reads a process-table slot (for ps), and reboot() ends the machine.
 */
#include <string.h>
#include <sys/errno.h>
#include <sys/kinfo.h>
#include <sys/reboot.h>
#include <sys/sysinfo.h>
#include "kernel/dev/clock.h"
#include "kernel/i386/machine.h"
#include "kernel/syscall.h"
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

static int
kp_state(const struct proc *p)
{
	const struct thread *td = &p->p_thread;

	if (p->p_state == PRS_ZOMBIE)
		return KP_ZOMBIE;
	if (P_SHOULDSTOP(p))
		return KP_STOP;
	if (td->td_state == TDS_SLEEPING)
		return KP_SLEEP;
	return KP_RUN;
}

int
sys_kproc(struct thread *td, uint32_t *args)
{
	struct kinfo_proc kp;
	struct proc *p;

	(void)td;
	if (args[0] >= NPROC)
		return EINVAL;
	p = &proc_table[args[0]];
	if (p->p_state != PRS_NORMAL && p->p_state != PRS_ZOMBIE)
		return ESRCH;
	memset(&kp, 0, sizeof(kp));
	kp.kp_pid = p->p_pid;
	kp.kp_ppid = p->p_pptr != NULL ? p->p_pptr->p_pid : 0;
	kp.kp_tracer = (p->p_flag & P_TRACED) ? p->p_tracer->p_pid : 0;
	kp.kp_pgid = p->p_pgid;
	kp.kp_uid = p->p_cred.cr_ruid;
	kp.kp_euid = p->p_cred.cr_uid;
	kp.kp_state = kp_state(p);
	kp.kp_flag = p->p_flag;
	kp.kp_pages = p->p_vmspace != NULL ? vmspace_resident(p->p_vmspace) : 0;
	strlcpy(kp.kp_comm, p->p_comm, sizeof(kp.kp_comm));
	if (p->p_thread.td_state == TDS_SLEEPING && p->p_thread.td_wmesg != NULL)
		strlcpy(kp.kp_wchan, p->p_thread.td_wmesg, sizeof(kp.kp_wchan));
	return copyout(&kp, (void *)args[1], sizeof(kp));
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
