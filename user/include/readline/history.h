/* readline/history.h - the history readline() offers with the arrow keys. */
#ifndef _READLINE_HISTORY_H_
#define _READLINE_HISTORY_H_

int	add_history(const char *line);
void	clear_history(void);

#endif
