/* Kestrel's <regex.h> for host tests: FreeBSD's regex_t and flag values. */
#include "../../../user/include/regex.h"
