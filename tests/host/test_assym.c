/*
 * test_assym.c - build/gen/assym.inc, through which assembly gets the
 * numbers C defines (kernel/i386/genassym.c, tools/genassym.py), holds
 * them exactly: in particular the values of 2^31 and more, which the
 * compiler prints as negative numbers and which must reach nasm unsigned
 * (boot/multiboot.asm shifts KERNBASE right). Every name checked here must
 * be in the file.
 *
 * Reads $KESTREL_BUILD/gen/assym.inc (or build/gen/assym.inc); SKIP when
 * the kernel has not been built yet.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kernel/i386/layout.h"
#include "kernel/i386/segments.h"
#include "user/include/sys/errno.h"

static const struct {
	const char	*name;
	unsigned long	value;
} c_values[] = {
	{ "KERNBASE", KERNBASE }, { "VM_MAXUSER_ADDRESS", VM_MAXUSER_ADDRESS },
	{ "PAGE_SIZE", PAGE_SIZE }, { "KSTACK_SIZE", KSTACK_SIZE },
	{ "PG_P", PG_P }, { "PG_RW", PG_RW }, { "CR0_WP", CR0_WP },
	{ "CR0_PG", CR0_PG }, { "KDATA_SEL", KDATA_SEL },
	{ "EFAULT", EFAULT }, { "EINVAL", EINVAL },
	{ "ENAMETOOLONG", ENAMETOOLONG },
};
#define NVALUES	(sizeof(c_values) / sizeof(c_values[0]))

int
main(void)
{
	const char *dir = getenv("KESTREL_BUILD");
	char path[600], line[256], name[64];
	unsigned long v;
	int seen[NVALUES] = { 0 }, failures = 0;
	unsigned i;
	FILE *f;

	snprintf(path, sizeof(path), "%s/gen/assym.inc", dir ? dir : "build");
	if ((f = fopen(path, "r")) == NULL) {
		printf("SKIP assym_inc: no %s (build the kernel first)\n", path);
		return 0;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		if (sscanf(line, "%63s equ %li", name, (long *)&v) != 2)
			continue;
		for (i = 0; i < NVALUES; i++) {
			if (strcmp(name, c_values[i].name) != 0)
				continue;
			seen[i] = 1;
			if (v == c_values[i].value) {
				printf("PASS assym_inc.%s\n", name);
			} else {
				printf("FAIL assym_inc.%s: %#lx in assym.inc, %#lx in C\n",
				    name, v, c_values[i].value);
				failures++;
			}
		}
	}
	fclose(f);
	for (i = 0; i < NVALUES; i++)
		if (!seen[i]) {
			printf("FAIL assym_inc.%s: not in %s\n", c_values[i].name,
			    path);
			failures++;
		}
	return failures != 0;
}
