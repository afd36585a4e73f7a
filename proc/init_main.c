/*
 * init_main.c - making process 1. The kernel builds an empty process whose
 * first thread starts in init_thread() below, in kernel mode; it opens the
 * console as descriptors 0, 1 and 2 and executes /bin/init as if by execve,
 * then returns to fork_exit(), which leaves for user mode like any process
 * returning from a system call.
 *
 * /bin/init gets the program named by the kernel option init= (and the
 * words after "--" on the command line) as its arguments, and the kernel
 * options as its environment.
 */
#include <string.h>
#include <fcntl.h>
#include "proc/proc.h"
#include "kernel/cmdline.h"
#include "kernel/fs/file.h"
#include "kernel/kprintf.h"
#include "vm/vm.h"

#define INIT_PATH	"/bin/init"
#define INIT_MAXARGS	(CMDLINE_MAXARGS + 3)

static char env_buf[CMDLINE_MAX + 64];

static void
open_console(struct proc *p)
{
	struct file *fp;
	int fd, i;

	if (vfs_open(p, "dev/console", O_RDWR, 0, &fp) != 0)
		panic("cannot open /dev/console");
	fd_alloc(p, fp, 0, &fd);
	for (i = 1; i < 3; i++) {
		fhold(fp);
		fd_alloc(p, fp, 0, &fd);
	}
}

/* Kernel options become "key=value" environment strings. */
static void
build_env(char **envp)
{
	size_t used = 0;
	int i, n = 0;

	envp[n++] = "PATH=/bin";
	envp[n++] = "HOME=/";
	for (i = 0; i < kernel_cmdline.nopts && n < CMDLINE_MAXOPTS; i++) {
		char *e = env_buf + used;
		int len = ksnprintf(e, sizeof(env_buf) - used, "%s=%s",
		    kernel_cmdline.key[i], kernel_cmdline.val[i]);

		if (len < 0 || (size_t)len + 1 > sizeof(env_buf) - used)
			break;
		envp[n++] = e;
		used += len + 1;
	}
	envp[n] = NULL;
}

static void
init_thread(void)
{
	struct thread *td = curthread;
	char *argv[INIT_MAXARGS], *envp[CMDLINE_MAXOPTS + 3];
	const char *prog = kopt("init");
	int argc = 0, i, error;

	open_console(td->td_proc);
	argv[argc++] = INIT_PATH;
	if (prog != NULL && prog[0] != '\0') {
		argv[argc++] = (char *)prog;
		for (i = 0; i < kernel_cmdline.nargs; i++)
			argv[argc++] = kernel_cmdline.args[i];
	}
	argv[argc] = NULL;
	build_env(envp);
	error = kern_execve(td, INIT_PATH, argv, envp, 1);
	if (error)
		panic("cannot execute %s: error %d", INIT_PATH, error);
}

void
start_init(void)
{
	struct proc *p = proc_alloc();
	struct thread *td;

	if (p == NULL || (p->p_vmspace = vmspace_alloc()) == NULL)
		panic("no memory for init");
	initproc = p;
	td = FIRST_THREAD_IN_PROC(p);
	p->p_pptr = &proc_table[0];
	p->p_reaper = p;		/* the root of the reaper tree */
	p->p_treeflag |= P_TREE_REAPER;
	p->p_pgid = p->p_sid = p->p_pid;
	p->p_umask = 022;
	lim_init(p);
	strlcpy(p->p_comm, "init", sizeof(p->p_comm));
	cpu_thread_init(td, init_thread);
	p->p_state = PRS_NORMAL;
	sched_add(td);
}
