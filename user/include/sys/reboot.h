/* sys/reboot.h - arguments to reboot(2). */
#ifndef _SYS_REBOOT_H_
#define _SYS_REBOOT_H_

#define RB_AUTOBOOT	0x0000	/* reset the machine */
#define RB_HALT		0x0008	/* halt */
#define RB_POWEROFF	0x4000	/* power off (ends QEMU / Bochs) */
/* Kestrel: with RB_POWEROFF, bits 16-23 carry an exit code for the emulator. */
#define RB_EXITCODE(c)	(((c) & 0xff) << 16)

#ifndef _KERNEL
int	reboot(int howto);
#endif

#endif
