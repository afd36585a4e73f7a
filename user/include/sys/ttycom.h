/*
 * sys/ttycom.h - the terminal ioctls, with FreeBSD's request numbers (the
 * argument's size and direction are encoded in them, see sys_ioctl()).
 */
#ifndef _SYS_TTYCOM_H_
#define _SYS_TTYCOM_H_

struct winsize {
	unsigned short	ws_row;
	unsigned short	ws_col;
	unsigned short	ws_xpixel;
	unsigned short	ws_ypixel;
};

#define TIOCFLUSH	0x80047410	/* discard input (FREAD) and/or output (FWRITE) */
#define TIOCGETA	0x402c7413	/* get termios */
#define TIOCSETA	0x802c7414	/* set termios now */
#define TIOCSETAW	0x802c7415	/* set termios once output is drained */
#define TIOCSETAF	0x802c7416	/* drain output, discard input, set termios */
#define TIOCDRAIN	0x2000745e	/* wait until output is written */
#define TIOCSCTTY	0x20007461	/* become the session's controlling terminal */
#define TIOCGSID	0x40047463	/* get the terminal's session */
#define TIOCGWINSZ	0x40087468	/* get the window size */
#define TIOCSWINSZ	0x80087467	/* set the window size */
#define TIOCNOTTY	0x20007471	/* give up the controlling terminal */
#define TIOCSTI		0x80017472	/* type a character (root only on Kestrel) */
#define TIOCSPGRP	0x80047476	/* set the foreground process group */
#define TIOCGPGRP	0x40047477	/* get the foreground process group */

#endif
