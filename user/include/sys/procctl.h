/*
 * sys/procctl.h - procctl(2): control processes, with FreeBSD's commands,
 * values and structures. Kestrel implements the reaper commands
 * (PROC_REAP_ACQUIRE, _RELEASE, _STATUS) and the trace switch
 * (PROC_TRACE_CTL, PROC_TRACE_STATUS); the others fail with EINVAL.
 */
#ifndef _SYS_PROCCTL_H_
#define _SYS_PROCCTL_H_

#include <sys/types.h>
#include <sys/wait.h>

#define PROC_SPROTECT		1	/* set protected state */
#define PROC_REAP_ACQUIRE	2	/* become the reaper of our descendants */
#define PROC_REAP_RELEASE	3	/* stop being one */
#define PROC_REAP_STATUS	4	/* who reaps, and how many */
#define PROC_REAP_GETPIDS	5	/* list the reaper's descendants */
#define PROC_REAP_KILL		6	/* signal the reaper's descendants */
#define PROC_TRACE_CTL		7	/* forbid or allow ptrace attach */
#define PROC_TRACE_STATUS	8	/* -1 forbidden, 0 untraced, else the tracer */
#define PROC_TRAPCAP_CTL	9
#define PROC_TRAPCAP_STATUS	10
#define PROC_PDEATHSIG_CTL	11
#define PROC_PDEATHSIG_STATUS	12
#define PROC_ASLR_CTL		13
#define PROC_ASLR_STATUS	14

struct procctl_reaper_status {
	u_int	rs_flags;	/* REAPER_STATUS_* */
	u_int	rs_children;	/* children of the reaper among its descendants */
	u_int	rs_descendants;	/* processes it reaps */
	pid_t	rs_reaper;	/* the reaper */
	pid_t	rs_pid;		/* one of its children, -1 if it reaps none */
	u_int	rs_pad0[15];
};

#define REAPER_STATUS_OWNED	0x00000001	/* the process is a reaper itself */
#define REAPER_STATUS_REALINIT	0x00000002	/* the reaper is init */

struct procctl_reaper_pidinfo {
	pid_t	pi_pid;
	pid_t	pi_subtree;
	u_int	pi_flags;
	u_int	pi_pad0[15];
};

#define REAPER_PIDINFO_VALID	0x00000001
#define REAPER_PIDINFO_CHILD	0x00000002
#define REAPER_PIDINFO_REAPER	0x00000004

struct procctl_reaper_pids {
	u_int	rp_count;
	u_int	rp_pad0[15];
	struct procctl_reaper_pidinfo *rp_pids;
};

struct procctl_reaper_kill {
	int	rk_sig;
	u_int	rk_flags;
	pid_t	rk_subtree;
	u_int	rk_killed;
	pid_t	rk_fpid;
	u_int	rk_pad0[15];
};

#define REAPER_KILL_CHILDREN	0x00000001
#define REAPER_KILL_SUBTREE	0x00000002

#define PROC_TRACE_CTL_ENABLE		1	/* allow again (the process itself only) */
#define PROC_TRACE_CTL_DISABLE		2	/* forbid until the next execve */
#define PROC_TRACE_CTL_DISABLE_EXEC	3	/* forbid, across execve too */

#ifndef _KERNEL
int	procctl(idtype_t, id_t, int, void *);
#endif

#endif
