/*
 * tests/host/kinclude: Kestrel's own headers for host tests whose library
 * code cannot be built against the host's version of the header: glibc's
 * <math.h> builds its declarations by pasting names (the k_ renames of
 * tests/host/README.md break it), and glibc's struct passwd lacks
 * FreeBSD's fields.
 */
#include "../../../user/include/math.h"
