/* Unit tests of lib/ydoc.c. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "ctl.h"
#include "ydoc.h"
#include "tap.h"

static char errbuf[2048];

/* Loads one document from s; NULL and the message in errbuf on error. */
static struct be_ynode *
load(const char *s)
{
	struct be_ynode *d;
	struct be_err e;

	be_err_init(&e);
	errbuf[0] = '\0';
	if (be_yaml_load1_mem(s, strlen(s), "t.yaml", &d, &e) < 0) {
		be_err_str(&e, errbuf, sizeof errbuf);
		return NULL;
	}
	return d;
}

/* The message of loading s ("ok" when it loads). */
static const char *
loaderr(const char *s)
{
	struct be_ynode *d = load(s);

	if (d) {
		be_ynode_free(d);
		return "ok";
	}
	return errbuf;
}

static const char *
estr(struct be_err *e)
{
	return be_err_str(e, errbuf, sizeof errbuf);
}

static void
test_tree(void)
{
	const char *in = "kind: point\nversion: 1\ntitle: Taxi komt te laat\n"
	    "stories:\n  - ref: S-1\n    quote: \"x\"\n  - ref: S-2\n"
	    "empty:\nnone: ~\n";
	struct be_ynode *d = load(in);
	const struct be_ynode *s, *n;

	ok(d != NULL, "loads a point");
	if (d == NULL)
		return;
	ok(d->kind == BE_YMAP && d->n == 6, "root is a map of 6 pairs");
	ok(d->line == 1 && d->col == 1, "root at 1:1");
	n = be_ymap_get(d, "title");
	ok(n && n->kind == BE_YSCALAR && n->plain &&
	    strcmp(n->str, "Taxi komt te laat") == 0, "title");
	ok(n && n->line == 3 && n->col == 8, "title value at 3:8");
	s = be_ymap_get(d, "stories");
	ok(s && s->kind == BE_YSEQ && s->n == 2, "two stories");
	n = be_ymap_get(s->items[0], "quote");
	ok(n && !n->plain && strcmp(n->str, "x") == 0 && n->line == 6 &&
	    n->col == 12, "quoted quote at 6:12");
	ok(s->items[1]->line == 7 && s->items[1]->col == 5,
	    "second item at 7:5");
	ok(be_ynode_isnull(be_ymap_get(d, "empty")) &&
	    be_ynode_isnull(be_ymap_get(d, "none")) &&
	    be_ynode_isnull(be_ymap_get(d, "absent")) &&
	    !be_ynode_isnull(be_ymap_get(d, "title")), "nulls");
	ok(be_ymap_get(s, "x") == NULL, "get on a list is NULL");
	be_ynode_free(d);
}

static void
test_check(void)
{
	static const char *const keys[] = { "kind", "version", "title", NULL };
	struct be_ynode *d;
	struct be_err e;

	d = load("kind: point\nversion: 1\ntitle: x\n");
	be_err_init(&e);
	ok(be_ydoc_check(d, "point", "t.yaml", &e) == 0, "doc check passes");
	ok(be_ymap_check(d, keys, "t.yaml", &e) == 0, "keys allowed");
	be_ynode_free(d);

	d = load("kind: meeting\nversion: 1\n");
	ok(be_ydoc_check(d, "point", "t.yaml", &e) < 0, "wrong kind refused");
	is_str(estr(&e), "t.yaml:1:7: kind is 'meeting', expected 'point'",
	    "wrong kind message");
	be_ynode_free(d);

	d = load("kind: point\nversion: 2\n");
	ok(be_ydoc_check(d, "point", "t.yaml", &e) < 0, "version 2 refused");
	is_str(estr(&e), "t.yaml:2:10: unsupported version '2'; "
	    "this program reads version 1", "version message");
	be_ynode_free(d);

	d = load("kind: point\n");
	be_ydoc_check(d, "point", "t.yaml", &e);
	is_str(estr(&e), "t.yaml:1:1: missing key 'version'",
	    "missing version");
	be_ynode_free(d);

	d = load("- kind: point\n");
	be_ydoc_check(d, "point", "t.yaml", &e);
	is_str(estr(&e), "t.yaml:1:1: document must be a map with "
	    "'kind: point'", "a list is not a document");
	be_ynode_free(d);

	d = load("kind: point\nversion: 1\ntitle: x\npatern: y\n");
	ok(be_ymap_check(d, keys, "t.yaml", &e) < 0, "unknown key refused");
	is_str(estr(&e), "t.yaml:4:1: unknown key 'patern'",
	    "unknown key message");
	be_ynode_free(d);
}

