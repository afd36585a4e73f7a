/* Kestrel's <sys/termios.h> for host tests of kernel code (see ../math.h). */
#include "../../../../user/include/sys/termios.h"
