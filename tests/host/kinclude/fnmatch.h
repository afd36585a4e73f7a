/* Kestrel's <fnmatch.h> for host tests: FreeBSD's flag values. */
#include "../../../user/include/fnmatch.h"
