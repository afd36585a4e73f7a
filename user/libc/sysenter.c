/*
 * sysenter.c - how libc chooses its way into the kernel. int $0x80 always
 * works; SYSENTER is quicker under an emulator and on real CPUs alike, and
 * is used when the aux vector says the kernel takes it (AT_KSYSENTER: it
 * has set the SYSENTER MSRs) and CPUID says the processor has SEP. crt0
 * calls __sysenter_init before main; __syscall (syscall_impl.h) and
 * __syscall6 then enter with the sequence kernel/i386/sysenter.c describes.
 */
#include <stddef.h>
#include <stdint.h>
#include <sys/auxv.h>
#include "syscall_impl.h"

#define PSL_ID		0x00200000
#define CPUID_SEP	(1u << 11)

int	__sysenter_ok;

static uint32_t
eflags_toggle_id(void)
{
	uint32_t before, after;

	__asm__ volatile("pushfl; popl %0; movl %0, %1; xorl %2, %1;"
	    "pushl %1; popfl; pushfl; popl %1; pushl %0; popfl"
	    : "=&r"(before), "=&r"(after) : "i"(PSL_ID) : "cc");
	return (before ^ after) & PSL_ID;
}

/* CPUID's SEP bit, but not on the first Pentium Pro steppings (Intel SDM). */
static int
cpu_has_sep(void)
{
	uint32_t a, b, c, d;

	if (!eflags_toggle_id())
		return 0;		/* a 486 without CPUID */
	__asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d)
	    : "a"(0), "c"(0));
	if (a < 1)
		return 0;
	__asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d)
	    : "a"(1), "c"(0));
	if (((a >> 8) & 0xf) == 6 && ((a >> 4) & 0xf) < 3 && (a & 0xf) < 3)
		return 0;
	return (d & CPUID_SEP) != 0;
}

/* envp: the environment block exec built; the aux vector follows its NULL. */
void
__sysenter_init(char **envp)
{
	const uint32_t *aux;
	int kernel = 0;

	while (*envp != NULL)
		envp++;
	for (aux = (const uint32_t *)(envp + 1); aux[0] != AT_NULL; aux += 2)
		if (aux[0] == AT_KSYSENTER && aux[1] != 0)
			kernel = 1;
	__sysenter_ok = kernel && cpu_has_sep();
}
