/*
 * kern_proc.c - what a process looks like from outside: struct kinfo_proc
 * (<sys/user.h>, FreeBSD's layout) for sysctl kern.proc.pid.<pid> and
 * kern.proc.all, which ps and the debuggers read.
 *
 * Zombies are listed too, with ki_stat SZOMB (as FreeBSD 12 does), until
 * they are collected; kern.proc.all lists the process table in slot order.
 */
#include <string.h>
#include <sys/errno.h>
#include <sys/user.h>
#include "kernel/kern_sysctl.h"
#include "proc/proc.h"
#include "vm/vm.h"

static char
proc_stat(const struct proc *p)
{
	if (p->p_state == PRS_ZOMBIE)
		return SZOMB;
	if (P_SHOULDSTOP(p))
		return SSTOP;
	if (p->p_threads != NULL && p->p_threads->td_state == TDS_SLEEPING)
		return SSLEEP;
	return SRUN;
}

static void
fill_sigsets(const struct proc *p, struct kinfo_proc *kp)
{
	int sig;

	kp->ki_siglist.__bits[0] = p->p_siglist;
	if (p->p_threads != NULL)
		kp->ki_sigmask.__bits[0] = p->p_threads->td_sigmask;
	for (sig = 1; sig < NSIG; sig++) {
		if (p->p_sigacts.ps_handler[sig] == SIG_IGN)
			kp->ki_sigignore.__bits[0] |= SIGMASK(sig);
		else if (p->p_sigacts.ps_handler[sig] != SIG_DFL)
			kp->ki_sigcatch.__bits[0] |= SIGMASK(sig);
	}
}

static void
fill_kinfo_proc(const struct proc *p, struct kinfo_proc *kp)
{
	const struct thread *td = p->p_threads;
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
	fill_sigsets(p, kp);
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
	kp->ki_stat = proc_stat(p);
	strlcpy(kp->ki_tdname, p->p_comm, sizeof(kp->ki_tdname));
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

/* kern.proc.all: every process, in slot order. */
int
sysctl_kern_proc_all(struct sysctl_req *req, const struct sysctl_oid *oid,
    const int *name, unsigned namelen)
{
	struct kinfo_proc kp;
	int slot, error = 0;

	(void)oid;
	(void)name;
	if (namelen != 0)
		return EINVAL;
	for (slot = 0; slot < NPROC && error == 0; slot++) {
		if (!visible(&proc_table[slot]))
			continue;
		fill_kinfo_proc(&proc_table[slot], &kp);
		error = sysctl_out(req, &kp, sizeof(kp));
	}
	return error;
}

/* kern.proc.pid.<pid>: one process, a zombie too; ESRCH if none. */
int
sysctl_kern_proc_pid(struct sysctl_req *req, const struct sysctl_oid *oid,
    const int *name, unsigned namelen)
{
	struct kinfo_proc kp;
	struct proc *p;

	(void)oid;
	if (namelen != 1)
		return EINVAL;
	if ((p = pfind_any(name[0])) == NULL || !visible(p))
		return ESRCH;
	fill_kinfo_proc(p, &kp);
	return sysctl_out(req, &kp, sizeof(kp));
}
