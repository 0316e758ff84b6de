/* agenda.c: see agenda.h. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "ctl.h"
#include "mem.h"
#include "ydoc.h"
#include "banned.h"

#define TXT_WIDTH 72

static const char *const itype_names[] = {
	NULL, "informatie", "bespreking", "besluitvorming"
};

const char *
be_itype_name(enum be_itype t)
{
	return (unsigned)t < 4 ? itype_names[t] : NULL;
}

int
be_itype_parse(const char *s, enum be_itype *t)
{
	int i;

	for (i = 1; i < 4; i++)
		if (strcmp(s, itype_names[i]) == 0) {
			*t = i;
			return 0;
		}
	return -1;
}

static enum be_str
itype_str(enum be_itype t)
{
	return t == BE_IT_INFO ? BE_S_T_INFO : t == BE_IT_DISCUSS ?
	    BE_S_T_DISCUSS : BE_S_T_DECIDE;
}

int
be_afmt_parse(const char *s, enum be_afmt *f)
{
	static const char *const n[] = { "md", "txt", "html", "yaml", "ics" };
	int i;

	for (i = 0; i < 5; i++)
		if (strcmp(s, n[i]) == 0) {
			*f = i;
			return 0;
		}
	return -1;
}

void
be_agenda_init(struct be_agenda *a)
{
	memset(a, 0, sizeof *a);
	a->point_minutes = 20;
	a->point_type = BE_IT_DISCUSS;
}

void
be_apoint_release(struct be_apoint *p)
{
	size_t i;

	if (p == NULL)
		return;
	free(p->title);
	free(p->vraag);
	free(p->state);
	for (i = 0; i < p->nquotes; i++)
		free(p->quotes[i]);
	for (i = 0; i < 4; i++)
		free(p->q[i]);
	for (i = 0; i < p->nvalues; i++)
		free(p->values[i]);
	free(p->values);
	free(p->answer);
	free(p->answer_text);
	free(p->since);
	memset(p, 0, sizeof *p);
}

void
be_action_release(struct be_action *x)
{
	free(x->who);
	free(x->what);
	free(x->due);
	free(x->done);
	free(x->mdate);
	memset(x, 0, sizeof *x);
}

static void
free_list(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void
be_agenda_release(struct be_agenda *a)
{
	size_t i, j;

	free(a->doc);
	free(a->body);
	free(a->title);
	free(a->date);
	free(a->place);
	free(a->chair);
	free(a->secretary);
	free(a->c_name);
	free(a->c_email);
	free(a->c_phone);
	free(a->c_address);
	free_list(a->members, a->nmembers);
	free_list(a->guests, a->nguests);
	for (i = 0; i < a->nitems; i++) {
		struct be_aitem *it = &a->items[i];

		free(it->title);
		free(it->description);
		free(it->outcome);
		if (it->point) {
			be_apoint_release(it->point);
			free(it->point);
		}
		for (j = 0; j < it->nact; j++)
			be_action_release(&it->act[j]);
		free(it->act);
	}
	free(a->items);
	for (i = 0; i < a->nopen; i++)
		be_action_release(&a->open[i]);
	free(a->open);
	for (i = 0; i < a->nwaiting; i++)
		be_apoint_release(&a->waiting[i]);
	free(a->waiting);
	be_agenda_init(a);
}

struct be_aitem *
be_agenda_add(struct be_agenda *a, const char *title, enum be_itype type,
    int minutes)
{
	struct be_aitem *it;

	a->items = be_xrealloc(a->items, (a->nitems + 1) * sizeof *a->items);
	it = &a->items[a->nitems++];
	memset(it, 0, sizeof *it);
	it->title = be_xstrdup(title);
	it->type = type;
	it->minutes = minutes;
	return it;
}

int
be_agenda_times(struct be_agenda *a, struct be_err *e)
{
	size_t i;
	int t = a->start;

	for (i = 0; i < a->nitems; i++) {
		a->items[i].start = t;
		t += a->items[i].minutes;
		if (t >= 24 * 60)
			return be_err_set(e, "meeting runs past midnight; "
			    "start earlier or give the items fewer minutes");
	}
	a->end = t;
	return 0;
}

/* Text helpers. */

size_t
be_utf8_len(const char *s, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			c++;
	return c;
}

/* Bytes of the first nchars characters of s (at most its length). */
static size_t
utf8_bytes(const char *s, size_t len, size_t nchars)
{
	size_t i = 0;

	while (i < len && nchars > 0) {
		i++;
		while (i < len && ((unsigned char)s[i] & 0xc0) == 0x80)
			i++;
		nchars--;
	}
	return i;
}

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v';
}

/* Appends s with every run of white space made one space, trimmed. */
static void
collapse(struct be_buf *out, const char *s)
{
	int sp = 0, any = 0;

	for (; s && *s; s++) {
		if (is_space((unsigned char)*s)) {
			sp = 1;
			continue;
		}
		if (sp && any)
			be_buf_addc(out, ' ');
		be_buf_addc(out, *s);
		sp = 0;
		any = 1;
	}
}

void
be_excerpt(struct be_buf *out, const char *text, size_t max)
{
	struct be_buf t = BE_BUF_INIT;
	size_t cut, sp;

	collapse(&t, text);
	if (be_utf8_len(t.s, t.len) <= max) {
		be_buf_add(out, t.s, t.len);
		be_buf_release(&t);
		return;
	}
	cut = utf8_bytes(t.s, t.len, max);
	for (sp = cut; sp > 0 && t.s[sp] != ' '; sp--)
		;
	if (sp > cut / 2)
		cut = sp;
	while (cut > 0 && strchr(" ,;:", t.s[cut - 1]))
		cut--;
	be_buf_add(out, t.s, cut);
	be_buf_adds(out, "…");
	be_buf_release(&t);
}

void
be_wrap(struct be_buf *out, const char *text, const char *first,
    const char *rest, size_t width)
{
	struct be_buf t = BE_BUF_INIT;
	const char *p;
	size_t col, rcol = be_utf8_len(rest, strlen(rest)), wlen, wc, take;
	int empty = 1;

	collapse(&t, text);
	be_buf_adds(out, first);
	col = be_utf8_len(first, strlen(first));
	for (p = t.s; *p; ) {
		wlen = strcspn(p, " ");
		wc = be_utf8_len(p, wlen);
		if (!empty && col + 1 + wc > width) {
			be_buf_addc(out, '\n');
			be_buf_adds(out, rest);
			col = rcol;
			empty = 1;
		}
		if (!empty) {
			be_buf_addc(out, ' ');
			col++;
		}
		/* A word longer than a line is cut between characters. */
		while (col + wc > width && col < width) {
			take = utf8_bytes(p, wlen, width - col);
			be_buf_add(out, p, take);
			p += take;
			wlen -= take;
			wc -= width - col;
			be_buf_addc(out, '\n');
			be_buf_adds(out, rest);
			col = rcol;
		}
		be_buf_add(out, p, wlen);
		col += wc;
		p += wlen;
		empty = 0;
		if (*p == ' ')
			p++;
	}
	be_buf_addc(out, '\n');
	be_buf_release(&t);
}

