/* fnmatch.h - shell patterns (* ? [...]) against strings, FreeBSD's values. */
#ifndef _FNMATCH_H_
#define _FNMATCH_H_

#define FNM_NOMATCH	1	/* the string does not match */

#define FNM_NOESCAPE	0x01	/* a backslash is an ordinary character */
#define FNM_PATHNAME	0x02	/* '/' only matches a '/' in the pattern */
#define FNM_PERIOD	0x04	/* a leading '.' only matches a '.' */
#define FNM_LEADING_DIR	0x08	/* the pattern may match a leading directory */
#define FNM_CASEFOLD	0x10	/* ignore case */
#define FNM_IGNORECASE	FNM_CASEFOLD
#define FNM_FILE_NAME	FNM_PATHNAME

int	fnmatch(const char *, const char *, int);

#endif
