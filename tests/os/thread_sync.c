// RUN: qemu hz=1000
// RUN: qemu hz=1000 sysenter=0
/*
 * thread_sync.c - the pthread library under preemption (a 1000 Hz clock):
 * create/join/detach and their errors, attributes, a counter under a
 * mutex reaching N x M, the three mutex types, condition variables (a
 * bounded queue, timed waits), barriers, read-write locks, once, keys and
 * their destructors, and POSIX semaphores (a ping-pong, trywait,
 * timedwait, errors). Signals among threads: thread_signal.c.
 */
#include <errno.h>
#include <pthread.h>
#include <pthread_np.h>
#include <semaphore.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "lib/ktest.h"

#define NT	4		/* threads */
#define NM	3000		/* increments each */

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static volatile int counter;

static void *
add_many(void *arg)
{
	int i, v;
	volatile int j;

	(void)arg;
	for (i = 0; i < NM; i++) {
		pthread_mutex_lock(&lock);
		v = counter;
		for (j = 0; j < 20; j++)	/* widen the window for a preemption */
			;
		counter = v + 1;
		pthread_mutex_unlock(&lock);
	}
	return NULL;
}

static void *
ret_arg(void *arg)
{
	return arg;
}

/* Values come back through join; ids differ; join and detach errors. */
static int
test_create_join(void)
{
	pthread_t t[NT];
	void *r;
	int i;

	for (i = 0; i < NT; i++)
		KT_CHECK(pthread_create(&t[i], NULL, ret_arg, (void *)(i + 10)) ==
		    0, "create %d", i);
	for (i = 0; i < NT; i++) {
		KT_CHECK(!pthread_equal(t[i], pthread_self()), "equal to main");
		KT_CHECK(pthread_join(t[i], &r) == 0 && (int)r == i + 10,
		    "join %d: %d", i, (int)r);
	}
	KT_CHECK(pthread_join(pthread_self(), NULL) == EDEADLK, "self join");
	KT_CHECK(pthread_equal(pthread_self(), pthread_self()), "self");
	KT_CHECK(pthread_getthreadid_np() > 99999, "id %d",
	    pthread_getthreadid_np());
	return 0;
}

/* Many threads, created and joined in a loop: nothing leaks. */
static int
test_many(void)
{
	pthread_t t[24];
	int i, round;
	void *r;

	for (round = 0; round < 3; round++) {
		for (i = 0; i < 24; i++)
			KT_CHECK(pthread_create(&t[i], NULL, ret_arg, (void *)i) ==
			    0, "create %d: round %d", i, round);
		for (i = 0; i < 24; i++)
			KT_CHECK(pthread_join(t[i], &r) == 0 && (int)r == i,
			    "join %d", i);
	}
	return 0;
}

static volatile int detached_ran;

