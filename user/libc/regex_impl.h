/*
 * regex_impl.h - the compiled form of a regular expression, shared by
 * regcomp.c (which builds it) and regexec.c (which runs it).
 *
 * A pattern is a tree of nodes kept in one array. A sequence is a chain
 * of nodes linked by `next'; a group (the whole pattern is group 0) holds
 * its alternatives, each a sequence, and like any other node may repeat
 * between min and max times.
 */
#ifndef _LIBC_REGEX_IMPL_H_
#define _LIBC_REGEX_IMPL_H_

#define RE_MAGIC	0x52450a01

enum rtype {
	R_CHAR,		/* the byte c */
	R_ANY,		/* any byte (not newline with REG_NEWLINE) */
	R_SET,		/* a byte of set[sets] */
	R_BOL,		/* the start of the string (or of a line) */
	R_EOL,		/* the end of the string (or of a line) */
	R_GROUP,	/* ( alt | alt ... ), capture number `group' */
	R_BACKREF,	/* \N: what group N matched */
};

struct rnode {
	enum rtype	type;
	unsigned char	c;
	int		min, max;	/* repetitions; max < 0: unbounded */
	int		set;		/* R_SET: index into sets */
	int		group;		/* R_GROUP, R_BACKREF */
	int		nalt;		/* R_GROUP: alternatives */
	int		alt;		/* R_GROUP: their first nodes, in alts[] */
	int		next;		/* the next node of the sequence, or -1 */
};

struct re_guts {
	struct rnode	*nodes;
	int		nnodes, capnodes;
	unsigned char	(*sets)[32];	/* 256-bit byte sets */
	int		nsets, capsets;
	int		*alts;		/* the sequences of every group */
	int		nalts, capalts;
	int		cflags;
	int		nsub;
	int		top;		/* group 0 */
};

#define SET_HAS(s, c)	((s)[(unsigned char)(c) >> 3] & 1 << ((c) & 7))
#define SET_ADD(s, c)	((s)[(unsigned char)(c) >> 3] |= 1 << ((c) & 7))

#endif
