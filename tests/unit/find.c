/*
 * Unit tests of lib/find.c.
 *
 * Run as "find.t --seed STORE <file.sql" it only makes a store at STORE
 * and runs the SQL of standard input in it: the CLI tests of be-find
 * seed their stores that way (tests/fixtures/find/seed.sql).
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "find.h"
#include "tap.h"

static int
seed(struct be_store *st, FILE *fp)
{
	struct be_buf b = BE_BUF_INIT;
	struct be_err e;
	char chunk[4096];
	size_t n;
	int rc;

	be_err_init(&e);
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		be_buf_add(&b, chunk, n);
	rc = be_store_exec(st, b.s, &e);
	if (rc < 0)
		fprintf(stderr, "seed: %s\n", e.msg);
	be_buf_release(&b);
	return rc;
}

/* The refs selected, as "1 2 3". */
static int
collect(struct be_store *st, long long id, void *arg, struct be_err *e)
{
	struct be_buf *b = arg;

	be_buf_addf(b, "%s%lld", b->len ? " " : "", id);
	return 0;
}

static char got[2048];

static const char *
sel(struct be_find *f)
{
	struct be_buf b = BE_BUF_INIT;
	struct be_err e;

	be_err_init(&e);
	if (be_find_run(f, &e) < 0)
		snprintf(got, sizeof got, "error: %s", e.msg);
	else {
		be_find_each(f, collect, &b, &e);
		snprintf(got, sizeof got, "%s", b.s);
	}
	be_buf_release(&b);
	be_find_free(f);
	return got;
}

int
main(int argc, char *argv[])
{
	char dir[] = "/tmp/benut-unit.XXXXXX", path[256], sqlpath[1024];
	const char *top = getenv("BENUT_TOP");
	struct be_store *st;
	struct be_find *f;
	struct be_err e;
	FILE *fp;

	be_err_init(&e);
	if (argc == 3 && strcmp(argv[1], "--seed") == 0) {
		if ((st = be_store_open(argv[2], BE_STORE_WRITE, &e)) == NULL) {
			fprintf(stderr, "seed: %s\n", e.msg);
			return 2;
		}
		argc = seed(st, stdin) < 0 ? 2 : 0;
		be_store_close(st);
		return argc;
	}

	plan(16);
	if (mkdtemp(dir) == NULL)
		return 2;
	snprintf(path, sizeof path, "%s/s.db", dir);
	snprintf(sqlpath, sizeof sqlpath, "%s/tests/fixtures/find/seed.sql",
	    top ? top : ".");
	st = be_store_open(path, BE_STORE_WRITE, &e);
	ok(st != NULL && (fp = fopen(sqlpath, "r")) != NULL &&
	    seed(st, fp) == 0, "seeded a store");

	is_str(sel(be_find_new(st)), "1 2 3 4 5 6 7 8", "no selector: all");
	f = be_find_new(st);
	be_find_tag(f, "vervoer", &e);
	is_str(sel(f), "2 8", "a theme with the one under it");
	f = be_find_new(st);
	be_find_tag(f, "WACHTTIJDEN", &e);
	is_str(sel(f), "1 4", "theme by folded name, present tags only");
	f = be_find_new(st);
	ok(be_find_tag(f, "nope", &e) < 0 &&
	    strcmp(e.msg, "no theme 'nope'; list them with be-tag -l") == 0,
	    "unknown theme");
	be_find_free(f);
	f = be_find_new(st);
	be_find_channel(f, "TELEFOON");
	be_find_channel(f, "e-mail");
	is_str(sel(f), "1 3 4 8", "two channels: either");
	f = be_find_new(st);
	be_find_attr(f, "wijk=noord", &e);
	be_find_attr(f, "Leeftijdsgroep=65+", &e);
	is_str(sel(f), "1", "two attribute keys: both");
	f = be_find_new(st);
	be_find_gemeente(f, "sudwest-fryslan");
	is_str(sel(f), "2", "gemeente without accents");
	f = be_find_new(st);
	be_find_since(f, "2026-02", &e);
	be_find_until(f, "2026-02", &e);
	is_str(sel(f), "5 6", "a month, inclusive");
	f = be_find_new(st);
	ok(be_find_since(f, "2025-02-29", &e) < 0 &&
	    strstr(e.msg, "bad date '2025-02-29'") != NULL, "no 29 February");
	be_find_free(f);
	f = be_find_new(st);
	ok(be_find_until(f, "2024-02-29", &e) == 0, "leap day");
	be_find_free(f);
	f = be_find_new(st);
	be_find_query(f, "wacht*", &e);
	be_find_untagged(f);
	is_str(sel(f), "", "query and untagged");
	f = be_find_new(st);
	be_find_query(f, "NEAR(taxi", &e);
	is_str(sel(f), "error: the query stops too soon; close its \"quotes\" "
	    "and (parentheses), and end it with a word, not with AND, OR or "
	    "NOT", "query syntax error");
	f = be_find_new(st);
	be_find_use_refs(f);
	is_str(sel(f), "", "refs expected, none given: nothing");
	f = be_find_new(st);
	be_find_ref(f, 8, &e);
	be_find_ref(f, 2, &e);
	be_find_ref(f, 8, &e);
	be_find_route(f, 0);
	is_str(sel(f), "2 8", "refs in ref order, once");
	f = be_find_new(st);
	be_find_since_meeting(f, "M-2", &e);
	be_find_route(f, 1);
	is_str(sel(f), "6", "since a meeting, routed");

	be_store_close(st);
	snprintf(path, sizeof path, "rm -rf %s", dir);
	system(path);
	return done();
}
