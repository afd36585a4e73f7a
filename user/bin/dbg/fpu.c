/*
 * fpu.c - info float: the x87 register stack as gdb shows it, and the SSE
 * registers where the CPU has them.
 *
 * PT_GETFPREGS gives the FNSAVE image: control, status and tag words, the
 * last instruction and operand pointers, and st(0)..st(7) in stack order.
 * gdb lists the physical registers R7..R0 instead, marking the top of the
 * stack with "=>"; physical register Rk is st((k - TOP) mod 8), TOP being
 * bits 11-13 of the status word, and its tag is bits 2k..2k+1 of the tag
 * word (00 valid, 01 zero, 10 special, 11 empty; SDM vol. 1, 8.1.7).
 * With FXSR, PT_GETXMMREGS adds MXCSR and xmm0..xmm7.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/kinfo.h>
#include <sys/ptrace.h>
#include "dbg.h"

static const char *const tag_names[4] = { "Valid", "Zero", "Special", "Empty" };

/* An 80-bit extended value as the nearest double (the x87 does the work). */
double
x87_to_double(const unsigned char ext[10])
{
	long double v;

	memset(&v, 0, sizeof(v));
	memcpy(&v, ext, 10);
	return (double)v;
}

static void
print_value(const unsigned char ext[10])
{
	int exp = (ext[9] & 0x7f) << 8 | ext[8];
	int neg = ext[9] & 0x80;
	uint64_t mant;

	memcpy(&mant, ext, 8);
	if (exp == 0x7fff) {
		if ((mant << 1) == 0)
			printf("%cInf", neg ? '-' : '+');
		else
			printf("%c%cNaN", neg ? '-' : '+',
			    (mant & (1ULL << 62)) ? 'Q' : 'S');
		return;
	}
	printf("%+.17g", x87_to_double(ext));
}

static void
print_stack(const struct fpreg *fp)
{
	int top = (fp->fpr_env[1] >> 11) & 7, k, i, tag;
	const unsigned char *ext;

	for (k = 7; k >= 0; k--) {
		ext = fp->fpr_acc[(k - top) & 7];
		tag = (fp->fpr_env[2] >> (2 * k)) & 3;
		printf("%sR%d: %-7s 0x", k == top ? "=>" : "  ", k,
		    tag_names[tag]);
		for (i = 9; i >= 0; i--)
			printf("%02x", ext[i]);
		if (tag != 3) {
			printf(" ");
			print_value(ext);
		}
		printf("\n");
	}
}

/* " IE PE ..." for the set bits that have names; "" if none. */
static const char *
bit_names(uint32_t v, const char *const names[], int n)
{
	static char buf[80];
	size_t len = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < n; i++)
		if ((v & (1U << i)) && names[i] != NULL)
			len += snprintf(buf + len, sizeof(buf) - len, " %s",
			    names[i]);
	return buf;
}

/* "Status Word:         0x3820   PE": the value, then the set bits. */
static void
print_word(const char *label, uint32_t v, const char *const names[], int n)
{
	const char *bits = bit_names(v, names, n);

	printf("%-21s0x%04x%s%s\n", label, (unsigned)v, bits[0] ? "  " : "",
	    bits);
}

static void
print_words(const struct fpreg *fp)
{
	static const char *const sw_bits[16] = {
		"IE", "DE", "ZE", "OE", "UE", "PE", "SF", "ES", "C0", "C1",
		"C2", NULL, NULL, NULL, "C3", "B",
	};
	static const char *const cw_bits[6] = {
		"IM", "DM", "ZM", "OM", "UM", "PM",
	};
	static const char *const pc_names[4] = {
		"Single Precision (24-bits)", "Reserved",
		"Double Precision (53-bits)", "Extended Precision (64-bits)",
	};
	static const char *const rc_names[4] = {
		"Round to nearest", "Round down", "Round up", "Round toward zero",
	};
	uint32_t sw = fp->fpr_env[1] & 0xffff, cw = fp->fpr_env[0] & 0xffff;

	printf("\n");
	print_word("Status Word:", sw, sw_bits, 16);
	printf("                       TOP: %u\n", (unsigned)(sw >> 11) & 7);
	print_word("Control Word:", cw, cw_bits, 6);
	printf("                       PC: %s\n", pc_names[(cw >> 8) & 3]);
	printf("                       RC: %s\n", rc_names[(cw >> 10) & 3]);
	printf("Tag Word:            0x%04x\n",
	    (unsigned)(fp->fpr_env[2] & 0xffff));
	printf("Instruction Pointer: 0x%02x:0x%08x\n",
	    (unsigned)(fp->fpr_env[4] & 0xffff), (unsigned)fp->fpr_env[3]);
	printf("Operand Pointer:     0x%02x:0x%08x\n",
	    (unsigned)(fp->fpr_env[6] & 0xffff), (unsigned)fp->fpr_env[5]);
	printf("Opcode:              0x%04x\n",
	    (unsigned)(fp->fpr_env[4] >> 16) & 0x7ff);
}

static void
print_sse(struct dbg *d)
{
	static const char *const mx_bits[16] = {
		"IE", "DE", "ZE", "OE", "UE", "PE", "DAZ", "IM", "DM", "ZM",
		"OM", "UM", "PM", NULL, NULL, "FZ",
	};
	struct xmmreg x;
	char hex[16];
	int i;

	if (!(kinfo(KINFO_CPUFEATURES) & KCPU_SSE) ||
	    ptrace(PT_GETXMMREGS, dbg_lwp(d), (caddr_t)&x, 0) != 0)
		return;
	snprintf(hex, sizeof(hex), "0x%x", (unsigned)x.xmm_env[6]);
	printf("\n%-15s%-19s[%s ]\n", "mxcsr", hex,
	    bit_names(x.xmm_env[6], mx_bits, 16));
	for (i = 0; i < 8; i++) {
		printf("xmm%-12d", i);
		print_vector(d, x.xmm_reg[i], 0);
		printf("\n");
	}
}

void
cmd_info_float(struct dbg *d, char *a)
{
	struct fpreg fp;

	(void)a;
	if (d->pid == 0) {
		printf("The program has no registers now.\n");
		return;
	}
	if (ptrace(PT_GETFPREGS, dbg_lwp(d), (caddr_t)&fp, 0) != 0) {
		printf("Couldn't get floating point status: %s.\n",
		    strerror(errno));
		return;
	}
	print_stack(&fp);
	print_words(&fp);
	print_sse(d);
}
