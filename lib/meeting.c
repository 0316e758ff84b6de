/* meeting.c: see meeting.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "buf.h"
#include "csvw.h"
#include "date.h"
#include "i18n.h"
#include "mem.h"
#include "meeting.h"
#include "point.h"
#include "record.h"
#include "store.h"
#include "ydoc.h"
#include "banned.h"

#define MAX_MINUTES 600

static const char *const meeting_keys[] = { "kind", "version", "body",
	"title", "date", "start", "place", "chair", "secretary", "members",
	"guests", "items", "point-minutes", "point-type", "soort", "council",
	NULL };
static const char *const council_keys[] = { "kind", "version", "name",
	"email", "phone", "address", NULL };
static const char *const item_keys[] = { "title", "minutes", "type",
	"description", "actions", NULL };

static int
read_all(FILE *fp, const char *name, struct be_buf *b, struct be_err *e)
{
	if (be_buf_fread(b, fp) < 0)
		return be_err_at(e, name, 0, 0, "read error: %s",
		    strerror(errno));
	return 0;
}

static char *
dup_or_null(const char *s)
{
	return s ? be_xstrdup(s) : NULL;
}

/* A list of strings under key into *v, *n. */
static int
get_list(const struct be_ynode *map, const char *key, char ***v, size_t *n,
    const char *name, struct be_err *e)
{
	const struct be_ynode *seq, *x;
	size_t i;

	if (be_yget_seq(map, key, 0, &seq, name, e) < 0)
		return -1;
	if (seq == NULL)
		return 0;
	*v = be_xcalloc(seq->n ? seq->n : 1, sizeof **v);
	for (i = 0; i < seq->n; i++) {
		x = seq->items[i];
		if (x->kind != BE_YSCALAR || be_ynode_isnull(x))
			return be_yerr(e, name, x, "each of '%s' must be a "
			    "name", key);
		(*v)[(*n)++] = be_xstrdup(x->str);
	}
	return 0;
}

static int
get_minutes(const struct be_ynode *map, const char *key, int required,
    long long dflt, int *out, const char *name, struct be_err *e)
{
	long long v;

	if (be_yget_int(map, key, required, dflt, &v, name, e) < 0)
		return -1;
	if (v < 0 || v > MAX_MINUTES)
		return be_yerr(e, name, be_ymap_get(map, key), "'%s' must be "
		    "between 0 and %d", key, MAX_MINUTES);
	*out = (int)v;
	return 0;
}

static int
get_type(const struct be_ynode *map, const char *key, enum be_itype dflt,
    enum be_itype *t, const char *name, struct be_err *e)
{
	const char *s;

	if (be_yget_str(map, key, 0, &s, name, e) < 0)
		return -1;
	*t = dflt;
	if (s && be_itype_parse(s, t) < 0)
		return be_yerr(e, name, be_ymap_get(map, key), "'%s' must be "
		    "informatie, bespreking or besluitvorming", key);
	return 0;
}

static void
default_items(struct be_agenda *a, enum be_lang l)
{
	be_agenda_add(a, be_str(l, BE_S_OPENING), BE_IT_NONE, 5);
	be_agenda_add(a, be_str(l, BE_S_ADOPT), BE_IT_DECIDE, 5);
	be_agenda_add(a, be_str(l, BE_S_MINUTES), BE_IT_DECIDE, 10)->actions
	    = 1;
	be_agenda_add(a, be_str(l, BE_S_ANNOUNCE), BE_IT_INFO, 10);
	a->points_at = a->nitems;
	a->has_points_at = 1;
	be_agenda_add(a, "", BE_IT_NONE, 0);
	be_agenda_add(a, be_str(l, BE_S_AOB), BE_IT_NONE, 10);
	be_agenda_add(a, be_str(l, BE_S_CLOSING), BE_IT_NONE, 5);
}

static int
load_items(const struct be_ynode *doc, struct be_agenda *a,
    const char *name, struct be_err *e)
{
	const struct be_ynode *seq, *x;
	const char *title, *desc;
	struct be_aitem *it;
	enum be_itype t;
	int min = 0, act = 0;
	size_t i;

	if (be_yget_seq(doc, "items", 1, &seq, name, e) < 0)
		return -1;
	for (i = 0; i < seq->n; i++) {
		x = seq->items[i];
		if (x->kind == BE_YSCALAR && strcmp(x->str, "points") == 0) {
			if (a->has_points_at)
				return be_yerr(e, name, x, "'points' is "
				    "given twice");
			a->points_at = a->nitems;
			a->has_points_at = 1;
			be_agenda_add(a, "", BE_IT_NONE, 0);
			continue;
		}
		if (x->kind != BE_YMAP)
			return be_yerr(e, name, x, "an item must be a map with "
			    "'title' and 'minutes', or the word 'points'");
		if (be_ymap_check(x, item_keys, name, e) < 0 ||
		    be_yget_str(x, "title", 1, &title, name, e) < 0 ||
		    get_minutes(x, "minutes", 1, 0, &min, name, e) < 0 ||
		    get_type(x, "type", BE_IT_NONE, &t, name, e) < 0 ||
		    be_yget_str(x, "description", 0, &desc, name, e) < 0 ||
		    be_yget_bool(x, "actions", 0, 0, &act, name, e) < 0)
			return -1;
		it = be_agenda_add(a, title, t, min);
		it->description = dup_or_null(desc);
		it->actions = act;
	}
	if (!a->has_points_at)
		return be_yerr(e, name, seq, "no 'points' among the items; "
		    "add '- points' where the points go");
	return 0;
}