void
be_html_escape(struct be_buf *out, const char *s)
{
	for (; s && *s; s++)
		switch (*s) {
		case '&': be_buf_adds(out, "&amp;"); break;
		case '<': be_buf_adds(out, "&lt;"); break;
		case '>': be_buf_adds(out, "&gt;"); break;
		case '"': be_buf_adds(out, "&quot;"); break;
		case '\'': be_buf_adds(out, "&#39;"); break;
		default: be_buf_addc(out, *s);
		}
}

/* HTML-escaped text with white space collapsed. */
static void
html_text(struct be_buf *out, const char *s)
{
	struct be_buf t = BE_BUF_INIT;

	collapse(&t, s);
	be_html_escape(out, t.s);
	be_buf_release(&t);
}

/* pre, then s as HTML text, then post. */
static void
html_wrapped(struct be_buf *out, const char *pre, const char *s,
    const char *post)
{
	be_buf_adds(out, pre);
	html_text(out, s);
	be_buf_adds(out, post);
}

/*
 * Markdown text: white space collapsed and every character that could
 * start markup (or raw HTML, when the file is turned into a web page)
 * escaped with a backslash, as CommonMark allows for any punctuation.
 */
static void
md_text(struct be_buf *out, const char *s)
{
	struct be_buf t = BE_BUF_INIT;
	const char *p;

	collapse(&t, s);
	for (p = t.s; *p; p++) {
		if (strchr("\\`*_[]<>|#~&", *p))
			be_buf_addc(out, '\\');
		be_buf_addc(out, *p);
	}
	be_buf_release(&t);
}

/* pre, then s as Markdown text, then post. */
static void
md_wrapped(struct be_buf *out, const char *pre, const char *s,
    const char *post)
{
	be_buf_adds(out, pre);
	md_text(out, s);
	be_buf_adds(out, post);
}

void
be_ics_escape(struct be_buf *out, const char *s)
{
	for (; s && *s; s++)
		switch (*s) {
		case '\\': be_buf_adds(out, "\\\\"); break;
		case ';': be_buf_adds(out, "\\;"); break;
		case ',': be_buf_adds(out, "\\,"); break;
		case '\n': be_buf_adds(out, "\\n"); break;
		case '\r': break;
		default: be_buf_addc(out, *s);
		}
}

void
be_ics_line(struct be_buf *out, const char *line)
{
	size_t len = strlen(line), room = 75, n;

	for (;;) {
		if (len <= room) {
			be_buf_add(out, line, len);
			be_buf_adds(out, "\r\n");
			return;
		}
		n = room;
		while (n > 0 && ((unsigned char)line[n] & 0xc0) == 0x80)
			n--;
		be_buf_add(out, line, n);
		be_buf_adds(out, "\r\n ");
		line += n;
		len -= n;
		room = 74;
	}
}

/* A time as the language writes it: "19.30", "19:30". */
static void
hhmm(struct be_buf *out, enum be_lang l, int min)
{
	char t[16];

	be_buf_adds(out, be_clock(l, min, t, sizeof t));
}

static void
join(struct be_buf *out, char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i)
			be_buf_adds(out, ", ");
		be_buf_adds(out, v[i]);
	}
}

static void
nstories(struct be_buf *out, enum be_lang l, long long n)
{
	if (n == 1)
		be_buf_adds(out, be_str(l, BE_S_STORY1));
	else
		be_buf_addf(out, be_str(l, BE_S_STORIES), n);
}

/*
 * "Anna: belt de gemeente (uiterlijk dinsdag 15 december 2026; uit de
 * vergadering van 1 december; afgerond 20 november)": with from, the
 * meeting that decided it, named by its date (outsiders read no refs);
 * ref is the date of the agenda, whose year goes without saying.
 */
static void
action_text(struct be_buf *out, const struct be_action *x, enum be_lang l,
    int from, const char *ref)
{
	char d[64];
	int paren = 0;

	if (x->who && *x->who)
		be_buf_addf(out, "%s: ", x->who);
	be_buf_adds(out, x->what);
	if (x->due && *x->due) {
		be_buf_addf(out, " (%s %s", be_str(l, BE_S_DUE),
		    be_long_date(l, x->due, d, sizeof d));
		paren = 1;
	}
	if (from && x->mdate) {
		be_buf_addf(out, "%s%s %s", paren ? "; " : " (",
		    be_str(l, BE_S_FROM_MEETING),
		    be_short_date(l, x->mdate, ref, d, sizeof d));
		paren = 1;
	}
	if (x->done && *x->done) {
		be_buf_addf(out, "%s%s %s", paren ? "; " : " (",
		    be_str(l, BE_S_DONE),
		    be_short_date(l, x->done, ref, d, sizeof d));
		paren = 1;
	}
	if (paren)
		be_buf_addc(out, ')');
}

static const enum be_str qs[4] = { BE_S_Q1, BE_S_Q2, BE_S_Q3, BE_S_Q4 };

/* Refs (P-n) are shown only in the internal view: the intern beraad. */
static int
show_refs(const struct be_agenda *a)
{
	return a->intern;
}

/* The council's notes on the four questions: intern, or asked for. */
static int
show_notes(const struct be_agenda *a)
{
	return a->intern || a->notes;
}

/*
 * The meeting's date, time, place and people, each through put (which
 * leaves out what is empty); dash stands between the start and end time.
 */
typedef void meta_fn(struct be_buf *, enum be_lang, enum be_str,
    const char *);

static void
meta_rows(struct be_buf *o, const struct be_agenda *a, enum be_lang l,
    meta_fn *put, const char *dash)
{
	struct be_buf t = BE_BUF_INIT;
	char d[64];

	put(o, l, BE_S_DATE, be_long_date(l, a->date, d, sizeof d));
	hhmm(&t, l, a->start);
	be_buf_adds(&t, dash);
	hhmm(&t, l, a->end);
	be_buf_adds(&t, be_str(l, BE_S_HOUR));
	put(o, l, BE_S_TIME, t.s);
	put(o, l, BE_S_PLACE, a->place);
	put(o, l, BE_S_CHAIR, a->chair);
	put(o, l, BE_S_SECRETARY, a->secretary);
	be_buf_reset(&t);
	join(&t, a->members, a->nmembers);
	put(o, l, BE_S_MEMBERS, t.s);
	be_buf_reset(&t);
	join(&t, a->guests, a->nguests);
	put(o, l, BE_S_GUESTS, t.s);
	be_buf_release(&t);
}

/*
 * Calls fn for each line of s that is not blank, so that a multi-line
 * ask or note keeps its lines in every format.
 */
typedef void line_fn(struct be_buf *, const char *, int, void *);

