/* report.c: see report.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agenda.h"	/* be_html_escape, be_excerpt */
#include "buf.h"
#include "csvw.h"
#include "ctl.h"
#include "date.h"
#include "i18n.h"
#include "mem.h"
#include "point.h"	/* be_point_quote */
#include "record.h"
#include "report.h"
#include "ydoc.h"
#include "banned.h"

static const char *const mon_nl[12] = {
	"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt",
	"nov", "dec"
};
static const char *const month_nl[12] = {
	"januari", "februari", "maart", "april", "mei", "juni", "juli",
	"augustus", "september", "oktober", "november", "december"
};

int
be_rfmt_parse(const char *s, enum be_rfmt *f)
{
	static const char *const n[] = { "html", "md", "yaml", "csv" };
	size_t i;

	for (i = 0; i < sizeof n / sizeof n[0]; i++)
		if (strcmp(s, n[i]) == 0) {
			*f = (enum be_rfmt)i;
			return 0;
		}
	return -1;
}

int
be_rper_parse(const char *s, enum be_rper *p)
{
	if (strcmp(s, "maand") == 0 || strcmp(s, "month") == 0)
		*p = BE_RP_MONTH;
	else if (strcmp(s, "kwartaal") == 0 || strcmp(s, "quarter") == 0)
		*p = BE_RP_QUARTER;
	else
		return -1;
	return 0;
}

char *
be_report_count(long long n, int min, char *buf, size_t sz)
{
	if (n > 0 && n < min)
		snprintf(buf, sz, "< %d", min);
	else
		snprintf(buf, sz, "%lld", n);
	return buf;
}

/*
 * Reads s (YYYY, YYYY-MM or YYYY-MM-DD, a real day) into out as
 * YYYY-MM-DD: the first day it names, or with end the last.
 */
static int
norm_date(const char *opt, const char *s, int end, char *out,
    struct be_err *e)
{
	if (be_date_span(s, end, out) == 0)
		return 0;
	return be_err_set(e, "%s: bad date '%s'; write YYYY-MM-DD "
	    "(or YYYY-MM, YYYY)", opt, s);
}

/* The number of bin of year y, month m (1..12) under per. */
static long
bin_of(enum be_rper per, int y, int m)
{
	return per == BE_RP_MONTH ? y * 12L + m - 1 : y * 4L + (m - 1) / 3;
}

static void
free_theme(struct be_rtheme *t)
{
	size_t i;

	free(t->name);
	free(t->description);
	free(t->count);
	free(t->hidden);
	for (i = 0; i < t->nquotes; i++)
		free(t->quotes[i]);
	for (i = 0; i < t->npoints; i++) {
		free(t->points[i].title);
		free(t->points[i].vraag);
		free(t->points[i].state);
		free(t->points[i].answer);
		free(t->points[i].answer_text);
		free(t->points[i].answer_date);
	}
	free(t->points);
}

void
be_report_release(struct be_report *r)
{
	size_t i;

	free(r->made);
	free(r->since);
	free(r->until);
	free(r->last);
	for (i = 0; i < r->nbin; i++)
		free(r->bin[i]);
	free(r->bin);
	for (i = 0; i < r->ntheme; i++)
		free_theme(&r->theme[i]);
	free(r->theme);
	memset(r, 0, sizeof *r);
}

/* The period: since, until (inclusive) and the day after until. */
static int
period(struct be_store *st, const struct be_report_opt *o,
    struct be_report *r, char *after, struct be_err *e)
{
	char since[11], until[11], now[21];
	sqlite3_stmt *q;
	long long id;
	int y, m, d, rc;

	if (o->until) {
		if (norm_date("--until", o->until, 1, until, e) < 0)
			return -1;
	} else
		be_today(until);
	if (o->since) {
		if (norm_date("--since", o->since, 0, since, e) < 0)
			return -1;
	} else if (o->meeting) {
		if (be_ref_parse(o->meeting, 'M', &id) < 0)
			return be_err_set(e, "--since-meeting: '%s' is not a "
			    "meeting ref (M-n)", o->meeting);
		q = be_store_stmt(st,
		    "SELECT date FROM meeting WHERE id = ?1", e);
		if (q == NULL)
			return -1;
		sqlite3_bind_int64(q, 1, id);
		rc = sqlite3_step(q);
		if (rc == SQLITE_ROW)
			snprintf(since, sizeof since, "%.10s",
			    be_col_text(q, 0));
		sqlite3_reset(q);
		if (rc == SQLITE_DONE)
			return be_err_set(e, "no meeting M-%lld", id);
		if (rc != SQLITE_ROW)
			return be_store_error(st, "cannot read meetings", e);
	} else {
		/* The first month a story was told in. */
		q = be_store_stmt(st, "SELECT substr(min(told), 1, 7) FROM"
		    " story WHERE told >= '0'", e);
		if (q == NULL)
			return -1;
		rc = sqlite3_step(q);
		if (rc == SQLITE_ROW && sqlite3_column_type(q, 0) != SQLITE_NULL)
			snprintf(since, sizeof since, "%.7s-01",
			    be_col_text(q, 0));
		else
			snprintf(since, sizeof since, "%.7s-01", until);
		sqlite3_reset(q);
		if (rc != SQLITE_ROW)
			return be_store_error(st, "cannot read stories", e);
		if (strcmp(since, until) > 0)
			snprintf(since, sizeof since, "%.7s-01", until);
	}
	if (be_ymd_parse(since, NULL, NULL, NULL) < 0)
		return be_err_set(e, "--since-meeting: meeting %s has no "
		    "valid date", o->meeting);
	if (strcmp(since, until) > 0)
		return be_err_set(e, "--since %s is after --until %s", since,
		    until);
	be_ymd_parse(until, &y, &m, &d);
	be_add_days(&y, &m, &d, 1);
	snprintf(after, 11, "%04d-%02d-%02d", y, m, d);
	r->since = be_xstrdup(since);
	r->until = be_xstrdup(until);
	r->made = be_xstrdup(be_now(now));
	return 0;
}

