/*
 * sys/user.h - FreeBSD's sizes for the process information that ps and
 * friends read. FreeBSD fills its struct kinfo_proc through sysctl, which
 * Kestrel does not have; Kestrel's own, smaller struct kinfo_proc (pid,
 * parent, state, command, ...) comes from kproc() in <sys/kinfo.h>, which
 * this header includes.
 */
#ifndef _SYS_USER_H_
#define _SYS_USER_H_

#include <sys/param.h>
#include <sys/kinfo.h>

#define WMESGLEN	8	/* size of a wait-channel name */
#define LOCKNAMELEN	8	/* size of a lock name */
#define TDNAMLEN	16	/* size of a thread name */
#define COMMLEN		19	/* size of a command name (MAXCOMLEN) */
#define KI_EMULNAMELEN	16	/* size of an emulation name */
#define KI_NGROUPS	16	/* groups in a process's credentials */
#define LOGNAMELEN	17	/* size of a login name */
#define LOGINCLASSLEN	17	/* size of a login class name */

#endif
