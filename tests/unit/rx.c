/* Unit tests of lib/rx.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lits.h"
#include "rx.h"
#include "tap.h"

/* The pre-filter literals of pat, sorted and joined by ','. */
static const char *
lits(const char *pat)
{
	static char out[512];
	char *const *l;
	struct be_rx *rx;
	struct be_err e;
	size_t n, i, j;
	const char *v[64];

	be_err_init(&e);
	out[0] = 0;
	if ((rx = be_rx_compile(pat, strlen(pat), 0, NULL, &e)) == NULL)
		return "ERROR";
	n = be_rx_literals(rx, &l, NULL);
	for (i = 0; i < n; i++)
		v[i] = l[i];
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			if (strcmp(v[j], v[i]) < 0) {
				const char *t = v[i];
				v[i] = v[j];
				v[j] = t;
			}
	for (i = 0; i < n; i++) {
		if (i)
			strncat(out, ",", sizeof out - strlen(out) - 1);
		strncat(out, v[i], sizeof out - strlen(out) - 1);
	}
	be_rx_free(rx);
	return out;
}

/* Where a match of pat begins before its literal: near bytes ("*" for
 * any), then "w" and far when a run of word characters and far bytes
 * more; "none" without literals. */
static const char *
lead(const char *pat)
{
	static char out[64];
	struct be_lits_lead ld;
	char **l;
	size_t n, i;

	n = be_lits_derive(pat, strlen(pat), &l, &ld);
	for (i = 0; i < n; i++)
		free(l[i]);
	free(l);
	if (n == 0)
		return "none";
	if (ld.near < 0)
		snprintf(out, sizeof out, "*");
	else if (ld.word)
		snprintf(out, sizeof out, "%ldw%ld", ld.near, ld.far);
	else
		snprintf(out, sizeof out, "%ld", ld.near);
	return out;
}

/*
 * Runs pat on s from lo: with be_rx_exec when hi is -1, else with
 * be_rx_exec_in up to hi, then once more with be_rx_exec (the limit is
 * not left behind for the next search: -3 when it is).  -2 when pat does
 * not compile.
 */
static int
run(const char *pat, const char *s, size_t lo, long hi, size_t *so,
    size_t *eo)
{
	struct be_rx *rx;
	struct be_rx_ctx *c;
	struct be_err e;
	size_t so2, eo2;
	int r;

	be_err_init(&e);
	if ((rx = be_rx_compile(pat, strlen(pat), 0, NULL, &e)) == NULL)
		return -2;
	c = be_rx_ctx_new();
	if (hi < 0)
		r = be_rx_exec(rx, c, s, strlen(s), lo, so, eo, &e);
	else {
		r = be_rx_exec_in(rx, c, s, strlen(s), lo, (size_t)hi, so, eo,
		    &e);
		if (r >= 0 && be_rx_exec(rx, c, s, strlen(s), lo, &so2, &eo2,
		    &e) < 0)
			r = -3;
	}
	be_rx_ctx_free(c);
	be_rx_free(rx);
	return r;
}

/* The match of pat in s that begins in [lo, hi], as "so-eo", or "none". */
static const char *
in(const char *pat, const char *s, size_t lo, size_t hi)
{
	static char out[64];
	size_t so, eo;

	switch (run(pat, s, lo, (long)hi, &so, &eo)) {
	case 1:
		snprintf(out, sizeof out, "%zu-%zu", so, eo);
		return out;
	case 0:
		return "none";
	case -2:
		return "ERROR";
	case -3:
		return "error after";
	default:
		return "error";
	}
}

/* Sorts the hits by id, then offset. */
static void
hits_sort(struct be_lits_hits *h)
{
	size_t i, j;

	for (i = 0; i < h->n; i++)
		for (j = i + 1; j < h->n; j++)
			if (h->v[j].id < h->v[i].id || (h->v[j].id ==
			    h->v[i].id && h->v[j].at < h->v[i].at)) {
				struct be_lits_hit t = h->v[i];

				h->v[i] = h->v[j];
				h->v[j] = t;
			}
}