/* The bins of the period, as "2026-10" or "2026-K4". */
static void
bins(struct be_report *r, enum be_rper per)
{
	int sy, sm, uy, um;
	long b, first, last;
	char s[16];

	be_ymd_parse(r->since, &sy, &sm, NULL);
	be_ymd_parse(r->until, &uy, &um, NULL);
	if (per == BE_RP_AUTO)
		per = bin_of(BE_RP_MONTH, uy, um) - bin_of(BE_RP_MONTH, sy, sm)
		    < 12 ? BE_RP_MONTH : BE_RP_QUARTER;
	r->per = per;
	first = bin_of(per, sy, sm);
	last = bin_of(per, uy, um);
	r->nbin = (size_t)(last - first + 1);
	r->bin = be_xcalloc(r->nbin, sizeof *r->bin);
	for (b = first; b <= last; b++) {
		if (per == BE_RP_MONTH)
			snprintf(s, sizeof s, "%04ld-%02ld", b / 12, b % 12 + 1);
		else
			snprintf(s, sizeof s, "%04ld-K%ld", b / 4, b % 4 + 1);
		r->bin[b - first] = be_xstrdup(s);
	}
}

/* The theme whose tag is id, added (with its name) when new. */
static struct be_rtheme *
theme_of(struct be_report *r, size_t *cap, long long id, const char *name,
    const char *desc)
{
	struct be_rtheme *t;
	size_t i;

	for (i = 0; i < r->ntheme; i++)
		if (r->theme[i].tag_id == id)
			return &r->theme[i];
	BE_GROW(r->theme, r->ntheme + 1, *cap);
	t = &r->theme[r->ntheme++];
	memset(t, 0, sizeof *t);
	t->tag_id = id;
	t->name = be_xstrdup(name);
	t->description = *desc ? be_xstrdup(desc) : NULL;
	t->count = be_xcalloc(r->nbin, sizeof *t->count);
	t->hidden = be_xcalloc(r->nbin, 1);
	return t;
}

/*
 * Per theme, the stories of the period added since the last report.
 * Apart from the counts, which need no more than the indexes: this one
 * reads the stories themselves.
 */
static int
fresh(struct be_store *st, struct be_report *r, const char *after,
    struct be_err *e)
{
	sqlite3_stmt *q;
	size_t i;
	int rc;

	q = be_store_stmt(st,
	    "WITH RECURSIVE top(id, root) AS ("
	    "  SELECT id, id FROM tag WHERE parent_id IS NULL"
	    "  UNION SELECT t.id, top.root FROM tag t"
	    "  JOIN top ON t.parent_id = top.id)"
	    " SELECT top.root, count(DISTINCT s.id) FROM story s"
	    " JOIN story_tag x ON x.story_id = s.id AND x.present = 1"
	    " JOIN top ON top.id = x.tag_id"
	    " WHERE s.told >= ?1 AND s.told < ?2 AND s.added > ?3"
	    " GROUP BY top.root", e);
	if (q == NULL)
		return -1;
	be_bind_text(q, 1, r->since);
	be_bind_text(q, 2, after);
	be_bind_text(q, 3, r->last);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW)
		for (i = 0; i < r->ntheme; i++)
			if (r->theme[i].tag_id == sqlite3_column_int64(q, 0))
				r->theme[i].fresh = sqlite3_column_int64(q, 1);
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return be_store_error(st, "cannot count stories", e);
	return 0;
}

/*
 * The counts: per top-level theme and month, the stories with that theme
 * or one under it (each story once); the stories of the period, and
 * those without a theme.
 */
static int
counts(struct be_store *st, struct be_report *r, const char *after,
    struct be_err *e)
{
	sqlite3_stmt *q;
	struct be_rtheme *t;
	size_t cap = 0;
	long first;
	int sy, sm, y, m, rc;


	be_ymd_parse(r->since, &sy, &sm, NULL);
	first = bin_of(r->per, sy, sm);
	q = be_store_stmt(st,
	    "WITH RECURSIVE top(id, root) AS ("
	    "  SELECT id, id FROM tag WHERE parent_id IS NULL"
	    "  UNION SELECT t.id, top.root FROM tag t"
	    "  JOIN top ON t.parent_id = top.id)"
	    " SELECT c.root, r.name, coalesce(r.description, ''), c.m, c.n"
	    " FROM (SELECT top.root AS root, substr(s.told, 1, 7) AS m,"
	    "    count(DISTINCT s.id) AS n"
	    "  FROM story s"
	    "  JOIN story_tag x ON x.story_id = s.id AND x.present = 1"
	    "  JOIN top ON top.id = x.tag_id"
	    "  WHERE s.told >= ?1 AND s.told < ?2"
	    "  GROUP BY top.root, substr(s.told, 1, 7)) c"
	    " JOIN tag r ON r.id = c.root"
	    " ORDER BY c.root, c.m", e);
	if (q == NULL)
		return -1;
	be_bind_text(q, 1, r->since);
	be_bind_text(q, 2, after);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (sscanf(be_col_text(q, 3), "%d-%d", &y, &m) != 2 ||
		    m < 1 || m > 12)
			continue;
		t = theme_of(r, &cap, sqlite3_column_int64(q, 0),
		    be_col_text(q, 1), be_col_text(q, 2));
		t->count[bin_of(r->per, y, m) - first] +=
		    sqlite3_column_int64(q, 4);
		t->total += sqlite3_column_int64(q, 4);
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return be_store_error(st, "cannot count stories", e);
	if (r->last && fresh(st, r, after, e) < 0)
		return -1;

