/*
 * cpu.c - CPU identification. A 486 may lack CPUID altogether (EFLAGS.ID
 * cannot be toggled); then only the FPU is assumed, as every CPU Kestrel
 * boots on has one built in.
 */
#include <string.h>
#include "kernel/i386/cpu.h"
#include "kernel/i386/x86.h"

#define CPUID_FPU	(1u << 0)
#define CPUID_DE	(1u << 2)
#define CPUID_PSE	(1u << 3)
#define CPUID_TSC	(1u << 4)
#define CPUID_SEP	(1u << 11)
#define CPUID_FXSR	(1u << 24)
#define CPUID_SSE	(1u << 25)
#define CPUID_SSE2	(1u << 26)

uint32_t cpu_features;
char cpu_vendor[13] = "unknown";

static int
has_cpuid(void)
{
	uint32_t before = read_eflags();

	write_eflags(before ^ PSL_ID);
	return ((read_eflags() ^ before) & PSL_ID) != 0;
}

void
cpu_identify(void)
{
	uint32_t a, b, c, d;

	if (!has_cpuid()) {
		cpu_features = KCPU_FPU;
		return;
	}
	cpuid(0, &a, &b, &c, &d);
	memcpy(cpu_vendor, &b, 4);
	memcpy(cpu_vendor + 4, &d, 4);
	memcpy(cpu_vendor + 8, &c, 4);
	cpu_vendor[12] = '\0';
	if (a < 1)
		return;
	cpuid(1, &a, &b, &c, &d);
	if (d & CPUID_FPU)
		cpu_features |= KCPU_FPU;
	if (d & CPUID_FXSR)
		cpu_features |= KCPU_FXSR;
	if (d & CPUID_SSE)
		cpu_features |= KCPU_SSE;
	if (d & CPUID_SSE2)
		cpu_features |= KCPU_SSE2;
	if (d & CPUID_DE)
		cpu_features |= KCPU_DE;
	if (d & CPUID_PSE)
		cpu_features |= KCPU_PSE;
	if (d & CPUID_TSC)
		cpu_features |= KCPU_TSC;
	/* SDM: the first Pentium Pro steppings set SEP without having it. */
	if ((d & CPUID_SEP) && !(((a >> 8) & 0xf) == 6 && ((a >> 4) & 0xf) < 3 &&
	    (a & 0xf) < 3))
		cpu_features |= KCPU_SEP;
}
