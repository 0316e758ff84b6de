/*
 * fuzz-csv: libFuzzer entry point of lib/csv.c and lib/enc.c.  Reads all
 * rows of the input with detection on (going on after the errors of a
 * row), then again with a small field limit, and checks what every row
 * and error must satisfy.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "enc.h"

static void
check(const uint8_t *data, size_t size, const struct be_csv_opts *o)
{
	struct be_csv *c;
	struct be_err e;
	FILE *fp;
	char **f, *h;
	size_t n, i, len, max = o->max_field ? o->max_field : BE_CSV_MAX_FIELD;
	unsigned long line, last = 0, fl, fc;
	int r, more;

	if (size == 0 || (fp = fmemopen((void *)data, size, "r")) == NULL)
		return;
	be_err_init(&e);
	if ((c = be_csv_open(fp, "fuzz.csv", o, &e)) == NULL)
		abort();
	while ((r = be_csv_row(c, &f, &n, &line, &e)) != 0) {
		if (r < 0) {
			/* The errors of a row: go on with the next. */
			if (e.line == 0 || e.col == 0 || e.msg[0] == '\0')
				abort();
			if (be_csv_failed(c))
				break;
			continue;
		}
		if (n == 0 || line <= last)
			abort();
		last = line;
		for (i = 0; i < n; i++) {
			len = strlen(f[i]);
			if (len > max)
				abort();
			if (be_utf8_valid((const unsigned char *)f[i], len,
			    &more) != len)
				abort();
			be_csv_field_pos(c, i, &fl, &fc);
			if (fl < line || fc == 0)
				abort();
		}
	}
	if (be_csv_row(c, &f, &n, &line, &e) != r)
		abort();
	h = be_csv_hash(c);
	if (strlen(h) != 64)
		abort();
	free(h);
	be_csv_close(c);
	fclose(fp);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct be_csv_opts o = { 0, NULL, 0 };

	check(data, size, &o);
	o.max_field = 8;
	check(data, size, &o);
	return 0;
}