static void
each_line(struct be_buf *o, const char *s, line_fn *fn, void *arg)
{
	struct be_buf t = BE_BUF_INIT;
	const char *p, *nl;
	int n = 0;

	for (p = s; p && *p; p = *nl ? nl + 1 : nl) {
		nl = p + strcspn(p, "\n");
		be_buf_reset(&t);
		be_buf_add(&t, p, (size_t)(nl - p));
		if (t.s[strspn(t.s, " \t\r\f\v")] == '\0')
			continue;
		fn(o, t.s, n++, arg);
	}
	be_buf_release(&t);
}

/* Markdown. */

/*
 * A line of Markdown text that begins a block: as md_text, and a start
 * that would make it a list item (- + * 1. 1)), a heading (#) or a rule
 * is escaped too.
 */
static void
md_block(struct be_buf *o, const char *s)
{
	struct be_buf t = BE_BUF_INIT;
	size_t d;

	collapse(&t, s);
	d = strspn(t.s, "0123456789");
	if (t.len && strchr("-+=", t.s[0]))
		be_buf_addc(o, '\\');
	else if (d > 0 && d < 10 && (t.s[d] == '.' || t.s[d] == ')')) {
		be_buf_add(o, t.s, d);
		be_buf_addc(o, '\\');
		md_text(o, t.s + d);
		be_buf_release(&t);
		return;
	}
	md_text(o, t.s);
	be_buf_release(&t);
}

/* Line n > 0 goes on after a hard break, indented by arg. */
static void
md_line(struct be_buf *o, const char *line, int n, void *arg)
{
	if (n > 0) {
		be_buf_adds(o, "\\\n");
		be_buf_adds(o, arg);
	}
	if (n > 0)
		md_block(o, line);
	else
		md_text(o, line);
}

/* s with its lines kept, the next ones indented by ind. */
static void
md_lines(struct be_buf *o, const char *s, const char *ind)
{
	each_line(o, s, md_line, (void *)ind);
}

static void
md_meta(struct be_buf *o, enum be_lang l, enum be_str k, const char *v)
{
	if (v == NULL || *v == '\0')
		return;
	be_buf_addf(o, "- **%s:** ", be_str(l, k));
	md_text(o, v);
	be_buf_addc(o, '\n');
}

static void
md_actions(struct be_buf *o, const struct be_action *x, size_t n,
    enum be_lang l, int from, const char *ref)
{
	struct be_buf t = BE_BUF_INIT;
	size_t i;

	be_buf_addf(o, "**%s**\n\n", be_str(l, BE_S_ACTIONS));
	if (n == 0)
		be_buf_addf(o, "%s\n\n", be_str(l, BE_S_NO_ACTIONS));
	for (i = 0; i < n; i++) {
		be_buf_reset(&t);
		action_text(&t, &x[i], l, from, ref);
		be_buf_addf(o, "- %s", x[i].done ? "~~" : "");
		md_text(o, t.s);
		be_buf_addf(o, "%s\n", x[i].done ? "~~" : "");
	}
	if (n)
		be_buf_addc(o, '\n');
	be_buf_release(&t);
}

static void
md_point(struct be_buf *o, const struct be_agenda *a,
    const struct be_apoint *p, enum be_lang l)
{
	struct be_buf t = BE_BUF_INIT;
	size_t i;

	if (p->nvalues) {
		join(&t, p->values, p->nvalues);
		be_buf_addf(o, "**%s:** ", be_str(l, BE_S_VALUES));
		md_text(o, t.s);
		be_buf_adds(o, "\n\n");
	}
	if (p->vraag && *p->vraag) {
		be_buf_addf(o, "**%s:** ", be_str(l, BE_S_VRAAG));
		md_lines(o, p->vraag, "");
		be_buf_adds(o, "\n\n");
	}
	if (p->nquotes) {
		be_buf_addf(o, "**%s**\n\n", be_str(l, BE_S_EXPERIENCES));
		for (i = 0; i < p->nquotes; i++) {
			be_buf_adds(o, "> ");
			md_block(o, p->quotes[i]);
			be_buf_adds(o, "\n\n");
		}
	}
	be_buf_addf(o, "**%s**\n\n", be_str(l, a->intern ? BE_S_NOTES :
	    BE_S_DIALOGUE));
	for (i = 0; i < 4; i++) {
		be_buf_addf(o, "%zu. %s", i + 1, be_str(l, qs[i]));
		if (show_notes(a) && p->q[i] && *p->q[i]) {
			be_buf_adds(o, "\\\n   ");
			if (!a->intern)
				be_buf_addf(o, "*%s:* ", be_str(l, BE_S_NOTE));
			md_lines(o, p->q[i], "   ");
		}
		be_buf_addc(o, '\n');
	}
	be_buf_addc(o, '\n');
	be_buf_release(&t);
}

static void
md_item(struct be_buf *o, const struct be_agenda *a, size_t i,
    enum be_lang l)
{
	const struct be_aitem *it = &a->items[i];
	int sep = 0;

	be_buf_addf(o, "## %zu. ", i + 1);
	md_text(o, it->title);
	be_buf_adds(o, " (");
	hhmm(o, l, it->start);
	be_buf_adds(o, ")\n\n");
	if (it->type != BE_IT_NONE) {
		be_buf_addf(o, "*%s*", be_str(l, itype_str(it->type)));
		sep = 1;
	}
	if (it->point) {
		if (sep)
			be_buf_adds(o, " · ");
		if (show_refs(a))
			be_buf_addf(o, "P-%lld · ", it->point->id);
		nstories(o, l, it->point->nstories);
		sep = 1;
	}
	if (sep)
		be_buf_adds(o, "\n\n");
	if (it->description && *it->description) {
		md_lines(o, it->description, "");
		be_buf_adds(o, "\n\n");
	}
	if (it->point)
		md_point(o, a, it->point, l);
	if (it->actions)
		md_actions(o, a->open, a->nopen, l, 1, a->date);
	if (it->outcome && *it->outcome) {
		be_buf_addf(o, "**%s:** ", be_str(l, BE_S_OUTCOME));
		md_lines(o, it->outcome, "");
		be_buf_adds(o, "\n\n");
	}
	if (it->nact)
		md_actions(o, it->act, it->nact, l, 0, a->date);
}

/* "Taxi komt te laat (ingebracht in de vergadering van 3 november)" */
static void
waiting_text(struct be_buf *t, const struct be_agenda *a,
    const struct be_apoint *p, enum be_lang l)
{
	char d[64];

	if (show_refs(a))
		be_buf_addf(t, "P-%lld ", p->id);
	be_buf_adds(t, p->title);
	if (p->since && *p->since)
		be_buf_addf(t, " (%s %s)", be_str(l, BE_S_RAISED_IN),
		    be_short_date(l, p->since, a->date, d, sizeof d));
}

