/*
 * sys/utsname.h - the system's name, FreeBSD's layout. FreeBSD's libc
 * assembles it from sysctl; Kestrel's kernel answers uname(2) itself.
 */
#ifndef _SYS_UTSNAME_H_
#define _SYS_UTSNAME_H_

#define SYS_NMLN	256

struct utsname {
	char	sysname[SYS_NMLN];	/* name of this OS */
	char	nodename[SYS_NMLN];	/* name of this network node */
	char	release[SYS_NMLN];	/* release level */
	char	version[SYS_NMLN];	/* version level */
	char	machine[SYS_NMLN];	/* hardware type */
};

#ifndef _KERNEL
int	uname(struct utsname *);
#endif

#endif
