/*
 * threads.c - thread benchmarks: pthread_create + pthread_join of a thread
 * that returns at once, a contended mutex handed back and forth between two
 * threads, and a sem_post/sem_wait round trip between two threads (the
 * threads' version of the pipe round trip: no address-space switch).
 */
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include "bench.h"

static void *
nothing(void *arg)
{
	return arg;
}

static void
create_join(void)
{
	const int n = 300;
	uint64_t t0, t1;
	pthread_t t;
	int i;

	pthread_create(&t, NULL, nothing, NULL);	/* the first maps a stack */
	pthread_join(t, NULL);
	t0 = rdtsc();
	for (i = 0; i < n; i++) {
		pthread_create(&t, NULL, nothing, NULL);
		pthread_join(t, NULL);
	}
	t1 = rdtsc();
	bench_report("thread_create_join", t1 - t0, n, "ticks/op");
}

#define HANDOFFS	2000

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static sem_t ping, pong;

/*
 * Each side holds the mutex across a sched_yield, so the other, running
 * then, always finds it taken and sleeps on it in the kernel; the unlock
 * wakes it and the next yield lets it take the mutex. One iteration of
 * one side is one handoff: a contended lock, an unlock that wakes, two
 * yields.
 */
static void *
mutex_side(void *arg)
{
	int i;

	for (i = 0; i < HANDOFFS; i++) {
		pthread_mutex_lock(&m);
		sched_yield();
		pthread_mutex_unlock(&m);
		sched_yield();
	}
	return arg;
}

static void
mutex_handoff(void)
{
	uint64_t t0, t1;
	pthread_t t;

	pthread_create(&t, NULL, mutex_side, NULL);
	t0 = rdtsc();
	mutex_side(NULL);
	pthread_join(t, NULL);
	t1 = rdtsc();
	bench_report("mutex_handoff", t1 - t0, 2 * HANDOFFS, "ticks/op");
}

static void *
ponger(void *arg)
{
	int i;

	for (i = 0; i < HANDOFFS; i++) {
		sem_wait(&ping);
		sem_post(&pong);
	}
	return arg;
}

static void
sem_round_trip(void)
{
	uint64_t t0, t1;
	pthread_t t;
	int i;

	sem_init(&ping, 0, 0);
	sem_init(&pong, 0, 0);
	pthread_create(&t, NULL, ponger, NULL);
	t0 = rdtsc();
	for (i = 0; i < HANDOFFS; i++) {
		sem_post(&ping);
		sem_wait(&pong);
	}
	t1 = rdtsc();
	pthread_join(t, NULL);
	bench_report("sem_round_trip", t1 - t0, HANDOFFS, "ticks/op");
}

void
bench_threads(void)
{
	create_join();
	mutex_handoff();
	sem_round_trip();
}
