/*
 * x86.h - one-line wrappers around the i386 instructions C cannot express:
 * port I/O, control and debug registers, descriptor tables, interrupts, TSC.
 */
#ifndef KERNEL_I386_X86_H
#define KERNEL_I386_X86_H

#include <stdint.h>

static inline uint8_t
inb(uint16_t port)
{
	uint8_t v;
	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline void
outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline void
outw(uint16_t port, uint16_t v)
{
	__asm__ volatile("outw %0, %1" : : "a"(v), "Nd"(port));
}

static inline void
outl(uint16_t port, uint32_t v)
{
	__asm__ volatile("outl %0, %1" : : "a"(v), "Nd"(port));
}

#define DEFINE_CR(n)							\
static inline uint32_t rcr##n(void)					\
{ uint32_t v; __asm__ volatile("mov %%cr" #n ", %0" : "=r"(v)); return v; } \
static inline void lcr##n(uint32_t v)					\
{ __asm__ volatile("mov %0, %%cr" #n : : "r"(v) : "memory"); }
DEFINE_CR(0)
DEFINE_CR(2)
DEFINE_CR(4)
#undef DEFINE_CR

/*
 * CR3 loads are counted (vm/pmap.c owns the counter; kinfo KINFO_CR3WRITES
 * and `make bench` report it): under an emulator each one flushes the
 * whole software TLB, the dearest single event of a context switch.
 */
extern uint32_t cr3_writes;

static inline uint32_t
rcr3(void)
{
	uint32_t v;
	__asm__ volatile("mov %%cr3, %0" : "=r"(v));
	return v;
}

static inline void
lcr3(uint32_t v)
{
	cr3_writes++;
	__asm__ volatile("mov %0, %%cr3" : : "r"(v) : "memory");
}

#define DEFINE_DR(n)							\
static inline uint32_t rdr##n(void)					\
{ uint32_t v; __asm__ volatile("mov %%db" #n ", %0" : "=r"(v)); return v; } \
static inline void ldr##n(uint32_t v)					\
{ __asm__ volatile("mov %0, %%db" #n : : "r"(v)); }
DEFINE_DR(0)
DEFINE_DR(1)
DEFINE_DR(2)
DEFINE_DR(3)
DEFINE_DR(6)
DEFINE_DR(7)
#undef DEFINE_DR

static inline void
invlpg(uint32_t va)
{
	__asm__ volatile("invlpg (%0)" : : "r"(va) : "memory");
}

static inline uint32_t
read_eflags(void)
{
	uint32_t v;
	__asm__ volatile("pushfl; popl %0" : "=r"(v));
	return v;
}

static inline void
write_eflags(uint32_t v)
{
	__asm__ volatile("pushl %0; popfl" : : "r"(v) : "memory", "cc");
}

/* cli and sti, by FreeBSD's names, which machine-independent code uses too. */
static inline void disable_intr(void) { __asm__ volatile("cli" ::: "memory"); }
static inline void enable_intr(void) { __asm__ volatile("sti" ::: "memory"); }
static inline void hlt(void) { __asm__ volatile("hlt" ::: "memory"); }

/* Disable interrupts and return the previous EFLAGS for intr_restore(). */
static inline uint32_t
intr_disable(void)
{
	uint32_t ef = read_eflags();
	disable_intr();
	return ef;
}

static inline void
intr_restore(uint32_t ef)
{
	write_eflags(ef);
}

static inline uint64_t
rdtsc(void)
{
	uint64_t v;
	__asm__ volatile("rdtsc" : "=A"(v));
	return v;
}

static inline void
cpuid(uint32_t leaf, uint32_t *a, uint32_t *b, uint32_t *c, uint32_t *d)
{
	__asm__ volatile("cpuid" : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d)
	    : "a"(leaf), "c"(0));
}

static inline void
wrmsr(uint32_t msr, uint64_t v)
{
	__asm__ volatile("wrmsr" : : "c"(msr), "A"(v));
}

struct pseudo_desc {
	uint16_t limit;
	uint32_t base;
} __attribute__((packed));

static inline void
lgdt(const struct pseudo_desc *pd)
{
	__asm__ volatile("lgdt (%0)" : : "r"(pd) : "memory");
}

static inline void
lidt(const struct pseudo_desc *pd)
{
	__asm__ volatile("lidt (%0)" : : "r"(pd) : "memory");
}

static inline void
ltr(uint16_t sel)
{
	__asm__ volatile("ltr %0" : : "r"(sel));
}

#define PSL_C		0x00000001	/* carry */
#define PSL_PF		0x00000004	/* parity */
#define PSL_AF		0x00000010	/* auxiliary carry */
#define PSL_Z		0x00000040	/* zero */
#define PSL_N		0x00000080	/* sign */
#define PSL_T		0x00000100	/* trap (single step) */
#define PSL_I		0x00000200	/* interrupt enable */
#define PSL_D		0x00000400	/* direction */
#define PSL_V		0x00000800	/* overflow */
#define PSL_IOPL	0x00003000	/* I/O privilege level */
#define PSL_NT		0x00004000	/* nested task */
#define PSL_RF		0x00010000	/* resume */
#define PSL_VM		0x00020000	/* virtual 8086 */
#define PSL_AC		0x00040000	/* alignment check */
#define PSL_VIF		0x00080000	/* virtual interrupt enable */
#define PSL_VIP		0x00100000	/* virtual interrupt pending */
#define PSL_ID		0x00200000	/* CPUID available */
#define PSL_RESERVED_1	0x00000002	/* always 1 */

#endif
