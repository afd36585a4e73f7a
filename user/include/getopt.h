/*
 * getopt.h - long options ("--name", "--name=value", "--name value") beside
 * the short ones of getopt(3), with FreeBSD's names and values.
 */
#ifndef _GETOPT_H_
#define _GETOPT_H_

#include <unistd.h>

#define no_argument		0
#define required_argument	1
#define optional_argument	2

struct option {
	const char	*name;		/* without the leading "--" */
	int		has_arg;	/* no_argument, required_argument, ... */
	int		*flag;		/* if set, *flag = val and 0 is returned */
	int		val;		/* returned, or stored through flag */
};

int	getopt_long(int, char *const *, const char *, const struct option *,
	    int *);
int	getopt_long_only(int, char *const *, const char *,
	    const struct option *, int *);

#endif
