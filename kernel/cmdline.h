/*
 * cmdline.h - kernel options from the Multiboot command line.
 *
 * The line is a list of words: "key=value" or a bare "key" (value ""). A
 * first word that looks like a file name (loaders pass the kernel's) is
 * skipped. Everything after a lone "--" is the argument list for
 * the program named by init=.
 */
#ifndef KERNEL_CMDLINE_H
#define KERNEL_CMDLINE_H

#define CMDLINE_MAX	512	/* bytes kept */
#define CMDLINE_MAXOPTS	32
#define CMDLINE_MAXARGS	16

struct cmdline {
	char	buf[CMDLINE_MAX];
	int	nopts;
	char	*key[CMDLINE_MAXOPTS];
	char	*val[CMDLINE_MAXOPTS];
	int	nargs;
	char	*args[CMDLINE_MAXARGS];	/* the words after "--" */
};

void		cmdline_parse(struct cmdline *cl, const char *line);
const char	*cmdline_get(const struct cmdline *cl, const char *key);
int		cmdline_get_int(const struct cmdline *cl, const char *key, int dflt);

/* The kernel's own options, parsed once at boot (kernel/main.c). */
extern struct cmdline kernel_cmdline;
#define kopt(key)		cmdline_get(&kernel_cmdline, (key))
#define kopt_int(key, d)	cmdline_get_int(&kernel_cmdline, (key), (d))

#endif
