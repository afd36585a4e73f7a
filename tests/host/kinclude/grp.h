/* Kestrel's <grp.h> for host tests (see math.h here). */
#include "../../../user/include/grp.h"