static void
test_getters(void)
{
	struct be_ynode *d;
	struct be_err e;
	const struct be_ynode *n;
	const char *s;
	long long v;
	int b;

	be_err_init(&e);
	d = load("title: Hallo\nlist: [a]\nn: 12\nneg: -3\nq: \"7\"\n"
	    "x: 1.5\nbig: 99999999999999999999\nnul: null\nt: Yes\nf: nee\n");
	ok(be_yget_str(d, "title", 1, &s, "t.yaml", &e) == 0 &&
	    strcmp(s, "Hallo") == 0, "get string");
	ok(be_yget_str(d, "list", 0, &s, "t.yaml", &e) < 0 && s == NULL,
	    "list is not a string");
	is_str(estr(&e), "t.yaml:2:7: 'list' must be a string",
	    "not a string message");
	ok(be_yget_str(d, "nul", 0, &s, "t.yaml", &e) == 0 && s == NULL,
	    "null is absent");
	ok(be_yget_str(d, "nope", 0, &s, "t.yaml", &e) == 0 && s == NULL,
	    "absent optional");
	ok(be_yget_str(d, "nope", 1, &s, "t.yaml", &e) < 0,
	    "absent required");
	is_str(estr(&e), "t.yaml:1:1: missing key 'nope'", "missing message");
	ok(be_yget_str(d, "nul", 1, &s, "t.yaml", &e) < 0, "null required");
	is_str(estr(&e), "t.yaml:8:6: 'nul' is empty", "empty message");
	ok(be_yget_int(d, "n", 1, 0, &v, "t.yaml", &e) == 0 && v == 12,
	    "get int");
	ok(be_yget_int(d, "neg", 1, 0, &v, "t.yaml", &e) == 0 && v == -3,
	    "negative int");
	ok(be_yget_int(d, "q", 1, 0, &v, "t.yaml", &e) == 0 && v == 7,
	    "quoted int");
	ok(be_yget_int(d, "nul", 0, 42, &v, "t.yaml", &e) == 0 && v == 42,
	    "null int gives the default");
	ok(be_yget_int(d, "x", 1, 0, &v, "t.yaml", &e) < 0, "1.5 refused");
	is_str(estr(&e), "t.yaml:6:4: 'x' must be an integer",
	    "not an integer message");
	ok(be_yget_int(d, "title", 1, 0, &v, "t.yaml", &e) < 0,
	    "text refused as int");
	ok(be_yget_int(d, "big", 1, 0, &v, "t.yaml", &e) < 0, "big refused");
	is_str(estr(&e), "t.yaml:7:6: 'big' is out of range", "range message");
	ok(be_yget_bool(d, "t", 1, 0, &b, "t.yaml", &e) == 0 && b == 1,
	    "Yes is true");
	ok(be_yget_bool(d, "f", 1, 1, &b, "t.yaml", &e) == 0 && b == 0,
	    "nee is false");
	ok(be_yget_bool(d, "n", 1, 1, &b, "t.yaml", &e) < 0, "12 not a bool");
	ok(be_yget_seq(d, "list", 1, &n, "t.yaml", &e) == 0 && n &&
	    n->n == 1, "get list");
	ok(be_yget_map(d, "list", 1, &n, "t.yaml", &e) < 0,
	    "list is not a map");
	is_str(estr(&e), "t.yaml:2:7: 'list' must be a map", "map message");
	be_ynode_free(d);
}

static char *
repeat(const char *head, const char *s, size_t k, const char *tail)
{
	struct be_buf b = BE_BUF_INIT;

	be_buf_adds(&b, head);
	while (k--)
		be_buf_adds(&b, s);
	be_buf_adds(&b, tail);
	return be_buf_detach(&b);
}

