// SOURCES: kernel/ksyms.c
// CFLAGS: -m32 -no-pie -Wl,--defsym,kernel_text_end=0xc0108000
/*
 * test_ksyms.c - kernel/ksyms.c on the host: ksym_lookup() names the
 * function an address is in, from a table laid out as tools/mksyms.py lays
 * out the real one (the count, then address and name-offset pairs sorted by
 * address, then the names), with every kind of address: a function's
 * first byte, inside one, the last byte before the next, the first and
 * last functions, and addresses below the table or at the end of the text
 * (kernel_text_end, set by the link above), which have no name.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "kernel/ksyms.h"

#define NSYMS	9

/* The table's layout; kernel/ksyms.c sees it as ksyms_blob[]. */
struct blob {
	uint32_t	count;
	uint32_t	pair[NSYMS][2];
	char		names[80];
};

const struct blob ksyms_blob = {
	NSYMS,
	{
		{ 0xc0100000, 0 },	/* _start */
		{ 0xc0100040, 7 },	/* kmain */
		{ 0xc0100300, 13 },	/* trap */
		{ 0xc0100301, 18 },	/* one_byte */
		{ 0xc0100302, 27 },	/* panic */
		{ 0xc0101000, 33 },	/* backtrace */
		{ 0xc0102000, 43 },	/* copyin */
		{ 0xc0102400, 50 },	/* vm_fault */
		{ 0xc0107ff0, 59 },	/* idle */
	},
	"_start\0kmain\0trap\0one_byte\0panic\0backtrace\0copyin\0vm_fault\0"
	"idle",
};

static int failures;

/* addr must be name+off ("" for: no name). */
static int
expect(const char *test, uint32_t addr, const char *name, uint32_t off)
{
	uint32_t got_off = 0xdeadbeef;
	const char *got = ksym_lookup(addr, &got_off);

	if (name[0] == '\0' ? got == NULL :
	    got != NULL && strcmp(got, name) == 0 && got_off == off)
		return 0;
	printf("FAIL %s: %#x is %s+%#x, expected %s+%#x\n", test, addr,
	    got ? got : "(no name)", got ? got_off : 0,
	    name[0] ? name : "(no name)", off);
	failures++;
	return 1;
}

static void
report(const char *test, int failed)
{
	if (!failed)
		printf("PASS %s\n", test);
}

int
main(void)
{
	int f;

	f = expect("exact_and_inside", 0xc0100040, "kmain", 0);
	f |= expect("exact_and_inside", 0xc0100055, "kmain", 0x15);
	f |= expect("exact_and_inside", 0xc01002ff, "kmain", 0x2bf);
	f |= expect("exact_and_inside", 0xc0100301, "one_byte", 0);
	f |= expect("exact_and_inside", 0xc0101234, "backtrace", 0x234);
	f |= expect("exact_and_inside", 0xc01023ff, "copyin", 0x3ff);
	report("exact_and_inside", f);

	f = expect("ends_of_table", 0xc0100000, "_start", 0);
	f |= expect("ends_of_table", 0xc0107ff0, "idle", 0);
	f |= expect("ends_of_table", 0xc0107fff, "idle", 0xf);
	f |= expect("ends_of_table", 0xc00fffff, "", 0);
	f |= expect("ends_of_table", 0xc0108000, "", 0);
	f |= expect("ends_of_table", 0x08048000, "", 0);
	report("ends_of_table", f);
	return failures != 0;
}
