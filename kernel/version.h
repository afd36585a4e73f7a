/* version.h - the release the boot banner and sysctl (kern.osrelease, kern.osreldate) name. */
#ifndef KERNEL_VERSION_H
#define KERNEL_VERSION_H
#define KESTREL_VERSION		"0.1"
#define KESTREL_OSRELDATE	1000	/* MMmmppp, as FreeBSD's __FreeBSD_version */
#endif