static void
test_hostile(void)
{
	char *s;

	is_str(loaderr("a: &a [x, y]\nb: [*a, *a]\n"),
	    "t.yaml:1:4: anchors are not supported: write the value out",
	    "anchor refused");
	is_str(loaderr("a: &a [*a]\n"),
	    "t.yaml:1:4: anchors are not supported: write the value out",
	    "self-referencing alias refused");
	is_str(loaderr("a: x\nb: *a\n"),
	    "t.yaml:2:4: aliases are not supported: write the value out",
	    "alias refused");
	is_str(loaderr("lol1: &l1 [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n"
	    "lol2: &l2 [*l1,*l1,*l1,*l1,*l1,*l1,*l1,*l1,*l1]\n"
	    "lol3: &l3 [*l2,*l2,*l2,*l2,*l2,*l2,*l2,*l2,*l2]\n"),
	    "t.yaml:1:7: anchors are not supported: write the value out",
	    "billion laughs refused at the first anchor");
	is_str(loaderr("a: !!str x\n"),
	    "t.yaml:1:4: tags are not supported: remove the '!' tag",
	    "tag refused");
	is_str(loaderr("a: !x [1]\n"),
	    "t.yaml:1:4: tags are not supported: remove the '!' tag",
	    "local tag refused");
	is_str(loaderr("%TAG !e! tag:example.com,2000:\n---\na: 1\n"),
	    "t.yaml:1:1: %TAG directives are not supported",
	    "TAG directive refused");
	is_str(loaderr("a: 1\nb: 2\na: 3\n"),
	    "t.yaml:3:1: duplicate key 'a'", "duplicate key refused");
	is_str(loaderr("m:\n  x: 1\n  'x': 2\n"),
	    "t.yaml:3:3: duplicate key 'x'", "quoted duplicate refused");
	s = repeat("", "k", 0, "");
	{
		struct be_buf b = BE_BUF_INIT;
		int i;

		for (i = 0; i < 500; i++)
			be_buf_addf(&b, "k%d: %d\n", i, i);
		be_buf_adds(&b, "k400: x\nk7: y\n");
		is_str(loaderr(b.s), "t.yaml:501:1: duplicate key 'k400'",
		    "duplicate key in a big map, the first one");
		be_buf_release(&b);
	}
	free(s);
	is_str(loaderr("? [a]\n: b\n"),
	    "t.yaml:1:3: a key must be a scalar, not a list",
	    "list key refused");
	is_str(loaderr("{{a: 1}: b}\n"),
	    "t.yaml:1:2: a key must be a scalar, not a map",
	    "map key refused");

	s = repeat("", "[", 63, "");
	free(s);
	s = repeat("", "[", 64, "");
	{
		char *t = repeat(s, "]", 64, "\n");

		is_str(loaderr(t), "ok", "64 levels read");
		free(t);
	}
	free(s);
	s = repeat("", "[", 65, "");
	is_str(loaderr(s), "t.yaml:1:65: nested deeper than 64 levels",
	    "65 levels refused");
	free(s);
	s = repeat("", "[", 100000, "");
	is_str(loaderr(s), "t.yaml:1:65: nested deeper than 64 levels",
	    "100,000 levels refused");
	free(s);
	s = repeat("", "- ", 100000, "x\n");
	is_str(loaderr(s), "t.yaml:1:129: nested deeper than 64 levels",
	    "100,000 block levels refused");
	free(s);
	s = repeat("a: \"", "x", BE_YAML_MAXSCALAR, "\"\n");
	is_str(loaderr(s), "ok", "scalar of 1 MiB read");
	free(s);
	s = repeat("a: b\nc: ", "x", BE_YAML_MAXSCALAR + 1, "\n");
	is_str(loaderr(s), "t.yaml:2:4: scalar longer than 1 MiB",
	    "scalar over 1 MiB refused");
	free(s);
	s = repeat("a: b\nc: ", "x", 20 * BE_YAML_MAXSCALAR, "\n");
	is_str(loaderr(s), "t.yaml:2:2: scalar longer than 1 MiB",
	    "a scalar of 20 MiB is stopped while it is read");
	free(s);
	s = repeat("a: b\nc: \"", "\\x41", BE_YAML_MAXSCALAR, "\"\n");
	is_str(loaderr(s), "ok", "1 MiB written as escapes read");
	free(s);
	is_str(loaderr("a: \"x\\0y\"\n"),
	    "t.yaml:1:4: scalar holds a NUL character", "NUL refused");
	is_str(loaderr("a:\n\tb: 1\n"),
	    "t.yaml:2:1: tab character used for indentation: "
	    "indent with spaces", "tab indentation refused");
	is_str(loaderr("a:\n  b: 1\n\tc: 2\n"),
	    "t.yaml:3:1: tab character used for indentation: "
	    "indent with spaces", "tab indentation refused in a map");
	is_str(loaderr("a: [1, 2\n"),
	    "t.yaml:2:1: did not find expected ',' or ']' "
	    "(while parsing a flow sequence at 1:4)",
	    "libyaml's parser error with its marks");
	is_str(loaderr("a: b: c\n"),
	    "t.yaml:1:5: a text with ': ' (a colon and a space) in it; put "
	    "the whole text between double quotes (\"...\")",
	    "': ' in a plain value: the coordinator's words, not libyaml's");
	is_str(loaderr("a: `b`\n"),
	    "t.yaml:1:4: found character that cannot start any token "
	    "(while scanning for the next token at 1:4)",
	    "libyaml's scanner error");
	is_str(loaderr("a: 'x\n"),
	    "t.yaml:2:1: found unexpected end of stream "
	    "(while scanning a quoted scalar at 1:4)",
	    "unterminated quote");
	is_str(loaderr("a: ok\nb: \xc3\xa9\xff\n"),
	    "t.yaml:2:5: invalid leading UTF-8 octet",
	    "invalid UTF-8 placed");
	is_str(loaderr("a: \x01\n"),
	    "t.yaml:1:4: control characters are not allowed",
	    "control character placed");
}

