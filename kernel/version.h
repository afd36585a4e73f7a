/* version.h - the release the boot banner names. */
#ifndef KERNEL_VERSION_H
#define KERNEL_VERSION_H
#define KESTREL_VERSION	"0.1"
#endif
