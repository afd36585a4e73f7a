/*
 * sys/user.h - struct kinfo_proc, what sysctl kern.proc.pid.<pid> and
 * kern.proc.all return about a process: FreeBSD 12's i386 layout, field
 * by field (768 bytes). Kestrel fills in what it has (the ids, the state,
 * the flags with <sys/proc.h>'s values, the tracer, the signal sets, the
 * sizes, the names); the rest is zero. ki_tdev is NODEV: processes have no
 * controlling terminal device number.
 */
#ifndef _SYS_USER_H_
#define _SYS_USER_H_

#include <sys/types.h>
#include <sys/signal.h>
#include <sys/resource.h>
#include <sys/proc.h>

#define KI_NSPARE_INT	2
#define KI_NSPARE_LONG	12
#define KI_NSPARE_PTR	6

#define WMESGLEN	8	/* size of a wait-channel name */
#define LOCKNAMELEN	8	/* size of a lock name */
#define TDNAMLEN	16	/* size of a thread name */
#define COMMLEN		19	/* size of a command name (MAXCOMLEN) */
#define KI_EMULNAMELEN	16	/* size of an emulation name */
#define KI_NGROUPS	16	/* groups in a process's credentials */
#define LOGNAMELEN	17	/* size of a login name */
#define LOGINCLASSLEN	17	/* size of a login class name */

#define KINFO_PROC_SIZE	768	/* i386 */
#define NODEV		((uint64_t)-1)

struct priority {
	u_char	pri_class;
	u_char	pri_level;
	u_char	pri_native;
	u_char	pri_user;
};

struct kinfo_proc {
	int	ki_structsize;		/* sizeof(struct kinfo_proc) */
	int	ki_layout;
	void	*ki_args;
	void	*ki_paddr;
	void	*ki_addr;
	void	*ki_tracep;
	void	*ki_textvp;
	void	*ki_fd;
	void	*ki_vmspace;
	void	*ki_wchan;
	pid_t	ki_pid;
	pid_t	ki_ppid;		/* parent (the original one while traced) */
	pid_t	ki_pgid;
	pid_t	ki_tpgid;
	pid_t	ki_sid;
	pid_t	ki_tsid;
	short	ki_jobc;
	short	ki_spare_short1;
	uint32_t ki_tdev_freebsd11;
	sigset_t ki_siglist;		/* pending signals */
	sigset_t ki_sigmask;		/* blocked signals */
	sigset_t ki_sigignore;		/* ignored signals */
	sigset_t ki_sigcatch;		/* signals with a handler */
	uid_t	ki_uid;			/* effective user id */
	uid_t	ki_ruid;		/* real user id */
	uid_t	ki_svuid;		/* saved user id */
	gid_t	ki_rgid;
	gid_t	ki_svgid;
	short	ki_ngroups;
	short	ki_spare_short2;
	gid_t	ki_groups[KI_NGROUPS];
	vm_size_t ki_size;		/* virtual size, bytes */
	segsz_t	ki_rssize;		/* resident pages */
	segsz_t	ki_swrss;
	segsz_t	ki_tsize;
	segsz_t	ki_dsize;
	segsz_t	ki_ssize;
	u_short	ki_xstat;		/* exit status, or the stop signal */
	u_short	ki_acflag;
	fixpt_t	ki_pctcpu;
	u_int	ki_estcpu;
	u_int	ki_slptime;
	u_int	ki_swtime;
	u_int	ki_cow;
	u_int64_t ki_runtime;
	struct timeval ki_start;
	struct timeval ki_childtime;
	long	ki_flag;		/* P_* of <sys/proc.h> */
	long	ki_kiflag;
	int	ki_traceflag;
	char	ki_stat;		/* SRUN, SSLEEP, SSTOP, SZOMB */
	signed char ki_nice;
	char	ki_lock;
	char	ki_rqindex;
	u_char	ki_oncpu_old;
	u_char	ki_lastcpu_old;
	char	ki_tdname[TDNAMLEN + 1];
	char	ki_wmesg[WMESGLEN + 1];	/* why it sleeps */
	char	ki_login[LOGNAMELEN + 1];
	char	ki_lockname[LOCKNAMELEN + 1];
	char	ki_comm[COMMLEN + 1];	/* the program's name */
	char	ki_emul[KI_EMULNAMELEN + 1];
	char	ki_loginclass[LOGINCLASSLEN + 1];
	char	ki_moretdname[COMMLEN - TDNAMLEN + 1];
	char	ki_sparestrings[46];
	int	ki_spareints[KI_NSPARE_INT];
	uint64_t ki_tdev;
	int	ki_oncpu;
	int	ki_lastcpu;
	int	ki_tracer;		/* the tracer's pid, 0 if none */
	int	ki_flag2;		/* P2_* of <sys/proc.h> */
	int	ki_fibnum;
	u_int	ki_cr_flags;
	int	ki_jid;
	int	ki_numthreads;
	lwpid_t	ki_tid;
	struct priority ki_pri;
	struct rusage ki_rusage;
	struct rusage ki_rusage_ch;
	void	*ki_pcb;
	void	*ki_kstack;
	void	*ki_udata;
	void	*ki_tdaddr;
	void	*ki_spareptrs[KI_NSPARE_PTR];
	long	ki_sparelongs[KI_NSPARE_LONG];
	long	ki_sflag;
	long	ki_tdflags;
};

_Static_assert(sizeof(struct kinfo_proc) == KINFO_PROC_SIZE,
    "struct kinfo_proc is not FreeBSD/i386's size");

#endif
