/* Unit tests of lib/ctl.c. */
#include <stdlib.h>
#include <string.h>

#include "ctl.h"
#include "tap.h"

static char out[256];

/* be_ctl_write of s, as a string. */
static const char *
wr(const char *s)
{
	FILE *fp = fmemopen(out, sizeof out, "w");

	be_ctl_write(fp, s, strlen(s));
	fclose(fp);
	return out;
}

static const char *
cl(const char *s)
{
	size_t n = strlen(s);

	memcpy(out, s, n + 1);
	out[be_ctl_clean(out, n)] = '\0';
	return out;
}

int
main(void)
{
	unsigned cp = 0;

	plan(12);
	is_int((long)be_ctl_find("ab\tc\r\nd", 7, &cp), 7,
	    "TAB, CR, LF are no control characters here");
	is_int((long)be_ctl_find("ab\x1b[", 4, &cp), 2, "ESC found");
	is_int(cp, 0x1b, "ESC's code point");
	is_int((long)be_ctl_find("\xc3\xa9\xc2\xa0x\xc2\x85", 7, &cp), 5,
	    "C1 NEL found, U+00A0 passed");
	is_int(cp, 0x85, "NEL's code point");
	is_int((long)be_ctl_find("x\x7f", 2, &cp), 1, "DEL found");
	is_str(wr("a\x1b]0;t\x07 b"), "a?]0;t? b", "written as '?'");
	is_str(wr("r\xc2\x9b" "2J\xc2\xa9"), "r?2J\xc2\xa9", "C1 as one '?'");
	is_str(wr("a\r\nb\rc\r"), "a\r\nb?c?", "a CR that ends no line");
	is_str(cl("a\x1b[2J\xc2\x9b" "b\r\n"), "a?[2J?b\r\n", "cleaned in place");
	is_str(cl(""), "", "empty");
	is_str(wr("plain text"), "plain text", "plain text as it is");
	return done();
}