static void *
note_ran(void *arg)
{
	(void)arg;
	__atomic_fetch_add(&detached_ran, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

/* Detached threads (by attribute and by pthread_detach) clean up after themselves. */
static int
test_detach(void)
{
	pthread_attr_t a;
	pthread_t t;
	size_t sz;
	int i, st;

	pthread_attr_init(&a);
	KT_CHECK(pthread_attr_setstacksize(&a, 100) == EINVAL, "tiny stack");
	KT_CHECK(pthread_attr_setstacksize(&a, 65536) == 0 &&
	    pthread_attr_getstacksize(&a, &sz) == 0 && sz == 65536, "size");
	KT_CHECK(pthread_attr_setdetachstate(&a, 7) == EINVAL, "bad state");
	pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
	KT_CHECK(pthread_attr_getdetachstate(&a, &st) == 0 &&
	    st == PTHREAD_CREATE_DETACHED, "state %d", st);
	for (i = 0; i < 6; i++)
		KT_CHECK(pthread_create(&t, &a, note_ran, NULL) == 0, "create");
	KT_CHECK(pthread_join(t, NULL) == EINVAL, "join of a detached thread");
	KT_CHECK(pthread_create(&t, NULL, note_ran, NULL) == 0, "create");
	KT_CHECK(pthread_detach(t) == 0, "detach");
	for (i = 0; i < 100 && detached_ran < 7; i++)
		usleep(5000);
	KT_CHECK(detached_ran == 7, "%d ran", detached_ran);
	usleep(10000);
	KT_CHECK(pthread_create(&t, NULL, ret_arg, NULL) == 0 &&
	    pthread_join(t, NULL) == 0, "create after: reaps the detached");
	pthread_attr_destroy(&a);
	return 0;
}

/* NT threads add NM each under one mutex, preempted all along: NT x NM. */
static int
test_mutex_counter(void)
{
	pthread_t t[NT];
	int i;

	for (i = 0; i < NT; i++)
		pthread_create(&t[i], NULL, add_many, NULL);
	for (i = 0; i < NT; i++)
		pthread_join(t[i], NULL);
	KT_CHECK(counter == NT * NM, "counter %d, expected %d", counter,
	    NT * NM);
	return 0;
}

static pthread_mutex_t typed;

static void *
try_other(void *arg)
{
	(void)arg;
	return (void *)(pthread_mutex_trylock(&typed) * 1000 +
	    pthread_mutex_unlock(&typed));
}

static int
other_thread_result(void)
{
	pthread_t t;
	void *r;

	pthread_create(&t, NULL, try_other, NULL);
	pthread_join(t, &r);
	return (int)r;
}

/* ERRORCHECK (the default): EDEADLK, EPERM; RECURSIVE counts; NORMAL plain. */
static int
test_mutex_types(void)
{
	pthread_mutexattr_t a;
	int type;

	pthread_mutexattr_init(&a);
	KT_CHECK(pthread_mutexattr_gettype(&a, &type) == 0 &&
	    type == PTHREAD_MUTEX_ERRORCHECK, "default type %d", type);
	KT_CHECK(pthread_mutexattr_settype(&a, 99) == EINVAL, "bad type");
	pthread_mutex_init(&typed, &a);
	KT_CHECK(pthread_mutex_lock(&typed) == 0, "lock");
	KT_CHECK(pthread_mutex_lock(&typed) == EDEADLK, "relock");
	KT_CHECK(other_thread_result() == EBUSY * 1000 + EPERM,
	    "other thread: %d", other_thread_result());
	KT_CHECK(pthread_mutex_destroy(&typed) == EBUSY, "destroy held");
	KT_CHECK(pthread_mutex_unlock(&typed) == 0, "unlock");
	KT_CHECK(pthread_mutex_unlock(&typed) == EPERM, "unlock unheld");
	pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
	pthread_mutex_init(&typed, &a);
	KT_CHECK(pthread_mutex_lock(&typed) == 0 &&
	    pthread_mutex_lock(&typed) == 0 && pthread_mutex_trylock(&typed) ==
	    0, "recursive locks");
	KT_CHECK(pthread_mutex_unlock(&typed) == 0 &&
	    pthread_mutex_unlock(&typed) == 0, "two unlocks");
	KT_CHECK(other_thread_result() == EBUSY * 1000 + EPERM, "still held");
	KT_CHECK(pthread_mutex_unlock(&typed) == 0, "last unlock");
	KT_CHECK(other_thread_result() == 0, "free now: %d",
	    other_thread_result());
	pthread_mutexattr_settype(&a, PTHREAD_MUTEX_NORMAL);
	pthread_mutex_init(&typed, &a);
	KT_CHECK(pthread_mutex_lock(&typed) == 0 &&
	    pthread_mutex_trylock(&typed) == EBUSY &&
	    pthread_mutex_unlock(&typed) == 0, "normal");
	pthread_mutexattr_destroy(&a);
	return 0;
}

#define QSIZE	4
#define NITEMS	2000

static pthread_mutex_t qlock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t notfull = PTHREAD_COND_INITIALIZER;
static pthread_cond_t notempty = PTHREAD_COND_INITIALIZER;
static int queue[QSIZE], qhead, qcount;

static void *
producer(void *arg)
{
	int i, base = (int)arg;

	for (i = 0; i < NITEMS; i++) {
		pthread_mutex_lock(&qlock);
		while (qcount == QSIZE)
			pthread_cond_wait(&notfull, &qlock);
		queue[(qhead + qcount++) % QSIZE] = base + i;
		pthread_cond_signal(&notempty);
		pthread_mutex_unlock(&qlock);
	}
	return NULL;
}

static void *
consumer(void *arg)
{
	int i, v, sum = 0;

	(void)arg;
	for (i = 0; i < NITEMS; i++) {
		pthread_mutex_lock(&qlock);
		while (qcount == 0)
			pthread_cond_wait(&notempty, &qlock);
		v = queue[qhead];
		qhead = (qhead + 1) % QSIZE;
		qcount--;
		pthread_cond_signal(&notfull);
		pthread_mutex_unlock(&qlock);
		sum += v;
	}
	return (void *)sum;
}

/* Two producers, two consumers, a queue of 4: every item arrives once. */
static int
test_cond_queue(void)
{
	pthread_t p[2], c[2];
	void *r0, *r1;
	int want = 2 * (NITEMS * (NITEMS - 1) / 2) + 1000000 * NITEMS;

	pthread_create(&p[0], NULL, producer, (void *)0);
	pthread_create(&p[1], NULL, producer, (void *)1000000);
	pthread_create(&c[0], NULL, consumer, NULL);
	pthread_create(&c[1], NULL, consumer, NULL);
	pthread_join(p[0], NULL);
	pthread_join(p[1], NULL);
	pthread_join(c[0], &r0);
	pthread_join(c[1], &r1);
	KT_CHECK((int)r0 + (int)r1 == want, "sum %d, expected %d",
	    (int)r0 + (int)r1, want);
	return 0;
}

static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static volatile int flag;

static void *
set_flag_later(void *arg)
{
	(void)arg;
	usleep(20000);
	pthread_mutex_lock(&qlock);
	flag = 1;
	pthread_cond_broadcast(&cv);
	pthread_mutex_unlock(&qlock);
	return NULL;
}

/* timedwait: ETIMEDOUT at the deadline (mutex held again), 0 when signalled. */
static int
test_cond_timedwait(void)
{
	pthread_condattr_t a;
	struct timespec ts, now;
	pthread_t t;
	clockid_t c;
	int r;

	pthread_condattr_init(&a);
	KT_CHECK(pthread_condattr_setclock(&a, 77) == EINVAL, "bad clock");
	pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
	KT_CHECK(pthread_condattr_getclock(&a, &c) == 0 && c == CLOCK_MONOTONIC,
	    "clock %d", c);
	pthread_cond_init(&cv, &a);
	clock_gettime(CLOCK_MONOTONIC, &ts);
	ts.tv_nsec += 30000000;
	if (ts.tv_nsec >= 1000000000) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000;
	}
	pthread_mutex_lock(&qlock);
	r = pthread_cond_timedwait(&cv, &qlock, &ts);
	clock_gettime(CLOCK_MONOTONIC, &now);
	KT_CHECK(r == ETIMEDOUT, "timedwait %d", r);
	KT_CHECK(now.tv_sec > ts.tv_sec || (now.tv_sec == ts.tv_sec &&
	    now.tv_nsec >= ts.tv_nsec), "woke before the deadline");
	KT_CHECK(pthread_mutex_unlock(&qlock) == 0, "not held after timeout");
	pthread_cond_init(&cv, NULL);
	pthread_create(&t, NULL, set_flag_later, NULL);
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += 5;
	pthread_mutex_lock(&qlock);
	r = 0;
	while (!flag && r == 0)
		r = pthread_cond_timedwait(&cv, &qlock, &ts);
	pthread_mutex_unlock(&qlock);
	KT_CHECK(r == 0 && flag, "signalled wait %d", r);
	ts.tv_nsec = -1;
	pthread_mutex_lock(&qlock);
	KT_CHECK(pthread_cond_timedwait(&cv, &qlock, &ts) == EINVAL, "bad ts");
	pthread_mutex_unlock(&qlock);
	pthread_join(t, NULL);
	return 0;
}

#define ROUNDS	60

static pthread_barrier_t bar;
static volatile int arrived[ROUNDS];
static volatile int serials[ROUNDS];

static void *
barrier_rounds(void *arg)
{
	int r, bad = 0;

	(void)arg;
	for (r = 0; r < ROUNDS; r++) {
		__atomic_fetch_add(&arrived[r], 1, __ATOMIC_SEQ_CST);
		if (pthread_barrier_wait(&bar) == PTHREAD_BARRIER_SERIAL_THREAD)
			__atomic_fetch_add(&serials[r], 1, __ATOMIC_SEQ_CST);
		if (arrived[r] != NT)
			bad++;		/* let through before everyone came */
	}
	return (void *)bad;
}

/* Nobody passes a barrier early; one thread per crossing is the serial one. */
static int
test_barrier(void)
{
	pthread_t t[NT];
	void *r;
	int i, bad = 0;

	KT_CHECK(pthread_barrier_init(&bar, NULL, 0) == EINVAL, "count 0");
	pthread_barrier_init(&bar, NULL, NT);
	for (i = 0; i < NT; i++)
		pthread_create(&t[i], NULL, barrier_rounds, NULL);
	for (i = 0; i < NT; i++) {
		pthread_join(t[i], &r);
		bad += (int)r;
	}
	KT_CHECK(bad == 0, "%d early passes", bad);
	for (i = 0; i < ROUNDS; i++)
		KT_CHECK(serials[i] == 1, "round %d: %d serial threads", i,
		    serials[i]);
	KT_CHECK(pthread_barrier_destroy(&bar) == 0, "destroy");
	return 0;
}

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static volatile int readers_in, writer_in, rw_bad;

static void *
rw_worker(void *arg)
{
	int i, w = (int)arg;
	volatile int j;

	for (i = 0; i < 300; i++) {
		if (w) {
			pthread_rwlock_wrlock(&rw);
			if (writer_in || readers_in)
				rw_bad++;
			writer_in = 1;
			for (j = 0; j < 50; j++)
				;
			writer_in = 0;
		} else {
			pthread_rwlock_rdlock(&rw);
			__atomic_fetch_add(&readers_in, 1, __ATOMIC_SEQ_CST);
			if (writer_in)
				rw_bad++;
			for (j = 0; j < 50; j++)
				;
			__atomic_fetch_sub(&readers_in, 1, __ATOMIC_SEQ_CST);
		}
		pthread_rwlock_unlock(&rw);
	}
	return NULL;
}

/* A writer is alone; readers share; try-locks say EBUSY. */
static int
test_rwlock(void)
{
	pthread_t t[NT];
	int i;

	KT_CHECK(pthread_rwlock_rdlock(&rw) == 0 &&
	    pthread_rwlock_tryrdlock(&rw) == 0, "two reads");
	KT_CHECK(pthread_rwlock_trywrlock(&rw) == EBUSY, "write while read");
	pthread_rwlock_unlock(&rw);
	pthread_rwlock_unlock(&rw);
	KT_CHECK(pthread_rwlock_unlock(&rw) == EPERM, "unlock of a free lock");
	KT_CHECK(pthread_rwlock_wrlock(&rw) == 0 &&
	    pthread_rwlock_wrlock(&rw) == EDEADLK &&
	    pthread_rwlock_tryrdlock(&rw) == EDEADLK, "writer relocks");
	pthread_rwlock_unlock(&rw);
	for (i = 0; i < NT; i++)
		pthread_create(&t[i], NULL, rw_worker, (void *)(i < 1));
	for (i = 0; i < NT; i++)
		pthread_join(t[i], NULL);
	KT_CHECK(rw_bad == 0, "%d exclusion failures", rw_bad);
	KT_CHECK(pthread_rwlock_destroy(&rw) == 0, "destroy");
	return 0;
}

static pthread_once_t once = PTHREAD_ONCE_INIT;
static volatile int once_runs;

static void
once_fn(void)
{
	once_runs++;
	usleep(5000);		/* the others must wait, not run it too */
}

static void *
call_once(void *arg)
{
	pthread_once(&once, once_fn);
	return (void *)(once_runs == 1 ? arg : NULL);
}

static int
test_once(void)
{
	pthread_t t[NT];
	void *r;
	int i;

	for (i = 0; i < NT; i++)
		pthread_create(&t[i], NULL, call_once, (void *)1);
	for (i = 0; i < NT; i++) {
		pthread_join(t[i], &r);
		KT_CHECK(r == (void *)1, "thread %d went on before once ended", i);
	}
	KT_CHECK(once_runs == 1, "ran %d times", once_runs);
	return 0;
}

static pthread_key_t key;
static volatile int dtor_sum;

static void
dtor(void *v)
{
	__atomic_fetch_add(&dtor_sum, (int)v, __ATOMIC_SEQ_CST);
}

static void *
use_key(void *arg)
{
	pthread_setspecific(key, arg);
	usleep(2000);
	return pthread_getspecific(key);
}

/* Each thread's value is its own; destructors run at thread exit. */
static int
test_keys(void)
{
	pthread_t t[3];
	void *r;
	int i;

	KT_CHECK(pthread_key_create(&key, dtor) == 0, "create");
	KT_CHECK(pthread_getspecific(key) == NULL, "initial value");
	pthread_setspecific(key, (void *)100);
	for (i = 0; i < 3; i++)
		pthread_create(&t[i], NULL, use_key, (void *)(i + 1));
	for (i = 0; i < 3; i++) {
		pthread_join(t[i], &r);
		KT_CHECK((int)r == i + 1, "thread %d saw %d", i, (int)r);
	}
	KT_CHECK(dtor_sum == 6, "destructors summed %d", dtor_sum);
	KT_CHECK(pthread_getspecific(key) == (void *)100, "ours changed");
	KT_CHECK(pthread_key_delete(key) == 0 && pthread_key_delete(key) ==
	    EINVAL && pthread_setspecific(key, NULL) == EINVAL, "delete");
	return 0;
}

static sem_t ping, pong;

static void *
ponger(void *arg)
{
	int i;

	for (i = 0; i < (int)arg; i++) {
		sem_wait(&ping);
		sem_post(&pong);
	}
	return NULL;
}

/* Semaphores: a ping-pong between threads, trywait, timedwait, errors. */
static int
test_semaphores(void)
{
	struct timespec ts;
	pthread_t t;
	int i, v;

	KT_CHECK(sem_init(&ping, 0, (unsigned)SEM_VALUE_MAX + 1) == -1 &&
	    errno == EINVAL, "too big");
	sem_init(&ping, 0, 0);
	sem_init(&pong, 0, 0);
	pthread_create(&t, NULL, ponger, (void *)500);
	for (i = 0; i < 500; i++) {
		sem_post(&ping);
		sem_wait(&pong);
	}
	pthread_join(t, NULL);
	KT_CHECK(sem_getvalue(&ping, &v) == 0 && v == 0, "value %d", v);
	KT_CHECK(sem_trywait(&ping) == -1 && errno == EAGAIN, "trywait empty");
	sem_post(&ping);
	sem_post(&ping);
	KT_CHECK(sem_getvalue(&ping, &v) == 0 && v == 2, "value %d", v);
	KT_CHECK(sem_trywait(&ping) == 0, "trywait");
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_nsec += 20000000;
	if (ts.tv_nsec >= 1000000000) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000;
	}
	KT_CHECK(sem_timedwait(&ping, &ts) == 0, "timedwait with one there");
	KT_CHECK(sem_timedwait(&ping, &ts) == -1 && errno == ETIMEDOUT,
	    "timedwait: errno %d", errno);
	ts.tv_nsec = 2000000000;
	KT_CHECK(sem_timedwait(&ping, &ts) == -1 && errno == EINVAL,
	    "bad timespec: errno %d", errno);
	KT_CHECK(sem_destroy(&ping) == 0, "destroy");
	return 0;
}

int
main(void)
{
	kt_suite("thread_sync");
	kt_run("create_join", test_create_join);
	kt_run("many", test_many);
	kt_run("detach", test_detach);
	kt_run("mutex_counter", test_mutex_counter);
	kt_run("mutex_types", test_mutex_types);
	kt_run("cond_queue", test_cond_queue);
	kt_run("cond_timedwait", test_cond_timedwait);
	kt_run("barrier", test_barrier);
	kt_run("rwlock", test_rwlock);
	kt_run("once", test_once);
	kt_run("keys", test_keys);
	kt_run("semaphores", test_semaphores);
	return kt_finish();
}
