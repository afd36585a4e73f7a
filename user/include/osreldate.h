/*
 * osreldate.h - which release of Kestrel this is, for programs (FreeBSD's
 * header of the same name gives __FreeBSD_version). The kernel's banner
 * uses the same string (kernel/version.h).
 */
#ifndef _OSRELDATE_H_
#define _OSRELDATE_H_

#define __Kestrel_release	"0.1"
#define __Kestrel_version	1000	/* MMmmppp, as __FreeBSD_version (sysctl kern.osreldate) */

#endif