static void
render_md(struct be_buf *o, const struct be_agenda *a, enum be_lang l)
{
	struct be_buf t = BE_BUF_INIT;
	size_t i;

	be_buf_addf(o, "# %s ", be_str(l, a->intern ? BE_S_AGENDA_INTERN :
	    BE_S_AGENDA));
	md_text(o, a->body);
	be_buf_adds(o, "\n\n");
	if (a->title && *a->title) {
		md_wrapped(o, "*", a->title, "*\n\n");
	}
	meta_rows(o, a, l, md_meta, "–");
	be_buf_addc(o, '\n');
	for (i = 0; i < a->nitems; i++)
		md_item(o, a, i, l);
	if (a->nwaiting) {
		be_buf_addf(o, "## %s\n\n", be_str(l, BE_S_WAITING));
		for (i = 0; i < a->nwaiting; i++) {
			be_buf_reset(&t);
			waiting_text(&t, a, &a->waiting[i], l);
			be_buf_adds(o, "- ");
			md_text(o, t.s);
			be_buf_addc(o, '\n');
		}
		be_buf_addc(o, '\n');
	}
	be_buf_rtrim(o);
	be_buf_addc(o, '\n');
	be_buf_release(&t);
}

/* Plain text, wrapped at 72 characters. */

static size_t
label_width(enum be_lang l)
{
	static const enum be_str k[] = { BE_S_DATE, BE_S_TIME, BE_S_PLACE,
		BE_S_CHAIR, BE_S_SECRETARY, BE_S_MEMBERS, BE_S_GUESTS };
	size_t i, w = 0, n;

	for (i = 0; i < sizeof k / sizeof k[0]; i++) {
		n = be_utf8_len(be_str(l, k[i]), strlen(be_str(l, k[i])));
		if (n > w)
			w = n;
	}
	return w + 2;
}

static void
txt_meta(struct be_buf *o, enum be_lang l, enum be_str k, const char *v)
{
	struct be_buf first = BE_BUF_INIT, rest = BE_BUF_INIT;
	size_t w = label_width(l), n;

	if (v == NULL || *v == '\0')
		return;
	be_buf_addf(&first, "%s:", be_str(l, k));
	n = be_utf8_len(first.s, first.len);
	while (n++ < w)
		be_buf_addc(&first, ' ');
	while (rest.len < w)
		be_buf_addc(&rest, ' ');
	be_wrap(o, v, first.s, rest.s, TXT_WIDTH);
	be_buf_release(&first);
	be_buf_release(&rest);
}

#define IND "           "	/* under the title of an item */

struct txt_pre {
	const char *first, *rest;
};

static void
txt_line(struct be_buf *o, const char *line, int n, void *arg)
{
	const struct txt_pre *p = arg;

	be_wrap(o, line, n ? p->rest : p->first, p->rest, TXT_WIDTH);
}

/* s wrapped with its lines kept: the first after first, all else rest. */
static void
txt_lines(struct be_buf *o, const char *s, const char *first,
    const char *rest)
{
	struct txt_pre p = { first, rest };

	each_line(o, s, txt_line, &p);
}

static void
txt_actions(struct be_buf *o, const struct be_action *x, size_t n,
    enum be_lang l, int from, const char *ref)
{
	struct be_buf t = BE_BUF_INIT;
	size_t i;

	be_buf_addf(o, IND "%s:\n", be_str(l, BE_S_ACTIONS));
	if (n == 0)
		be_buf_addf(o, IND "%s\n", be_str(l, BE_S_NO_ACTIONS));
	for (i = 0; i < n; i++) {
		be_buf_reset(&t);
		if (x[i].done)
			be_buf_adds(&t, "[x] ");
		action_text(&t, &x[i], l, from, ref);
		be_wrap(o, t.s, IND "- ", IND "  ", TXT_WIDTH);
	}
	be_buf_release(&t);
}

static void
txt_item(struct be_buf *o, const struct be_agenda *a, size_t i,
    enum be_lang l)
{
	const struct be_aitem *it = &a->items[i];
	const struct be_apoint *p = it->point;
	struct be_buf t = BE_BUF_INIT, f = BE_BUF_INIT;
	size_t k;

	be_buf_addf(&f, "%2zu. ", i + 1);
	hhmm(&f, l, it->start);
	while (be_utf8_len(f.s, f.len) < strlen(IND))
		be_buf_addc(&f, ' ');
	be_buf_adds(&t, it->title);
	if (it->type != BE_IT_NONE)
		be_buf_addf(&t, " (%s)", be_str(l, itype_str(it->type)));
	be_wrap(o, t.s, f.s, IND, TXT_WIDTH);
	if (p) {
		be_buf_reset(&t);
		if (show_refs(a))
			be_buf_addf(&t, "P-%lld, ", p->id);
		nstories(&t, l, p->nstories);
		be_wrap(o, t.s, IND, IND, TXT_WIDTH);
	}
	if (it->description && *it->description)
		txt_lines(o, it->description, IND, IND);
	if (p && p->nvalues) {
		be_buf_reset(&t);
		join(&t, p->values, p->nvalues);
		be_buf_reset(&f);
		be_buf_addf(&f, IND "%s: ", be_str(l, BE_S_VALUES));
		be_wrap(o, t.s, f.s, IND, TXT_WIDTH);
	}
	if (p && p->vraag && *p->vraag) {
		be_buf_reset(&f);
		be_buf_addf(&f, IND "%s: ", be_str(l, BE_S_VRAAG));
		txt_lines(o, p->vraag, f.s, IND);
	}
	if (p && p->nquotes) {
		be_buf_addf(o, IND "%s:\n", be_str(l, BE_S_EXPERIENCES));
		for (k = 0; k < p->nquotes; k++) {
			be_buf_reset(&t);
			be_buf_addf(&t, "\"%s\"", p->quotes[k]);
			be_wrap(o, t.s, IND "- ", IND "  ", TXT_WIDTH);
		}
	}
	if (p) {
		be_buf_addf(o, IND "%s:\n", be_str(l, a->intern ? BE_S_NOTES :
		    BE_S_DIALOGUE));
		for (k = 0; k < 4; k++) {
			be_buf_reset(&f);
			be_buf_addf(&f, IND "%zu. ", k + 1);
			be_wrap(o, be_str(l, qs[k]), f.s, IND "   ", TXT_WIDTH);
			if (!show_notes(a) || p->q[k] == NULL || !*p->q[k])
				continue;
			be_buf_reset(&f);
			be_buf_adds(&f, IND "   ");
			if (!a->intern)
				be_buf_addf(&f, "%s: ", be_str(l, BE_S_NOTE));
			txt_lines(o, p->q[k], f.s, IND "   ");
		}
	}
	if (it->actions)
		txt_actions(o, a->open, a->nopen, l, 1, a->date);
	if (it->outcome && *it->outcome) {
		be_buf_reset(&f);
		be_buf_addf(&f, IND "%s: ", be_str(l, BE_S_OUTCOME));
		txt_lines(o, it->outcome, f.s, IND);
	}
	if (it->nact)
		txt_actions(o, it->act, it->nact, l, 0, a->date);
	be_buf_addc(o, '\n');
	be_buf_release(&t);
	be_buf_release(&f);
}

