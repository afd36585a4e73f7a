/*
 * machine.h - ending the machine: power off (which ends QEMU or Bochs with an
 * exit code when they were started for tests) and halt.
 */
#ifndef KERNEL_I386_MACHINE_H
#define KERNEL_I386_MACHINE_H

/*
 * Codes written to QEMU's isa-debug-exit port; QEMU exits with 2 * code + 1.
 * A job's exit status N (tools/run_prog.py) is written as N itself.
 */
#define KEXIT_PANIC	0x7e

void	machine_poweroff(int code) __attribute__((noreturn));
void	machine_halt(void) __attribute__((noreturn));
void	machine_reset(void) __attribute__((noreturn));

#endif
