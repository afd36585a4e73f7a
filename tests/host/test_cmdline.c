// SOURCES: kernel/cmdline.c
/*
 * test_cmdline.c - the kernel command-line parser on the lines GRUB and
 * QEMU really pass (the kernel's file name first), flags, repeated keys,
 * numbers and the "--" argument list.
 */
#include <stdio.h>
#include <string.h>
#include "kernel/cmdline.h"

static int failures;

#define CHECK(name, cond)						\
	do {								\
		if (cond)						\
			printf("PASS %s\n", name);			\
		else {							\
			printf("FAIL %s: %s\n", name, #cond);		\
			failures++;					\
		}							\
	} while (0)

static int
streq(const char *a, const char *b)
{
	return a != NULL && strcmp(a, b) == 0;
}

int
main(void)
{
	struct cmdline cl;

	cmdline_parse(&cl, "/boot/kernel.elf fpu=lazy selftest hz=1000");
	CHECK("grub_filename_skipped", cl.nopts == 3);
	CHECK("key_value", streq(cmdline_get(&cl, "fpu"), "lazy"));
	CHECK("bare_flag", streq(cmdline_get(&cl, "selftest"), ""));
	CHECK("absent", cmdline_get(&cl, "init") == NULL);
	CHECK("int", cmdline_get_int(&cl, "hz", 100) == 1000);

	cmdline_parse(&cl, "build/kernel.elf init=/bin/prog -- a  b\tc");
	CHECK("qemu_filename_skipped", cl.nopts == 1);
	CHECK("init_path", streq(cmdline_get(&cl, "init"), "/bin/prog"));
	CHECK("args_after_dashes", cl.nargs == 3 && strcmp(cl.args[2], "c") == 0);

	cmdline_parse(&cl, "hz=50 hz=250 bad=12x hex=0x1f");
	CHECK("first_word_option_kept", cl.nopts == 4);
	CHECK("last_wins", cmdline_get_int(&cl, "hz", 0) == 250);
	CHECK("malformed_int_default", cmdline_get_int(&cl, "bad", 7) == 7);
	CHECK("hex_int", cmdline_get_int(&cl, "hex", 0) == 31);

	cmdline_parse(&cl, NULL);
	CHECK("null_line", cl.nopts == 0 && cl.nargs == 0);
	cmdline_parse(&cl, "   ");
	CHECK("blank_line", cl.nopts == 0);
	{
		char big[2000];

		memset(big, 'x', sizeof(big) - 1);
		big[sizeof(big) - 1] = '\0';
		cmdline_parse(&cl, big);
		CHECK("overlong_truncated", cl.nopts == 1 &&
		    strlen(cl.key[0]) == CMDLINE_MAX - 1);
	}
	return failures != 0;
}