/* The council's contact details from map m (a council document or the
 * key council of a meeting document). */
static int
load_council(const struct be_ynode *m, struct be_agenda *a, const char *name,
    struct be_err *e)
{
	const char *v[4];

	if (be_ymap_check(m, council_keys, name, e) < 0 ||
	    be_yget_str(m, "name", 0, &v[0], name, e) < 0 ||
	    be_yget_str(m, "email", 0, &v[1], name, e) < 0 ||
	    be_yget_str(m, "phone", 0, &v[2], name, e) < 0 ||
	    be_yget_str(m, "address", 0, &v[3], name, e) < 0)
		return -1;
	free(a->c_name);
	free(a->c_email);
	free(a->c_phone);
	free(a->c_address);
	a->c_name = dup_or_null(v[0]);
	a->c_email = dup_or_null(v[1]);
	a->c_phone = dup_or_null(v[2]);
	a->c_address = dup_or_null(v[3]);
	return 0;
}

int
be_meeting_council(const char *path, struct be_agenda *a, struct be_err *e)
{
	struct be_ynode *doc = NULL;
	FILE *fp;
	int rc;

	if ((fp = fopen(path, "r")) == NULL)
		return be_err_set(e, "cannot open '%s': %s", path,
		    strerror(errno));
	rc = be_yaml_load1(fp, path, &doc, e);
	fclose(fp);
	if (rc == 0)
		rc = be_ydoc_check(doc, "council", path, e);
	if (rc == 0)
		rc = load_council(doc, a, path, e);
	be_ynode_free(doc);
	return rc;
}

static int
load_doc(const struct be_ynode *doc, enum be_lang l, struct be_agenda *a,
    const char *name, struct be_err *e)
{
	const struct be_ynode *council;
	const char *soort;
	const char *body, *title, *date, *start, *place, *chair, *sec;
	long long pm;

	if (be_ydoc_check(doc, "meeting", name, e) < 0 ||
	    be_ymap_check(doc, meeting_keys, name, e) < 0 ||
	    be_yget_str(doc, "body", 1, &body, name, e) < 0 ||
	    be_yget_str(doc, "title", 0, &title, name, e) < 0 ||
	    be_yget_str(doc, "date", 1, &date, name, e) < 0)
		return -1;
	if (be_ymd_parse(date, NULL, NULL, NULL) < 0)
		return be_yerr(e, name, be_ymap_get(doc, "date"), "'date' must "
		    "be a date YYYY-MM-DD");
	if (be_yget_str(doc, "start", 1, &start, name, e) < 0)
		return -1;
	if (be_hhmm_parse(start, &a->start) < 0)
		return be_yerr(e, name, be_ymap_get(doc, "start"), "'start' "
		    "must be a time HH:MM or HH.MM");
	if (be_yget_str(doc, "soort", 0, &soort, name, e) < 0)
		return -1;
	if (soort && strcmp(soort, "intern-beraad") != 0 &&
	    strcmp(soort, "overleg") != 0)
		return be_yerr(e, name, be_ymap_get(doc, "soort"), "'soort' "
		    "must be intern-beraad or overleg");
	a->intern = soort && strcmp(soort, "intern-beraad") == 0;
	if (be_yget_map(doc, "council", 0, &council, name, e) < 0 ||
	    (council && load_council(council, a, name, e) < 0))
		return -1;
	if (be_yget_str(doc, "place", 0, &place, name, e) < 0 ||
	    be_yget_str(doc, "chair", 0, &chair, name, e) < 0 ||
	    be_yget_str(doc, "secretary", 0, &sec, name, e) < 0 ||
	    get_list(doc, "members", &a->members, &a->nmembers, name, e) < 0 ||
	    get_list(doc, "guests", &a->guests, &a->nguests, name, e) < 0 ||
	    be_yget_int(doc, "point-minutes", 0, 20, &pm, name, e) < 0 ||
	    get_type(doc, "point-type", BE_IT_DISCUSS, &a->point_type, name,
	    e) < 0)
		return -1;
	if (pm < 0 || pm > MAX_MINUTES)
		return be_yerr(e, name, be_ymap_get(doc, "point-minutes"),
		    "'point-minutes' must be between 0 and %d", MAX_MINUTES);
	a->point_minutes = (int)pm;
	a->body = be_xstrdup(body);
	a->title = dup_or_null(title);
	a->date = be_xstrdup(date);
	a->place = dup_or_null(place);
	a->chair = dup_or_null(chair);
	a->secretary = dup_or_null(sec);
	if (be_ymap_get(doc, "items") == NULL) {
		default_items(a, l);
		return 0;
	}
	return load_items(doc, a, name, e);
}

int
be_meeting_load(FILE *fp, const char *name, enum be_lang l,
    struct be_agenda *a, struct be_err *e)
{
	struct be_buf b = BE_BUF_INIT;
	struct be_ynode *doc = NULL;
	int rc;