static int
m(const char *pat, const char *s)
{
	size_t so, eo;

	return run(pat, s, 0, -1, &so, &eo);
}

int
main(void)
{
	struct be_err e;
	struct be_rx *rx;
	struct be_rx_ctx *c;
	struct be_lits *l;
	struct be_buf b = BE_BUF_INIT;
	unsigned marks[4] = { 0, 0, 0, 0 };
	struct be_lits_hits h = { NULL, 0, 0, 0 };
	size_t off = 0, so, eo, n;
	char *big;

	plan(74);
	be_err_init(&e);
	is_str(lits("\\bwacht(en|lijst|tijd)"), "wachten,wachtlijst,wachttijd",
	    "expanded alternatives");
	is_str(lits("\\b(taxi|regiotaxi|vervoer|valys)\\b"),
	    "regiotaxi,taxi,valys,vervoer", "alternatives");
	is_str(lits("\\b(regio)?taxi"), "regiotaxi,taxi", "optional group");
	is_str(lits("Wacht\\w*lijst"), "wacht", "first of equal parts");
	is_str(lits("[ck]ommunicatie"), "communicatie,kommunicatie",
	    "small class expands");
	is_str(lits("financi\xc3\xable"), "financi", "stops at non-ASCII");
	is_str(lits("\\w+"), "", "no literal");
	is_str(lits("(a+)+$"), "", "too short");
	is_str(lits("taxi|\\d+"), "", "an alternative without literal");
	is_str(lits("(?i)schuld(en)?"), "schuld", "option setting");
	is_str(lits("\\1abc(x)"), "", "back reference bails");
	is_str(lits("(?x) taxi"), "", "extended mode bails");
	is_str(lits("(?<n>bus)sen"), "bussen", "named group");
	is_str(lits("post(?=bode)"), "post", "lookahead is empty");
	is_str(lits("\\b\\w*toeslag(en)?\\b"), "toeslag",
	    "a run after \\w*");
	is_str(lits("\\bre-?integratie\\w*|\\bre\xc3\xafntegratie"),
	    "ntegratie,re-integratie,reintegratie",
	    "a run after non-ASCII (the others kept: the window is bounded)");
	is_str(lits("\\b(on)?vriendelijk(e|er)?\\b"),
	    "onvriendelijk,vriendelijk", "a literal that begins another");
	is_str(lits("\\Gtaxi"), "", "\\G bails");
	is_str(lits("\\Qa.b+c\\E"), "a.b+c", "\\Q...\\E");
	is_str(lead("\\b(on)?bereikba(ar|re)\\b"), "0", "prefix");
	is_str(lead("(?<=de )taxi"), "0", "prefix after lookbehind");
	is_str(lead("\\w*vervoer"), "0w0", "any word characters before");
	is_str(lead("taxi|\\w+bus"), "0w0", "the wider of two alternatives");
	is_str(lead("\\b(betaald werk|\\w*baan|werkloos)\\b"), "0w0",
	    "the widest alternative of a group");
	is_str(lead("\\b(hoor|lag)\\b[^.;!?]{0,25}\\b(dagen|weken)"), "104",
	    "bounded: 4 bytes, then 25 characters of 4 bytes at most");
	is_str(lead("(ab|cd)\\.{2}wacht"), "4", "a repeated character");
	is_str(lead("\\w{1,3}taxi"), "12", "a bounded \\w");
	is_str(lead("\xc3\xa9{2}taxi"), "8", "non-ASCII counts as a word");
	is_str(lead(".{0,5}wacht"), "20", "a bounded dot");
	is_str(lead("\\Xwacht"), "*", "\\X has no bound");
	is_str(lead("\\b(twee|drie|\\d+|zo vaak) (keer )?gebeld"), "0w7",
	    "a word (\\d+) or at most 7 bytes before the run");
	is_str(lead("\\b(pas )?na (\\w+ )?(dagen|weken)\\b"), "1w7",
	    "a space and a word, then 7 bytes");
	is_str(lits("\\b(steeds|weer) (\\w+ ){0,3}(aanleveren|invullen)\\b"),
	    "steeds ,weer ", "4 bytes at a bounded lead before 8 at none");
	is_str(lead("\\b(wil|ga) (\\w+ ){0,3}werken\\b"), "*",
	    "but not 3 bytes");
	is_str(lead("(?:\\s|-)+wacht"), "*", "unbounded, not a word");
	is_str(lead("ab\\Kwacht"), "none", "\\K bails");
	is_str(lead("(?R)?wacht"), "none", "recursion bails");
	is_str(lead("\\bbureaucrat\\w*"), "0", "a run before \\w*");
	is_str(in("\\b(hoor|lag)\\b[^.;!?]{0,25}\\b(dagen|weken)",
	    "x hoor y dagen", 0, 1), "none", "no match begins in the window");
	is_str(in("\\b(hoor|lag)\\b[^.;!?]{0,25}\\b(dagen|weken)",
	    "x hoor y dagen", 0, 2), "2-14", "a match begins at its end");
	is_str(in("\\bwacht", "de wacht", 4, 4), "none",
	    "\\b looks before lo");
	is_str(in("(?<=de )wacht", "de wacht", 3, 3), "3-8",
	    "lookbehind looks before lo");
	is_str(in("\\w*taxi", "de regiotaxi", 3, 12), "3-12",
	    "the leftmost start in the window");
	is_str(in("\\w*taxi", "de regiotaxi", 4, 12), "4-12",
	    "not before lo");
	is_str(in("taxi|\\d", "1 taxi", 2, 2), "2-6",
	    "a pattern without a window: the leftmost match from lo");
	is_str(in("taxi|\\d", "taxi 1", 1, 3), "none", "when it begins by hi");
	is_int(m("\\bwacht", "De WACHTtijd"), 1, "caseless");
	is_int(m("\\bcli\xc3\xabnt\\b", "de CLI\xc3\x8bNT zegt"), 1,
	    "caseless on \xc3\xab and \\b with UCP");
	is_int(m("\\bé", "caféé"), 0, "\\b between letters with accents");
	is_int(m("taxi", "de bus"), 0, "no match");
	ok(be_rx_compile("(abc", 4, 0, &off, &e) == NULL &&
	    strcmp(e.msg, "missing closing parenthesis") == 0 && off == 4,
	    "compile error with offset");
	ok(be_rx_compile("zorg|", 5, 0, &off, &e) == NULL &&
	    strncmp(e.msg, "pattern can match the empty string", 34) == 0 &&
	    off == 0, "a pattern that can match the empty string refused");
	ok(be_rx_compile("(wacht)*", 8, 0, &off, &e) == NULL, "(wacht)* too");
	ok(be_rx_compile("", 0, 0, &off, &e) == NULL, "and ''");
	ok(be_rx_compile("ab\\Cd", 5, 0, &off, &e) == NULL && off == 2 &&
	    strcmp(e.msg, "\\C (one byte) is not allowed; write . for one "
	    "character") == 0, "\\C refused, at its backslash");
	/* Catastrophic backtracking hits a limit, never "no match". */
	n = 50000;
	big = malloc(n + 2);
	memset(big, 'a', n);
	big[n] = 'b';
	big[n + 1] = 0;
	rx = be_rx_compile("(a+)+$", 6, 0, NULL, &e);
	c = be_rx_ctx_new();
	be_err_init(&e);
	ok(be_rx_exec(rx, c, big, n + 1, 0, &so, &eo, &e) == -1 &&
	    strstr(e.msg, "limit") != NULL, "limit reported");
	be_rx_free(rx);
	rx = be_rx_compile("x", 1, 0, NULL, &e);
	be_err_init(&e);
	ok(be_rx_exec(rx, c, "a\xff", 2, 0, &so, &eo, &e) == -1 &&
	    strcmp(e.msg, "text is not valid UTF-8") == 0, "bad UTF-8");
	be_rx_free(rx);
	be_rx_ctx_free(c);
	free(big);
	be_lits_fold("TAXI \xe2\x84\xaa" "ees \xc5\xbf" "chuld \xc3\x89", 22, &b);
	is_str(b.s, "taxi kees schuld \xc3\x89", "fold");
	be_buf_reset(&b);
	ok(be_lits_fold("TAXI \xc3\x89", 7, &b) == 1, "fold keeps offsets");
	be_buf_reset(&b);
	ok(be_lits_fold("\xc5\xbf", 2, &b) == 0, "fold shortens");
	be_buf_reset(&b);
	be_lits_fold("TAXI \xe2\x84\xaa" "ees \xc5\xbf" "chuld \xc3\x89", 22, &b);
	l = be_lits_new();
	be_lits_add(l, "taxi", 0);
	be_lits_add(l, "regiotaxi", 1);
	be_lits_add(l, "axe", 2);
	be_lits_add(l, "wacht", 3);
	be_lits_build(l);
	be_lits_scan(l, b.s, b.len, marks, 7, NULL);
	ok(marks[0] == 7, "scan finds taxi");
	ok(marks[1] == 0 && marks[2] == 0 && marks[3] == 0, "and nothing else");
	be_lits_scan(l, "de regiotaxi wacht", 18, marks, 8, NULL);
	ok(marks[0] == 8 && marks[1] == 8, "overlapping literals");
	ok(marks[3] == 8 && marks[2] == 0, "later literal");
	be_lits_scan(l, "taxe", 4, marks, 9, NULL);
	ok(marks[2] == 9 && marks[0] == 8, "suffix through fail link");
	be_lits_scan(l, "taxi regiotaxi taxi", 19, marks, 11, &h);
	hits_sort(&h);
	ok(h.n == 4 && h.v[0].id == 0 && h.v[0].at == 0 && h.v[1].id == 0 &&
	    h.v[1].at == 10 && h.v[2].at == 15 && h.v[3].id == 1 &&
	    h.v[3].at == 5, "every offset");
	be_lits_scan(l, "wacht regiotaxi", 15, marks, 12, &h);
	hits_sort(&h);
	ok(h.n == 3 && h.v[0].id == 0 && h.v[0].at == 11 && h.v[1].id == 1 &&
	    h.v[1].at == 6 && h.v[2].id == 3 && h.v[2].at == 0 && !h.full,
	    "emptied at each scan");
	big = malloc(4 * 5000 + 1);
	for (n = 0; n < 5000; n++)
		memcpy(big + 4 * n, "taxi", 4);
	be_lits_scan(l, big, 4 * 5000, marks, 13, &h);
	ok(h.n == BE_LITS_MAXHITS && h.full && marks[0] == 13,
	    "at most BE_LITS_MAXHITS offsets, then full");
	free(big);
	be_lits_hits_release(&h);
	be_lits_free(l);
	l = be_lits_new();
	be_lits_build(l);
	be_lits_scan(l, "abc", 3, marks, 10, NULL);
	ok(marks[0] == 13, "empty scanner");
	be_lits_free(l);
	be_buf_release(&b);
	is_int(m("k", "\xe2\x84\xaa"), 1, "kelvin sign matches k (why fold)");
	ok(be_rx_utf8_ok("caf\xc3\xa9 \xf0\x9f\x98\x8a", 10), "valid UTF-8");
	ok(!be_rx_utf8_ok("caf\xc3", 4), "truncated sequence");
	ok(!be_rx_utf8_ok("\xc0\xaf", 2), "overlong form");
	ok(!be_rx_utf8_ok("\xed\xa0\x80", 3), "surrogate");
	return done();
}
