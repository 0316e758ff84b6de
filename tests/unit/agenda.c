/* Unit tests of lib/agenda.c: text helpers and renderers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "mem.h"
#include "tap.h"

/* Every line of s[0..n) holds at most max characters (or octets). */
static int
lines_fit(const char *s, size_t max, int octets)
{
	const char *p = s, *nl;
	size_t len;

	for (; *p; p = nl + 1) {
		if ((nl = strchr(p, '\n')) == NULL)
			nl = p + strlen(p);
		len = nl - p;
		if (octets && len && p[len - 1] == '\r')
			len--;
		if ((octets ? len : be_utf8_len(p, len)) > max)
			return 0;
		if (*nl == '\0')
			break;
	}
	return 1;
}

/* No line starts with a UTF-8 continuation byte (after a fold's space). */
static int
no_split(const char *s)
{
	const char *p;

	for (p = s; *p; p++)
		if (*p == '\n' && p[1] == ' ' &&
		    ((unsigned char)p[2] & 0xc0) == 0x80)
			return 0;
		else if (*p == '\n' && ((unsigned char)p[1] & 0xc0) == 0x80)
			return 0;
	return 1;
}

static char *
render(const struct be_agenda *a, enum be_afmt f, enum be_lang l)
{
	char *s = NULL;
	size_t n = 0;
	FILE *fp = open_memstream(&s, &n);

	be_agenda_write(fp, a, f, l, "2026-11-23T12:00:00Z");
	fclose(fp);
	return s;
}

