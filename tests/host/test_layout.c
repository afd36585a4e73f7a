/*
 * test_layout.c - kernel/i386/layout.inc repeats numbers from kernel/i386/layout.h for
 * assembly; this checks that every value the .inc file defines matches the
 * C header, so the two can never drift apart silently.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kernel/i386/layout.h"

static const struct {
	const char	*name;
	unsigned long	value;
} c_values[] = {
	{ "KERNBASE", KERNBASE }, { "PAGE_SIZE", PAGE_SIZE },
	{ "KSTACK_SIZE", KSTACK_SIZE }, { "PG_P", PG_P }, { "PG_RW", PG_RW },
	{ "CR0_WP", CR0_WP }, { "CR0_PG", CR0_PG },
};

int
main(void)
{
	FILE *f = fopen("kernel/i386/layout.inc", "r");
	char line[256], name[64];
	unsigned long v;
	unsigned i;
	int failures = 0, checked = 0;

	if (f == NULL) {
		printf("FAIL layout_inc: cannot open kernel/i386/layout.inc\n");
		return 1;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		if (sscanf(line, "%63s equ %li", name, (long *)&v) != 2)
			continue;
		for (i = 0; i < sizeof(c_values) / sizeof(c_values[0]); i++) {
			if (strcmp(name, c_values[i].name) != 0)
				continue;
			checked++;
			if ((v & 0xffffffffu) == c_values[i].value) {
				printf("PASS layout_inc.%s\n", name);
			} else {
				printf("FAIL layout_inc.%s: %#lx in .inc, %#lx in .h\n",
				    name, v, c_values[i].value);
				failures++;
			}
		}
	}
	fclose(f);
	if (checked != (int)(sizeof(c_values) / sizeof(c_values[0]))) {
		printf("FAIL layout_inc.coverage: %d of %u names found\n", checked,
		    (unsigned)(sizeof(c_values) / sizeof(c_values[0])));
		failures++;
	}
	return failures != 0;
}
