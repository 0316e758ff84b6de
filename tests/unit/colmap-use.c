/* Unit tests of lib/colmap.c: consent to use, headers and answers. */
#include "colmap.h"
#include "story.h"
#include "tap.h"

static const struct { const char *h; int want; } headers[] = {
	{ "Mag de raad uw verhaal gebruiken?", 1 },
	{ "Toestemming gebruik verhaal", 1 },
	{ "Geeft u toestemming om uw verhaal te gebruiken?", 1 },
	{ "Mogen wij uw ervaring anoniem delen?", 1 },
	{ "Anoniem gebruiken", 1 },
	{ "Gebruik", 1 },
	{ "Mag uw verhaal gepubliceerd worden?", 1 },
	{ "Toestemming voor het verhaal", 1 },
	{ "May we use your story?", 1 },
	{ "Consent to use", 1 },
	{ "Mogen wij uw verhaal gebruiken en contact met u opnemen?", 2 },
	{ "Toestemming", 0 },
	{ "Mogen wij contact met u opnemen?", 0 },
	{ "Uw verhaal", 0 },
	{ "Wat wilt u met ons delen?", 0 },
	{ "Hoe vaak gebruikt u de regiotaxi?", 0 },
	{ "Wijk", 0 },
};

static const struct { const char *a; int want; } answers[] = {
	{ "Ja", BE_USE_QUOTE }, { "ja, anoniem", BE_USE_QUOTE },
	{ "JA", BE_USE_QUOTE }, { "Yes", BE_USE_QUOTE },
	{ "akkoord", BE_USE_QUOTE }, { "x", BE_USE_QUOTE },
	{ "quote", BE_USE_QUOTE }, { "Mag geciteerd worden", BE_USE_QUOTE },
	{ "alleen tellen", BE_USE_COUNT }, { "Alleen meetellen", BE_USE_COUNT },
	{ "Ja, maar niet citeren", BE_USE_COUNT },
	{ "ja maar niet letterlijk", BE_USE_COUNT },
	{ "Alleen voor de cijfers", BE_USE_COUNT },
	{ "count", BE_USE_COUNT }, { "Yes, but do not quote me", BE_USE_COUNT },
	{ "Nee", BE_USE_NO }, { "nee, liever niet", BE_USE_NO },
	{ "No", BE_USE_NO }, { "geen toestemming", BE_USE_NO },
	{ "0", BE_USE_NO }, { "no", BE_USE_NO },
	{ "", -2 }, { "  ", -2 },
	{ "misschien", -1 }, { "nog niet", -1 }, { "jawel", -1 },
};

int
main(void)
{
	char name[160];
	size_t i;

	plan((int)(sizeof headers / sizeof headers[0] +
	    sizeof answers / sizeof answers[0]) + 4);
	for (i = 0; i < sizeof headers / sizeof headers[0]; i++) {
		snprintf(name, sizeof name, "header '%s'", headers[i].h);
		ok(be_colmap_use_header(headers[i].h) == headers[i].want, name);
	}
	for (i = 0; i < sizeof answers / sizeof answers[0]; i++) {
		snprintf(name, sizeof name, "answer '%s'", answers[i].a);
		ok(be_use_answer(answers[i].a) == answers[i].want, name);
	}
	ok(be_colmap_field("Mag de raad uw verhaal gebruiken?") == BE_F_USE,
	    "a use column is field use");
	ok(be_colmap_field("Toestemming") == BE_F_CONSENT,
	    "Toestemming stays consent to be contacted");
	is_str(be_use_name(BE_USE_COUNT), "count", "the store's name");
	ok(be_use_parse("quote") == BE_USE_QUOTE && be_use_parse("x") == -1,
	    "be_use_parse");
	return done();
}
