/* Kestrel's <pwd.h> for host tests (see math.h here). */
#include "../../../user/include/pwd.h"
