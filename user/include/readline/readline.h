/*
 * readline/readline.h - reading a line with editing and history, the
 * common subset of GNU readline's and FreeBSD libedit's interface:
 * readline() and add_history() (see user/libc/edit.c for the keys).
 */
#ifndef _READLINE_READLINE_H_
#define _READLINE_READLINE_H_

#include <readline/history.h>

/*
 * Shows prompt and returns the line typed, without its newline, in memory
 * from malloc that the caller frees; NULL at the end of the input. On a
 * terminal the line can be edited; otherwise it is read as it comes.
 */
char	*readline(const char *prompt);

#endif
