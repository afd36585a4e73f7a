/*
 * tsc_ns.h - TSC counts as nanoseconds (kernel/dev/tsc_ns.c).
 */
#ifndef KERNEL_DEV_TSC_NS_H
#define KERNEL_DEV_TSC_NS_H

#include <stdint.h>

/* floor(d * 10^9 / freq), exact for freq from 1 Hz to 18 PHz. */
uint64_t	tsc_ns(uint64_t d, uint64_t freq);

#endif
