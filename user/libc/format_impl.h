/*
 * format_impl.h - what format.c shares with format_float.c (user space only):
 * the parsed conversion specification and the output sink.
 */
#ifndef _LIBC_FORMAT_IMPL_H_
#define _LIBC_FORMAT_IMPL_H_

/* Flags of a conversion specification. */
#define FMT_MINUS	0x01	/* '-': left-justify */
#define FMT_PLUS	0x02	/* '+': always a sign */
#define FMT_SPACE	0x04	/* ' ': a space where '+' would be */
#define FMT_ALT		0x08	/* '#': alternate form */
#define FMT_ZERO	0x10	/* '0': pad with zeros */

struct fmt_spec {
	int	flags;		/* FMT_* */
	int	width;		/* minimum field width, 0 if none */
	int	prec;		/* precision, -1 if none */
	int	conv;		/* the conversion character */
};

struct fmt_out {
	void	(*put)(int, void *);
	void	*arg;
	int	count;		/* characters produced so far */
};

void	__fmt_putc(struct fmt_out *, int c);
void	__fmt_repeat(struct fmt_out *, int c, int n);

#ifndef _KERNEL
void	__fmt_double(struct fmt_out *, const struct fmt_spec *, double);
#endif

#endif