static void
underline(struct be_buf *o, const char *s, int c)
{
	size_t n = be_utf8_len(s, strlen(s));

	if (n > TXT_WIDTH)
		n = TXT_WIDTH;
	while (n--)
		be_buf_addc(o, c);
	be_buf_addc(o, '\n');
}

static void
render_txt(struct be_buf *o, const struct be_agenda *a, enum be_lang l)
{
	struct be_buf t = BE_BUF_INIT;
	size_t i;

	be_buf_addf(&t, "%s ", be_str(l, a->intern ? BE_S_AGENDA_INTERN :
	    BE_S_AGENDA));
	collapse(&t, a->body);
	be_wrap(o, t.s, "", "", TXT_WIDTH);
	underline(o, t.s, '=');
	if (a->title && *a->title)
		be_wrap(o, a->title, "", "", TXT_WIDTH);
	be_buf_addc(o, '\n');
	meta_rows(o, a, l, txt_meta, " - ");
	be_buf_addc(o, '\n');
	for (i = 0; i < a->nitems; i++)
		txt_item(o, a, i, l);
	if (a->nwaiting) {
		be_wrap(o, be_str(l, BE_S_WAITING), "", "", TXT_WIDTH);
		underline(o, be_str(l, BE_S_WAITING), '-');
		for (i = 0; i < a->nwaiting; i++) {
			be_buf_reset(&t);
			waiting_text(&t, a, &a->waiting[i], l);
			be_wrap(o, t.s, "- ", "  ", TXT_WIDTH);
		}
	}
	be_buf_rtrim(o);
	be_buf_addc(o, '\n');
	be_buf_release(&t);
}

/* HTML: one printable file. */

static const char css[] =
"body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;"
"max-width:44em;margin:2em auto;padding:0 1em;line-height:1.45;color:#111}\n"
"h1{font-size:1.6em;margin-bottom:.2em}\n"
"h2{font-size:1.15em;margin:1.4em 0 .3em;border-bottom:1px solid #ccc}\n"
"h2 .time{float:right;font-weight:normal;color:#444}\n"
".subtitle{font-style:italic;margin-top:0}\n"
"table.meta th{text-align:left;padding-right:1em;vertical-align:top}\n"
".type{color:#444;font-style:italic;margin:.2em 0}\n"
"blockquote{margin:.4em 0 .4em 1em;padding-left:.8em;"
"border-left:3px solid #bbb;color:#333}\n"
"ol.dialogue li{margin:.2em 0}\n"
".done{text-decoration:line-through}\n"
"@media print{body{max-width:none;margin:0;font-size:11pt}"
"h2{break-after:avoid}.item{break-inside:avoid}"
"a{color:inherit;text-decoration:none}}\n";

static void
html_head(struct be_buf *o, enum be_lang l, const char *title)
{
	be_buf_addf(o, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n<title>",
	    l == BE_EN ? "en" : "nl");
	html_text(o, title);
	be_buf_addf(o, "</title>\n<style>\n%s</style>\n</head>\n<body>\n",
	    css);
}

static void
html_meta(struct be_buf *o, enum be_lang l, enum be_str k, const char *v)
{
	if (v == NULL || *v == '\0')
		return;
	be_buf_addf(o, "<tr><th>%s</th><td>", be_str(l, k));
	html_text(o, v);
	be_buf_adds(o, "</td></tr>\n");
}

static void
html_line(struct be_buf *o, const char *line, int n, void *arg)
{
	if (n > 0)
		be_buf_adds(o, "<br>\n");
	html_text(o, line);
}

/* s escaped with its lines kept (<br>). */
static void
html_lines(struct be_buf *o, const char *s)
{
	each_line(o, s, html_line, NULL);
}

static void
html_actions(struct be_buf *o, const struct be_action *x, size_t n,
    enum be_lang l, int from, const char *ref)
{
	struct be_buf t = BE_BUF_INIT;
	size_t i;

	be_buf_addf(o, "<h3>%s</h3>\n", be_str(l, BE_S_ACTIONS));
	if (n == 0) {
		be_buf_addf(o, "<p>%s</p>\n", be_str(l, BE_S_NO_ACTIONS));
		be_buf_release(&t);
		return;
	}
	be_buf_adds(o, "<ul class=\"actions\">\n");
	for (i = 0; i < n; i++) {
		be_buf_reset(&t);
		action_text(&t, &x[i], l, from, ref);
		be_buf_adds(o, x[i].done ? "<li class=\"done\">" : "<li>");
		html_text(o, t.s);
		be_buf_adds(o, "</li>\n");
	}
	be_buf_adds(o, "</ul>\n");
	be_buf_release(&t);
}

static void
html_point(struct be_buf *o, const struct be_agenda *a,
    const struct be_apoint *p, enum be_lang l)
{
	struct be_buf t = BE_BUF_INIT;
	size_t k;

	if (p->nvalues) {
		join(&t, p->values, p->nvalues);
		be_buf_addf(o, "<p class=\"values\"><strong>%s:</strong> ",
		    be_str(l, BE_S_VALUES));
		html_text(o, t.s);
		be_buf_adds(o, "</p>\n");
	}
	if (p->vraag && *p->vraag) {
		be_buf_addf(o, "<p class=\"vraag\"><strong>%s:</strong> ",
		    be_str(l, BE_S_VRAAG));
		html_lines(o, p->vraag);
		be_buf_adds(o, "</p>\n");
	}
	if (p->nquotes) {
		be_buf_addf(o, "<h3>%s</h3>\n", be_str(l, BE_S_EXPERIENCES));
		/* The stories are told in Dutch, whatever the page's language. */
		for (k = 0; k < p->nquotes; k++)
			html_wrapped(o, l == BE_NL ? "<blockquote>" :
			    "<blockquote lang=\"nl\">", p->quotes[k],
			    "</blockquote>\n");
	}
	be_buf_addf(o, "<h3>%s</h3>\n<ol class=\"dialogue\">\n",
	    be_str(l, a->intern ? BE_S_NOTES : BE_S_DIALOGUE));
	for (k = 0; k < 4; k++) {
		be_buf_addf(o, "<li>%s", be_str(l, qs[k]));
		if (show_notes(a) && p->q[k] && *p->q[k]) {
			be_buf_adds(o, "<br>\n");
			if (!a->intern)
				be_buf_addf(o, "<em>%s:</em> ",
				    be_str(l, BE_S_NOTE));
			html_lines(o, p->q[k]);
		}
		be_buf_adds(o, "</li>\n");
	}
	be_buf_adds(o, "</ol>\n");
	be_buf_release(&t);
}

static void
html_item(struct be_buf *o, const struct be_agenda *a, size_t i,
    enum be_lang l)
{
	const struct be_aitem *it = &a->items[i];
	const struct be_apoint *p = it->point;

