/*
 * version.h - the release the boot banner and sysctl (kern.osrelease,
 * kern.osreldate) name, from <osreldate.h>, which programs see too.
 */
#ifndef KERNEL_VERSION_H
#define KERNEL_VERSION_H
#include <osreldate.h>
#define KESTREL_VERSION		__Kestrel_release
#define KESTREL_OSRELDATE	__Kestrel_version
#endif
