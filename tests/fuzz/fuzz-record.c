/*
 * libFuzzer entry point for lib/record.c: parses every line of the
 * input as a record, and checks that escaping the fields and parsing
 * them again gives the same fields.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "record.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data, *end = p + size, *nl;
	struct be_rec r, r2;
	struct be_buf b = BE_BUF_INIT;
	unsigned long col;
	long long id;
	size_t i;

	be_rec_init(&r);
	be_rec_init(&r2);
	for (; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', end - p)) == NULL)
			nl = end;
		col = 0;
		if (be_rec_parse(&r, p, nl - p, &col) < 0) {
			if (col == 0 || col > (size_t)(nl - p))
				abort();
			continue;
		}
		be_ref_parse(be_rec_field(&r, 0), 'S', &id);
		be_buf_reset(&b);
		for (i = 0; i < r.n; i++) {
			if (i)
				be_buf_addc(&b, '\t');
			be_rec_escape(&b, r.f[i]);
		}
		if (be_rec_parse(&r2, b.s, b.len, &col) < 0 || r2.n != r.n)
			abort();
		/* A field cut at a NUL byte is all the record API shows. */
		for (i = 0; i < r.n; i++)
			if (strcmp(r.f[i], r2.f[i]) != 0)
				abort();
	}
	be_buf_release(&b);
	be_rec_release(&r);
	be_rec_release(&r2);
	return 0;
}
