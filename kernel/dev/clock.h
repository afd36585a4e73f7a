/*
 * clock.h - the PIT tick and the time stamp counter.
 */
#ifndef KERNEL_DEV_CLOCK_H
#define KERNEL_DEV_CLOCK_H

#include <stdint.h>

extern volatile uint32_t ticks;	/* timer interrupts since boot */
extern int hz;			/* ticks per second (kernel option hz=) */
extern uint64_t tsc_freq;	/* TSC ticks per second, measured against the PIT */

void		clock_init(void);
uint64_t	clock_uptime_ns(void);
uint64_t	clock_ticks64(void);
uint32_t	clock_ns_to_ticks(uint64_t ns);

#endif