	be_buf_addf(o, "<section class=\"item\">\n<h2><span class=\"nr\">"
	    "%zu.</span> ", i + 1);
	html_text(o, it->title);
	be_buf_adds(o, " <span class=\"time\">");
	hhmm(o, l, it->start);
	be_buf_adds(o, "</span></h2>\n");
	if (it->type != BE_IT_NONE || p) {
		be_buf_adds(o, "<p class=\"type\">");
		if (it->type != BE_IT_NONE)
			be_buf_adds(o, be_str(l, itype_str(it->type)));
		if (p) {
			if (it->type != BE_IT_NONE)
				be_buf_adds(o, " · ");
			if (show_refs(a))
				be_buf_addf(o, "P-%lld · ", p->id);
			nstories(o, l, p->nstories);
		}
		be_buf_adds(o, "</p>\n");
	}
	if (it->description && *it->description) {
		be_buf_adds(o, "<p>");
		html_lines(o, it->description);
		be_buf_adds(o, "</p>\n");
	}
	if (p)
		html_point(o, a, p, l);
	if (it->actions)
		html_actions(o, a->open, a->nopen, l, 1, a->date);
	if (it->outcome && *it->outcome) {
		be_buf_addf(o, "<p class=\"outcome\"><strong>%s:</strong> ",
		    be_str(l, BE_S_OUTCOME));
		html_lines(o, it->outcome);
		be_buf_adds(o, "</p>\n");
	}
	if (it->nact)
		html_actions(o, it->act, it->nact, l, 0, a->date);
	be_buf_adds(o, "</section>\n");
}

static void
render_html(struct be_buf *o, const struct be_agenda *a, enum be_lang l)
{
	struct be_buf t = BE_BUF_INIT;
	size_t i;

	be_buf_addf(&t, "%s %s", be_str(l, a->intern ? BE_S_AGENDA_INTERN :
	    BE_S_AGENDA), a->body);
	html_head(o, l, t.s);
	html_wrapped(o, "<h1>", t.s, "</h1>\n");
	if (a->title && *a->title) {
		be_buf_adds(o, "<p class=\"subtitle\">");
		html_text(o, a->title);
		be_buf_adds(o, "</p>\n");
	}
	be_buf_adds(o, "<table class=\"meta\">\n");
	meta_rows(o, a, l, html_meta, "–");
	be_buf_adds(o, "</table>\n");
	for (i = 0; i < a->nitems; i++)
		html_item(o, a, i, l);
	if (a->nwaiting) {
		be_buf_addf(o, "<section class=\"waiting\">\n<h2>%s</h2>\n<ul>\n",
		    be_str(l, BE_S_WAITING));
		for (i = 0; i < a->nwaiting; i++) {
			be_buf_reset(&t);
			waiting_text(&t, a, &a->waiting[i], l);
			html_wrapped(o, "<li>", t.s, "</li>\n");
		}
		be_buf_adds(o, "</ul>\n</section>\n");
	}
	be_buf_adds(o, "</body>\n</html>\n");
	be_buf_release(&t);
}

/* iCalendar (RFC 5545). */

