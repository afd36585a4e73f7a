/* Kestrel's <glob.h> for host tests: FreeBSD's glob_t and values. */
#include "../../../user/include/glob.h"