int
main(void)
{
	struct be_buf b = BE_BUF_INIT;
	struct be_agenda a;
	struct be_aitem *it;
	struct be_apoint *p;
	struct be_err e;
	char *s, long_word[400];
	int i;

	plan(26);
	be_wrap(&b, "één twee drie", "", "", 8);
	is_str(b.s, "één twee\ndrie\n", "wraps by characters, not bytes");
	be_buf_reset(&b);
	be_wrap(&b, "a  b\n\tc", "- ", "  ", 72);
	is_str(b.s, "- a b c\n", "collapses white space");
	be_buf_reset(&b);
	for (i = 0; i < 150; i++)
		memcpy(long_word + 2 * i, "é", 2);
	long_word[300] = '\0';
	be_wrap(&b, long_word, "", "  ", 72);
	ok(lines_fit(b.s, 72, 0) && no_split(b.s), "a long word is cut "
	    "between characters");
	be_buf_reset(&b);
	be_ics_escape(&b, "a,b;c\\d\ne");
	is_str(b.s, "a\\,b\\;c\\\\d\\ne", "iCalendar escapes");
	be_buf_reset(&b);
	be_buf_adds(&b, "DESCRIPTION:");
	for (i = 0; i < 100; i++)
		be_buf_adds(&b, i % 3 ? "é" : "x");
	s = be_xstrdup(b.s);
	be_buf_reset(&b);
	be_ics_line(&b, s);
	free(s);
	ok(lines_fit(b.s, 75, 1), "folded at 75 octets");
	ok(no_split(b.s), "folding keeps characters whole");
	ok(strstr(b.s, "\r\n ") != NULL && b.s[b.len - 2] == '\r',
	    "CRLF and a space begin a continuation");
	be_buf_reset(&b);
	be_ics_line(&b, "SUMMARY:x");
	is_str(b.s, "SUMMARY:x\r\n", "short lines stay");
	be_buf_reset(&b);
	be_html_escape(&b, "<script>alert(1)</script>\"&'");
	is_str(b.s, "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;&#39;",
	    "HTML escapes");
	be_buf_reset(&b);
	be_excerpt(&b, "Ik wacht al  weken\nop de taxi naar het ziekenhuis.",
	    20);
	is_str(b.s, "Ik wacht al weken op…", "excerpt cut at a word");
	be_buf_release(&b);

	be_agenda_init(&a);
	be_err_init(&e);
	a.body = be_xstrdup("Adviesraad");
	a.date = be_xstrdup("2026-12-01");
	a.start = 13 * 60 + 30;
	be_agenda_add(&a, "Opening", BE_IT_NONE, 5);
	it = be_agenda_add(&a, "Taxi <komt> te laat", BE_IT_DISCUSS, 20);
	it->point = p = be_xcalloc(1, sizeof *p);
	p->id = 3;
	p->title = be_xstrdup("Taxi <komt> te laat");
	p->vraag = be_xstrdup("Zorg & regel het");
	p->quotes[p->nquotes++] = be_xstrdup("<script>alert(1)</script> \"&'");
	p->quotes[p->nquotes++] = be_xstrdup("+ plus en 1) een");
	p->quotes[p->nquotes++] = be_xstrdup("# geen kop");
	p->nstories = 3;
	p->q[2] = be_xstrdup("Nee");
	be_agenda_add(&a, "Sluiting", BE_IT_NONE, 5);
	ok(be_agenda_times(&a, &e) == 0 && a.items[1].start == 13 * 60 + 35 &&
	    a.end == 14 * 60, "start times summed");
	s = render(&a, BE_AF_HTML, BE_NL);
	ok(strstr(s, "<script>") == NULL && strstr(s, "&lt;script&gt;alert(1)"
	    "&lt;/script&gt; &quot;&amp;&#39;") != NULL, "HTML quote escaped");
	ok(strstr(s, "Taxi &lt;komt&gt; te laat") != NULL, "HTML title escaped");
	ok(strstr(s, "<html lang=\"nl\">") && strstr(s, "<meta charset=\"utf-8\">")
	    && strstr(s, "@media print"), "HTML head");
	free(s);
	s = render(&a, BE_AF_MD, BE_NL);
	ok(strstr(s, "\n> \\+ plus en 1) een\n") != NULL &&
	    strstr(s, "\n> \\# geen kop\n") != NULL,
	    "Markdown: a quote that starts like a list item or heading escaped");
	free(s);
	free(p->quotes[1]);
	p->quotes[1] = be_xstrdup("1) plus en 1) een");
	s = render(&a, BE_AF_MD, BE_NL);
	ok(strstr(s, "\n> 1\\) plus en 1) een\n") != NULL,
	    "Markdown: a quote that starts like '1)' escaped");
	free(s);
	s = render(&a, BE_AF_HTML, BE_EN);
	ok(strstr(s, "<html lang=\"en\">") &&
	    strstr(s, "<blockquote lang=\"nl\">") != NULL,
	    "English HTML: the Dutch quotes keep lang=\"nl\"");
	free(s);
	s = render(&a, BE_AF_MD, BE_EN);
	ok(strstr(s, "## 2. Taxi \\<komt\\> te laat (13:35)") != NULL,
	    "Markdown heading with time, escaped");
	ok(strstr(s, "- **Date:** Tuesday 1 December 2026") != NULL,
	    "English date");
	ok(strstr(s, "3. Is this development desirable?\n") != NULL &&
	    strstr(s, "Nee") == NULL, "overleg: the question open, no note");
	free(s);
	a.notes = 1;
	s = render(&a, BE_AF_MD, BE_EN);
	ok(strstr(s, "3. Is this development desirable?\\\n   *The council's "
	    "note:* Nee") != NULL, "--notes: the council's note under it");
	a.notes = 0;
	free(s);
	s = render(&a, BE_AF_TXT, BE_NL);
	ok(strstr(s, " 2. 13.35  Taxi <komt> te laat (ter bespreking)\n") != NULL,
	    "plain text item");
	ok(lines_fit(s, 72, 0), "plain text within 72 columns");
	free(s);
	s = render(&a, BE_AF_ICS, BE_NL);
	ok(strstr(s, "DTSTART;TZID=Europe/Amsterdam:20261201T133000\r\n") &&
	    strstr(s, "DTEND;TZID=Europe/Amsterdam:20261201T140000\r\n") &&
	    strstr(s, "DTSTAMP:20261123T120000Z\r\n"), "iCalendar times");
	ok(lines_fit(s, 75, 1), "iCalendar lines folded");
	free(s);
	a.items[2].minutes = 24 * 60;
	ok(be_agenda_times(&a, &e) < 0 && strstr(e.msg, "past midnight"),
	    "past midnight refused");
	be_agenda_release(&a);
	return done();
}
