/*
 * syscalls.c - finding a system call in truss's table (truss_syscalls,
 * generated with the kernel's own table from kernel/syscalls.master: the
 * name, what each printed argument is and which argument word(s) it comes
 * from). A call not in the table prints as "#NUMBER" with its words in
 * hex, as FreeBSD's truss does.
 */
#include <stdio.h>
#include <sys/syscall.h>
#include "truss.h"

/* The description of call code, which the kernel says has narg arguments. */
const struct sysdesc *
sys_lookup(unsigned code, unsigned narg)
{
	static char name[16];
	static struct sysdesc unknown;
	unsigned i;

	if (code < SYS_MAXSYSCALL && truss_syscalls[code].name != NULL)
		return &truss_syscalls[code];
	snprintf(name, sizeof(name), "#%u", code);
	unknown.name = name;
	unknown.ret = R_INT;
	unknown.nargs = narg > 6 ? 6 : narg;
	for (i = 0; i < 6; i++) {
		unknown.args[i].type = A_HEX;
		unknown.args[i].word = i;
	}
	return &unknown;
}
