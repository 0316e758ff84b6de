/* Unit tests of lib/colmap.c: name columns, the story text column. */
#include <string.h>

#include "colmap.h"
#include "tap.h"

static const struct {
	const char *h;
	int f;
} heads[] = {
	{ "Naam", BE_F_NAME }, { "Uw naam (niet verplicht)", BE_F_NAME },
	{ "Voornaam", BE_F_NAME }, { "Achternaam (optioneel)", BE_F_NAME },
	{ "Roepnaam", BE_F_NAME }, { "Initialen", BE_F_NAME },
	{ "Naam respondent", BE_F_NAME }, { "Name", BE_F_NAME },
	{ "Full name", BE_F_NAME }, { "Wat is uw naam?", BE_F_NAME },
	{ "Uw volledige naam (voluit):", BE_F_NAME },
	{ "Hoe heet u?", BE_F_NAME }, { "Naam huisarts", BE_F_NAME },
	{ "E-mailadres (niet verplicht)", BE_F_EMAIL },
	{ "Naam organisatie", BE_F_ATTR }, { "Straatnaam", BE_F_ADDRESS },
	{ "Gebruikersnaam", BE_F_ATTR }, { "Naam van uw gemeente", BE_F_ATTR },
	{ "Wat wilt u de cliëntenraad vertellen?", BE_F_ATTR },
};

int
main(void)
{
	char *h[] = { "Tijdstempel", "Uw naam", "Korte vraag",
	    "Wat wilt u de raad vertellen?", "Nog iets?" };
	char *r1[] = { "2026-01-01", "Jos", "ja", "Een lang verhaal over de "
	    "taxi die niet kwam",
	    "nog een opmerking over de bus die niet kwam" };
	char *r2[] = { "2026-01-02", "Piet", "nee", "Weer een verhaal van "
	    "iemand", "weer een opmerking van hem" };
	char **rows[] = { r1, r2 };
	size_t nf[] = { 5, 5 }, i, bad;
	struct be_colmap cm;
	struct be_err e;

	plan((int)(sizeof heads / sizeof heads[0]) + 6);
	for (i = 0; i < sizeof heads / sizeof heads[0]; i++)
		is_str(be_field_name(be_colmap_synonym(heads[i].h)),
		    be_field_name(heads[i].f), heads[i].h);

	be_err_init(&e);
	ok(be_colmap_build(&cm, h, 5, NULL, &bad, &e) < 0 && bad == 5,
	    "no header names the text");
	is_int(be_colmap_pick_text(&cm, rows, nf, 2, &e), 3,
	    "the header that speaks of telling wins");
	is_int(cm.col[BE_F_TEXT], 3, "and is the text column");
	be_colmap_release(&cm);

	h[3] = "Vraag 4";
	be_err_init(&e);
	be_colmap_build(&cm, h, 5, NULL, &bad, &e);
	is_int(be_colmap_pick_text(&cm, rows, nf, 2, &e), -1,
	    "two columns as likely: refused");
	is_str(e.msg, "columns 'Vraag 4' and 'Nog iets?' both look like the "
	    "story text; choose one with --text-column or -m", "naming both");
	ok(be_colmap_set_text(&cm, "vraag 4", &e) == 0 &&
	    cm.col[BE_F_TEXT] == 3, "set by header");
	be_colmap_release(&cm);
	return done();
}
