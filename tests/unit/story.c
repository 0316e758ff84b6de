/* Unit tests of lib/story.c. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "mem.h"
#include "story.h"
#include "tap.h"

/*
 * The content id as its definition says, word by word: white space is
 * ASCII blanks, U+00A0 and U+202F; runs of it are one space; the ends go.
 */
static void
ref_cid(const char *t, const char *told, char *out)
{
	struct be_buf b = BE_BUF_INIT;
	unsigned char h[32];
	size_t i, n;
	int sp = 0;

	for (i = 0; t[i]; i += n) {
		n = 1;
		if (strchr(" \t\n\r\v\f", t[i]) == NULL &&
		    strncmp(t + i, "\xc2\xa0", 2) != 0 &&
		    strncmp(t + i, "\xe2\x80\xaf", 3) != 0) {
			if (sp && b.len)
				be_buf_addc(&b, ' ');
			sp = 0;
			be_buf_addc(&b, t[i]);
			continue;
		}
		sp = 1;
		n = t[i] == '\xc2' ? 2 : t[i] == '\xe2' ? 3 : 1;
	}
	be_buf_addc(&b, '\n');
	if (told)
		be_buf_add(&b, told, strnlen(told, 10));
	crypto_generichash(h, sizeof h, (const unsigned char *)b.s, b.len, NULL, 0);
	for (i = 0; i < sizeof h; i++)
		snprintf(out + 2 * i, 3, "%02x", h[i]);
	be_buf_release(&b);
}

