/*
 * hazards_b3.c - port I/O with IOPL 0. With IOPL 0, ring 3 may touch a
 * port only if the TSS I/O permission bitmap allows it, and a bitmap left
 * zeroed inside the TSS limit allows everything (the OpenBSD/NetBSD i386
 * hole). Kestrel's TSS puts the bitmap offset past the limit: no port is
 * ever allowed. Each form of port access (in/out with an immediate or %dx,
 * byte, word and dword, ins/outs, rep ins) on ports that matter (keyboard,
 * PIC, CMOS, IDE, PCI config, serial, the emulator's exit port, the top
 * port) must raise SIGSEGV at that instruction, and a sweep of the whole
 * port range must fault on every port tried. Had one out reached the PIC
 * or the exit port, the boot would end here (a failure too).
 */
#include "hazards_regs.h"

#define PORT(name, setup, insn)						\
	".globl " name ", " name "_at\n" name ":\n"			\
	"	pushl %esi\n	pushl %edi\n"				\
	"	movl $port_buf, %esi\n	movl $port_buf, %edi\n"		\
	"	movl $1, %ecx\n" setup "\n"				\
	name "_at:\n" insn "\n"						\
	"	popl %edi\n	popl %esi\n	ret\n"

char	port_buf[16];

__asm__(".text\n"
	PORT("in_imm_60", "", "	inb $0x60, %al")
	PORT("out_imm_20", "	movb $0x11, %al", "	outb %al, $0x20")
	PORT("out_imm_70", "", "	outb %al, $0x70")
	PORT("inw_dx_1f0", "	movw $0x1f0, %dx", "	inw %dx, %ax")
	PORT("outl_dx_cf8", "	movw $0xcf8, %dx", "	outl %eax, %dx")
	PORT("insb_dx_3f8", "	movw $0x3f8, %dx", "	insb")
	PORT("outsb_dx_f4", "	movw $0xf4, %dx", "	outsb")
	PORT("inb_dx_ffff", "	movw $0xffff, %dx", "	inb %dx, %al")
	PORT("rep_insw_dx_1f0", "	movw $0x1f0, %dx", "	rep insw")
	".globl port_in_dx\nport_in_dx:\n"
	"	movl 4(%esp), %edx\n"
	"	inb %dx, %al\n"
	"	ret\n");

void	in_imm_60(void), out_imm_20(void), out_imm_70(void), inw_dx_1f0(void);
void	outl_dx_cf8(void), insb_dx_3f8(void), outsb_dx_f4(void);
void	inb_dx_ffff(void), rep_insw_dx_1f0(void), port_in_dx(int);
extern const char in_imm_60_at[], out_imm_20_at[], out_imm_70_at[];
extern const char inw_dx_1f0_at[], outl_dx_cf8_at[], insb_dx_3f8_at[];
extern const char outsb_dx_f4_at[], inb_dx_ffff_at[], rep_insw_dx_1f0_at[];

static const struct access {
	const char	*name;
	void		(*fn)(void);
	const char	*at;		/* the port instruction */
	int		len;
} accesses[] = {
	{ "in_imm_60", in_imm_60, in_imm_60_at, 2 },
	{ "out_imm_20", out_imm_20, out_imm_20_at, 2 },
	{ "out_imm_70", out_imm_70, out_imm_70_at, 2 },
	{ "inw_dx_1f0", inw_dx_1f0, inw_dx_1f0_at, 2 },
	{ "outl_dx_cf8", outl_dx_cf8, outl_dx_cf8_at, 1 },
	{ "insb_dx_3f8", insb_dx_3f8, insb_dx_3f8_at, 1 },
	{ "outsb_dx_f4", outsb_dx_f4, outsb_dx_f4_at, 1 },
	{ "inb_dx_ffff", inb_dx_ffff, inb_dx_ffff_at, 1 },
	{ "rep_insw_dx_1f0", rep_insw_dx_1f0, rep_insw_dx_1f0_at, 3 },
};
static const struct access *acc;
static volatile uint32_t fault_eip;

static void
on_segv(int sig, siginfo_t *si, void *ctx)
{
	mcontext_t *mc = &((ucontext_t *)ctx)->uc_mcontext;

	(void)sig, (void)si;
	hz_segvs++;
	fault_eip = mc->mc_eip;
	mc->mc_eip += hz_skip;
}

static int
access_body(void)
{
	hz_handler(SIGSEGV, on_segv);
	hz_skip = acc->len;
	acc->fn();
	if (hz_segvs != 1)
		return 2;
	return fault_eip == (uint32_t)acc->at ? 0 : 3;
}

HZ_CASE(test_access)
{
	pid_t pid = hz_child(access_body);

	PT_EXITS(pid, 0);
	return 0;
}

/* in %dx,%al on every 97th port and the last: one SIGSEGV each. */
static int
sweep_body(void)
{
	int port = 0, n = 0;

	hz_handler(SIGSEGV, on_segv);
	hz_skip = 1;
	for (;;) {
		port_in_dx(port);
		if (hz_segvs != ++n)
			return 2;
		if (port == 0xffff)
			return n > 600 ? 0 : 3;
		port = port + 97 > 0xffff ? 0xffff : port + 97;
	}
}

HZ_CASE(test_sweep)
{
	pid_t pid = hz_child(sweep_body);

	PT_EXITS(pid, 0);
	return 0;
}

int
main(void)
{
	unsigned i;

	kt_suite("hazards_b3");
	for (i = 0; i < HZ_NELEM(accesses); i++) {
		acc = &accesses[i];
		kt_run(acc->name, test_access);
	}
	kt_run("sweep", test_sweep);
	return kt_finish();
}
