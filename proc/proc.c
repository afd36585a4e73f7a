/*
 * proc.c - the process table: a fixed array of NPROC slots, pid allocation,
 * and lookups. The slots in use are also linked on allproc, and every walk
 * over "every process" goes through it (FOREACH_PROC), so it costs what
 * there is, not NPROC; only proc_alloc() looks at the array itself, for a
 * free slot. Slot 0 is the idle process (pid 0, P_SYSTEM), which is the
 * boot thread itself; init is pid 1.
 */
#include <string.h>
#include "proc/proc.h"
#include "kernel/kprintf.h"
#include "kernel/i386/x86.h"
#include "vm/vm.h"

struct proc proc_table[NPROC];
struct proc *allproc;
struct proc *initproc;
static pid_t next_pid = 1;

static int
pid_in_use(pid_t pid)
{
	struct proc *p;

	FOREACH_PROC(p)
		if (p->p_pid == pid || p->p_pgid == pid || p->p_sid == pid)
			return 1;
	return 0;
}

/* Put a slot on allproc (lookups walk only the slots in use). */
void
proc_link(struct proc *p)
{
	uint32_t ef = intr_disable();

	p->p_allprev = NULL;
	p->p_allnext = allproc;
	if (allproc != NULL)
		allproc->p_allprev = p;
	allproc = p;
	intr_restore(ef);
}

static void
proc_unlink(struct proc *p)
{
	uint32_t ef = intr_disable();

	if (p->p_allprev != NULL)
		p->p_allprev->p_allnext = p->p_allnext;
	else
		allproc = p->p_allnext;
	if (p->p_allnext != NULL)
		p->p_allnext->p_allprev = p->p_allprev;
	intr_restore(ef);
}

static pid_t
alloc_pid(void)
{
	pid_t pid;

	do {
		pid = next_pid++;
		if (next_pid > PID_MAX)
			next_pid = 2;
	} while (pid_in_use(pid));
	return pid;
}

/* A zeroed slot in state PRS_NEW with a fresh pid and one new thread, or NULL. */
struct proc *
proc_alloc(void)
{
	struct proc *p = NULL;
	struct thread *td;
	int i;

	for (i = 1; i < NPROC; i++)
		if (proc_table[i].p_state == PRS_FREE) {
			p = &proc_table[i];
			break;
		}
	if (p == NULL)
		return NULL;
	if ((td = thread_alloc()) == NULL)
		return NULL;
	memset(p, 0, sizeof(*p));
	p->p_state = PRS_NEW;
	p->p_pid = alloc_pid();
	thread_link(td, p);
	proc_link(p);
	return p;
}

/*
 * Give the slot back; the address space and files are already gone, and
 * so are its threads, unless it never ran (a fork that failed).
 */
void
proc_free(struct proc *p)
{
	struct thread *td;

	while ((td = p->p_threads) != NULL) {
		p->p_threads = td->td_plist;
		thread_free(td);
	}
	proc_unlink(p);
	p->p_state = PRS_FREE;
}

/* A live (not zombie) process with this pid, or NULL. */
struct proc *
pfind(pid_t pid)
{
	struct proc *p = pfind_any(pid);

	return p != NULL && p->p_state == PRS_NORMAL ? p : NULL;
}

/* A process with this pid in any state but free, or NULL. */
struct proc *
pfind_any(pid_t pid)
{
	struct proc *p;

	FOREACH_PROC(p)
		if (p->p_pid == pid)
			return p;
	return NULL;
}

int
proc_count(void)
{
	struct proc *p;
	int n = 0;

	FOREACH_PROC(p)
		n++;
	return n;
}

/*
 * p_comm is the last component of the program's path, NUL-padded: nothing
 * of an earlier, longer name stays behind for a debugger to see.
 */
void
proc_set_comm(struct proc *p, const char *path)
{
	const char *base = strrchr(path, '/');

	base = base != NULL ? base + 1 : path;
	memset(p->p_comm, 0, sizeof(p->p_comm));
	strlcpy(p->p_comm, base, sizeof(p->p_comm));
}

/*
 * For the kernel self-tests: a shorter name after a longer one leaves no
 * byte of the old name behind. NULL, or what went wrong.
 */
const char *
proc_comm_selftest(void)
{
	struct proc *p = kzalloc(sizeof(*p));
	const char *why = NULL;
	size_t i;

	if (p == NULL)
		return "no memory for a scratch proc";
	proc_set_comm(p, "/bin/a_long_program_name");
	proc_set_comm(p, "/bin/sh");
	if (strcmp(p->p_comm, "sh") != 0)
		why = "the new name is not \"sh\"";
	for (i = strlen(p->p_comm); why == NULL && i < sizeof(p->p_comm); i++)
		if (p->p_comm[i] != '\0')
			why = "bytes of the old name are left after the NUL";
	kfree(p);
	return why;
}