static void
test_docs(void)
{
	const char *in = "# stories\n---\nkind: story\nn: 1\n---\n"
	    "kind: story\nn: 2\n...\n# between\n---\nkind: story\n"
	    "n: 3\n";
	struct be_yreader *r;
	struct be_ynode *d;
	struct be_err e;
	FILE *fp;
	long long v, sum = 0;
	int k = 0, rc;

	is_str(loaderr("a: 1\n---\nb: 2\n"),
	    "t.yaml:2:1: several documents: expected one", "two documents");
	is_str(loaderr(""), "t.yaml: empty document", "empty input");
	is_str(loaderr("# just a comment\n"), "t.yaml: empty document",
	    "only a comment");
	is_str(loaderr("---\na: 1\n...\n"), "ok", "one document with markers");
	is_str(loaderr("%YAML 1.1#...\n---\n"), "t.yaml:1:1: empty document; "
	    "write one with kind: and version:, or remove the '---'",
	    "yaml-test-suite MUS6/00");
	is_str(loaderr("%YAML 1.2\n---\n%YAML 1.2\n---\n"), "t.yaml:1:1: "
	    "empty document; write one with kind: and version:, or remove "
	    "the '---'", "yaml-test-suite MUS6/01");
	is_str(loaderr("---\n# nothing\n"), "t.yaml:1:1: empty document; "
	    "write one with kind: and version:, or remove the '---'",
	    "a '---' and a comment");

	be_err_init(&e);
	fp = fmemopen((void *)in, strlen(in), "r");
	r = be_yaml_open(fp, "s.yaml");
	while ((rc = be_yaml_next(r, &d, &e)) > 0) {
		k++;
		if (be_yget_int(d, "n", 1, 0, &v, "s.yaml", &e) == 0)
			sum += v;
		be_ynode_free(d);
	}
	ok(rc == 0, "stream read to the end");
	is_int(k, 3, "three documents");
	is_int(sum, 6, "in order");
	ok(be_yaml_next(r, &d, &e) == 0, "end stays end");
	be_yaml_close(r);
	fclose(fp);

	in = "a: 1\n---\nb: [\n---\nc: 3\n";
	fp = fmemopen((void *)in, strlen(in), "r");
	r = be_yaml_open(fp, "s.yaml");
	ok(be_yaml_next(r, &d, &e) == 1, "first document before an error");
	be_ynode_free(d);
	ok(be_yaml_next(r, &d, &e) < 0 && d == NULL, "error in the second");
	is_str(estr(&e), "s.yaml:4:1: did not find expected node content "
	    "(while parsing a flow node at 4:1)", "its message");
	be_err_init(&e);
	ok(be_yaml_next(r, &d, &e) < 0 && e.set, "errors stay");
	be_yaml_close(r);
	fclose(fp);
}

