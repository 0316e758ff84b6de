/* libFuzzer entry point: REFI-QDA codebook import. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "qdc.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct be_err e;
	FILE *out = fopen("/dev/null", "w");

	if (out == NULL)
		return 0;
	be_err_init(&e);
	be_qdc_import((const char *)data, size, "fuzz", "fuzz", out, &e);
	fclose(out);
	return 0;
}
