/*
 * panic.c - the kernel's last words. panic() prints the reason; panic_trap()
 * also prints the trap frame (general and segment registers, EFLAGS decoded,
 * the control and debug registers) and both end with a frame-pointer
 * backtrace whose addresses are named from the kernel's symbol table. Then
 * the machine halts, or, with the kernel option "test", ends the emulator with
 * KEXIT_PANIC so a test harness sees the failure at once.
 */
#include <stdarg.h>
#include <stdint.h>
#include "kernel/kprintf.h"
#include "kernel/i386/frame.h"
#include "kernel/ksyms.h"
#include "kernel/i386/layout.h"
#include "kernel/i386/machine.h"
#include "kernel/cmdline.h"
#include "kernel/i386/trap.h"
#include "kernel/i386/x86.h"

#define MAX_FRAMES	24

static int panicking;

/* A frame pointer we can follow without faulting: kernel memory, aligned. */
static inline int
frame_ok(uint32_t ebp)
{
	return ebp >= KERNBASE && ebp < KERNBASE + PHYS_MAX - 8 &&
	    (ebp & 3) == 0;
}

static void
print_symbol(uint32_t addr)
{
	uint32_t off;
	const char *name = ksym_lookup(addr, &off);

	if (name != NULL)
		kprintf("  %08x  %s+0x%x\n", addr, name, off);
	else
		kprintf("  %08x  ?\n", addr);
}

/*
 * The code at eip, then every caller: each frame holds the caller's frame
 * pointer at ebp[0] and the return address into the caller at ebp[1].
 */
static void
backtrace(uint32_t eip, uint32_t ebp)
{
	kprintf("backtrace:\n");
	print_symbol(eip);
	/* LAB backtrace: BEGIN stub:
	 *	kprintf("  (no frame walk yet)\n");
	 *	(void)ebp;
	 */
	for (int n = 0; n < MAX_FRAMES && frame_ok(ebp); n++) {
		uint32_t *fp = (uint32_t *)ebp;

		if (fp[1] == 0)
			break;
		print_symbol(fp[1]);
		ebp = fp[0];
	}
	/* LAB backtrace: END */
}

static void
print_eflags(uint32_t ef)
{
	static const struct { uint32_t bit; const char *name; } flags[] = {
		{ PSL_C, "CF" }, { PSL_PF, "PF" }, { PSL_AF, "AF" },
		{ PSL_Z, "ZF" }, { PSL_N, "SF" }, { PSL_T, "TF" },
		{ PSL_I, "IF" }, { PSL_D, "DF" }, { PSL_V, "OF" },
		{ PSL_NT, "NT" }, { PSL_RF, "RF" }, { PSL_VM, "VM" },
		{ PSL_AC, "AC" }, { PSL_VIF, "VIF" }, { PSL_VIP, "VIP" },
		{ PSL_ID, "ID" },
	};
	unsigned i;

	kprintf("eflags %08x [", ef);
	for (i = 0; i < sizeof(flags) / sizeof(flags[0]); i++)
		if (ef & flags[i].bit)
			kprintf(" %s", flags[i].name);
	kprintf(" IOPL=%u ]\n", (ef & PSL_IOPL) >> 12);
}

static void
dump_frame(const struct trapframe *tf)
{
	int user = TRAPF_USERMODE(tf);

	kprintf("trap %u (%s), error code %#x, from %s mode\n", tf->tf_trapno,
	    trap_name(tf->tf_trapno), tf->tf_err, user ? "user" : "kernel");
	kprintf("eax %08x  ebx %08x  ecx %08x  edx %08x\n", tf->tf_eax,
	    tf->tf_ebx, tf->tf_ecx, tf->tf_edx);
	kprintf("esi %08x  edi %08x  ebp %08x  esp %08x\n", tf->tf_esi,
	    tf->tf_edi, tf->tf_ebp,
	    user ? tf->tf_esp : (uint32_t)&tf->tf_esp);
	kprintf("eip %08x  cs %04x  ds %04x  es %04x  fs %04x  gs %04x  ss %04x\n",
	    tf->tf_eip, tf->tf_cs & 0xffff, tf->tf_ds & 0xffff,
	    tf->tf_es & 0xffff, tf->tf_fs & 0xffff, tf->tf_gs & 0xffff,
	    user ? tf->tf_ss & 0xffff : KDATA_SEL);
	print_eflags(tf->tf_eflags);
}

static void
dump_control_registers(void)
{
	kprintf("cr0 %08x  cr2 %08x  cr3 %08x  cr4 %08x\n", rcr0(), rcr2(),
	    rcr3(), rcr4());
	kprintf("dr6 %08x  dr7 %08x\n", rdr6(), rdr7());
}

static void __attribute__((noreturn))
finish(void)
{
	if (kopt("test") != NULL)
		machine_poweroff(KEXIT_PANIC);
	kprintf("System halted.\n");
	machine_halt();
}

/* Stop everything else and print the reason. */
static void
begin(const char *fmt, va_list ap)
{
	disable_intr();
	if (panicking++) {
		kprintf("\npanic while panicking\n");
		finish();
	}
	kprintf("\npanic: ");
	vkprintf(fmt, ap);
	kprintf("\n");
}

void
panic(const char *fmt, ...)
{
	va_list ap;
	uint32_t ebp;

	va_start(ap, fmt);
	begin(fmt, ap);
	va_end(ap);
	dump_control_registers();
	__asm__ volatile("mov %%ebp, %0" : "=r"(ebp));
	backtrace((uint32_t)__builtin_return_address(0), ((uint32_t *)ebp)[0]);
	finish();
}

void
panic_trap(struct trapframe *tf, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	begin(fmt, ap);
	va_end(ap);
	dump_frame(tf);
	dump_control_registers();
	backtrace(tf->tf_eip, tf->tf_ebp);
	finish();
}