/*
 * Emits s in several places of a document and reads it back; one with a
 * control character is escaped, and refused when read back.
 */
static int
roundtrip(const char *s, const char *what)
{
	struct be_ynode *d;
	const struct be_ynode *l, *n;
	char *out = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&out, &len);
	int good;

	be_yemit_doc(fp, "test");
	be_yemit_str(fp, 0, "a", s);
	be_yemit_key(fp, 0, "list");
	be_yemit_str(fp, 2 | BE_YDASH, "v", s);
	be_yemit_str(fp, 2, "w", s);
	be_yemit_str(fp, 2 | BE_YDASH, "v", "x");
	be_yemit_key(fp, 2, "deep");
	be_yemit_item(fp, 4, s);
	be_yemit_item(fp, 4, s);
	be_yemit_str(fp, 0, s, "key");
	be_yemit_str(fp, 0, "z", s);
	fclose(fp);
	d = load(out);
	if (be_ctl_find(s, strlen(s), NULL) < strlen(s)) {
		/* Written as an escape, and refused when read (ctl.h). */
		good = d == NULL && strstr(errbuf, ": control character U+") &&
		    be_ctl_find(out, strlen(out), NULL) == strlen(out);
		if (!ok(good, what))
			printf("# %s\n# output:\n%s\n", errbuf, out);
		be_ynode_free(d);
		free(out);
		return good;
	}
	good = d != NULL;
	if (d) {
		l = be_ymap_get(d, "list");
		n = l && l->n == 2 ? be_ymap_get(l->items[1], "deep") : NULL;
		good = (n = be_ymap_get(d, "a")) && strcmp(n->str, s) == 0 &&
		    (n = be_ymap_get(d, "z")) && strcmp(n->str, s) == 0 &&
		    (n = be_ymap_get(d, s)) && strcmp(n->str, "key") == 0 &&
		    l && l->kind == BE_YSEQ && l->n == 2 &&
		    (n = be_ymap_get(l->items[0], "v")) &&
		    strcmp(n->str, s) == 0 &&
		    (n = be_ymap_get(l->items[0], "w")) &&
		    strcmp(n->str, s) == 0 &&
		    (n = be_ymap_get(l->items[1], "deep")) && n->n == 2 &&
		    strcmp(n->items[0]->str, s) == 0 &&
		    strcmp(n->items[1]->str, s) == 0;
	}
	if (!ok(good, what))
		printf("# %s\n# output:\n%s\n", errbuf, out);
	be_ynode_free(d);
	free(out);
	return good;
}

static char *
emit1(const char *s)
{
	char *out = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&out, &len);

	be_yemit_str(fp, 0, "k", s);
	fclose(fp);
	return out;
}

