/*
 * kern_proc.c - what a process looks like from outside: struct kinfo_proc
 * (<sys/user.h>, FreeBSD's layout) for sysctl kern.proc.pid.<pid> and
 * kern.proc.all, which ps and the debuggers read.
 *
 * Zombies are listed too, with ki_stat SZOMB (as FreeBSD 12 does), until
 * they are collected; kern.proc.all lists the process table in slot order.
 * With KERN_PROC_INC_THREAD (kern.proc.all_td, kern.proc.pid_td) there is
 * one entry per thread, as FreeBSD's ps -H reads them: the process's
 * fields, and the thread's id, name, state, wait message and mask.
 */
#include <string.h>
#include <sys/errno.h>
#include <sys/sysctl.h>
#include <sys/user.h>
#include "kernel/kern_sysctl.h"
#include "proc/proc.h"
#include "vm/vm.h"

/* The state of p as seen through its thread td (NULL: a zombie). */
static char
proc_stat(const struct proc *p, const struct thread *td)
{
	if (p->p_state == PRS_ZOMBIE || td == NULL)
		return SZOMB;
	if (P_SHOULDSTOP(p))
		return SSTOP;
	if (td->td_state == TDS_SLEEPING)
		return SSLEEP;
	return SRUN;
}

static void
fill_sigsets(const struct proc *p, const struct thread *td,
    struct kinfo_proc *kp)
{
	int sig;

	kp->ki_siglist.__bits[0] = p->p_siglist;
	if (td != NULL)
		kp->ki_sigmask.__bits[0] = td->td_sigmask;
	for (sig = 1; sig < NSIG; sig++) {
		if (p->p_sigacts.ps_handler[sig] == SIG_IGN)
			kp->ki_sigignore.__bits[0] |= SIGMASK(sig);
		else if (p->p_sigacts.ps_handler[sig] != SIG_DFL)
			kp->ki_sigcatch.__bits[0] |= SIGMASK(sig);
	}
}

/* The entry of p, seen through its thread td (its first one, or NULL). */
static void
fill_kinfo_proc(const struct proc *p, const struct thread *td,
    struct kinfo_proc *kp)
{
	const struct vmspace *vm = p->p_vmspace;
	int i;

	memset(kp, 0, sizeof(*kp));
	kp->ki_structsize = sizeof(*kp);
	kp->ki_pid = p->p_pid;
	kp->ki_ppid = p->p_pptr != NULL ? p->p_pptr->p_pid : 0;
	kp->ki_pgid = p->p_pgid;
	kp->ki_sid = p->p_sid;
	kp->ki_tdev = NODEV;
	kp->ki_tdev_freebsd11 = (uint32_t)NODEV;
	fill_sigsets(p, td, kp);
	kp->ki_uid = p->p_cred.cr_uid;
	kp->ki_ruid = p->p_cred.cr_ruid;
	kp->ki_svuid = p->p_cred.cr_svuid;
	kp->ki_rgid = p->p_cred.cr_rgid;
	kp->ki_svgid = p->p_cred.cr_svgid;
	kp->ki_ngroups = 1;
	kp->ki_groups[0] = p->p_cred.cr_gid;
	if (vm != NULL) {
		for (i = 0; i < vm->vm_nregions; i++)
			kp->ki_size += vm->vm_regions[i].end -
			    vm->vm_regions[i].start;
		kp->ki_rssize = vmspace_resident((struct vmspace *)vm);
	}
	kp->ki_xstat = p->p_xstat;
	kp->ki_flag = p->p_flag;
	kp->ki_flag2 = p->p_flag2 & 0x00ffffff;	/* FreeBSD's P2_* bits */
	kp->ki_stat = proc_stat(p, td);
	strlcpy(kp->ki_tdname, td != NULL ? thread_name(td) : p->p_comm,
	    sizeof(kp->ki_tdname));
	if (td != NULL && td->td_state == TDS_SLEEPING && td->td_wmesg != NULL)
		strlcpy(kp->ki_wmesg, td->td_wmesg, sizeof(kp->ki_wmesg));
	strlcpy(kp->ki_comm, p->p_comm, sizeof(kp->ki_comm));
	strlcpy(kp->ki_emul, "Kestrel ELF32", sizeof(kp->ki_emul));
	kp->ki_tracer = (p->p_flag & P_TRACED) ? p->p_tracer->p_pid : 0;
	kp->ki_numthreads = p->p_numthreads;
	kp->ki_tid = td != NULL ? td->td_tid : 0;
}

static int
visible(const struct proc *p)
{
	return p->p_state == PRS_NORMAL || p->p_state == PRS_ZOMBIE;
}

/* p's entry, or with threads (KERN_PROC_INC_THREAD) one per thread. */
static int
proc_out(struct sysctl_req *req, const struct proc *p, int threads)
{
	const struct thread *td;
	struct kinfo_proc kp;
	int error = 0;

	if (!threads || p->p_threads == NULL) {
		fill_kinfo_proc(p, p->p_threads, &kp);
		return sysctl_out(req, &kp, sizeof(kp));
	}
	FOREACH_THREAD_IN_PROC(p, td) {
		fill_kinfo_proc(p, td, &kp);
		if ((error = sysctl_out(req, &kp, sizeof(kp))) != 0)
			break;
	}
	return error;
}

/* kern.proc.all: every process, in slot order. */
int
sysctl_kern_proc_all(struct sysctl_req *req, const struct sysctl_oid *oid,
    const int *name, unsigned namelen)
{
	int slot, error = 0;

	(void)name;
	if (namelen != 0)
		return EINVAL;
	for (slot = 0; slot < NPROC && error == 0; slot++)
		if (visible(&proc_table[slot]))
			error = proc_out(req, &proc_table[slot],
			    oid->oid_number & KERN_PROC_INC_THREAD);
	return error;
}

/* kern.proc.pid.<pid>: one process, a zombie too; ESRCH if none. */
int
sysctl_kern_proc_pid(struct sysctl_req *req, const struct sysctl_oid *oid,
    const int *name, unsigned namelen)
{
	struct proc *p;

	if (namelen != 1)
		return EINVAL;
	if ((p = pfind_any(name[0])) == NULL || !visible(p))
		return ESRCH;
	return proc_out(req, p, oid->oid_number & KERN_PROC_INC_THREAD);
}
