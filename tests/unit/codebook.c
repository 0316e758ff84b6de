/* Unit tests of lib/codebook.c. */
#include <stdlib.h>
#include <string.h>

#include "codebook.h"
#include "tap.h"

static const char cbtext[] =
    "kind: codebook\n"
    "version: 1\n"
    "name: t\n"
    "themes:\n"
    "  - name: vervoer\n"
    "    colour: '#ABCDEF'\n"
    "    match: ['\\b(regio)?taxi', '\\bvervoer']\n"
    "    unless: ['\\bgeen klacht']\n"
    "  - name: kind\n"
    "    parent: vervoer\n"
    "    match: ['\\w+s\\b']\n";

/* Whether theme i tags s, by brute force (no pre-filter). */
static int
brute(const struct be_codebook *cb, size_t i, const char *s)
{
	const struct be_cb_theme *t = &cb->themes[i];
	struct be_rx_ctx *c = be_rx_ctx_new();
	struct be_err e;
	size_t j, so, eo;
	int m = 0, v = 0;

	for (j = 0; j < t->nmatch; j++)
		m |= be_rx_exec(t->match[j].rx, c, s, strlen(s), 0, &so, &eo,
		    &e) == 1;
	for (j = 0; j < t->nunless; j++)
		v |= be_rx_exec(t->unless[j].rx, c, s, strlen(s), 0, &so, &eo,
		    &e) == 1;
	be_rx_ctx_free(c);
	return m && !v;
}

int
main(void)
{
	static const char *texts[] = {
		"De REGIOTAXI en de taxi en de Taxi.",
		"Vervoer, geen klacht.",
		"Het \xe2\x84\xaa" "aas is op",		/* Kelvin sign */
		"lange \xc5\xbf" "chuld",
		"niets",
		"",
	};
	struct be_codebook *cb, *sd;
	struct be_cb_eval *ev;
	const struct be_cb_hit *h;
	struct be_err e, *fails;
	size_t i, j, nf, nex;
	long bad;
	int same = 1;

	plan(18);
	be_err_init(&e);
	ok(be_codebook_parse(cbtext, sizeof cbtext - 1, "t.yaml", &cb, &e) == 0,
	    "parses");
	is_int((long long)cb->nthemes, 2, "two themes");
	is_str(cb->themes[0].colour, "#abcdef", "colour in lower case");
	is_int(cb->themes[1].parent_ix, 0, "parent resolved");
	is_int((long long)strlen(cb->hash), 64, "hash");
	ev = be_cb_eval_new(cb);
	ok(be_cb_eval(ev, texts[0], strlen(texts[0]), &h, &bad, &e) == 0,
	    "evaluates");
	ok(h[0].tagged && h[0].pat == 0, "tagged by the first pattern");
	is_str(h[0].words, "REGIOTAXI, taxi, Taxi", "distinct words");
	be_cb_eval(ev, texts[1], strlen(texts[1]), &h, &bad, &e);
	ok(!h[0].tagged && h[0].veto == 0, "vetoed by unless");
	be_cb_eval_free(ev);
	be_codebook_free(cb);

	be_err_init(&e);
	ok(be_codebook_load("share/codebooks/sociaal-domein.yaml",
	    &sd, &e) == 0, "loads the starter codebook");
	ok(be_codebook_check(sd, &fails, &nf, &nex, &e) == 0 && nf == 0 &&
	    nex > 60, "its examples pass");
	free(fails);
	/* The pre-filter never changes an outcome. */
	ev = be_cb_eval_new(sd);
	for (i = 0; i < sd->nthemes; i++)
		for (j = 0; j < sd->themes[i].nyes + sd->themes[i].nno; j++) {
			const char *s = j < sd->themes[i].nyes ?
			    sd->themes[i].yes[j].text :
			    sd->themes[i].no[j - sd->themes[i].nyes].text;
			size_t k;

			be_cb_eval(ev, s, strlen(s), &h, &bad, &e);
			for (k = 0; k < sd->nthemes; k++)
				same &= h[k].tagged == brute(sd, k, s);
		}
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		be_cb_eval(ev, texts[i], strlen(texts[i]), &h, &bad, &e);
		for (j = 0; j < sd->nthemes; j++)
			same &= h[j].tagged == brute(sd, j, texts[i]);
	}
	ok(same, "pre-filter agrees with running every pattern");
	be_cb_eval_free(ev);
	be_codebook_free(sd);

	/* The same with BENUT_PREFILTER=0, on every example of the starter
	 * codebook and of one with letters PCRE2 folds its own way: the
	 * same first pattern, veto and words. */
	for (i = 0; i < 2; i++) {
		const char *path = i ? "tests/fixtures/tag/fold.yaml" :
		    "share/codebooks/sociaal-domein.yaml";
		struct be_codebook *off;
		struct be_cb_eval *ev2;
		const struct be_cb_hit *h2;
		size_t t, k, nhits = 0;

		same = 1;
		unsetenv("BENUT_PREFILTER");
		be_codebook_load(path, &sd, &e);
		setenv("BENUT_PREFILTER", "0", 1);
		be_codebook_load(path, &off, &e);
		unsetenv("BENUT_PREFILTER");
		ok(sd->filtered && !off->filtered, "BENUT_PREFILTER=0 "
		    "switches the pre-filter off");
		ev = be_cb_eval_new(sd);
		ev2 = be_cb_eval_new(off);
		for (t = 0; t < sd->nthemes; t++)
			for (j = 0; j < sd->themes[t].nyes +
			    sd->themes[t].nno; j++) {
				const char *s = j < sd->themes[t].nyes ?
				    sd->themes[t].yes[j].text :
				    sd->themes[t].no[j -
				    sd->themes[t].nyes].text;

				be_cb_eval(ev, s, strlen(s), &h, &bad, &e);
				be_cb_eval(ev2, s, strlen(s), &h2, &bad, &e);
				for (k = 0; k < sd->nthemes; k++) {
					nhits += h[k].tagged;
					same &= h[k].tagged == h2[k].tagged &&
					    h[k].pat == h2[k].pat &&
					    h[k].veto == h2[k].veto &&
					    strcmp(h[k].words ? h[k].words :
					    "", h2[k].words ? h2[k].words :
					    "") == 0;
				}
			}
		ok(same && nhits > 10, i ? "fold.yaml: examples tagged "
		    "the same without the pre-filter" : "sociaal-domein: "
		    "examples tagged the same without the pre-filter");
		be_cb_eval_free(ev);
		be_cb_eval_free(ev2);
		be_codebook_free(sd);
		be_codebook_free(off);
	}

	be_err_init(&e);
	{
		static const char bad[] = "kind: codebook\nversion: 1\n"
		    "name: x\nthemes:\n  - name: a\n    match: [ok, 'x(']\n";

		ok(be_codebook_parse(bad, sizeof bad - 1, "b.yaml", &cb,
		    &e) < 0 && e.line == 6 && e.col == 20,
		    "pattern error place");
	}
	is_str(e.msg, "theme 'a': missing closing parenthesis", "its message");
	return done();
}
