/*
 * selftest.h - kernel self-tests (kernel option "selftest"; "selftest=halt"
 * powers off afterwards) and deliberate crashes for testing panic()
 * (kernel option "crash=pf|ud|gp|df|panic").
 */
#ifndef KERNEL_I386_SELFTEST_H
#define KERNEL_I386_SELFTEST_H

void	selftest_run(void);
void	selftest_crash(const char *kind) __attribute__((noreturn));

#endif
