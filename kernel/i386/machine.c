/*
 * machine.c - power-off, halt and reset. Emulators give a test harness a way
 * out: QEMU's isa-debug-exit device (port 0xf4, when the launcher adds it)
 * exits with a chosen code, Bochs stops on the string "Shutdown" written to
 * port 0x8900, and QEMU's and Bochs' ACPI ports turn the machine off.
 */
#include "kernel/i386/machine.h"
#include "kernel/i386/x86.h"

#define QEMU_DEBUG_EXIT	0xf4
#define BOCHS_SHUTDOWN	0x8900
#define ACPI_PM1A_QEMU	0x604
#define ACPI_PM1A_BOCHS	0xb004
#define ACPI_SLP_EN	0x2000
#define KBC_STATUS	0x64
#define KBC_RESET	0xfe

void
machine_halt(void)
{
	for (;;) {
		disable_intr();
		hlt();
	}
}

void
machine_poweroff(int code)
{
	const char *s;

	disable_intr();
	outl(QEMU_DEBUG_EXIT, code);
	for (s = "Shutdown"; *s != '\0'; s++)
		outb(BOCHS_SHUTDOWN, *s);
	outw(ACPI_PM1A_QEMU, ACPI_SLP_EN);
	outw(ACPI_PM1A_BOCHS, ACPI_SLP_EN);
	machine_halt();
}

void
machine_reset(void)
{
	disable_intr();
	outb(KBC_STATUS, KBC_RESET);	/* pulse the CPU reset line */
	machine_halt();
}
