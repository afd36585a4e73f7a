/* version.h - the release the boot banner names (<osreldate.h> for programs). */
#ifndef KERNEL_VERSION_H
#define KERNEL_VERSION_H
#include <osreldate.h>
#define KESTREL_VERSION	__Kestrel_release
#endif