	q = be_store_stmt(st, "SELECT count(*), coalesce(sum(NOT EXISTS ("
	    "  SELECT 1 FROM story_tag x WHERE x.story_id = s.id"
	    "  AND x.present = 1)), 0)"
	    " FROM story s WHERE s.told >= ?1 AND s.told < ?2", e);
	if (q == NULL)
		return -1;
	be_bind_text(q, 1, r->since);
	be_bind_text(q, 2, after);
	rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		r->stories = sqlite3_column_int64(q, 0);
		r->untagged = sqlite3_column_int64(q, 1);
	}
	sqlite3_reset(q);
	if (rc != SQLITE_ROW)
		return be_store_error(st, "cannot count stories", e);
	return 0;
}

/*
 * Hides the small counts of t: each from 1 to min - 1, and when that
 * hides just one cell while the total is shown, the smallest other cell
 * too (the first of equals), so that no hidden count is the total less
 * the others.
 */
static void
hide(struct be_rtheme *t, size_t nbin, int min)
{
	size_t i, nh = 0, small = nbin;

	for (i = 0; i < nbin; i++)
		if (t->count[i] > 0 && t->count[i] < min) {
			t->hidden[i] = 1;
			nh++;
		}
	if (nh != 1 || t->total < min)
		return;
	for (i = 0; i < nbin; i++)
		if (!t->hidden[i] && (small == nbin ||
		    t->count[i] < t->count[small]))
			small = i;
	if (small < nbin)
		t->hidden[small] = 1;
}

