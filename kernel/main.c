/*
 * main.c - kmain(), where the kernel starts after boot/multiboot.asm has
 * turned paging on. The order matters: the console first (so anything that
 * goes wrong can be reported), then descriptor tables (so a fault reaches
 * panic), the boot information (before its memory is reused), physical
 * memory and the real page tables, the CPU's FPU and debug features, the
 * interrupt sources, and finally the first process.
 */
#include <stdint.h>
#include <string.h>
#include "kernel/dev/clock.h"
#include "kernel/dev/rtc.h"
#include "kernel/cmdline.h"
#include "kernel/dev/console.h"
#include "kernel/i386/cpu.h"
#include "kernel/i386/dbreg.h"
#include "kernel/fs/devfs.h"
#include "kernel/i386/fpu.h"
#include "kernel/fs/initrd.h"
#include "kernel/fs/vfs.h"
#include "kernel/kprintf.h"
#include "kernel/i386/machine.h"
#include "kernel/multiboot.h"
#include "kernel/i386/selftest.h"
#include "kernel/i386/segments.h"
#include "kernel/i386/sysenter.h"
#include "kernel/i386/trap.h"
#include "kernel/fs/tty.h"
#include "kernel/version.h"
#include "kernel/i386/x86.h"
#include "proc/proc.h"
#include "vm/vm.h"

struct cmdline kernel_cmdline;

void	kmain(uint32_t magic, uint32_t info_pa);

static void
banner(void)
{
	static const struct { uint32_t bit; const char *name; } feats[] = {
		{ KCPU_FPU, "FPU" }, { KCPU_FXSR, "FXSR" }, { KCPU_SSE, "SSE" },
		{ KCPU_SSE2, "SSE2" }, { KCPU_DE, "DE" }, { KCPU_PSE, "PSE" },
		{ KCPU_TSC, "TSC" },
	};
	unsigned i;

	kprintf("Kestrel %s (i386), a teaching kernel with a real ptrace\n",
	    KESTREL_VERSION);
	kprintf("cpu: %s, features:", cpu_vendor);
	for (i = 0; i < sizeof(feats) / sizeof(feats[0]); i++)
		if (cpu_features & feats[i].bit)
			kprintf(" %s", feats[i].name);
	kprintf("\nfpu: %s switching, %s format", fpu_lazy ? "lazy" : "eager",
	    fpu_has_fxsr ? "FXSAVE" : "FNSAVE");
	if (fpu_has_fxsr)
		kprintf(", MXCSR mask %#x", fpu_mxcsr_mask);
	kprintf("\nmemory: %u KiB, %u pages managed, %u pages free\n",
	    (unsigned)(boot_info.ram_bytes / 1024), vm_page_total(),
	    vm_page_free_count());
	kprintf("clock: %d Hz, TSC %u kHz\n", hz, (unsigned)(tsc_freq / 1000));
}

static void
mount_root(void)
{
	int i;

	for (i = 0; i < boot_info.nmods; i++) {
		const struct boot_module *m = &boot_info.mods[i];

		if (initrd_init(PHYS_TO_KVA(m->start), m->end - m->start) == 0) {
			kprintf("initrd: %u KiB, %d entries\n",
			    (m->end - m->start) / 1024, initrd_count());
			if (tmpfs_mount() != 0)
				panic("no memory for /tmp");
			return;
		}
	}
	panic("no initrd: boot with the initrd as a Multiboot module "
	    "(QEMU: -initrd build/initrd.tar)");
}

void
kmain(uint32_t magic, uint32_t info_pa)
{
	cons_init();
	gdt_init();
	idt_init();
	if (multiboot_parse(magic, info_pa) != 0)
		panic("not started by a Multiboot loader (magic %#x)", magic);
	cmdline_parse(&kernel_cmdline, boot_info.cmdline);
	vm_page_init();
	pmap_bootstrap();
	cpu_identify();
	fpu_init();
	dbreg_init();
	sysenter_init();
	pic_init();
	clock_init();
	rtc_init();
	tty_init(&console_tty);
	kbd_init();
	irq_register(1, kbd_intr);
	irq_register(COM1_IRQ, serial_intr_com1);
	serial_enable_rx_intr(COM1_PORT);
	comdev_init();
	sched_init();
	banner();
	enable_intr();

	if (kopt("selftest") != NULL)
		selftest_run();
	if (kopt("crash") != NULL)
		selftest_crash(kopt("crash"));
	mount_root();
	start_init();
	idle_loop();
}