int
main(void)
{
	char dir[] = "/tmp/benut-unit.XXXXXX", path[256], cmd[300];
	char a[BE_CID_LEN + 1], b[BE_CID_LEN + 1];
	struct be_buf buf = BE_BUF_INIT;
	struct be_store *st;
	struct be_story_keys *keys;
	struct be_story s, g;
	struct be_err e;
	char *out;
	size_t outlen;
	FILE *fp;

	static const char *const texts[] = { "a", " a  b ", "a\tb\n\nc",
	    "a \xc2\xa9 b", "a \xe2\x82\xac", "a\xc2\xa0 b\xe2\x80\xaf" "c ",
	    "\xe2\x80\xaf\xc2\xa0", "x \xc2\xa0\xc2\xa0y", "woord woord  woord \r\n", NULL };
	int same, i;

	plan(31);
	be_err_init(&e);
	be_story_nfc("  Cafe\xcc\x81 \r\nen\rzo\xc2\xa0 ", 19, &buf);
	is_str(buf.s, "Caf\xc3\xa9 \nen\nzo", "NFC, trimmed, line ends LF");
	be_story_nfc("Zo\xc3\xab \xf0\x9f\x98\x8a", 9, &buf);
	is_str(buf.s, "Zo\xc3\xab \xf0\x9f\x98\x8a", "NFC text stays");
	be_story_cid("De taxi  kwam\nte laat", "2026-02-02T10:15:03", a);
	be_story_cid(" De taxi kwam te laat ", "2026-02-02", b);
	ok(strlen(a) == BE_CID_LEN && strcmp(a, b) == 0,
	    "cid: white space and time of day do not count");
	/* The digest as Python's hashlib.blake2b(digest_size=32) has it. */
	is_str(a, "f9ad38173ff43848b946185c92020219f19c0c74fc3d23765bd6928c0f8f9a29", "cid: BLAKE2b-256 of the text, a newline and the day");
	be_story_cid("De taxi kwam te laat", "2026-02-03", b);
	ok(strcmp(a, b) != 0, "cid: the date counts");
	be_story_cid("De taxi kwam te laat", NULL, b);
	ok(strcmp(a, b) != 0, "cid: no date differs from a date");
	be_story_cid("Cafe\xcc\x81", NULL, a);
	be_story_cid("Caf\xc3\xa9", NULL, b);
	ok(strcmp(a, b) == 0, "cid: over NFC");
	be_story_cid("", NULL, a);
	ok(strspn(a, "0123456789abcdef") == BE_CID_LEN, "cid is lower-case hex");
	for (same = 1, i = 0; texts[i]; i++) {
		be_story_cid(texts[i], "2026-02-02", a);
		ref_cid(texts[i], "2026-02-02", b);
		same &= strcmp(a, b) == 0;
		be_story_cid_nfc(texts[i], strlen(texts[i]), "2026-02-02", a);
		same &= strcmp(a, b) == 0;
	}
	ok(same, "cid as defined, over odd white space");
	/*
	 * Texts of random pieces, so that every kind of white space falls
	 * at every place in the eight-byte words the hash skips through.
	 */
	{
		static const char *const piece[] = { "a", "\xc3\xa9", " ",
		    "  ", "\t", "\n", "\r\n", "\xc2\xa0", "\xe2\x80\xaf",
		    "\xe2\x82\xac", "\xc2\xab", "woord", "\x01", " \xc2\xa0" };
		struct be_buf t = BE_BUF_INIT;
		int k, j;

		srand(7);
		for (same = 1, k = 0; k < 20000; k++) {
			be_buf_reset(&t);
			for (j = rand() % 40; j > 0; j--)
				be_buf_adds(&t, piece[rand() % 14]);
			be_story_cid_nfc(t.s ? t.s : "", t.len, "2026-02-02", a);
			ref_cid(t.s ? t.s : "", "2026-02-02", b);
			same &= strcmp(a, b) == 0;
		}
		ok(same, "cid as defined, over 20000 texts of random pieces");
		be_buf_release(&t);
	}
	be_buf_reset(&buf);
	be_story_first_words(&buf, "een twee\ndrie vier vijf zes zeven acht negen", 8);
	is_str(buf.s, "een twee drie vier vijf zes zeven acht\xe2\x80\xa6",
	    "first words, cut");
	{
		struct be_buf t = BE_BUF_INIT;
		int k;

		/* Measured 256 bytes at a time: a space across the seam. */
		for (k = 0; k < 254; k++)
			be_buf_addc(&t, 'x');
		be_buf_adds(&t, "\xc2\xa0y\tz");
		be_buf_reset(&buf);
		be_story_first_words(&buf, t.s, 8);
		ok(buf.len == 258 && strcmp(buf.s + 254, " y z") == 0,
		    "first words of a long text, white space at the seam");
		be_buf_release(&t);
	}

	if (mkdtemp(dir) == NULL)
		return 2;
	snprintf(path, sizeof path, "%s/s.db", dir);
	st = be_store_open(path, BE_STORE_WRITE, &e);
	ok(st != NULL, "store");
	be_story_init(&s);
	be_story_set(&s.text, "Ik wacht al\ndrie weken.");
	be_story_set(&s.told, "2026-02-02T10:15:03");
	be_story_set(&s.channel, "telefoon");
	be_story_set(&s.gemeente, "'s-Hertogenbosch");
	be_story_set(&s.name, "Jan");
	s.consent = 1;
	be_story_attr(&s, "Wijk", "Noord");
	be_story_attr(&s, "Regeling", "Wmo: hulp");
	be_story_redacted(&s, "TELEFOON", 2);
	be_store_begin(st, &e);
	ok(be_story_insert(st, &s, 0, "2026-03-01T00:00:00Z", &e) == 1 &&
	    s.id == 1, "stored as S-1");
	free(s.cid);
	s.cid = NULL;
	ok(be_story_insert(st, &s, 0, "2026-03-01T00:00:00Z", &e) == 0,
	    "the same again is a duplicate");
	/* Keys of 64 bits can collide: only the whole id decides. */
	be_store_exec(st, "UPDATE story SET cid = 'x' || substr(cid, 2)", &e);
	ok(be_story_insert(st, &s, 0, "2026-03-01T00:00:00Z", &e) == 1 &&
	    s.id == 2, "a key that hits another id is no duplicate");
	be_store_exec(st, "DELETE FROM story WHERE id = 2", &e);
	ok(be_store_commit(st, &e) == 0, "committed");
	be_story_init(&g);
	ok(be_story_get(st, 1, &g, &e) == 0, "get S-1");
	is_str(g.text, s.text, "text back");
	is_str(g.told, "2026-02-02T10:15:03", "told back");
	ok(g.nattr == 2 && strcmp(g.attr_keys[0], "Regeling") == 0 &&
	    g.nred == 1 && g.red_n[0] == 2 && g.consent == 1, "attrs, redactions, consent");
	ok(be_story_get(st, 9, &g, &e) < 0 && strcmp(e.msg, "no story S-9") == 0,
	    "no story S-9");
	be_story_get(st, 1, &g, &e);
	fp = open_memstream(&out, &outlen);
	be_story_record(fp, &g);
	fclose(fp);
	is_str(out, "S-1\t2026-02-02\ttelefoon\t's-Hertogenbosch\tIk wacht al drie weken.\n",
	    "record");
	free(out);
	{
		struct be_story h;

		be_story_init(&h);
		be_story_set(&h.told, "2026-02-02T10:00:00");
		be_story_set(&h.text, "Zie C:\\brief\\  en\tmeer");
		be_story_set(&h.channel, "tele\tfoon");
		be_buf_reset(&buf);
		be_story_record_tail(&buf, &h);
		is_str(buf.s, "\t2026-02-02\ttele\\tfoon\t\tZie C:\\\\brief\\\\ en meer\n",
		    "record: backslashes and TABs escaped");
		be_story_release(&h);
	}
	fp = open_memstream(&out, &outlen);
	be_story_yaml(fp, &g);
	fclose(fp);
	ok(strncmp(out, "---\nkind: story\nversion: 1\nref: S-1\n", 36) == 0, "yaml head");
	ok(strstr(out, "gemeente: \"'s-Hertogenbosch\"\n") != NULL, "yaml quotes");
	ok(strstr(out, "text: |-\n  Ik wacht al\n  drie weken.\n") != NULL &&
	    strstr(out, "  Regeling: \"Wmo: hulp\"\n") != NULL, "yaml block and attributes");
	free(out);
	fp = open_memstream(&out, &outlen);
	be_story_text(fp, &g);
	fclose(fp);
	ok(strstr(out, "S-1  2026-02-02T10:15:03  telefoon  's-Hertogenbosch\n") == out,
	    "text heading");
	free(out);
	/* With the filter of ids: it reads the store's, and learns more. */
	be_store_begin(st, &e);
	be_story_set(&s.text, "Al in de store.");
	free(s.cid);
	s.cid = NULL;
	be_story_insert(st, &s, 0, "2026-03-01T00:00:00Z", &e);
	keys = be_story_keys_new(st, &e);
	ok(keys && be_story_keys_add(keys, s.cid) == 1,
	    "keys: an id of the store may be there");
	be_story_set(&s.text, "Een ander verhaal.");
	free(s.cid);
	s.cid = be_xstrdup(be_story_cid(s.text, s.told, a));
	ok(be_story_keys_add(keys, s.cid) == 0 && be_story_store(st, &s, 0,
	    "2026-03-01T00:00:00Z", 1, strlen(s.text), &e) == 1 && s.id == 3,
	    "keys: a new id is surely not, and its story is stored");
	ok(be_story_keys_add(keys, s.cid) == 1, "keys: the second time it may be");
	be_store_rollback(st);
	be_story_keys_free(keys);
	be_story_release(&s);
	be_story_release(&g);
	be_buf_release(&buf);
	be_store_close(st);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		return 2;
	return done();
}