/* Most stories first, then by name. */
static int
by_total(const void *a, const void *b)
{
	const struct be_rtheme *x = a, *y = b;

	if (x->total != y->total)
		return x->total > y->total ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* Adds quote s to t unless t has it already or it is empty. */
static void
add_quote(struct be_rtheme *t, const char *s)
{
	struct be_buf b = BE_BUF_INIT;
	size_t i;

	be_excerpt(&b, s, (size_t)-1);
	for (i = 0; i < t->nquotes; i++)
		if (strcmp(t->quotes[i], b.s) == 0)
			break;
	if (b.len == 0 || i < t->nquotes || t->nquotes == 3)
		be_buf_release(&b);
	else
		t->quotes[t->nquotes++] = be_buf_detach(&b);
}

/*
 * Up to n quotes for theme id: stories of the theme told in the period
 * that may be quoted (not only counted, not routed elsewhere; the rule of
 * be_point_quotable), those quoted on a point
 * first with the quote chosen there, then the others with their default
 * quote (be_point_quote); each in the order told.  The first statement
 * starts from the few stories on points; the second walks the stories in
 * the order told and stops at the limit, so that only the texts quoted are
 * read.
 */
static int
quotes(struct be_store *st, struct be_report *r, struct be_rtheme *t,
    long long id, const char *after, int n, struct be_err *e)
{
	sqlite3_stmt *q;
	char *dq;
	int rc, pass;

	for (pass = 0; pass < 2 && t->nquotes < (size_t)n; pass++) {
		q = pass == 0 ? be_store_stmt(st,
		    "WITH RECURSIVE sub(id) AS (SELECT ?1"
		    "  UNION SELECT t.id FROM tag t"
		    "  JOIN sub ON t.parent_id = sub.id)"
		    " SELECT ps.quote FROM point_story ps"
		    " CROSS JOIN story s ON s.id = ps.story_id"
		    " WHERE s.told >= ?2 AND s.told < ?3"
		    "  AND coalesce(ps.quote, '') <> ''"
		    "  AND EXISTS (SELECT 1 FROM story_tag x"
		    "   WHERE x.story_id = s.id AND x.present = 1"
		    "   AND x.tag_id IN (SELECT id FROM sub))"
		    "  AND coalesce(s.route, '') = '' AND s.use <> 'count'"
		    " ORDER BY s.told, s.id, ps.point_id LIMIT ?4", e) :
		    be_store_stmt(st,
		    "WITH RECURSIVE sub(id) AS (SELECT ?1"
		    "  UNION SELECT t.id FROM tag t"
		    "  JOIN sub ON t.parent_id = sub.id)"
		    " SELECT s.text FROM story s"
		    " WHERE s.told >= ?2 AND s.told < ?3"
		    "  AND EXISTS (SELECT 1 FROM story_tag x"
		    "   WHERE x.story_id = s.id AND x.present = 1"
		    "   AND x.tag_id IN (SELECT id FROM sub))"
		    "  AND NOT EXISTS (SELECT 1 FROM point_story ps"
		    "   WHERE ps.story_id = s.id AND coalesce(ps.quote, '') <> '')"
		    "  AND coalesce(s.route, '') = '' AND s.use <> 'count'"
		    " ORDER BY s.told, s.id LIMIT ?4", e);
		if (q == NULL)
			return -1;
		sqlite3_bind_int64(q, 1, id);
		be_bind_text(q, 2, r->since);
		be_bind_text(q, 3, after);
		/* A few more than n, for quotes that say the same. */
		sqlite3_bind_int(q, 4, n + 3);
		while (t->nquotes < (size_t)n &&
		    (rc = sqlite3_step(q)) == SQLITE_ROW) {
			if (pass == 0)
				add_quote(t, be_col_text(q, 0));
			else {
				dq = be_point_quote(be_col_text(q, 0));
				add_quote(t, dq);
				free(dq);
			}
		}
		sqlite3_reset(q);
		if (rc != SQLITE_DONE && rc != SQLITE_ROW)
			return be_store_error(st, "cannot read stories", e);
	}
	return 0;
}

/*
 * The points of theme id (its own or one under it) that went to the
 * municipality (geagendeerd or later, not vervallen), made of stories of
 * the period or answered in it.
 */
static int
points(struct be_store *st, struct be_report *r, struct be_rtheme *t,
    long long id, const char *after, struct be_err *e)
{
	sqlite3_stmt *q;
	struct be_rpoint *p;
	size_t cap = 0;
	int rc;

	q = be_store_stmt(st,
	    "WITH RECURSIVE sub(id) AS (SELECT ?1"
	    "  UNION SELECT t.id FROM tag t JOIN sub ON t.parent_id = sub.id)"
	    " SELECT p.id, p.title, p.vraag, p.state, p.answer,"
	    "  p.answer_text, p.answer_date"
	    " FROM point p"
	    " WHERE p.theme IN (SELECT name FROM tag WHERE id IN sub)"
	    "  AND p.state IN ('geagendeerd', 'ingebracht', 'beantwoord',"
	    "   'teruggekoppeld')"
	    "  AND (EXISTS (SELECT 1 FROM point_story ps"
	    "    JOIN story s ON s.id = ps.story_id WHERE ps.point_id = p.id"
	    "    AND s.told >= ?2 AND s.told < ?3)"
	    "   OR (p.answer_date >= ?2 AND p.answer_date < ?3))"
	    " ORDER BY p.id", e);
	if (q == NULL)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	be_bind_text(q, 2, r->since);
	be_bind_text(q, 3, after);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		BE_GROW(t->points, t->npoints + 1, cap);
		p = &t->points[t->npoints++];
		p->id = sqlite3_column_int64(q, 0);
		p->title = be_col_dup(q, 1);
		p->vraag = be_col_dup(q, 2);
		p->state = be_col_dup(q, 3);
		p->answer = be_col_dup(q, 4);
		p->answer_text = be_col_dup(q, 5);
		p->answer_date = be_col_dup(q, 6);
		p->fresh = r->last && p->answer_date &&
		    strncmp(p->answer_date, r->last, 10) > 0;
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return be_store_error(st, "cannot read points", e);
	return 0;
}

int
be_report_make(struct be_store *st, const struct be_report_opt *o,
    struct be_report *r, struct be_err *e)
{
	sqlite3_stmt *q;
	char after[11];
	size_t i;
	int rc;

	memset(r, 0, sizeof *r);
	r->min_count = o->min_count;
	/* One read transaction: every part of the report from one state of
	 * the store. */
	if (be_store_exec(st, "BEGIN", e) < 0)
		return -1;
	if (period(st, o, r, after, e) < 0)
		goto fail;
	bins(r, o->per);

	q = be_store_stmt(st, "SELECT made FROM report"
	    " ORDER BY made DESC, id DESC LIMIT 1", e);
	if (q == NULL)
		goto fail;
	rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		r->last = be_col_dup(q, 0);
	sqlite3_reset(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		be_store_error(st, "cannot read reports", e);
		goto fail;
	}

	if (counts(st, r, after, e) < 0)
		goto fail;
	if (r->ntheme > 1)
		qsort(r->theme, r->ntheme, sizeof *r->theme, by_total);
	for (i = 0; i < r->ntheme; i++) {
		struct be_rtheme *t = &r->theme[i];

		hide(t, r->nbin, r->min_count);
		/* A quote from a small group identifies more easily. */
		if (o->quotes > 0 && t->total >= r->min_count &&
		    quotes(st, r, t, t->tag_id, after, o->quotes, e) < 0)
			goto fail;
		if (points(st, r, t, t->tag_id, after, e) < 0)
			goto fail;
	}
	if (be_store_exec(st, "COMMIT", e) < 0)
		goto fail;
	return 0;
fail:
	be_store_rollback(st);
	be_report_release(r);
	return -1;
}

struct be_store *
be_report_open(const char *path, int record, struct be_err *e)
{
	return be_store_open(path, record ? BE_STORE_UPDATE : BE_STORE_RDONLY,
	    e);
}

long long
be_report_list(struct be_store *st, FILE *fp, int header, struct be_err *e)
{
	sqlite3_stmt *q;
	long long n = 0;
	int rc;

	q = be_store_stmt(st, "SELECT id, made, since, until, per, stories"
	    " FROM report ORDER BY id", e);
	if (q == NULL)
		return -1;
	if (header)
		fputs("#ref\tmade\tsince\tuntil\tper\tstories\n", fp);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		fprintf(fp, "R-%lld\t%s\t%s\t%s\t%s\t%lld\n",
		    (long long)sqlite3_column_int64(q, 0), be_col_text(q, 1),
		    be_col_text(q, 2), be_col_text(q, 3), be_col_text(q, 4),
		    (long long)sqlite3_column_int64(q, 5));
		n++;
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return be_store_error(st, "cannot read reports", e);
	return n;
}

int
be_report_record(struct be_store *st, const struct be_report *r,
    struct be_err *e)
{
	sqlite3_stmt *q;

	if (be_store_begin(st, e) < 0)
		return -1;
	q = be_store_stmt(st, "INSERT INTO report (made, since, until, per,"
	    " stories) VALUES (?1, ?2, ?3, ?4, ?5)", e);
	if (q == NULL)
		goto fail;
	be_bind_text(q, 1, r->made);
	be_bind_text(q, 2, r->since);
	be_bind_text(q, 3, r->until);
	be_bind_text(q, 4, r->per == BE_RP_QUARTER ? "kwartaal" : "maand");
	sqlite3_bind_int64(q, 5, r->stories);
	if (be_store_done(st, q, "cannot record the report", e) < 0)
		goto fail;
	return be_store_commit(st, e);
fail:
	be_store_rollback(st);
	return -1;
}

/* Writing. */

/* "1 oktober 2026" from "2026-10-01". */
static char *
day_nl(const char *ymd, char *buf, size_t n)
{
	char day[11];
	int y, m, d;

	snprintf(day, sizeof day, "%.10s", ymd);
	if (be_ymd_parse(day, &y, &m, &d) < 0)
		snprintf(buf, n, "%s", day);
	else
		snprintf(buf, n, "%d %s %d", d, month_nl[m - 1], y);
	return buf;
}

/* "oktober 2026" or "4e kwartaal 2026" for a bin. */
static char *
bin_nl(const struct be_report *r, size_t i, char *buf, size_t n)
{
	const char *b = r->bin[i];

	if (r->per == BE_RP_QUARTER)
		snprintf(buf, n, "%ce kwartaal %.4s", b[6], b);
	else
		snprintf(buf, n, "%s %.4s", month_nl[atoi(b + 5) - 1], b);
	return buf;
}

static const char *
per_word(const struct be_report *r)
{
	return r->per == BE_RP_QUARTER ? "kwartaal" : "maand";
}

/* A cell as shown. */
static char *
cell(const struct be_report *r, const struct be_rtheme *t, size_t i,
    char *buf, size_t n)
{
	if (t->hidden[i]) {
		snprintf(buf, n, "< %d", r->min_count);
		return buf;
	}
	return be_report_count(t->count[i], r->min_count, buf, n);
}

/* What the municipality answered, in words. */
static const char *
answer_nl(const char *a)
{
	if (a == NULL)
		return NULL;
	if (strcmp(a, "overgenomen") == 0)
		return "De gemeente neemt het advies over.";
	if (strcmp(a, "deels") == 0)
		return "De gemeente neemt het advies voor een deel over.";
	if (strcmp(a, "afgewezen") == 0)
		return "De gemeente neemt het advies niet over.";
	return NULL;
}

/* Where a point is, in words, when there is no answer yet. */
static const char *
state_nl(const char *s)
{
	if (strcmp(s, "geagendeerd") == 0)
		return "Staat op de agenda van het overleg met de gemeente.";
	return "Ingebracht bij de gemeente; nog geen antwoord.";
}

static const char intro[] =
    "Mensen vertellen de raad over hun ervaringen met de hulp en "
    "ondersteuning van de gemeente. Hier staat per thema hoeveel "
    "verhalen erover gingen, wat mensen vertelden en wat de raad ermee "
    "deed. Een verhaal kan over meer dan één thema gaan.";

/* The sentence on small numbers. */
static void
small_note(struct be_buf *o, const struct be_report *r)
{
	if (r->min_count > 1)
		be_buf_addf(o, "Is een aantal kleiner dan %d, dan staat er "
		    "\"< %d\". Zo is niemand te herkennen.", r->min_count,
		    r->min_count);
}

/* "In deze periode vertelden mensen 16 verhalen." and the untagged. */
static void
total_line(struct be_buf *o, const struct be_report *r)
{
	char n[32], u[32];

	be_report_count(r->stories, r->min_count, n, sizeof n);
	be_buf_addf(o, "In deze periode kreeg de raad %s %s.", n,
	    r->stories == 1 ? "verhaal" : "verhalen");
	if (r->untagged > 0)
		be_buf_addf(o, " Over %s daarvan is nog geen thema bepaald.",
		    be_report_count(r->untagged, r->min_count, u, sizeof u));
}

/* Markdown text: white space collapsed, markup characters escaped. */
static void
md_text(struct be_buf *o, const char *s)
{
	struct be_buf t = BE_BUF_INIT;
	const char *p;

	be_excerpt(&t, s, (size_t)-1);
	for (p = t.s; *p; p++) {
		if (strchr("\\`*_[]<>|#~&", *p))
			be_buf_addc(o, '\\');
		be_buf_addc(o, *p);
	}
	be_buf_release(&t);
}

/* HTML text: white space collapsed, escaped. */
static void
html_text(struct be_buf *o, const char *s)
{
	struct be_buf t = BE_BUF_INIT;

	be_excerpt(&t, s, (size_t)-1);
	be_html_escape(o, t.s);
	be_buf_release(&t);
}

static int
any_fresh(const struct be_report *r)
{
	size_t i, j;

	for (i = 0; i < r->ntheme; i++) {
		if (r->theme[i].fresh > 0)
			return 1;
		for (j = 0; j < r->theme[i].npoints; j++)
			if (r->theme[i].points[j].fresh)
				return 1;
	}
	return 0;
}

/*
 * The lines of "Nieuw sinds het vorige rapport", each passed to line
 * (Markdown or HTML list items).
 */
static void
fresh_lines(struct be_buf *o, const struct be_report *r, int html)
{
	void (*text)(struct be_buf *, const char *) = html ? html_text :
	    md_text;
	size_t i, j;
	char n[32];

	for (i = 0; i < r->ntheme; i++) {
		const struct be_rtheme *t = &r->theme[i];

		if (t->fresh == 0)
			continue;
		be_buf_adds(o, html ? "<li>" : "- ");
		text(o, t->name);
		be_report_count(t->fresh, r->min_count, n, sizeof n);
		be_buf_adds(o, ": ");
		if (html)
			be_html_escape(o, n);
		else
			be_buf_adds(o, n);
		be_buf_addf(o, " %s", t->fresh == 1 ? "nieuw verhaal" :
		    "nieuwe verhalen");
		if (t->fresh == t->total)
			be_buf_adds(o, " (nieuw thema)");
		be_buf_adds(o, html ? "</li>\n" : "\n");
	}
	for (i = 0; i < r->ntheme; i++)
		for (j = 0; j < r->theme[i].npoints; j++) {
			const struct be_rpoint *p = &r->theme[i].points[j];

			if (!p->fresh)
				continue;
			be_buf_adds(o, html ? "<li>Antwoord van de gemeente op "
			    "\"" : "- Antwoord van de gemeente op \"");
			text(o, p->title);
			be_buf_adds(o, html ? "\"</li>\n" : "\"\n");
		}
}

/* A point with its question and the answer (or its state), as a list
 * item in Markdown or HTML. */
static void
point_item(struct be_buf *o, const struct be_rpoint *p, int html)
{
	void (*text)(struct be_buf *, const char *) = html ? html_text :
	    md_text;
	const char *br = html ? "<br>\n" : "  \n  ";
	const char *a = answer_nl(p->answer);
	char d[64];

	be_buf_adds(o, html ? "<li><strong>" : "- **");
	text(o, p->title);
	be_buf_adds(o, html ? "</strong>" : "**");
	if (p->vraag) {
		be_buf_adds(o, br);
		be_buf_adds(o, "Vraag aan de gemeente: ");
		text(o, p->vraag);
	}
	be_buf_adds(o, br);
	if (a) {
		if (p->answer_date)
			be_buf_addf(o, "Antwoord (%s): ",
			    day_nl(p->answer_date, d, sizeof d));
		be_buf_adds(o, a);
		if (p->answer_text) {
			be_buf_addc(o, ' ');
			text(o, p->answer_text);
		}
	} else
		be_buf_adds(o, state_nl(p->state));
	be_buf_adds(o, html ? "</li>\n" : "\n");
}

static void
write_md(struct be_buf *o, const struct be_report *r)
{
	char a[64], b[64], n[32];
	size_t i, j;

	be_buf_addf(o, "# Signalenrapport\n\n%s tot en met %s\n\n",
	    day_nl(r->since, a, sizeof a), day_nl(r->until, b, sizeof b));
	be_buf_adds(o, intro);
	be_buf_adds(o, "\n\n");
	total_line(o, r);
	be_buf_adds(o, "\n");
	if (r->min_count > 1) {
		be_buf_adds(o, "\n");
		small_note(o, r);
		be_buf_adds(o, "\n");
	}
	if (r->last) {
		be_buf_addf(o, "\n## Nieuw sinds het vorige rapport (%s)\n\n",
		    day_nl(r->last, a, sizeof a));
		if (any_fresh(r))
			fresh_lines(o, r, 0);
		else
			be_buf_adds(o, "Niets nieuws.\n");
	}
	if (r->ntheme == 0)
		be_buf_adds(o, "\nIn deze periode zijn er geen verhalen met een "
		    "thema.\n");
	for (i = 0; i < r->ntheme; i++) {
		const struct be_rtheme *t = &r->theme[i];

		be_buf_adds(o, "\n## ");
		md_text(o, t->name);
		be_buf_adds(o, "\n\n");
		if (t->description) {
			md_text(o, t->description);
			be_buf_adds(o, "\n\n");
		}
		be_buf_addf(o, "| %s | Verhalen |\n|---|---:|\n",
		    r->per == BE_RP_QUARTER ? "Kwartaal" : "Maand");
		for (j = 0; j < r->nbin; j++)
			be_buf_addf(o, "| %s | %s |\n",
			    bin_nl(r, j, a, sizeof a), cell(r, t, j, n, sizeof n));
		be_buf_addf(o, "| Totaal | %s |\n", be_report_count(t->total,
		    r->min_count, n, sizeof n));
		if (t->nquotes > 0) {
			be_buf_adds(o, "\n### Wat mensen vertellen\n\n");
			for (j = 0; j < t->nquotes; j++) {
				be_buf_adds(o, j ? "\n> " : "> ");
				md_text(o, t->quotes[j]);
				be_buf_adds(o, "\n");
			}
		}
		if (t->npoints > 0) {
			be_buf_adds(o, "\n### Wat de raad ermee deed\n\n");
			for (j = 0; j < t->npoints; j++)
				point_item(o, &t->points[j], 0);
		}
	}
	be_buf_addf(o, "\n---\n\nGemaakt op %s.\n",
	    day_nl(r->made, a, sizeof a));
}

/* HTML: one printable file, a theme a page in print. */

static const char css[] =
"body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;"
"max-width:48em;margin:2em auto;padding:0 1em;line-height:1.45;color:#111}\n"
"h1{font-size:1.8em;margin-bottom:.2em}\n"
"h2{font-size:1.3em;margin:1.6em 0 .3em;border-bottom:1px solid #999}\n"
"h3{font-size:1.05em;margin:1em 0 .3em}\n"
".period{font-size:1.15em;margin-top:0}\n"
".note{color:#333;font-style:italic}\n"
".chart{display:flex;flex-wrap:wrap;gap:1.5em;align-items:flex-start}\n"
".chart svg{flex:0 1 auto;max-width:100%;height:auto}\n"
"table{border-collapse:collapse}\n"
"th,td{padding:.15em .6em;border-bottom:1px solid #ccc;text-align:left}\n"
"td.n,th.n{text-align:right}\n"
"caption{text-align:left;font-weight:bold;padding-bottom:.3em}\n"
"tfoot th,tfoot td{border-top:2px solid #555;font-weight:bold}\n"
"blockquote{margin:.5em 0 .5em 1em;padding-left:.8em;"
"border-left:3px solid #888;color:#222}\n"
"blockquote p{margin:0}\n"
"ul.points li{margin:.4em 0}\n"
"footer{margin-top:2em;color:#444;font-size:.9em}\n"
"@page{size:A4;margin:18mm}\n"
"@media print{body{max-width:none;margin:0;padding:0;font-size:11pt}"
"section.theme{break-before:page}h2,h3{break-after:avoid}"
".chart,blockquote,li{break-inside:avoid}}\n";

/* Chart geometry, in SVG units. */
#define BAR_W 40
#define BAR_GAP 16
#define PLOT_H 120
#define TOP 22
#define LEFT 8

/* The bar chart of t: one bar a bin, its count above it, dark grey on
 * white; a hidden count is a dashed outline up to min - 1. */
static void
html_chart(struct be_buf *o, const struct be_report *r,
    const struct be_rtheme *t, size_t k)
{
	long long max = r->min_count > 1 ? r->min_count - 1 : 1;
	int w = LEFT * 2 + (int)r->nbin * (BAR_W + BAR_GAP) - BAR_GAP;
	int h = TOP + PLOT_H + 40, base = TOP + PLOT_H;
	char lab[64], n[32];
	size_t i;

	for (i = 0; i < r->nbin; i++)
		if (!t->hidden[i] && t->count[i] > max)
			max = t->count[i];
	be_buf_addf(o, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" "
	    "aria-labelledby=\"chart%zu\">\n<title id=\"chart%zu\">"
	    "Staafdiagram: verhalen over ", w, h, w * 3 / 2, h * 3 / 2, k, k);
	html_text(o, t->name);
	be_buf_addf(o, " per %s. De tabel ernaast geeft dezelfde aantallen."
	    "</title>\n", per_word(r));
	be_buf_addf(o, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
	    "stroke=\"#000\" stroke-width=\"1\"/>\n", 0, base, w, base);
	for (i = 0; i < r->nbin; i++) {
		int x = LEFT + (int)i * (BAR_W + BAR_GAP);
		long long c = t->hidden[i] ? r->min_count - 1 : t->count[i];
		int bh = (int)((c * PLOT_H + max / 2) / max);
		const char *b = r->bin[i];

		if (t->hidden[i])
			be_buf_addf(o, "<rect x=\"%d\" y=\"%d\" width=\"%d\" "
			    "height=\"%d\" fill=\"#fff\" stroke=\"#333\" "
			    "stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>\n",
			    x, base - bh, BAR_W, bh);
		else if (bh > 0)
			be_buf_addf(o, "<rect x=\"%d\" y=\"%d\" width=\"%d\" "
			    "height=\"%d\" fill=\"#444\"/>\n", x, base - bh,
			    BAR_W, bh);
		be_buf_addf(o, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" "
		    "font-size=\"12\" font-family=\"sans-serif\">", x + BAR_W / 2,
		    base - bh - 5);
		be_html_escape(o, cell(r, t, i, n, sizeof n));
		be_buf_adds(o, "</text>\n");
		if (r->per == BE_RP_QUARTER)
			snprintf(lab, sizeof lab, "K%c", b[6]);
		else
			snprintf(lab, sizeof lab, "%s",
			    mon_nl[atoi(b + 5) - 1]);
		be_buf_addf(o, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" "
		    "font-size=\"12\" font-family=\"sans-serif\">%s</text>\n",
		    x + BAR_W / 2, base + 16, lab);
		if (i == 0 || (r->per == BE_RP_QUARTER ? b[6] == '1' :
		    strcmp(b + 5, "01") == 0))
			be_buf_addf(o, "<text x=\"%d\" y=\"%d\" "
			    "text-anchor=\"middle\" font-size=\"12\" "
			    "font-family=\"sans-serif\">%.4s</text>\n",
			    x + BAR_W / 2, base + 32, b);
	}
	be_buf_adds(o, "</svg>\n");
}

static void
write_html(struct be_buf *o, const struct be_report *r)
{
	struct be_buf s = BE_BUF_INIT;
	char a[64], b[64], n[32];
	size_t i, j;

	day_nl(r->since, a, sizeof a);
	day_nl(r->until, b, sizeof b);
	be_buf_addf(o, "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n"
	    "<title>Signalenrapport %s tot en met %s</title>\n"
	    "<style>\n%s</style>\n</head>\n<body>\n<header>\n"
	    "<h1>Signalenrapport</h1>\n<p class=\"period\">%s tot en met %s"
	    "</p>\n</header>\n<main>\n<p>", a, b, css, a, b);
	be_buf_adds(o, intro);
	be_buf_adds(o, "</p>\n<p>");
	total_line(&s, r);
	be_html_escape(o, s.s);
	be_buf_adds(o, "</p>\n");
	if (r->min_count > 1) {
		be_buf_reset(&s);
		small_note(&s, r);
		be_buf_adds(o, "<p class=\"note\">");
		be_html_escape(o, s.s);
		be_buf_adds(o, "</p>\n");
	}
	be_buf_release(&s);
	if (r->last) {
		be_buf_addf(o, "<h2>Nieuw sinds het vorige rapport (%s)</h2>\n",
		    day_nl(r->last, a, sizeof a));
		if (any_fresh(r)) {
			be_buf_adds(o, "<ul>\n");
			fresh_lines(o, r, 1);
			be_buf_adds(o, "</ul>\n");
		} else
			be_buf_adds(o, "<p>Niets nieuws.</p>\n");
	}
	if (r->ntheme == 0)
		be_buf_adds(o, "<p>In deze periode zijn er geen verhalen met "
		    "een thema.</p>\n");
	else {
		be_buf_adds(o, "<h2>Alle thema's</h2>\n<table>\n<thead><tr>"
		    "<th scope=\"col\">Thema</th><th scope=\"col\" class=\"n\">"
		    "Verhalen</th></tr></thead>\n<tbody>\n");
		for (i = 0; i < r->ntheme; i++) {
			be_buf_adds(o, "<tr><th scope=\"row\">");
			html_text(o, r->theme[i].name);
			be_buf_adds(o, "</th><td class=\"n\">");
			be_html_escape(o, be_report_count(r->theme[i].total,
			    r->min_count, n, sizeof n));
			be_buf_adds(o, "</td></tr>\n");
		}
		be_buf_adds(o, "</tbody>\n</table>\n");
	}
	for (i = 0; i < r->ntheme; i++) {
		const struct be_rtheme *t = &r->theme[i];

		be_buf_adds(o, "<section class=\"theme\">\n<h2>");
		html_text(o, t->name);
		be_buf_adds(o, "</h2>\n");
		if (t->description) {
			be_buf_adds(o, "<p>");
			html_text(o, t->description);
			be_buf_adds(o, "</p>\n");
		}
		be_buf_adds(o, "<div class=\"chart\">\n");
		html_chart(o, r, t, i + 1);
		be_buf_adds(o, "<table>\n<caption>Verhalen over ");
		html_text(o, t->name);
		be_buf_addf(o, " per %s</caption>\n<thead><tr>"
		    "<th scope=\"col\">%s</th><th scope=\"col\" class=\"n\">"
		    "Verhalen</th></tr></thead>\n<tbody>\n", per_word(r),
		    r->per == BE_RP_QUARTER ? "Kwartaal" : "Maand");
		for (j = 0; j < r->nbin; j++) {
			be_buf_addf(o, "<tr><th scope=\"row\">%s</th>"
			    "<td class=\"n\">", bin_nl(r, j, a, sizeof a));
			be_html_escape(o, cell(r, t, j, n, sizeof n));
			be_buf_adds(o, "</td></tr>\n");
		}
		be_buf_adds(o, "</tbody>\n<tfoot><tr><th scope=\"row\">Totaal"
		    "</th><td class=\"n\">");
		be_html_escape(o, be_report_count(t->total, r->min_count, n,
		    sizeof n));
		be_buf_adds(o, "</td></tr></tfoot>\n</table>\n</div>\n");
		if (t->nquotes > 0) {
			be_buf_adds(o, "<h3>Wat mensen vertellen</h3>\n");
			for (j = 0; j < t->nquotes; j++) {
				be_buf_adds(o, "<blockquote><p>");
				html_text(o, t->quotes[j]);
				be_buf_adds(o, "</p></blockquote>\n");
			}
		}
		if (t->npoints > 0) {
			be_buf_adds(o, "<h3>Wat de raad ermee deed</h3>\n"
			    "<ul class=\"points\">\n");
			for (j = 0; j < t->npoints; j++)
				point_item(o, &t->points[j], 1);
			be_buf_adds(o, "</ul>\n");
		}
		be_buf_adds(o, "</section>\n");
	}
	be_buf_addf(o, "</main>\n<footer><p>Gemaakt op %s.</p></footer>\n"
	    "</body>\n</html>\n", day_nl(r->made, a, sizeof a));
}

/* YAML: kind signalenrapport, for scripts. */
static void
yaml_count(FILE *fp, int indent, const char *key, long long c, int hidden,
    int min)
{
	char n[32];

	if (hidden || (c > 0 && c < min))
		be_yemit_str(fp, indent, key, be_report_count(1, min, n,
		    sizeof n));
	else
		be_yemit_int(fp, indent, key, c);
}

static void
write_yaml(FILE *fp, const struct be_report *r)
{
	char ref[32];
	size_t i, j;

	be_yemit_doc(fp, "signalenrapport");
	be_yemit_str(fp, 0, "made", r->made);
	be_yemit_str(fp, 0, "since", r->since);
	be_yemit_str(fp, 0, "until", r->until);
	be_yemit_str(fp, 0, "per", per_word(r));
	be_yemit_int(fp, 0, "min_count", r->min_count);
	be_yemit_str(fp, 0, "previous", r->last);
	yaml_count(fp, 0, "stories", r->stories, 0, r->min_count);
	yaml_count(fp, 0, "untagged", r->untagged, 0, r->min_count);
	be_yemit_key(fp, 0, "themes");
	for (i = 0; i < r->ntheme; i++) {
		const struct be_rtheme *t = &r->theme[i];

		be_yemit_str(fp, 2 | BE_YDASH, "name", t->name);
		if (t->description)
			be_yemit_str(fp, 2, "description", t->description);
		yaml_count(fp, 2, "total", t->total, 0, r->min_count);
		if (r->last)
			yaml_count(fp, 2, "new", t->fresh, 0, r->min_count);
		be_yemit_key(fp, 2, "counts");
		for (j = 0; j < r->nbin; j++) {
			be_yemit_str(fp, 4 | BE_YDASH, "period", r->bin[j]);
			yaml_count(fp, 4, "stories", t->count[j], t->hidden[j],
			    r->min_count);
		}
		if (t->nquotes > 0) {
			be_yemit_key(fp, 2, "quotes");
			for (j = 0; j < t->nquotes; j++)
				be_yemit_item(fp, 2, t->quotes[j]);
		}
		if (t->npoints > 0) {
			be_yemit_key(fp, 2, "points");
			for (j = 0; j < t->npoints; j++) {
				const struct be_rpoint *p = &t->points[j];

				snprintf(ref, sizeof ref, "P-%lld", p->id);
				be_yemit_str(fp, 4 | BE_YDASH, "ref", ref);
				be_yemit_str(fp, 4, "title", p->title);
				if (p->vraag)
					be_yemit_str(fp, 4, "vraag", p->vraag);
				be_yemit_str(fp, 4, "state", p->state);
				if (p->answer)
					be_yemit_str(fp, 4, "answer",
					    p->answer);
				if (p->answer_text)
					be_yemit_str(fp, 4, "answer_text",
					    p->answer_text);
				if (p->answer_date)
					be_yemit_str(fp, 4, "answer_date",
					    p->answer_date);
			}
		}
	}
}

/* CSV: a row a theme, a column a month or quarter, then the total. */
static void
write_csv(FILE *fp, const struct be_report *r)
{
	struct be_csvw w;
	char a[64];
	size_t i, j;

	be_csvw_init(&w, fp);
	be_csvw_field(&w, "Thema");
	for (j = 0; j < r->nbin; j++)
		be_csvw_field(&w, bin_nl(r, j, a, sizeof a));
	be_csvw_field(&w, "Totaal");
	be_csvw_end(&w);
	for (i = 0; i < r->ntheme; i++) {
		const struct be_rtheme *t = &r->theme[i];

		be_csvw_field(&w, t->name);
		for (j = 0; j < r->nbin; j++)
			be_csvw_field(&w, cell(r, t, j, a, sizeof a));
		be_csvw_field(&w, be_report_count(t->total, r->min_count, a,
		    sizeof a));
		be_csvw_end(&w);
	}
}

int
be_report_write(FILE *fp, const struct be_report *r, enum be_rfmt f)
{
	struct be_buf o = BE_BUF_INIT;

	switch (f) {
	case BE_RF_HTML: write_html(&o, r); break;
	case BE_RF_MD: write_md(&o, r); break;
	case BE_RF_YAML: write_yaml(fp, r); break;
	case BE_RF_CSV: write_csv(fp, r); break;
	}
	be_ctl_write(fp, o.s, o.len);	/* no control characters (ctl.h) */
	be_buf_release(&o);
	return ferror(fp) ? -1 : 0;
}
