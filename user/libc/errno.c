/* errno.c - the one errno of the process (single-threaded). */
#include <errno.h>

int errno;
