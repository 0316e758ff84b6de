/* Unit tests of lib/rx.c. */
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

/* Whether every match of pat begins with one of its literals. */
static int
pre(const char *pat)
{
	char **l;
	size_t n, i;
	int p;

	n = be_lits_derive(pat, strlen(pat), &l, &p);
	for (i = 0; i < n; i++)
		free(l[i]);
	free(l);
	return n ? p : -1;
}

static int
m(const char *pat, const char *s)
{
	struct be_rx *rx;
	struct be_rx_ctx *c;
	struct be_err e;
	size_t so, eo;
	int r;

	be_err_init(&e);
	rx = be_rx_compile(pat, strlen(pat), 0, NULL, &e);
	if (rx == NULL)
		return -2;
	c = be_rx_ctx_new();
	r = be_rx_exec(rx, c, s, strlen(s), 0, &so, &eo, &e);
	be_rx_ctx_free(c);
	be_rx_free(rx);
	return r;
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
	size_t first[4];
	size_t off = 0, so, eo, n;
	char *big;

	plan(51);
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
	    "ntegratie", "a run after non-ASCII (implies the others)");
	is_str(lits("\\b(on)?vriendelijk(e|er)?\\b"),
	    "onvriendelijk,vriendelijk", "a literal that begins another");
	is_str(lits("\\Gtaxi"), "", "\\G bails");
	is_str(lits("\\Qa.b+c\\E"), "a.b+c", "\\Q...\\E");
	is_int(pre("\\b(on)?bereikba(ar|re)\\b"), 1, "prefix");
	is_int(pre("(?<=de )taxi"), 1, "prefix after lookbehind");
	is_int(pre("\\w*vervoer"), 0, "not a prefix after \\w*");
	is_int(pre("taxi|\\w+bus"), 0, "not a prefix in one alternative");
	is_int(pre("\\b(betaald werk|\\w*baan|werkloos)\\b"), 0,
	    "not a prefix in one alternative of a group");
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
	be_lits_scan(l, "taxi regiotaxi taxi", 19, marks, 11, first);
	ok(first[0] == 0 && first[1] == 5, "first offsets");
	be_lits_scan(l, "wacht regiotaxi", 15, marks, 12, first);
	ok(first[0] == 11 && first[1] == 6 && first[3] == 0,
	    "first offsets again");
	be_lits_free(l);
	l = be_lits_new();
	be_lits_build(l);
	be_lits_scan(l, "abc", 3, marks, 10, NULL);
	ok(marks[0] == 12, "empty scanner");
	be_lits_free(l);
	be_buf_release(&b);
	is_int(m("k", "\xe2\x84\xaa"), 1, "kelvin sign matches k (why fold)");
	ok(be_rx_utf8_ok("caf\xc3\xa9 \xf0\x9f\x98\x8a", 10), "valid UTF-8");
	ok(!be_rx_utf8_ok("caf\xc3", 4), "truncated sequence");
	ok(!be_rx_utf8_ok("\xc0\xaf", 2), "overlong form");
	ok(!be_rx_utf8_ok("\xed\xa0\x80", 3), "surrogate");
	return done();
}
