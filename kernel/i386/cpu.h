/*
 * cpu.h - what CPUID says this processor has (the features the debugging
 * subsystem cares about are printed in the boot banner).
 */
#ifndef KERNEL_I386_CPU_H
#define KERNEL_I386_CPU_H

#include <stdint.h>
#include <sys/kinfo.h>

extern uint32_t cpu_features;	/* KCPU_* bits */
extern char cpu_vendor[13];

void	cpu_identify(void);

#endif
