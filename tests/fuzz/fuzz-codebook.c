/* libFuzzer entry point: codebook loading, checking and evaluation. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "codebook.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct be_codebook *cb;
	struct be_err e, *fails;
	size_t nf, nex;

	be_err_init(&e);
	if (be_codebook_parse((const char *)data, size, "fuzz", &cb, &e) == 0) {
		if (be_codebook_check(cb, &fails, &nf, &nex, &e) == 0)
			free(fails);
		be_codebook_free(cb);
	}
	return 0;
}