	if (read_all(fp, name, &b, e) < 0 ||
	    be_yaml_load1_mem(b.s, b.len, name, &doc, e) < 0) {
		be_buf_release(&b);
		return -1;
	}
	rc = load_doc(doc, l, a, name, e);
	be_ynode_free(doc);
	a->doc = be_buf_detach(&b);
	return rc;
}

/* Points from the store. */

static void
fill_point(struct be_apoint *ap, const struct be_point *p)
{
	size_t i;

	memset(ap, 0, sizeof *ap);
	ap->id = p->id;
	ap->title = be_xstrdup(p->title);
	ap->vraag = dup_or_null(p->vraag);
	ap->state = be_xstrdup(be_pstate_name(p->state));
	for (i = 0; i < p->nstories && ap->nquotes < 3; i++)
		if (p->stories[i].id > 0 && be_point_quotable(&p->stories[i]) &&
		    p->stories[i].quote && *p->stories[i].quote)
			ap->quotes[ap->nquotes++] =
			    be_xstrdup(p->stories[i].quote);
	ap->nstories = 0;
	for (i = 0; i < p->nstories; i++)
		ap->nstories += p->stories[i].id > 0;	/* not forgotten */
	for (i = 0; i < 4; i++)
		ap->q[i] = p->q[i] && *p->q[i] ? be_xstrdup(p->q[i]) : NULL;
	if (p->nwaarden)
		ap->values = be_xcalloc(p->nwaarden, sizeof *ap->values);
	for (i = 0; i < p->nwaarden; i++)
		ap->values[ap->nvalues++] = be_xstrdup(p->waarden[i]);
	ap->answer = dup_or_null(p->answer);
	ap->answer_text = dup_or_null(p->answer_text);
	if (p->nhistory)
		ap->since = dup_or_null(p->history[p->nhistory - 1].date);
	for (i = p->nhistory; i > 0; i--)
		if (p->history[i - 1].meeting_id) {
			ap->meeting_id = p->history[i - 1].meeting_id;
			break;
		}
}

/* A story without a chosen quote is quoted from the start of its text. */
static int
fill_quotes(struct be_store *st, struct be_point *p, struct be_err *e)
{
	static const char q[] = "SELECT text FROM story WHERE id = ?";
	sqlite3_stmt *s;
	size_t i;

	for (i = 0; i < p->nstories && i < 3; i++) {
		if (!be_point_quotable(&p->stories[i]) ||
		    (p->stories[i].quote && *p->stories[i].quote))
			continue;
		if ((s = be_store_stmt(st, q, e)) == NULL)
			return -1;
		sqlite3_bind_int64(s, 1, p->stories[i].id);
		if (sqlite3_step(s) == SQLITE_ROW) {
			free(p->stories[i].quote);
			p->stories[i].quote = be_point_quote(be_col_text(s, 0));
		}
		sqlite3_reset(s);
	}
	return 0;
}

static int
load_point(struct be_store *st, long long id, struct be_apoint *ap,
    int *state, struct be_err *e)
{
	struct be_point p;

	be_point_init(&p);
	if (be_point_get(st, id, &p, e) < 0 || fill_quotes(st, &p, e) < 0) {
		be_point_release(&p);
		return -1;
	}
	fill_point(ap, &p);
	if (state)
		*state = p.state;
	be_point_release(&p);
	return 0;
}

int
be_meeting_add_point(struct be_store *st, struct be_agenda *a,
    long long id, int *pstate, struct be_err *e)
{
	struct be_apoint *ap;
	struct be_aitem *it;
	size_t i;
	int state;

	for (i = 0; i < a->nitems; i++)
		if (a->items[i].point && a->items[i].point->id == id)
			return be_err_set(e, "'P-%lld' is given twice", id);
	ap = be_xcalloc(1, sizeof *ap);
	if (load_point(st, id, ap, &state, e) < 0) {
		free(ap);
		return -1;
	}
	if (state == BE_PS_VERVALLEN) {
		be_apoint_release(ap);
		free(ap);
		return be_err_set(e, "'P-%lld' is vervallen and cannot go on "
		    "an agenda", id);
	}
	*pstate = state;
	it = be_agenda_add(a, ap->title, a->point_type, a->point_minutes);
	it->point = ap;
	/* Move it from the end to just before the placeholder. */
	{
		struct be_aitem tmp = *it;

		memmove(&a->items[a->points_at + 1], &a->items[a->points_at],
		    (a->nitems - 1 - a->points_at) * sizeof *a->items);
		a->items[a->points_at++] = tmp;
	}
	return 0;
}

/* The who, what, due and done of an action, from columns i to i + 3. */
static void
action_cols(struct be_action *x, sqlite3_stmt *s, int i)
{
	x->who = be_col_dup(s, i);
	x->what = be_xstrdup(be_col_text(s, i + 1));
	x->due = be_col_dup(s, i + 2);
	x->done = be_col_dup(s, i + 3);
}

