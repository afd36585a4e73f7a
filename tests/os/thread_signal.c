// RUN: qemu hz=1000
// RUN: qemu hz=1000 sysenter=0
/*
 * thread_signal.c - signals among threads, under preemption (a 1000 Hz
 * clock): pthread_kill reaching the thread named, a process-directed
 * signal going to a thread that does not block it (also when the sender
 * is the one that blocks it and the other sleeps), and a caught signal
 * ending sem_wait with EINTR.
 */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include "lib/ktest.h"

static volatile pthread_t handled_by;
static sem_t ready, done;

static void
record_thread(int sig)
{
	(void)sig;
	handled_by = pthread_self();
}

static void *
wait_for_signal(void *arg)
{
	(void)arg;
	sem_post(&ready);
	while (sem_wait(&done) == -1 && errno == EINTR)
		;
	return NULL;
}

/* pthread_kill reaches the thread named, not the caller nor a third. */
static int
test_pthread_kill(void)
{
	pthread_t a, b;

	signal(SIGUSR1, record_thread);
	sem_init(&ready, 0, 0);
	sem_init(&done, 0, 0);
	pthread_create(&a, NULL, wait_for_signal, NULL);
	pthread_create(&b, NULL, wait_for_signal, NULL);
	sem_wait(&ready);
	sem_wait(&ready);
	KT_CHECK(pthread_kill(b, SIGUSR1) == 0, "pthread_kill");
	KT_CHECK(pthread_kill(b, 999) == EINVAL, "bad signal");
	for (int i = 0; i < 100 && handled_by == NULL; i++)
		usleep(2000);
	KT_CHECK(handled_by == b, "handled by %p, not b %p (a %p, main %p)",
	    (void *)handled_by, (void *)b, (void *)a, (void *)pthread_self());
	sem_post(&done);
	sem_post(&done);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	KT_CHECK(pthread_kill(pthread_self(), 0) == 0, "self probe");
	return 0;
}

static void *
thread_unblocked(void *arg)
{
	sigset_t set;

	sigemptyset(&set);
	pthread_sigmask(SIG_SETMASK, &set, NULL);
	return wait_for_signal(arg);
}

/*
 * SIGUSR1 blocked here and caught (record_thread) in a new thread *t that
 * does not block it and waits on `done'. 0, or -1 if the mask was refused.
 */
static int
block_here_catch_there(pthread_t *t)
{
	sigset_t set;

	signal(SIGUSR1, record_thread);
	sem_init(&ready, 0, 0);
	sem_init(&done, 0, 0);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	if (pthread_sigmask(SIG_BLOCK, &set, NULL) != 0)
		return -1;
	pthread_create(t, NULL, thread_unblocked, NULL);
	sem_wait(&ready);
	return 0;
}

/* A signal to the process goes to a thread that does not block it. */
static int
test_process_signal(void)
{
	sigset_t set;
	pthread_t t;

	KT_CHECK(block_here_catch_there(&t) == 0, "block");
	sigemptyset(&set);
	KT_CHECK(pthread_sigmask(99, &set, NULL) == EINVAL, "bad how");
	kill(getpid(), SIGUSR1);
	for (int i = 0; i < 100 && handled_by == NULL; i++)
		usleep(2000);
	KT_CHECK(handled_by == t, "handled by %p, not the thread %p",
	    (void *)handled_by, (void *)t);
	sem_post(&done);
	pthread_join(t, NULL);
	return 0;
}

/* The same when the sender is the one thread that blocks it, the other asleep. */
static int
test_process_signal_wakes(void)
{
	sigset_t set;
	pthread_t t;

	KT_CHECK(block_here_catch_there(&t) == 0, "block");
	usleep(5000);		/* it sleeps in sem_wait now */
	raise(SIGUSR1);		/* to us, blocked: stays pending for us */
	kill(getpid(), SIGUSR1);
	for (int i = 0; i < 100 && handled_by == NULL; i++)
		usleep(2000);
	KT_CHECK(handled_by == t, "handled by %p, not the thread %p",
	    (void *)handled_by, (void *)t);
	sigpending(&set);
	KT_CHECK(sigismember(&set, SIGUSR1), "raise's instance not pending");
	sem_post(&done);
	pthread_join(t, NULL);
	return 0;
}

static void
nothing(int sig)
{
	(void)sig;
}

static void *
poke_later(void *arg)
{
	usleep(20000);
	pthread_kill((pthread_t)arg, SIGUSR2);
	return NULL;
}

/* A caught signal ends sem_wait with EINTR (POSIX), even with SA_RESTART. */
static int
test_sem_eintr(void)
{
	struct sigaction sa;
	pthread_t t;
	sem_t s;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = nothing;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGUSR2, &sa, NULL);
	sem_init(&s, 0, 0);
	pthread_create(&t, NULL, poke_later, pthread_self());
	KT_CHECK(sem_wait(&s) == -1 && errno == EINTR, "errno %d", errno);
	pthread_join(t, NULL);
	return 0;
}

int
main(void)
{
	kt_suite("thread_signal");
	kt_run("pthread_kill", test_pthread_kill);
	kt_run("process_signal", test_process_signal);
	kt_run("process_signal_wakes", test_process_signal_wakes);
	kt_run("sem_eintr", test_sem_eintr);
	return kt_finish();
}
