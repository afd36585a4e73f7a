/*
 * grep - print lines that match patterns:
 * grep [-EFGHchilnoqsvwx] [-e pattern ...] [pattern] [file ...]
 *
 * Patterns are POSIX basic regular expressions (-G, the default),
 * extended ones (-E) or fixed strings (-F), as <regex.h> compiles them;
 * several come from several -e or from the lines of one pattern. -i
 * ignores case, -v selects the lines that do not match, -x wants the whole
 * line to match, -w a whole word. Output: the lines, or with -c their
 * count, -l the names of the files with a match, -q nothing (the status
 * says it), -o only the matching parts; -n numbers lines, -H and -h force
 * or drop the file name (given by default with more than one file), -s
 * keeps quiet about files that cannot be read. The status is 0 if a line
 * was selected, 1 if none was, 2 on an error.
 */
#include <ctype.h>
#include <err.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define MAXPAT	64

static regex_t res[MAXPAT];
static char *fixed[MAXPAT];
static int npat;
static int Fflag, iflag, vflag, xflag, wflag, cflag, lflag, qflag, oflag,
    nflag, sflag, show_name;

static void
usage(void)
{
	fprintf(stderr, "usage: grep [-EFGHchilnoqsvwx] [-e pattern] "
	    "[pattern] [file ...]\n");
	exit(2);
}

/* Adds each line of spec as a pattern. */
static void
add_patterns(char *spec, int cflags)
{
	char *p, *next;
	int e;
	char msg[128];

	for (p = spec; p != NULL; p = next) {
		if ((next = strchr(p, '\n')) != NULL)
			*next++ = '\0';
		if (npat == MAXPAT)
			errx(2, "too many patterns");
		if (Fflag)
			fixed[npat++] = p;
		else if ((e = regcomp(&res[npat], p, cflags)) != 0) {
			regerror(e, &res[npat], msg, sizeof(msg));
			errx(2, "%s: %s", p, msg);
		} else
			npat++;
	}
}

/* A fixed string in line from `from'; the match goes in *so, *eo. */
static int
find_fixed(const char *pat, const char *line, size_t from, size_t *so,
    size_t *eo)
{
	size_t plen = strlen(pat), len = strlen(line), i;

	for (i = from; i + plen <= len; i++)
		if ((iflag ? strncasecmp(line + i, pat, plen) :
		    strncmp(line + i, pat, plen)) == 0) {
			*so = i;
			*eo = i + plen;
			return 1;
		}
	return 0;
}

/* Pattern k in line from `from'; 1 and the match's bounds if it is there. */
static int
find(int k, const char *line, size_t from, size_t *so, size_t *eo)
{
	regmatch_t m;

	if (Fflag)
		return find_fixed(fixed[k], line, from, so, eo);
	m.rm_so = (regoff_t)from;
	m.rm_eo = (regoff_t)strlen(line);
	if (regexec(&res[k], line, 1, &m, REG_STARTEND |
	    (from > 0 ? REG_NOTBOL : 0)) != 0)
		return 0;
	*so = (size_t)m.rm_so;
	*eo = (size_t)m.rm_eo;
	return 1;
}

static int
is_word(int c)
{
	return isalnum(c) || c == '_';
}

/*
 * The first acceptable match of any pattern in line at or after `from'
 * (whole line for -x, whole word for -w, not empty for -o).
 */
static int
match(const char *line, size_t from, size_t *so, size_t *eo)
{
	size_t s, e, len = strlen(line), best_so = 0, best_eo = 0, at;
	int k, found = 0;

	for (k = 0; k < npat; k++)
		for (at = from; at <= len && find(k, line, at, &s, &e); at = s + 1) {
			if (xflag && (s != 0 || e != len))
				break;
			if (wflag && ((s > 0 && is_word((unsigned char)line[s - 1])) ||
			    (e < len && is_word((unsigned char)line[e])) ||
			    s == e))
				continue;
			if (oflag && s == e)
				continue;
			if (!found || s < best_so || (s == best_so && e > best_eo)) {
				best_so = s;
				best_eo = e;
				found = 1;
			}
			break;
		}
	*so = best_so;
	*eo = best_eo;
	return found;
}

