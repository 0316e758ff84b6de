/* Unit tests of lib/forget.c: how a person's address is normalised. */
#include <stdlib.h>

#include "forget.h"
#include "tap.h"

static const struct { const char *in, *want; } cases[] = {
	{ "Piet@Example.NL", "mail:piet@example.nl" },
	{ "  piet@example.nl ", "mail:piet@example.nl" },
	{ "06-12345678", "tel:0612345678" },
	{ "06 12 34 56 78", "tel:0612345678" },
	{ "+31 6 12345678", "tel:0612345678" },
	{ "+31 (0)6-1234 5678", "tel:0612345678" },
	{ "0031612345678", "tel:0612345678" },
	{ "(020) 123 45 67", "tel:0201234567" },
	{ "020/1234567", "tel:0201234567" },
	{ "020.123.4567", "tel:0201234567" },
	{ "+32 2 123 45 67", "tel:+3221234567" },
	{ "12345", NULL },
	{ "geen", NULL },
	{ "06-1234abcd", NULL },
	{ "", NULL },
};

int
main(void)
{
	char name[128], *got;
	size_t i, n = sizeof cases / sizeof cases[0];

	plan((int)n);
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof name, "'%s'", cases[i].in);
		got = be_forget_addr(cases[i].in);
		is_str(got, cases[i].want, name);
		free(got);
	}
	return done();
}
