/*
 * ksyms.c - the kernel's own symbol table, for symbolic backtraces. The
 * table is generated from the first link of the kernel (tools/mksyms.py) and
 * appended by the second link; see the Makefile.
 */
#include "kernel/ksyms.h"
#include "kernel/i386/layout.h"

struct ksym {
	uint32_t addr;
	uint32_t name_off;
};

extern const uint32_t ksyms_blob[];	/* count, then pairs, then names */
extern const char kernel_text_end[];

const char *
ksym_lookup(uint32_t addr, uint32_t *offset)
{
	/* LAB backtrace: BEGIN stub:
	 *	(void)addr;
	 *	(void)offset;
	 *	return NULL;
	 */
	uint32_t count = ksyms_blob[0];
	const struct ksym *tab = (const struct ksym *)&ksyms_blob[1];
	const char *names = (const char *)&tab[count];
	uint32_t lo = 0, hi = count;

	if (count == 0 || addr < tab[0].addr ||
	    addr >= (uint32_t)kernel_text_end)
		return NULL;
	while (hi - lo > 1) {		/* last entry with tab[i].addr <= addr */
		uint32_t mid = (lo + hi) / 2;
		if (tab[mid].addr <= addr)
			lo = mid;
		else
			hi = mid;
	}
	*offset = addr - tab[lo].addr;
	return names + tab[lo].name_off;
	/* LAB backtrace: END */
}
