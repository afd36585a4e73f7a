/*
 * pthread.c - creating, ending and joining threads, over thr_new(2) and
 * thr_exit(2); attributes, pthread_once, signals to and masks of threads.
 *
 * A new thread gets one anonymous mapping: its stack, with its struct
 * pthread above it (also its TLS: the %gs base thr_new sets). The kernel
 * writes its id into the struct before either thread runs on, and sets
 * pt_state to 1 as the thread ends (thr_exit), after its last use of the
 * mapping: a joiner sleeps on that word, and only then frees the mapping.
 * A detached thread cannot free the stack it ends on, so it puts itself
 * on a list of ended threads, which the next pthread_create empties.
 * Mappings of the default size are kept for reuse (a few), so creating
 * and joining threads in a loop makes no mmap calls after the first.
 *
 * The first pthread_create makes the program threaded: the main thread's
 * %gs base becomes its (static) struct pthread, and the libc's locks
 * start to lock.
 */
#include <errno.h>
#include <pthread.h>
#include <pthread_np.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/thr.h>
#include <machine/sysarch.h>
#include "libc_lock.h"
#include "thr_impl.h"

#define STACK_DEFAULT	(1024 * 1024)	/* FreeBSD/i386's */
#define PAGE		4096u
#define NCACHED		8		/* mappings kept for reuse */

static struct __libc_lock list_lock;
static struct pthread *ended;		/* detached, ended: to free */
static char *cache[NCACHED];		/* free mappings of the default size */
static int ncached;

int
_umtx_sleep(volatile void *p, unsigned v, const struct timespec *abstime,
    clockid_t clock, int shared)
{
	int op = shared ? UMTX_OP_WAIT_UINT : UMTX_OP_WAIT_UINT_PRIVATE;
	struct _umtx_time ut;
	int r;

	if (abstime == NULL) {
		r = _umtx_op((void *)p, op, v, NULL, NULL);
	} else {
		ut._timeout = *abstime;
		ut._flags = UMTX_ABSTIME;
		ut._clockid = clock;
		r = _umtx_op((void *)p, op, v, (void *)sizeof(ut), &ut);
	}
	return r == 0 ? 0 : errno;
}

void
_umtx_wakeup(volatile void *p, int n, int shared)
{
	_umtx_op((void *)p, shared ? UMTX_OP_WAKE : UMTX_OP_WAKE_PRIVATE, n,
	    NULL, NULL);
}

static size_t
map_size(size_t stack)
{
	return ((stack + PAGE - 1) & ~(PAGE - 1)) +
	    ((sizeof(struct pthread) + PAGE - 1) & ~(PAGE - 1));
}

/* Give back t's mapping (t has ended: pt_state is 1). */
static void
unmap(struct pthread *t)
{
	char *map = t->pt_map;
	size_t size = t->pt_mapsize;

	if (size == map_size(STACK_DEFAULT) && ncached < NCACHED)
		cache[ncached++] = map;
	else
		munmap(map, size);
}

static void
free_thread(struct pthread *t)
{
	if (t == &_thread_main)
		return;
	__libc_lock(&list_lock);
	unmap(t);
	__libc_unlock(&list_lock);
}

/* Free the detached threads that have ended; the list lock is held. */
static void
reap_ended(void)
{
	struct pthread **tp = &ended, *t;

	while ((t = *tp) != NULL) {
		if (t->pt_state == 0) {
			tp = &t->pt_next;
			continue;
		}
		*tp = t->pt_next;
		unmap(t);
	}
}

static char *
map_thread(size_t size)
{
	char *map = NULL;

	__libc_lock(&list_lock);
	reap_ended();
	if (size == map_size(STACK_DEFAULT) && ncached > 0)
		map = cache[--ncached];
	__libc_unlock(&list_lock);
	if (map == NULL) {
		map = mmap(NULL, size, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANON, -1, 0);
		if (map == MAP_FAILED)
			return NULL;
	}
	return map;
}

/* The program gets its second thread: the main one gets its TLS. */
static int
become_threaded(void)
{
	if (__isthreaded)
		return 0;
	_thread_main.pt_self = &_thread_main;
	if (thr_self(&_thread_main.pt_tid) != 0 ||
	    i386_set_gsbase(&_thread_main) != 0)
		return errno;
	__isthreaded = 1;
	return 0;
}

static void
thread_start(void *arg)
{
	struct pthread *t = arg;

	pthread_exit(t->pt_start(t->pt_arg));
}