static void
prefix(const char *name, unsigned long lineno)
{
	if (show_name)
		printf("%s:", name);
	if (nflag)
		printf("%lu:", lineno);
}

/* Greps one stream; returns the number of lines selected. */
static unsigned long
grep(FILE *f, const char *name)
{
	char *line = NULL;
	size_t cap = 0, so, eo, at;
	ssize_t len;
	unsigned long lineno = 0, count = 0;
	int hit;

	while ((len = getline(&line, &cap, f)) != -1) {
		lineno++;
		if (len > 0 && line[len - 1] == '\n')
			line[len - 1] = '\0';
		hit = match(line, 0, &so, &eo);
		if (hit == vflag)
			continue;
		count++;
		if (qflag || lflag)
			break;
		if (cflag)
			continue;
		if (oflag && !vflag) {
			for (at = 0; match(line, at, &so, &eo); at = eo) {
				prefix(name, lineno);
				printf("%.*s\n", (int)(eo - so), line + so);
			}
			continue;
		}
		prefix(name, lineno);
		printf("%s\n", line);
	}
	free(line);
	return count;
}

int
main(int argc, char *argv[])
{
	char *pats[MAXPAT];
	int ch, cflags = 0, npats = 0, Hflag = -1, status = 1, i;
	unsigned long n;
	FILE *f;

	while ((ch = getopt(argc, argv, "EFGHce:hilnoqsvwx")) != -1)
		switch (ch) {
		case 'E':
			cflags |= REG_EXTENDED;
			Fflag = 0;
			break;
		case 'F':
			Fflag = 1;
			break;
		case 'G':
			cflags &= ~REG_EXTENDED;
			Fflag = 0;
			break;
		case 'H':
			Hflag = 1;
			break;
		case 'h':
			Hflag = 0;
			break;
		case 'c':
			cflag = 1;
			break;
		case 'e':
			if (npats == MAXPAT)
				errx(2, "too many patterns");
			pats[npats++] = optarg;
			break;
		case 'i':
			iflag = 1;
			cflags |= REG_ICASE;
			break;
		case 'l':
			lflag = 1;
			break;
		case 'n':
			nflag = 1;
			break;
		case 'o':
			oflag = 1;
			break;
		case 'q':
			qflag = 1;
			break;
		case 's':
			sflag = 1;
			break;
		case 'v':
			vflag = 1;
			break;
		case 'w':
			wflag = 1;
			break;
		case 'x':
			xflag = 1;
			break;
		default:
			usage();
		}
	argc -= optind;
	argv += optind;
	if (npats == 0) {
		if (argc == 0)
			usage();
		pats[npats++] = *argv++;
		argc--;
	}
	for (i = 0; i < npats; i++)
		add_patterns(pats[i], cflags);
	show_name = Hflag >= 0 ? Hflag : argc > 1;
	for (i = 0; i < (argc > 0 ? argc : 1); i++) {
		if (argc == 0 || strcmp(argv[i], "-") == 0)
			f = stdin;
		else if ((f = fopen(argv[i], "r")) == NULL) {
			if (!sflag)
				warn("%s", argv[i]);
			status = 2;
			continue;
		}
		n = grep(f, argc > 0 ? argv[i] : "(standard input)");
		if (f != stdin)
			fclose(f);
		if (n > 0 && status == 1)
			status = 0;
		if (qflag && n > 0)
			return 0;
		if (cflag) {
			if (show_name)
				printf("%s:", argc > 0 ? argv[i] : "(standard input)");
			printf("%lu\n", n);
		}
		if (lflag && n > 0)
			printf("%s\n", argc > 0 ? argv[i] : "(standard input)");
	}
	return status;
}
