/* Unit tests of lib/point.c. */
#include <stdlib.h>
#include <string.h>

#include "point.h"
#include "tap.h"

static long long
count(struct be_store *st, const char *sql)
{
	struct be_err e;
	sqlite3_stmt *q = be_store_stmt(st, sql, &e);
	long long n = -1;

	if (q && sqlite3_step(q) == SQLITE_ROW)
		n = sqlite3_column_int64(q, 0);
	if (q)
		sqlite3_reset(q);
	return n;
}

int
main(void)
{
	char dir[] = "/tmp/benut-unit.XXXXXX", path[256], buf[128], *s, *s2;
	struct be_store *st;
	struct be_point p;
	struct be_err e;
	long long ids[] = { 1, 2 }, id = 0;
	int i;

	plan(36);
	/* States. */
	is_str(be_pstate_name(BE_PS_GEAGENDEERD), "geagendeerd", "state name");
	ok(be_pstate_name(BE_PS_N) == NULL, "no name past the last");
	ok(be_pstate_parse("vervallen") == BE_PS_VERVALLEN, "state parse");
	ok(be_pstate_parse("Gereed") == -1, "states are lower case");
	ok(be_pstate_can(BE_PS_CONCEPT, BE_PS_GEREED), "concept -> gereed");
	ok(!be_pstate_can(BE_PS_CONCEPT, BE_PS_INGEBRACHT),
	    "not concept -> ingebracht");
	ok(be_pstate_can(BE_PS_GEREED, BE_PS_CONCEPT), "gereed -> concept");
	ok(!be_pstate_can(BE_PS_INGEBRACHT, BE_PS_GEAGENDEERD),
	    "not ingebracht -> geagendeerd");
	for (i = BE_PS_CONCEPT; i < BE_PS_TERUGGEKOPPELD; i++)
		if (!be_pstate_can(i, BE_PS_VERVALLEN))
			break;
	ok(i == BE_PS_TERUGGEKOPPELD, "every state before the end can vervallen");
	is_str(be_pstate_next(BE_PS_GEREED, buf, sizeof buf),
	    "geagendeerd, concept, vervallen", "next states");
	is_str(be_pstate_next(BE_PS_VERVALLEN, buf, sizeof buf), "none",
	    "none after a final state");

	/* Dates. */
	ok(be_point_date_ok("2028-02-29") && !be_point_date_ok("2026-02-29"),
	    "leap years");
	ok(!be_point_date_ok("2026-1-01") && !be_point_date_ok("2026-04-31") &&
	    !be_point_date_ok("2026-04-01T10:00"), "bad dates");

	/* Quotes. */
	s = be_point_quote("  Eerste zin.   Tweede\nzin! Derde zin.");
	is_str(s, "Eerste zin. Tweede zin!", "two sentences, white space one");
	free(s);
	s = be_point_quote("Zonder punt aan het eind");
	is_str(s, "Zonder punt aan het eind", "no sentence end: all");
	free(s);
	s = be_point_quote("Hij zei: \"Ik kom.\" Maar hij kwam niet.");
	is_str(s, "Hij zei: \"Ik kom.\" Maar hij kwam niet.",
	    "a closing quote ends a sentence with it");
	free(s);
	s = be_point_quote("Wacht o.a. op de taxi. Lang.");
	is_str(s, "Wacht o.a. op de taxi. Lang.", "abbreviations go on");
	free(s);
	s = be_point_quote("");
	is_str(s, "", "empty text, empty quote");
	free(s);
	s = be_point_quote("Eerste zin. Tweede zin zonder punt");
	is_str(s, "Eerste zin. Tweede zin zonder punt",
	    "the last sentence needs no full stop");
	s2 = be_point_quote("2026. Het jaar van de wachtlijst. Daarna niets.");
	is_str(s2, "2026. Het jaar van de wachtlijst. Daarna niets.",
	    "a bare number is no sentence: the quote goes on");
	free(s);
	free(s2);
	s = be_point_quote("Sinds maart 2026. En nog steeds. Meer. Nog meer.");
	is_str(s, "Sinds maart 2026. En nog steeds.",
	    "a year that ends a sentence ends it");
	free(s);
	s = be_point_quote("1. Wachten. 2. Bellen. 3. Niets.");
	is_str(s, "1. Wachten. 2. Bellen.", "numbered: never a bare \"1.\"");
	free(s);

	/* The store. */
	if (mkdtemp(dir) == NULL)
		return 2;
	snprintf(path, sizeof path, "%s/s.db", dir);
	be_err_init(&e);
	st = be_store_open(path, BE_STORE_WRITE, &e);
	ok(st != NULL && be_store_exec(st, "INSERT INTO story (id, cid, text, "
	    "added) VALUES (1, 'a', 'Een. Twee.', 'x'), (2, 'b', 'Drie.', 'x');"
	    "INSERT INTO tag (id, name) VALUES (1, 'b'), (2, 'a');"
	    "INSERT INTO story_tag (story_id, tag_id, origin, at) VALUES "
	    "(1, 1, 'rule', 'x'), (2, 2, 'rule', 'x')", &e) == 0,
	    "a store with two stories");
	ok(be_point_new(st, "Titel", ids, 2, NULL, "2026-01-02", &id, &e) == 0
	    && id == 1, "new");
	ok(be_point_get(st, 1, &p, &e) == 0 && p.nstories == 2 &&
	    strcmp(p.stories[0].quote, "Een. Twee.") == 0 &&
	    p.state == BE_PS_CONCEPT && p.nhistory == 1 &&
	    strcmp(p.history[0].date, "2026-01-02") == 0, "get");
	is_str(p.theme, "a", "a tie between tags goes to the first by name");
	be_point_release(&p);
	ok(be_point_get(st, 9, &p, &e) < 0 && strcmp(e.msg, "no point P-9")
	    == 0, "get of a point that is not there");
	be_point_release(&p);
	ok(be_point_set_state(st, 1, "gereed", NULL, 0, NULL, &e) == 0 &&
	    be_point_set_state(st, 1, "geagendeerd", "2026-02-01", 2, NULL,
	    &e) == 0, "to geagendeerd for meeting M-2");
	ok(be_point_set_state(st, 1, "geagendeerd", "2026-02-01", 2, NULL,
	    &e) == 0 && count(st, "SELECT count(*) FROM point_state") == 3,
	    "recording the same meeting again changes nothing");
	ok(be_point_set_state(st, 1, "geagendeerd", "2026-03-01", 3, "uitgesteld",
	    &e) == 0 && count(st, "SELECT count(*) FROM point_state") == 4,
	    "on to the next meeting: a new move");
	ok(be_point_set_state(st, 1, "geagendeerd", NULL, 0, NULL, &e) < 0 &&
	    strcmp(e.msg, "P-1 is already 'geagendeerd'") == 0,
	    "without a meeting it stays put");
	ok(be_point_get(st, 1, &p, &e) == 0 && p.history[3].meeting_id == 3 &&
	    strcmp(p.history[3].note, "uitgesteld") == 0, "meeting and note kept");
	be_point_release(&p);
	ok(be_store_begin(st, &e) == 0 &&
	    be_point_set_state(st, 1, "ingebracht", NULL, 0, NULL, &e) == 0,
	    "a move inside the caller's transaction");
	be_store_rollback(st);
	ok(count(st, "SELECT count(*) FROM point_state") == 4 &&
	    count(st, "SELECT state = 'geagendeerd' FROM point") == 1,
	    "is undone with it");
	ok(be_point_answer(st, 1, "deels", NULL, NULL, &e) < 0,
	    "no answer before ingebracht");
	ok(be_point_set_state(st, 1, "ingebracht", NULL, 0, NULL, &e) == 0 &&
	    be_point_answer(st, 1, "afgewezen", "", "2026-03-02", &e) == 0 &&
	    count(st, "SELECT answer_text IS NULL AND state = 'beantwoord' "
	    "FROM point") == 1, "answer with no text");
	be_store_close(st);
	snprintf(path, sizeof path, "rm -rf %s", dir);
	if (system(path) != 0)
		return 2;
	return done();
}