int
pthread_create(pthread_t *thread, const pthread_attr_t *attr,
    void *(*start)(void *), void *arg)
{
	size_t stack = attr != NULL ? attr->__stacksize : STACK_DEFAULT;
	size_t size = map_size(stack);
	struct thr_param param;
	struct pthread *t;
	char *map;
	int error;

	if ((error = become_threaded()) != 0)
		return error;
	if ((map = map_thread(size)) == NULL)
		return EAGAIN;
	t = (struct pthread *)(map + size - map_size(0));
	memset(t, 0, sizeof(*t));
	t->pt_self = t;
	t->pt_map = map;
	t->pt_mapsize = size;
	t->pt_start = start;
	t->pt_arg = arg;
	if (attr != NULL && attr->__detachstate == PTHREAD_CREATE_DETACHED)
		t->pt_join = PT_DETACHED;
	memset(&param, 0, sizeof(param));
	param.start_func = thread_start;
	param.arg = t;
	param.stack_base = map;
	param.stack_size = (char *)t - map;
	param.tls_base = (char *)t;
	param.tls_size = sizeof(*t);
	param.child_tid = &t->pt_tid;
	if (thr_new(&param, sizeof(param)) != 0) {
		error = errno == EPROCLIM ? EAGAIN : errno;
		t->pt_state = 1;
		free_thread(t);
		return error;
	}
	*thread = t;
	return 0;
}

void
pthread_exit(void *value)
{
	struct pthread *self = _thr_self();

	self->pt_retval = value;
	_thr_run_destructors(self);
	if (self != &_thread_main &&
	    _thr_cas(&self->pt_join, PT_JOINABLE, PT_EXITED) == PT_DETACHED) {
		__libc_lock(&list_lock);
		self->pt_next = ended;
		ended = self;
		__libc_unlock(&list_lock);
	}
	thr_exit((long *)&self->pt_state);
}

static void
wait_ended(struct pthread *t)
{
	while (t->pt_state == 0)
		_umtx_wait(&t->pt_state, 0, NULL, 0);
}

int
pthread_join(pthread_t t, void **value)
{
	if (t == _thr_self())
		return EDEADLK;
	if (t->pt_join == PT_DETACHED)
		return EINVAL;
	wait_ended(t);
	if (value != NULL)
		*value = t->pt_retval;
	free_thread(t);
	return 0;
}

int
pthread_detach(pthread_t t)
{
	unsigned old = _thr_cas(&t->pt_join, PT_JOINABLE, PT_DETACHED);

	if (old == PT_DETACHED)
		return EINVAL;
	if (old == PT_EXITED) {		/* it ended joinable: ours to free */
		wait_ended(t);
		free_thread(t);
	}
	return 0;
}

pthread_t
pthread_self(void)
{
	return _thr_self();
}

int
pthread_equal(pthread_t a, pthread_t b)
{
	return a == b;
}

int
pthread_kill(pthread_t t, int sig)
{
	if (t == &_thread_main && t->pt_tid == 0 && thr_self(&t->pt_tid) != 0)
		return errno;
	return thr_kill(t->pt_tid, sig) == 0 ? 0 : errno;
}

int
pthread_sigmask(int how, const sigset_t *set, sigset_t *old)
{
	return sigprocmask(how, set, old) == 0 ? 0 : errno;
}

int
pthread_once(pthread_once_t *once, void (*fn)(void))
{
	unsigned s = _thr_cas(&once->__state, 0, 1);

	if (s == 0) {
		fn();
		_thr_xchg(&once->__state, 2);
		_umtx_wake(&once->__state, 0x7fffffff);
		return 0;
	}
	while ((s = once->__state) != 2)
		_umtx_wait(&once->__state, s, NULL, 0);
	return 0;
}

int
pthread_getthreadid_np(void)
{
	struct pthread *self = _thr_self();

	if (self->pt_tid == 0)
		thr_self(&self->pt_tid);
	return (int)self->pt_tid;
}

void
pthread_set_name_np(pthread_t t, const char *name)
{
	if (t == &_thread_main && t->pt_tid == 0)
		thr_self(&t->pt_tid);
	thr_set_name(t->pt_tid, name);
}

int
pthread_attr_init(pthread_attr_t *a)
{
	a->__stacksize = STACK_DEFAULT;
	a->__detachstate = PTHREAD_CREATE_JOINABLE;
	return 0;
}

int
pthread_attr_destroy(pthread_attr_t *a)
{
	(void)a;
	return 0;
}

int
pthread_attr_setstacksize(pthread_attr_t *a, size_t size)
{
	if (size < PTHREAD_STACK_MIN)
		return EINVAL;
	a->__stacksize = size;
	return 0;
}

int
pthread_attr_getstacksize(const pthread_attr_t *a, size_t *size)
{
	*size = a->__stacksize;
	return 0;
}

int
pthread_attr_setdetachstate(pthread_attr_t *a, int state)
{
	if (state != PTHREAD_CREATE_JOINABLE && state != PTHREAD_CREATE_DETACHED)
		return EINVAL;
	a->__detachstate = state;
	return 0;
}

int
pthread_attr_getdetachstate(const pthread_attr_t *a, int *state)
{
	*state = a->__detachstate;
	return 0;
}
