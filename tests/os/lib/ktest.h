/*
 * ktest.h - the in-OS test harness. A test program (tests/os/NAME.c, run by
 * tools/testdriver.py as the job of a fresh boot) names its suite, runs its
 * cases and exits with kt_finish():
 *
 *	int main(void) {
 *		kt_suite("proc");
 *		kt_run("fork_exit", test_fork_exit);
 *		return kt_finish();
 *	}
 *
 * Each case runs in its own forked child (so a crash or a hang is that
 * case's failure only) under a watchdog, and must return 0 to pass; KT_CHECK
 * fails it with a message. After the case the harness checks that the free
 * page count is back where it was, so every case is also a leak test
 * (kt_run_no_leak_check for the few that legitimately keep memory).
 *
 * Output, one line per case: "TEST suite.case PASS", "... FAIL: why" or
 * "... SKIP: why". The kernel option cases=a,b runs only the cases named
 * (tools/testdriver.py --test suite.a).
 */
#ifndef KTEST_H
#define KTEST_H

#include <stdarg.h>
#include <sys/types.h>

#define KT_SKIPPED	77	/* a case's exit status meaning "skipped" */

void	kt_suite(const char *name);
void	kt_run(const char *name, int (*fn)(void));
void	kt_run_no_leak_check(const char *name, int (*fn)(void));
void	kt_set_timeout(unsigned seconds);	/* per case; default 30 */
int	kt_finish(void);

/* Inside a case. */
void	kt_fail(const char *file, int line, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
void	kt_skip(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
void	kt_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#define KT_CHECK(cond, ...)						\
	do {								\
		if (!(cond)) {						\
			kt_fail(__FILE__, __LINE__, __VA_ARGS__);	\
			return 1;					\
		}							\
	} while (0)

/* Helpers many suites need. */
int	kt_free_pages(void);
struct kinfo_proc;
int	kt_kinfo(pid_t pid, struct kinfo_proc *kp);	/* sysctl kern.proc.pid: 0 or -1 */
int	kt_wait_status(pid_t pid, int *status);	/* waitpid, retrying on EINTR */
pid_t	kt_spawn(const char *path, char *const argv[]);	/* fork + execv */
int	kt_await_nprocs(int n);	/* 1 once the kernel counts n processes (~3 s) */
int	kt_is_bochs(void);	/* running under Bochs (kernel option emu=bochs) */
int	kt_has(int kcpu_bit);	/* CPU feature (KCPU_*) present */

#endif