static uint64_t
fnv1a(uint64_t h, const char *s)
{
	for (; s && *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return h ^ 0xff;	/* a field separator */
}

static void
ics_prop(struct be_buf *o, const char *name, const char *text)
{
	struct be_buf t = BE_BUF_INIT;

	be_buf_addf(&t, "%s:", name);
	be_ics_escape(&t, text);
	be_ics_line(o, t.s);
	be_buf_release(&t);
}

static void
ics_local(struct be_buf *t, const char *date, int min)
{
	const char *p;

	for (p = date; *p; p++)
		if (*p != '-')
			be_buf_addc(t, *p);
	be_buf_addf(t, "T%02d%02d00", min / 60, min % 60);
}

static const char vtimezone[] =
"BEGIN:VTIMEZONE\r\n"
"TZID:Europe/Amsterdam\r\n"
"BEGIN:DAYLIGHT\r\n"
"TZOFFSETFROM:+0100\r\n"
"TZOFFSETTO:+0200\r\n"
"TZNAME:CEST\r\n"
"DTSTART:19810329T020000\r\n"
"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
"END:DAYLIGHT\r\n"
"BEGIN:STANDARD\r\n"
"TZOFFSETFROM:+0200\r\n"
"TZOFFSETTO:+0100\r\n"
"TZNAME:CET\r\n"
"DTSTART:19961027T030000\r\n"
"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
"END:STANDARD\r\n"
"END:VTIMEZONE\r\n";

/*
 * The event's description: the items with their times and, for a point,
 * the ask.  No quotes from the stories and no notes: an invitation
 * travels through other people's calendars.
 */
static void
ics_description(struct be_buf *o, const struct be_agenda *a, enum be_lang l)
{
	const struct be_aitem *it;
	size_t i;

	for (i = 0; i < a->nitems; i++) {
		it = &a->items[i];
		be_buf_addf(o, "%zu. ", i + 1);
		hhmm(o, l, it->start);
		be_buf_addc(o, ' ');
		collapse(o, it->title);
		if (it->type != BE_IT_NONE)
			be_buf_addf(o, " (%s)", be_str(l, itype_str(it->type)));
		be_buf_addc(o, '\n');
		if (it->point && it->point->vraag && *it->point->vraag) {
			be_buf_addf(o, "   %s: ", be_str(l, BE_S_VRAAG));
			collapse(o, it->point->vraag);
			be_buf_addc(o, '\n');
		}
	}
	be_buf_rtrim(o);
}

static void
render_ics(struct be_buf *o, const struct be_agenda *a, enum be_lang l,
    const char *now)
{
	struct be_buf t = BE_BUF_INIT, desc = BE_BUF_INIT;
	uint64_t h = 0xcbf29ce484222325ULL;
	const char *p;

	be_buf_adds(o, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
	    "PRODID:-//benut//be-agenda " BE_VERSION "//NL\r\n"
	    "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n");
	be_buf_adds(o, vtimezone);
	be_buf_adds(o, "BEGIN:VEVENT\r\n");
	/*
	 * The same meeting gives the same UID, also when its start time
	 * changes, so that a calendar updates the event rather than adding
	 * a second one; SEQUENCE tells which version is newer.
	 */
	h = fnv1a(h, a->body);
	h = fnv1a(h, a->title);
	h = fnv1a(h, a->date);
	be_buf_adds(&t, "UID:");
	for (p = a->date; *p; p++)
		if (*p != '-')
			be_buf_addc(&t, *p);
	be_buf_addf(&t, "-%016llx@benut", (unsigned long long)h);
	be_ics_line(o, t.s);
	be_buf_reset(&t);
	be_buf_addf(&t, "SEQUENCE:%d", a->seq);
	be_ics_line(o, t.s);
	be_buf_reset(&t);
	be_buf_adds(&t, "DTSTAMP:");
	for (p = now; *p; p++)
		if (*p != '-' && *p != ':')
			be_buf_addc(&t, *p);
	be_ics_line(o, t.s);
	be_buf_reset(&t);
	be_buf_adds(&t, "DTSTART;TZID=Europe/Amsterdam:");
	ics_local(&t, a->date, a->start);
	be_ics_line(o, t.s);
	be_buf_reset(&t);
	be_buf_adds(&t, "DTEND;TZID=Europe/Amsterdam:");
	ics_local(&t, a->date, a->end);
	be_ics_line(o, t.s);
	be_buf_reset(&t);
	if (a->title && *a->title)
		be_buf_addf(&t, "%s: ", a->title);
	be_buf_adds(&t, a->body);
	ics_prop(o, "SUMMARY", t.s);
	if (a->place && *a->place)
		ics_prop(o, "LOCATION", a->place);
	ics_description(&desc, a, l);
	ics_prop(o, "DESCRIPTION", desc.s);
	be_buf_adds(o, "END:VEVENT\r\nEND:VCALENDAR\r\n");
	be_buf_release(&t);
	be_buf_release(&desc);
}

int
be_agenda_write(FILE *fp, const struct be_agenda *a, enum be_afmt f,
    enum be_lang l, const char *now)
{
	struct be_buf o = BE_BUF_INIT;

	switch (f) {
	case BE_AF_MD: render_md(&o, a, l); break;
	case BE_AF_TXT: render_txt(&o, a, l); break;
	case BE_AF_HTML: render_html(&o, a, l); break;
	case BE_AF_ICS: render_ics(&o, a, l, now); break;
	case BE_AF_YAML: be_agenda_yaml(fp, a); break;
	}
	be_ctl_write(fp, o.s, o.len);	/* no control characters */
	be_buf_release(&o);
	return 0;
}

/* The terugkoppeling. */

static enum be_str
answer_str(const char *ans, int next)
{
	if (ans && strcmp(ans, "overgenomen") == 0)
		return next ? BE_S_N_OVERGENOMEN : BE_S_A_OVERGENOMEN;
	if (ans && strcmp(ans, "deels") == 0)
		return next ? BE_S_N_DEELS : BE_S_A_DEELS;
	if (ans && strcmp(ans, "afgewezen") == 0)
		return next ? BE_S_N_AFGEWEZEN : BE_S_A_AFGEWEZEN;
	return next ? BE_S_N_NOANSWER : BE_S_R_NOANSWER;
}

/* A report is written as a few kinds of block, in one of three formats. */
struct rep {
	struct be_buf *o;
	enum be_afmt f;
};

static void
rep_title(struct rep *r, const char *s, int level)
{
	if (r->f == BE_AF_HTML) {
		be_buf_addf(r->o, "<h%d>", level);
		html_text(r->o, s);
		be_buf_addf(r->o, "</h%d>\n", level);
	} else if (r->f == BE_AF_TXT) {
		be_wrap(r->o, s, "", "", TXT_WIDTH);
		underline(r->o, s, level == 1 ? '=' : '-');
	} else {
		be_buf_addf(r->o, "%s ", level == 1 ? "#" : "##");
		md_text(r->o, s);
		be_buf_adds(r->o, "\n\n");
	}
}

/* A paragraph of plain words (escaped, lines kept), after a label. */
static void
rep_para(struct rep *r, const char *label, const char *s)
{
	if (r->f == BE_AF_HTML) {
		if (label)
			be_buf_addf(r->o, "<h3>%s</h3>\n", label);
		be_buf_adds(r->o, "<p>");
		html_lines(r->o, s);
		be_buf_adds(r->o, "</p>\n");
	} else if (r->f == BE_AF_TXT) {
		if (label)
			be_buf_addf(r->o, "%s\n", label);
		txt_lines(r->o, s, "", "");
		be_buf_addc(r->o, '\n');
	} else {
		if (label)
			be_buf_addf(r->o, "**%s**\n\n", label);
		md_lines(r->o, s, "");
		be_buf_adds(r->o, "\n\n");
	}
}

/* A list of n lines (already words), after a label. */
static void
rep_list(struct rep *r, const char *label, char **v, size_t n)
{
	size_t i;

	if (r->f == BE_AF_HTML)
		be_buf_addf(r->o, "<h3>%s</h3>\n<ul>\n", label);
	else if (r->f == BE_AF_TXT)
		be_buf_addf(r->o, "%s\n", label);
	else
		be_buf_addf(r->o, "**%s**\n\n", label);
	for (i = 0; i < n; i++) {
		if (r->f == BE_AF_HTML)
			html_wrapped(r->o, "<li>", v[i], "</li>\n");
		else if (r->f == BE_AF_TXT)
			be_wrap(r->o, v[i], "- ", "  ", TXT_WIDTH);
		else {
			be_buf_adds(r->o, "- ");
			md_text(r->o, v[i]);
			be_buf_addc(r->o, '\n');
		}
	}
	be_buf_adds(r->o, r->f == BE_AF_HTML ? "</ul>\n" : "\n");
}

/* The item of a report: what was asked, said, promised, and what next. */
static void
rep_point(struct rep *r, const struct be_agenda *a, const struct be_aitem *it,
    enum be_lang l)
{
	const struct be_apoint *p = it->point;
	struct be_buf t = BE_BUF_INIT;
	char **acts;
	size_t k;

	rep_title(r, p->title, 2);
	if (p->vraag && *p->vraag)
		rep_para(r, be_str(l, BE_S_R_ASK), p->vraag);
	if (it->outcome && *it->outcome)
		rep_para(r, be_str(l, BE_S_R_SAID), it->outcome);
	if (p->answer || ((it->outcome == NULL || !*it->outcome) &&
	    it->nact == 0)) {
		be_buf_adds(&t, be_str(l, answer_str(p->answer, 0)));
		if (p->answer && p->answer_text && *p->answer_text) {
			be_buf_addc(&t, '\n');
			be_buf_adds(&t, p->answer_text);
		}
		rep_para(r, be_str(l, BE_S_R_ANSWER), t.s);
	}
	if (it->nact) {
		acts = be_xcalloc(it->nact, sizeof *acts);
		for (k = 0; k < it->nact; k++) {
			be_buf_reset(&t);
			action_text(&t, &it->act[k], l, 0, a->date);
			acts[k] = be_xstrdup(t.s);
		}
		rep_list(r, be_str(l, BE_S_R_PROMISES), acts, it->nact);
		free_list(acts, it->nact);
	}
	rep_para(r, be_str(l, BE_S_R_NEXT), be_str(l, p->answer ||
	    it->nact == 0 ? answer_str(p->answer, 1) : BE_S_N_PROMISES));
	be_buf_release(&t);
}

/* The council's contact details close the report. */
static void
rep_contact(struct rep *r, const struct be_agenda *a, enum be_lang l)
{
	const char *v[4] = { a->c_name, a->c_email, a->c_phone, a->c_address };
	static const enum be_str k[4] = { BE_S_R_NAME, BE_S_R_EMAIL,
		BE_S_R_PHONE, BE_S_R_ADDRESS };
	struct be_buf t = BE_BUF_INIT;
	char *rows[4];
	size_t i, n = 0;

	for (i = 0; i < 4; i++) {
		if (v[i] == NULL || *v[i] == '\0')
			continue;
		be_buf_reset(&t);
		be_buf_addf(&t, "%s: %s", be_str(l, k[i]), v[i]);
		rows[n++] = be_xstrdup(t.s);
	}
	if (n)
		rep_list(r, be_str(l, BE_S_R_CONTACT), rows, n);
	for (i = 0; i < n; i++)
		free(rows[i]);
	be_buf_release(&t);
}

int
be_agenda_report(FILE *fp, const struct be_agenda *a, enum be_afmt f,
    enum be_lang l)
{
	struct be_buf o = BE_BUF_INIT, t = BE_BUF_INIT;
	struct rep r = { &o, f };
	char d[64];
	size_t i, np = 0;

	be_buf_addf(&t, "%s: %s %s", be_str(l, BE_S_R_TITLE),
	    be_str(l, BE_S_MEETING_OF), be_long_date(l, a->date, d, sizeof d));
	if (f == BE_AF_HTML) {
		html_head(&o, l, t.s);
		rep_title(&r, t.s, 1);
		html_wrapped(&o, "<p class=\"subtitle\">", a->body, "</p>\n");
	} else {
		rep_title(&r, t.s, 1);
		rep_para(&r, NULL, a->body);
	}
	rep_para(&r, NULL, be_str(l, BE_S_R_INTRO));
	for (i = 0; i < a->nitems; i++)
		if (a->items[i].point) {
			rep_point(&r, a, &a->items[i], l);
			np++;
		}
	if (np == 0)
		rep_para(&r, NULL, be_str(l, BE_S_R_NOPOINTS));
	rep_para(&r, NULL, be_str(l, BE_S_R_CLOSE));
	rep_contact(&r, a, l);
	if (f == BE_AF_HTML)
		be_buf_adds(&o, "</body>\n</html>\n");
	be_buf_rtrim(&o);
	be_buf_addc(&o, '\n');
	be_ctl_write(fp, o.s, o.len);	/* no control characters */
	be_buf_release(&o);
	be_buf_release(&t);
	return 0;
}

/* YAML, kind: agenda. */

static const char *const qkey[4] = { "richting", "macht", "wenselijk",
	"doen" };

static void
yaml_action(FILE *fp, int ind, const struct be_action *x, int from)
{
	char ref[32];

	be_yemit_int(fp, ind | BE_YDASH, "id", x->id);
	if (from) {
		snprintf(ref, sizeof ref, "M-%lld", x->meeting_id);
		be_yemit_str(fp, ind, "meeting", ref);
	}
	be_yemit_str(fp, ind, "who", x->who);
	be_yemit_str(fp, ind, "what", x->what);
	be_yemit_str(fp, ind, "due", x->due);
	be_yemit_str(fp, ind, "done", x->done);
}

static void
yaml_list(FILE *fp, const char *key, char **v, size_t n)
{
	size_t i;

	if (n == 0)
		return;
	be_yemit_key(fp, 0, key);
	for (i = 0; i < n; i++)
		be_yemit_item(fp, 2, v[i]);
}

static void
yaml_hhmm(FILE *fp, int ind, const char *key, int min)
{
	char t[16];

	snprintf(t, sizeof t, "%02d:%02d", min / 60, min % 60);
	be_yemit_str(fp, ind, key, t);
}

void
be_agenda_yaml(FILE *fp, const struct be_agenda *a)
{
	char ref[32];
	size_t i, k;

	be_yemit_doc(fp, "agenda");
	if (a->id) {
		snprintf(ref, sizeof ref, "M-%lld", a->id);
		be_yemit_str(fp, 0, "meeting", ref);
	}
	if (a->intern)
		be_yemit_str(fp, 0, "soort", "intern-beraad");
	be_yemit_str(fp, 0, "body", a->body);
	if (a->title)
		be_yemit_str(fp, 0, "title", a->title);
	be_yemit_str(fp, 0, "date", a->date);
	yaml_hhmm(fp, 0, "start", a->start);
	yaml_hhmm(fp, 0, "end", a->end);
	if (a->place)
		be_yemit_str(fp, 0, "place", a->place);
	if (a->chair)
		be_yemit_str(fp, 0, "chair", a->chair);
	if (a->secretary)
		be_yemit_str(fp, 0, "secretary", a->secretary);
	yaml_list(fp, "members", a->members, a->nmembers);
	yaml_list(fp, "guests", a->guests, a->nguests);
	be_yemit_key(fp, 0, "items");
	for (i = 0; i < a->nitems; i++) {
		const struct be_aitem *it = &a->items[i];
		const struct be_apoint *p = it->point;

		be_yemit_int(fp, 4 | BE_YDASH, "pos", (long long)i + 1);
		be_yemit_str(fp, 4, "title", it->title);
		yaml_hhmm(fp, 4, "start", it->start);
		be_yemit_int(fp, 4, "minutes", it->minutes);
		if (it->type != BE_IT_NONE)
			be_yemit_str(fp, 4, "type", be_itype_name(it->type));
		if (it->description)
			be_yemit_str(fp, 4, "description", it->description);
		if (p) {
			snprintf(ref, sizeof ref, "P-%lld", p->id);
			be_yemit_str(fp, 4, "point", ref);
			if (p->nvalues) {
				be_yemit_key(fp, 4, "values");
				for (k = 0; k < p->nvalues; k++)
					be_yemit_item(fp, 6, p->values[k]);
			}
			if (p->vraag)
				be_yemit_str(fp, 4, "vraag", p->vraag);
			be_yemit_int(fp, 4, "stories", p->nstories);
			if (p->nquotes) {
				be_yemit_key(fp, 4, "quotes");
				for (k = 0; k < p->nquotes; k++)
					be_yemit_item(fp, 6, p->quotes[k]);
			}
			be_yemit_key(fp, 4, "questions");
			for (k = 0; k < 4; k++)
				be_yemit_str(fp, 6, qkey[k], p->q[k]);
		}
		if (it->actions && a->nopen) {
			be_yemit_key(fp, 4, "open-actions");
			for (k = 0; k < a->nopen; k++)
				yaml_action(fp, 8, &a->open[k], 1);
		}
		if (a->id) {
			be_yemit_str(fp, 4, "outcome", it->outcome);
			if (it->nact == 0)
				be_yemit_str(fp, 4, "actions", NULL);
			else
				be_yemit_key(fp, 4, "actions");
			for (k = 0; k < it->nact; k++)
				yaml_action(fp, 8, &it->act[k], 0);
		}
	}
	if (a->nwaiting) {
		be_yemit_key(fp, 0, "waiting");
		for (i = 0; i < a->nwaiting; i++) {
			const struct be_apoint *p = &a->waiting[i];

			snprintf(ref, sizeof ref, "P-%lld", p->id);
			be_yemit_str(fp, 4 | BE_YDASH, "point", ref);
			be_yemit_str(fp, 4, "title", p->title);
			be_yemit_str(fp, 4, "since", p->since);
			if (p->meeting_id) {
				snprintf(ref, sizeof ref, "M-%lld",
				    p->meeting_id);
				be_yemit_str(fp, 4, "meeting", ref);
			}
		}
	}
}