static int
load_open(struct be_store *st, struct be_agenda *a, struct be_err *e)
{
	/* Open, or done since the meeting before this one (afgerond). */
	static const char q[] =
	    "SELECT a.id, a.meeting_id, a.pos, a.who, a.what, a.due, a.done,"
	    " m.date FROM action a JOIN meeting m ON m.id = a.meeting_id"
	    " WHERE (?1 = 0 OR a.meeting_id < ?1) AND m.date <= ?2"
	    " AND (a.done IS NULL OR a.done >= coalesce((SELECT max(date)"
	    "  FROM meeting WHERE date < ?2 AND (?1 = 0 OR id < ?1)), ''))"
	    " ORDER BY a.due IS NULL, a.due, a.id";
	sqlite3_stmt *s;
	struct be_action *x;
	int rc;

	if ((s = be_store_stmt(st, q, e)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, a->id);
	be_bind_text(s, 2, a->date);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		a->open = be_xrealloc(a->open, (a->nopen + 1) * sizeof *a->open);
		x = &a->open[a->nopen++];
		memset(x, 0, sizeof *x);
		x->id = sqlite3_column_int64(s, 0);
		x->meeting_id = sqlite3_column_int64(s, 1);
		x->pos = sqlite3_column_int(s, 2);
		action_cols(x, s, 3);
		x->mdate = be_col_dup(s, 7);
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : be_store_error(st, "actions", e);
}

static int
on_agenda(const struct be_agenda *a, long long id)
{
	size_t i;

	for (i = 0; i < a->nitems; i++)
		if (a->items[i].point && a->items[i].point->id == id)
			return 1;
	return 0;
}

static int
load_waiting(struct be_store *st, struct be_agenda *a, struct be_err *e)
{
	static const char q[] =
	    "SELECT id FROM point WHERE state = 'ingebracht' ORDER BY id";
	sqlite3_stmt *s;
	long long *ids = NULL;
	size_t n = 0, i;
	int rc;

	if ((s = be_store_stmt(st, q, e)) == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		ids = be_xrealloc(ids, (n + 1) * sizeof *ids);
		ids[n++] = sqlite3_column_int64(s, 0);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		free(ids);
		return be_store_error(st, "points", e);
	}
	a->waiting = be_xcalloc(n ? n : 1, sizeof *a->waiting);
	for (i = 0; i < n; i++) {
		if (on_agenda(a, ids[i]))
			continue;
		if (load_point(st, ids[i], &a->waiting[a->nwaiting], NULL,
		    e) < 0) {
			free(ids);
			return -1;
		}
		a->nwaiting++;
	}
	free(ids);
	return 0;
}

int
be_meeting_finish(struct be_store *st, struct be_agenda *a,
    struct be_err *e)
{
	if (a->has_points_at) {
		struct be_aitem *it = &a->items[a->points_at];

		free(it->title);
		memmove(it, it + 1, (a->nitems - a->points_at - 1) *
		    sizeof *it);
		a->nitems--;
		a->has_points_at = 0;
	}
	if (st && (load_open(st, a, e) < 0 || load_waiting(st, a, e) < 0))
		return -1;
	return be_agenda_times(a, e);
}

/* Recording. */

static int
record(struct be_store *st, struct be_agenda *a, struct be_err *e)
{
	static const char qdup[] = "SELECT id FROM meeting WHERE body = ?1"
	    " AND date = ?2 AND start = ?3";
	/* The same meeting (body, title, date) recorded before at another
	 * time: its iCalendar SEQUENCE rises. */
	static const char qm[] = "INSERT INTO meeting (body, title, date,"
	    " start, place, chair, doc, recorded, soort, seq) VALUES (?1, ?2,"
	    " ?3, ?4, ?5, ?6, ?7, ?8, ?9, (SELECT count(*) FROM meeting"
	    "  WHERE body IS ?1 AND title IS ?2 AND date = ?3))";
	static const char qi[] = "INSERT INTO agenda_item (meeting_id, pos,"
	    " title, type, minutes, start, point_id, description, actions)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
	sqlite3_stmt *s;
	char now[32], hm[16];
	size_t i;

	snprintf(hm, sizeof hm, "%02d:%02d", a->start / 60, a->start % 60);
	if ((s = be_store_stmt(st, qdup, e)) == NULL)
		return -1;
	be_bind_text(s, 1, a->body);
	be_bind_text(s, 2, a->date);
	be_bind_text(s, 3, hm);
	if (sqlite3_step(s) == SQLITE_ROW) {
		long long old = sqlite3_column_int64(s, 0);

		sqlite3_reset(s);
		return be_err_set(e, "this meeting is already recorded as "
		    "'M-%lld'", old);
	}
	sqlite3_reset(s);
	if ((s = be_store_stmt(st, qm, e)) == NULL)
		return -1;
	be_bind_text(s, 1, a->body);
	be_bind_text(s, 2, a->title);
	be_bind_text(s, 3, a->date);
	be_bind_text(s, 4, hm);
	be_bind_text(s, 5, a->place);
	be_bind_text(s, 6, a->chair);
	be_bind_text(s, 7, a->doc ? a->doc : "");
	be_bind_text(s, 8, be_now(now));
	be_bind_text(s, 9, a->intern ? "intern-beraad" : "overleg");
	if (be_store_done(st, s, "cannot write", e) < 0)
		return -1;
	a->id = sqlite3_last_insert_rowid(be_store_db(st));
	for (i = 0; i < a->nitems; i++) {
		const struct be_aitem *it = &a->items[i];

		if ((s = be_store_stmt(st, qi, e)) == NULL)
			return -1;
		snprintf(hm, sizeof hm, "%02d:%02d", it->start / 60,
		    it->start % 60);
		sqlite3_bind_int64(s, 1, a->id);
		sqlite3_bind_int64(s, 2, (long long)i + 1);
		be_bind_text(s, 3, it->title);
		be_bind_text(s, 4, be_itype_name(it->type));
		sqlite3_bind_int(s, 5, it->minutes);
		be_bind_text(s, 6, hm);
		if (it->point)
			sqlite3_bind_int64(s, 7, it->point->id);
		else
			sqlite3_bind_null(s, 7);
		be_bind_text(s, 8, it->description);
		sqlite3_bind_int(s, 9, it->actions);
		if (be_store_done(st, s, "cannot write", e) < 0)
			return -1;
		if (it->point && a->intern) {
			if (strcmp(it->point->state, "concept") == 0 &&
			    be_point_set_state(st, it->point->id, "gereed",
			    a->date, a->id, NULL, e) < 0)
				return -1;
		} else if (it->point && be_point_set_state(st, it->point->id,
		    "geagendeerd", NULL, a->id, NULL, e) < 0)
			return -1;
	}
	return 0;
}

int
be_meeting_record(struct be_store *st, struct be_agenda *a,
    struct be_err *e)
{
	if (be_store_begin(st, e) < 0)
		return -1;
	if (record(st, a, e) < 0) {
		be_store_rollback(st);
		a->id = 0;
		return -1;
	}
	if (be_store_commit(st, e) < 0) {
		a->id = 0;
		return -1;
	}
	return 0;
}

/* A recorded meeting. */

static int
no_meeting(struct be_err *e, long long id)
{
	return be_err_set(e, "no meeting 'M-%lld'; list them with "
	    "be-agenda -l", id);
}

/*
 * Prepares q, binds id to its one parameter and steps to the first row.
 * Returns the statement on that row (the caller resets it), or NULL with
 * e filled ("no meeting 'M-id'" when there is no row).
 */
static sqlite3_stmt *
meeting_row(struct be_store *st, const char *q, long long id,
    struct be_err *e)
{
	sqlite3_stmt *s;

	if ((s = be_store_stmt(st, q, e)) == NULL)
		return NULL;
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) == SQLITE_ROW)
		return s;
	sqlite3_reset(s);
	no_meeting(e, id);
	return NULL;
}

