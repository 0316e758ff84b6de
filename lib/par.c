/* par.c: see par.h. */
#include <stdlib.h>
#include <string.h>

#include "par.h"
#include "banned.h"

int
be_par_threads(void)
{
	const char *s = getenv("BENUT_THREADS");

	return s && strcmp(s, "1") == 0 ? 1 : 2;
}
