/* Kestrel's <sys/ttycom.h> for host tests of kernel code (see ../math.h). */
#include "../../../../user/include/sys/ttycom.h"
