/* Unit tests of lib/date.c. */
#include "date.h"
#include "tap.h"

static const struct { const char *in, *want; } cases[] = {
	{ "2026-02-02", "2026-02-02" },
	{ " 2026-02-02 ", "2026-02-02" },
	{ "2026-02-02 10:15:03", "2026-02-02T10:15:03" },
	{ "2026-02-02 10:15", "2026-02-02T10:15:00" },
	{ "2026-02-02T10:15:03", "2026-02-02T10:15:03" },
	{ "2026-02-02T10:15:03.000+01:00", "2026-02-02T10:15:03" },
	{ "2026-02-02T10:15:03Z", "2026-02-02T10:15:03" },
	{ "2026-02-02T10:15:03.123456-0500", "2026-02-02T10:15:03" },
	{ "2-2-2026 10:15:03", "2026-02-02T10:15:03" },
	{ "02-02-2026", "2026-02-02" },
	{ "02/02/2026", "2026-02-02" },
	{ "13/2/2026", "2026-02-13" },
	{ "2/2/2026 10:15", "2026-02-02T10:15:00" },
	{ "2/2/2026 9:05:01 PM", "2026-02-02T21:05:01" },
	{ "2.2.2026", "2026-02-02" },
	{ "2-2-26 8:00", "2026-02-02T08:00:00" },
	{ "2026/02/02 10:15:03 AM GMT+1", "2026-02-02T10:15:03" },
	{ "2026/02/02 12:15:03 AM GMT+1", "2026-02-02T00:15:03" },
	{ "2026/02/02 12:15:03 PM GMT-5", "2026-02-02T12:15:03" },
	{ "2026/02/02 1:15:03 p.m. GMT+01:00", "2026-02-02T13:15:03" },
	{ "2024-02-29", "2024-02-29" },
	{ "2026-02-29", NULL },
	{ "2/13/2026", NULL },
	{ "31-4-2026", NULL },
	{ "2026-02-02 25:00", NULL },
	{ "2026-02-02 10:61", NULL },
	{ "2026-02-02 13:00 PM", NULL },
	{ "gisteren", NULL },
	{ "", NULL },
	{ "2026-02", NULL },
	{ "20260202", NULL },
	{ "2026-02-02 10:15:03 uur", NULL },
	{ "2-2-202", NULL },
	{ "1-1-1850", NULL },
};

/* be_date_span: the first day a date names, or (end) the last. */
static const struct {
	const char *in;
	int end;
	const char *want;	/* NULL: refused */
} spans[] = {
	{ "2026", 0, "2026-01-01" },
	{ "2026", 1, "2026-12-31" },
	{ "2024-02", 1, "2024-02-29" },
	{ "2026-02", 0, "2026-02-01" },
	{ "2026-02-28", 1, "2026-02-28" },
	{ "2026-02-29", 0, NULL },
	{ "2026-13", 0, NULL },
	{ "2026-1", 0, NULL },
	{ "26-01-01", 0, NULL },
	{ "", 0, NULL },
};

int
main(void)
{
	char out[BE_DATE_MAX], name[128];
	size_t i, n = sizeof cases / sizeof cases[0];
	size_t ns = sizeof spans / sizeof spans[0];

	plan((int)(n + ns));
	for (i = 0; i < ns; i++) {
		snprintf(name, sizeof name, "span '%s'%s", spans[i].in,
		    spans[i].end ? " (end)" : "");
		if (spans[i].want)
			is_str(be_date_span(spans[i].in, spans[i].end, out) == 0 ?
			    out : "(refused)", spans[i].want, name);
		else
			ok(be_date_span(spans[i].in, spans[i].end, out) < 0, name);
	}
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof name, "'%s'", cases[i].in);
		if (cases[i].want)
			is_str(be_date_parse(cases[i].in, out) == 0 ? out : "(refused)",
			    cases[i].want, name);
		else
			ok(be_date_parse(cases[i].in, out) < 0, name);
	}
	return done();
}