static int
load_actions(struct be_store *st, long long id, struct be_agenda *a,
    struct be_err *e)
{
	static const char q[] = "SELECT id, pos, who, what, due, done"
	    " FROM action WHERE meeting_id = ? ORDER BY id";
	sqlite3_stmt *s;
	struct be_aitem *it;
	struct be_action *x;
	long pos;
	int rc;

	if ((s = be_store_stmt(st, q, e)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		pos = sqlite3_column_int(s, 1);
		if (pos < 1 || (size_t)pos > a->nitems)
			continue;
		it = &a->items[pos - 1];
		it->act = be_xrealloc(it->act, (it->nact + 1) *
		    sizeof *it->act);
		x = &it->act[it->nact++];
		memset(x, 0, sizeof *x);
		x->id = sqlite3_column_int64(s, 0);
		x->meeting_id = id;
		x->pos = (int)pos;
		action_cols(x, s, 2);
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : be_store_error(st, "actions", e);
}

static int
load_recorded_items(struct be_store *st, long long id, struct be_agenda *a,
    struct be_err *e)
{
	static const char q[] = "SELECT title, type, minutes, start,"
	    " point_id, outcome, description, actions FROM agenda_item"
	    " WHERE meeting_id = ? ORDER BY pos";
	sqlite3_stmt *s;
	struct be_aitem *it;
	enum be_itype t;
	long long *pids = NULL;
	size_t i;
	int rc;

	if ((s = be_store_stmt(st, q, e)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		t = BE_IT_NONE;
		be_itype_parse(be_col_text(s, 1), &t);
		it = be_agenda_add(a, be_col_text(s, 0), t,
		    sqlite3_column_int(s, 2));
		pids = be_xrealloc(pids, a->nitems * sizeof *pids);
		pids[a->nitems - 1] = sqlite3_column_int64(s, 4);
		if (sqlite3_column_type(s, 5) != SQLITE_NULL)
			it->outcome = be_xstrdup(be_col_text(s, 5));
		if (sqlite3_column_type(s, 6) != SQLITE_NULL)
			it->description = be_xstrdup(be_col_text(s, 6));
		it->actions = sqlite3_column_int(s, 7);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		free(pids);
		return be_store_error(st, "agenda", e);
	}
	for (i = 0; i < a->nitems; i++) {
		if (pids[i] == 0)
			continue;
		a->items[i].point = be_xcalloc(1, sizeof *a->items[i].point);
		if (load_point(st, pids[i], a->items[i].point, NULL, e) < 0) {
			free(pids);
			return -1;
		}
	}
	free(pids);
	return 0;
}

int
be_meeting_get(struct be_store *st, long long id, enum be_lang l,
    struct be_agenda *a, struct be_err *e)
{
	static const char q[] = "SELECT doc, start, seq FROM meeting"
	    " WHERE id = ?";
	sqlite3_stmt *s;
	struct be_ynode *doc = NULL;
	char *text, *start;
	size_t i;
	int rc;

	if ((s = meeting_row(st, q, id, e)) == NULL)
		return -1;
	text = be_xstrdup(be_col_text(s, 0));
	start = be_xstrdup(be_col_text(s, 1));
	a->seq = 1 + sqlite3_column_int(s, 2);
	sqlite3_reset(s);
	rc = be_yaml_load1_mem(text, strlen(text), "M-stored", &doc, e);
	if (rc == 0)
		rc = load_doc(doc, l, a, "M-stored", e);
	be_ynode_free(doc);
	a->doc = text;
	free(start);
	if (rc < 0)
		return -1;
	/* The items are those recorded, not those of the document. */
	for (i = 0; i < a->nitems; i++) {
		free(a->items[i].title);
		free(a->items[i].description);
	}
	a->nitems = 0;
	a->has_points_at = 0;
	a->id = id;
	if (load_recorded_items(st, id, a, e) < 0 ||
	    load_actions(st, id, a, e) < 0 ||
	    load_open(st, a, e) < 0 || load_waiting(st, a, e) < 0)
		return -1;
	return be_agenda_times(a, e);
}

/* Outcomes and actions. */

static int
item_point(struct be_store *st, long long id, long pos, long long *pid,
    struct be_err *e)
{
	static const char q[] = "SELECT point_id FROM agenda_item"
	    " WHERE meeting_id = ? AND pos = ?";
	sqlite3_stmt *s;

	if ((s = be_store_stmt(st, q, e)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, pos);
	if (sqlite3_step(s) != SQLITE_ROW) {
		sqlite3_reset(s);
		return be_err_set(e, "'M-%lld' has no item %ld", id, pos);
	}
	*pid = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return 0;
}

static int
meeting_date(struct be_store *st, long long id, char *date, size_t n,
    struct be_err *e)
{
	static const char q[] = "SELECT date, soort = 'intern-beraad'"
	    " FROM meeting WHERE id = ?";
	sqlite3_stmt *s;
	int intern;

	if ((s = meeting_row(st, q, id, e)) == NULL)
		return -1;
	snprintf(date, n, "%s", be_col_text(s, 0));
	intern = sqlite3_column_int(s, 1);
	sqlite3_reset(s);
	return intern;
}

/* Sets the outcome; a point still geagendeerd moves to ingebracht. */
static int
set_outcome(struct be_store *st, long long id, long pos, const char *text,
    struct be_err *e)
{
	static const char q[] = "UPDATE agenda_item SET outcome = ?"
	    " WHERE meeting_id = ? AND pos = ?";
	static const char qs[] = "SELECT state FROM point WHERE id = ?";
	sqlite3_stmt *s;
	long long pid;
	char date[16];
	int geagendeerd, intern;

	if ((intern = meeting_date(st, id, date, sizeof date, e)) < 0 ||
	    item_point(st, id, pos, &pid, e) < 0 ||
	    (s = be_store_stmt(st, q, e)) == NULL)
		return -1;
	be_bind_text(s, 1, text && *text ? text : NULL);
	sqlite3_bind_int64(s, 2, id);
	sqlite3_bind_int64(s, 3, pos);
	if (be_store_done(st, s, "cannot write", e) < 0)
		return -1;
	if (pid == 0 || text == NULL || *text == '\0' || intern)
		return 0;
	if ((s = be_store_stmt(st, qs, e)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, pid);
	geagendeerd = sqlite3_step(s) == SQLITE_ROW &&
	    strcmp(be_col_text(s, 0), "geagendeerd") == 0;
	sqlite3_reset(s);
	if (!geagendeerd)
		return 0;
	return be_point_set_state(st, pid, "ingebracht", date, id, NULL, e);
}

int
be_meeting_outcome(struct be_store *st, long long id, long pos,
    const char *text, struct be_err *e)
{
	if (be_store_begin(st, e) < 0)
		return -1;
	if (set_outcome(st, id, pos, text, e) < 0) {
		be_store_rollback(st);
		return -1;
	}
	return be_store_commit(st, e);
}

static int
add_action(struct be_store *st, long long id, long pos, const char *who,
    const char *what, const char *due, const char *done, long long *aid,
    struct be_err *e)
{
	static const char q[] = "INSERT INTO action (meeting_id, pos, who,"
	    " what, due, done) VALUES (?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *s;

	if ((s = be_store_stmt(st, q, e)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, pos);
	be_bind_text(s, 3, who);
	be_bind_text(s, 4, what);
	be_bind_text(s, 5, due);
	be_bind_text(s, 6, done);
	if (be_store_done(st, s, "cannot write", e) < 0)
		return -1;
	*aid = sqlite3_last_insert_rowid(be_store_db(st));
	return 0;
}

int
be_meeting_action(struct be_store *st, long long id, long pos,
    const char *who, const char *what, const char *due, long long *aid,
    struct be_err *e)
{
	long long pid;

	if (due && be_ymd_parse(due, NULL, NULL, NULL) < 0)
		return be_err_set(e, "due date must be YYYY-MM-DD");
	if (be_store_begin(st, e) < 0)
		return -1;
	if (item_point(st, id, pos, &pid, e) < 0 ||
	    add_action(st, id, pos, who, what, due, NULL, aid, e) < 0) {
		be_store_rollback(st);
		return -1;
	}
	return be_store_commit(st, e);
}

static const char *const agenda_keys[] = { "kind", "version", "meeting",
	"soort",
	"body", "title", "date", "start", "end", "place", "chair",
	"secretary", "members", "guests", "items", "waiting", NULL };
static const char *const aitem_keys[] = { "pos", "title", "start",
	"minutes", "type", "description", "point", "values", "vraag", "stories",
	"quotes", "questions", "outcome", "actions", "open-actions", NULL };
static const char *const action_keys[] = { "id", "meeting", "who", "what",
	"due", "done", NULL };

static int
get_date(const struct be_ynode *map, const char *key, const char **out,
    const char *name, struct be_err *e)
{
	if (be_yget_str(map, key, 0, out, name, e) < 0)
		return -1;
	if (*out && be_ymd_parse(*out, NULL, NULL, NULL) < 0)
		return be_yerr(e, name, be_ymap_get(map, key), "'%s' must be "
		    "a date YYYY-MM-DD", key);
	return 0;
}

/*
 * The fields of action map x; need is the key it must have: "what" for a
 * new or kept action of the item, "id" for an open one of earlier
 * meetings.
 */
static int
get_action(const struct be_ynode *x, const char *need, long long *aid,
    const char **who, const char **what, const char **due,
    const char **done, const char *name, struct be_err *e)
{
	int byid = strcmp(need, "id") == 0;

	if (x->kind != BE_YMAP)
		return be_yerr(e, name, x, "an action must be a map with "
		    "'%s'", need);
	if (be_ymap_check(x, action_keys, name, e) < 0 ||
	    be_yget_int(x, "id", byid, 0, aid, name, e) < 0 ||
	    be_yget_str(x, "who", 0, who, name, e) < 0 ||
	    be_yget_str(x, "what", !byid, what, name, e) < 0 ||
	    get_date(x, "due", due, name, e) < 0 ||
	    get_date(x, "done", done, name, e) < 0)
		return -1;
	return 0;
}

/* Replaces the actions of item pos with those of the list seq. */
static int
apply_actions(struct be_store *st, long long id, long pos,
    const struct be_ynode *seq, const char *name, struct be_err *e)
{
	static const char qkeep[] = "UPDATE action SET who = ?, what = ?,"
	    " due = ?, done = ?, pos = pos WHERE id = ? AND meeting_id = ?"
	    " AND pos = ?";
	static const char qdel[] = "DELETE FROM action WHERE meeting_id = ?"
	    " AND pos = ? AND id NOT IN (SELECT value FROM json_each(?))";
	struct be_buf keep = BE_BUF_INIT;
	const struct be_ynode *x;
	const char *who, *what, *due, *done;
	long long aid;
	sqlite3_stmt *s;
	size_t i;

	be_buf_addc(&keep, '[');
	for (i = 0; seq && i < seq->n; i++) {
		x = seq->items[i];
		if (get_action(x, "what", &aid, &who, &what, &due, &done,
		    name, e) < 0)
			goto fail;
		if (aid) {
			if ((s = be_store_stmt(st, qkeep, e)) == NULL)
				goto fail;
			be_bind_text(s, 1, who);
			be_bind_text(s, 2, what);
			be_bind_text(s, 3, due);
			be_bind_text(s, 4, done);
			sqlite3_bind_int64(s, 5, aid);
			sqlite3_bind_int64(s, 6, id);
			sqlite3_bind_int64(s, 7, pos);
			if (be_store_done(st, s, "cannot write", e) < 0)
				goto fail;
			if (sqlite3_changes(be_store_db(st)) != 1) {
				be_yerr(e, name, be_ymap_get(x, "id"), "no "
				    "action %lld under this item; leave 'id' "
				    "out for a new one", aid);
				goto fail;
			}
		} else if (add_action(st, id, pos, who, what, due, done, &aid,
		    e) < 0)
			goto fail;
		be_buf_addf(&keep, "%s%lld", keep.len > 1 ? "," : "", aid);
	}
	be_buf_addc(&keep, ']');
	if ((s = be_store_stmt(st, qdel, e)) == NULL)
		goto fail;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, pos);
	be_bind_text(s, 3, keep.s);
	if (be_store_done(st, s, "cannot write", e) < 0)
		goto fail;
	be_buf_release(&keep);
	return 0;
fail:
	be_buf_release(&keep);
	return -1;
}

/* Marks open actions of earlier meetings done (or open again). */
static int
apply_open(struct be_store *st, long long id, const struct be_ynode *seq,
    const char *name, struct be_err *e)
{
	static const char q[] = "UPDATE action SET done = ? WHERE id = ?"
	    " AND meeting_id < ?";
	const struct be_ynode *x;
	const char *done, *dummy;
	long long aid;
	sqlite3_stmt *s;
	size_t i;

	for (i = 0; seq && i < seq->n; i++) {
		x = seq->items[i];
		if (get_action(x, "id", &aid, &dummy, &dummy, &dummy, &done,
		    name, e) < 0 || (s = be_store_stmt(st, q, e)) == NULL)
			return -1;
		be_bind_text(s, 1, done);
		sqlite3_bind_int64(s, 2, aid);
		sqlite3_bind_int64(s, 3, id);
		if (be_store_done(st, s, "cannot write", e) < 0)
			return -1;
		if (sqlite3_changes(be_store_db(st)) != 1)
			return be_yerr(e, name, be_ymap_get(x, "id"), "no "
			    "action %lld of an earlier meeting", aid);
	}
	return 0;
}

static int
apply_agenda(struct be_store *st, const struct be_ynode *doc,
    const char *name, long long *id, struct be_err *e)
{
	const struct be_ynode *seq, *x, *acts, *open;
	const char *ref, *outcome;
	long long pos, pid;
	char date[16];
	size_t i;

	if (be_ydoc_check(doc, "agenda", name, e) < 0 ||
	    be_ymap_check(doc, agenda_keys, name, e) < 0 ||
	    be_yget_str(doc, "meeting", 1, &ref, name, e) < 0)
		return -1;
	if (be_ref_parse(ref, 'M', id) < 0)
		return be_yerr(e, name, be_ymap_get(doc, "meeting"),
		    "'meeting' must be a ref M-n");
	if (meeting_date(st, *id, date, sizeof date, e) < 0)
		return be_yerr(e, name, be_ymap_get(doc, "meeting"), "no "
		    "meeting 'M-%lld'", *id);
	if (be_yget_seq(doc, "items", 1, &seq, name, e) < 0)
		return -1;
	for (i = 0; i < seq->n; i++) {
		x = seq->items[i];
		if (x->kind != BE_YMAP)
			return be_yerr(e, name, x, "an item must be a map "
			    "with 'pos'");
		if (be_ymap_check(x, aitem_keys, name, e) < 0 ||
		    be_yget_int(x, "pos", 1, 0, &pos, name, e) < 0 ||
		    be_yget_str(x, "outcome", 0, &outcome, name, e) < 0 ||
		    be_yget_seq(x, "actions", 0, &acts, name, e) < 0 ||
		    be_yget_seq(x, "open-actions", 0, &open, name, e) < 0)
			return -1;
		if (pos < 1 || item_point(st, *id, (long)pos, &pid, e) < 0)
			return be_yerr(e, name, be_ymap_get(x, "pos"), "'M-%lld'"
			    " has no item %lld", *id, pos);
		if (set_outcome(st, *id, (long)pos, outcome, e) < 0 ||
		    apply_actions(st, *id, (long)pos, acts, name, e) < 0 ||
		    apply_open(st, *id, open, name, e) < 0)
			return -1;
	}
	return 0;
}

int
be_meeting_outcome_yaml(struct be_store *st, FILE *fp, const char *name,
    long long *id, struct be_err *e)
{
	struct be_ynode *doc = NULL;
	int rc;

	if (be_yaml_load1(fp, name, &doc, e) < 0)
		return -1;
	if (be_store_begin(st, e) < 0) {
		be_ynode_free(doc);
		return -1;
	}
	rc = apply_agenda(st, doc, name, id, e);
	be_ynode_free(doc);
	if (rc < 0) {
		be_store_rollback(st);
		return -1;
	}
	return be_store_commit(st, e);
}

int
be_meeting_list(struct be_store *st, FILE *out, struct be_err *e)
{
	static const char q[] = "SELECT id, date, start, body, title"
	    " FROM meeting ORDER BY date, start, id";
	sqlite3_stmt *s;
	char ref[32];
	int rc, n = 0, i;

	if ((s = be_store_stmt(st, q, e)) == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		snprintf(ref, sizeof ref, "M-%lld",
		    (long long)sqlite3_column_int64(s, 0));
		be_rec_put(out, ref, 1);
		for (i = 1; i <= 4; i++)
			be_rec_put(out, be_col_text(s, i), 0);
		fputc('\n', out);
		n++;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return be_store_error(st, "meetings", e);
	return n;
}

int
be_meeting_recipients(struct be_store *st, long long id, int csv, FILE *out,
    struct be_err *e)
{
	/* One line a person: the same e-mail address (or, without one,
	 * phone number) behind several stories counts once. */
	static const char q[] = "SELECT min(s.id), p.name, p.email, p.phone"
	    " FROM agenda_item ai"
	    " JOIN point_story ps ON ps.point_id = ai.point_id"
	    " JOIN story s ON s.id = ps.story_id"
	    " JOIN person p ON p.story_id = s.id"
	    " WHERE ai.meeting_id = ?1 AND s.consent = 1"
	    "  AND (coalesce(p.email, '') <> '' OR coalesce(p.phone, '') <> '')"
	    " GROUP BY coalesce(nullif(lower(trim(p.email)), ''), p.phone)"
	    " ORDER BY min(s.id)";
	static const char qm[] = "SELECT 1 FROM meeting WHERE id = ?";
	struct be_csvw w;
	sqlite3_stmt *s;
	char ref[32];
	int rc, n = 0, i;

	if ((s = meeting_row(st, qm, id, e)) == NULL)
		return -1;
	sqlite3_reset(s);
	if ((s = be_store_stmt(st, q, e)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	if (csv) {
		be_csvw_init(&w, out);
		be_csvw_field(&w, "naam");
		be_csvw_field(&w, "e-mail");
		be_csvw_field(&w, "telefoon");
		be_csvw_end(&w);
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		snprintf(ref, sizeof ref, "S-%lld",
		    (long long)sqlite3_column_int64(s, 0));
		if (!csv)
			be_rec_put(out, ref, 1);
		for (i = 1; i <= 3; i++)
			if (csv)
				be_csvw_field(&w, be_col_text(s, i));
			else
				be_rec_put(out, be_col_text(s, i), 0);
		if (csv)
			be_csvw_end(&w);
		else
			fputc('\n', out);
		n++;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return be_store_error(st, "recipients", e);
	return n;
}