static void
test_emit(void)
{
	static const char *const nasty[] = {
		"", " ", "   ", "x", "- x", "-", "key: value", "a:", "#x",
		"a #b", "a#b", "'", "\"", "\\", "''", "\"a\"", "x\n", "x\n\n",
		"x\n\n\n", "\n", "\n\n", "\nx", "\n\nx\n", "  two\nlines",
		" one\ntwo\n", "\t tab first\nline", "a\n  b\n\tc\n",
		"line\n   \nspaces only", "   \nfirst blank", "trailing \n",
		"é ë ï", "café\nnaïve\n", "emoji \xf0\x9f\x98\x80",
		"TAB\tinside", "\t", "yes", "no", "Yes", "NO", "on", "off",
		"true", "False", "null", "Null", "~", "y", "n", "123", "-1",
		"+1", "1.5", ".5", "1e3", "0x1F", "0o17", "1_000", "12:30",
		".inf", "-.Inf", ".NaN", "2026-01-01", "2026-01-01T10:00:00Z",
		"S-12", "---", "...", "--- x", "=", "<<", "[a]", "{a: b}",
		"a, b", "*x", "&x", "!x", "%x", "@x", "`x", "|", ">", "?",
		"? x", ": x", "x: ", "a\rb", "cr\r\n", "bell\a", "esc\x1b",
		"del\x7f", "nel\xc2\x85", "ls\xe2\x80\xa8", "bom\xef\xbb\xbf",
		"nbsp\xc2\xa0", "c1\xc2\x80", "fffe\xef\xbf\xbe",
		"a\n---\nb", "a\n...\n", "# not a comment\nx", "x\n# y\n",
		"k: v\n- item\n", "very long line ....................."
		    "...............................................end",
		NULL
	};
	const char *const *p;
	char *s;
	int good = 1;

	for (p = nasty; *p; p++) {
		char what[200];

		snprintf(what, sizeof what, "round trip %d", (int)(p - nasty));
		good &= roundtrip(*p, what);
	}
	ok(good, "all nasty strings round-trip");
	s = repeat("", "x", 600, "");
	roundtrip(s, "a key of 600 characters");
	free(s);
	s = repeat("", "\x01", 200, "");
	roundtrip(s, "a key of 200 escapes");
	free(s);
	s = repeat("", "\x01", 201, "");
	roundtrip(s, "a key of 201 escapes");
	free(s);

	s = emit1("Taxi komt te laat");
	is_str(s, "k: Taxi komt te laat\n", "plain");
	free(s);
	s = emit1("yes");
	is_str(s, "k: \"yes\"\n", "yes quoted");
	free(s);
	s = emit1("2026-01-01");
	is_str(s, "k: \"2026-01-01\"\n", "date quoted");
	free(s);
	s = emit1("2026-1-1 10:00");
	is_str(s, "k: \"2026-1-1 10:00\"\n", "YAML 1.1 timestamp quoted");
	free(s);
	s = emit1("2026-01-01 is een datum");
	is_str(s, "k: \"2026-01-01 is een datum\"\n", "date start quoted");
	free(s);
	s = emit1("20261-01-01");
	is_str(s, "k: 20261-01-01\n", "not a date: plain");
	free(s);
	s = emit1("19:30");
	is_str(s, "k: \"19:30\"\n", "sexagesimal quoted");
	free(s);
	s = emit1(" a\tb\"\\\x01");
	is_str(s, "k: \" a\\tb\\\"\\\\\\x01\"\n", "escapes");
	free(s);
	s = emit1(NULL);
	is_str(s, "k:\n", "NULL is null");
	free(s);
	s = emit1("één\ntwee");
	is_str(s, "k: |-\n  één\n  twee\n", "literal, strip");
	free(s);
	s = emit1("a\n\nb\n");
	is_str(s, "k: |\n  a\n\n  b\n", "literal, clip");
	free(s);
	s = emit1("a\n\n");
	is_str(s, "k: |+\n  a\n\n", "literal, keep");
	free(s);
	s = emit1("  a\nb");
	is_str(s, "k: |2-\n    a\n  b\n", "literal, indentation indicator");
	free(s);
	s = emit1("\xff");
	is_str(s, "k: \"\\uFFFD\"\n", "invalid UTF-8 as U+FFFD");
	free(s);
	{
		char *out = NULL;
		size_t len = 0;
		FILE *fp = open_memstream(&out, &len);

		be_yemit_doc(fp, "point");
		be_yemit_int(fp, 0, "count", -12);
		be_yemit_bool(fp, 0, "b", 1);
		be_yemit_key(fp, 0, "stories");
		be_yemit_str(fp, 2 | BE_YDASH, "ref", "S-1");
		be_yemit_str(fp, 2, "quote", "a\nb");
		be_yemit_item(fp, 0, "x");
		fclose(fp);
		is_str(out, "---\nkind: point\nversion: 1\ncount: -12\nb: true\n"
		    "stories:\n- ref: S-1\n  quote: |-\n    a\n    b\n- x\n",
		    "a document with a list of maps");
		free(out);
	}
}

int
main(void)
{
	plan(208);
	test_tree();
	test_check();
	test_getters();
	test_hostile();
	test_docs();
	test_emit();
	return done();
}
