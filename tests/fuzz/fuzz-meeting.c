/* libFuzzer entry point: meeting files (lib/meeting.c) and rendering. */
#include <stdint.h>
#include <stdio.h>

#include "agenda.h"
#include "meeting.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct be_agenda a;
	struct be_err e;
	FILE *fp, *out;
	int f;

	if ((fp = fmemopen((void *)data, size, "r")) == NULL)
		return 0;
	be_agenda_init(&a);
	be_err_init(&e);
	if (be_meeting_load(fp, "fuzz", BE_NL, &a, &e) == 0 &&
	    be_meeting_finish(NULL, &a, &e) == 0 &&
	    (out = fopen("/dev/null", "w")) != NULL) {
		for (f = BE_AF_MD; f <= BE_AF_ICS; f++)
			be_agenda_write(out, &a, f, BE_NL, "2026-11-23T12:00:00Z");
		fclose(out);
	}
	be_agenda_release(&a);
	fclose(fp);
	return 0;
}
