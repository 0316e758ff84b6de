/* merge.c: see merge.h. */
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "buf.h"
#include "codebook.h"
#include "date.h"
#include "mem.h"
#include "merge.h"
#include "point.h"
#include "route.h"
#include "story.h"
#include "banned.h"

static const char q_tags[] = "SELECT t.name, st.origin, st.present, "
    "c.name, c.hash, st.rule, st.matched, st.who, st.at FROM story_tag st "
    "JOIN tag t ON t.id = st.tag_id LEFT JOIN codebook c ON "
    "c.id = st.codebook_id WHERE st.story_id = ?1 ORDER BY t.name";

static const char *
col(sqlite3_stmt *q, int i)
{
	return (const char *)sqlite3_column_text(q, i);
}

static const char q_points[] = "SELECT p.id, p.guid, p.title, p.theme, "
    "p.vraag, p.state, p.created, ps.quote, p.advies, p.owner, "
    "p.q_richting, p.q_macht, p.q_wenselijk, p.q_doen, p.answer, "
    "p.answer_text, p.answer_date FROM point_story ps JOIN point p "
    "ON p.id = ps.point_id WHERE ps.story_id = ?1 AND p.guid IS NOT NULL "
    "ORDER BY p.guid";
static const char q_values[] = "SELECT value FROM point_value "
    "WHERE point_id = ?1 ORDER BY pos";

/* The keys of the four questions and of the answer, in the order of the
 * columns of q_points from 10 and 14 on, as in a point document. */
static const char *const qkeys[] = { "richting", "macht", "wenselijk",
    "doen", NULL };
static const char *const akeys[] = { "uitkomst", "tekst", "datum", NULL };

/* The owners, one name a line in the store, as a list. */
static void
emit_owner(FILE *fp, const char *s)
{
	const char *nl;

	be_yemit_key(fp, 4, "owner");
	for (; s && *s; s = nl ? nl + 1 : s + strlen(s)) {
		char *one;

		nl = strchr(s, '\n');
		one = be_xstrndup(s, nl ? (size_t)(nl - s) : strlen(s));
		be_yemit_item(fp, 6, one);
		free(one);
	}
}

/* The rest of a point: advies, owners, values, the notes on the four
 * questions and the answer, where filled in. */
static int
point_rest(struct be_store *st, sqlite3_stmt *q, FILE *fp, struct be_err *e)
{
	sqlite3_stmt *v;
	int i, k, rc, any;

	if (col(q, 8))
		be_yemit_str(fp, 4, "advies", col(q, 8));
	if (col(q, 9) && *col(q, 9))
		emit_owner(fp, col(q, 9));
	if ((v = be_store_stmt(st, q_values, e)) == NULL)
		return -1;
	sqlite3_bind_int64(v, 1, sqlite3_column_int64(q, 0));
	for (k = 0; (rc = sqlite3_step(v)) == SQLITE_ROW; k++) {
		if (k == 0)
			be_yemit_key(fp, 4, "waarden");
		be_yemit_item(fp, 6, col(v, 0));
	}
	sqlite3_reset(v);
	if (rc != SQLITE_DONE)
		return be_store_error(st, "cannot read a point", e);
	for (any = 0, i = 0; qkeys[i]; i++)
		if (col(q, 10 + i)) {
			if (!any++)
				be_yemit_key(fp, 4, "vragen");
			be_yemit_str(fp, 6, qkeys[i], col(q, 10 + i));
		}
	for (any = 0, i = 0; akeys[i]; i++)
		if (col(q, 14 + i)) {
			if (!any++)
				be_yemit_key(fp, 4, "antwoord");
			be_yemit_str(fp, 6, akeys[i], col(q, 14 + i));
		}
	return 0;
}
static const char q_moves[] = "SELECT state, at FROM point_state "
    "WHERE point_id = ?1 ORDER BY id";

static int
points_yaml(struct be_store *st, long long id, FILE *fp, struct be_err *e)
{
	sqlite3_stmt *q = be_store_stmt(st, q_points, e), *h;
	int rc, hr, n = 0, k;

	if (q == NULL)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (n++ == 0)
			be_yemit_key(fp, 0, "points");
		be_yemit_str(fp, 4 | BE_YDASH, "guid", col(q, 1));
		be_yemit_str(fp, 4, "title", col(q, 2));
		if (col(q, 3))
			be_yemit_str(fp, 4, "theme", col(q, 3));
		if (col(q, 4))
			be_yemit_str(fp, 4, "vraag", col(q, 4));
		be_yemit_str(fp, 4, "state", col(q, 5));
		be_yemit_str(fp, 4, "created", col(q, 6));
		if (col(q, 7))
			be_yemit_str(fp, 4, "quote", col(q, 7));
		if (point_rest(st, q, fp, e) < 0) {
			sqlite3_reset(q);
			return -1;
		}
		if ((h = be_store_stmt(st, q_moves, e)) == NULL) {
			sqlite3_reset(q);
			return -1;
		}
		sqlite3_bind_int64(h, 1, sqlite3_column_int64(q, 0));
		for (k = 0; (hr = sqlite3_step(h)) == SQLITE_ROW; k++) {
			if (k == 0)
				be_yemit_key(fp, 4, "history");
			be_yemit_str(fp, 8 | BE_YDASH, "state", col(h, 0));
			be_yemit_str(fp, 8, "date", col(h, 1));
		}
		sqlite3_reset(h);
		if (hr != SQLITE_DONE) {
			sqlite3_reset(q);
			return be_store_error(st, "cannot read a point", e);
		}
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return be_store_error(st, "cannot read the points", e);
	return 0;
}

int
be_merge_yaml(struct be_store *st, long long id, FILE *fp,
    struct be_err *e)
{
	sqlite3_stmt *q = be_store_stmt(st, q_tags, e);
	int rc, n = 0;

	if (q == NULL)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (n++ == 0)
			be_yemit_key(fp, 0, "tags");
		be_yemit_str(fp, 4 | BE_YDASH, "theme", col(q, 0));
		be_yemit_str(fp, 4, "origin", col(q, 1));
		if (sqlite3_column_int(q, 2) == 0)
			be_yemit_bool(fp, 4, "removed", 1);
		if (col(q, 3)) {
			be_yemit_str(fp, 4, "codebook", col(q, 3));
			be_yemit_str(fp, 4, "codebook_hash", col(q, 4));
		}
		if (col(q, 5))
			be_yemit_str(fp, 4, "rule", col(q, 5));
		if (col(q, 6))
			be_yemit_str(fp, 4, "matched", col(q, 6));
		if (col(q, 7))
			be_yemit_str(fp, 4, "who", col(q, 7));
		be_yemit_str(fp, 4, "at", col(q, 8));
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return be_store_error(st, "cannot read the tags", e);
	return points_yaml(st, id, fp, e);
}

struct mmove {
	char *state, *date;
};

struct mpoint {
	char *cid, *guid, *title, *theme, *vraag, *state, *created, *quote;
	char *advies, *owner;		/* owner: one name a line */
	char *q[4], *a[3];		/* as qkeys, akeys */
	char **values;
	size_t nvalues;
	struct mmove *moves;
	size_t nmoves;
};

struct mtag {
	char *cid, *theme, *origin, *codebook, *hash, *rule, *matched, *who,
	    *at;
	int present;
};

/* A story's routing (story_route), without contact data. */
struct mroute {
	char *cid, *state, *dest, *at, *who, *note, *told;
	int passed;
};

struct be_merge {
	struct mtag *t;
	size_t n, cap;
	size_t claimed;		/* t[claimed..n) wait for their cid */
	struct mpoint *p;
	size_t np, pcap;
	size_t pclaimed;	/* p[pclaimed..np) wait for their cid */
	struct mroute *r;
	size_t nr, rcap;
	size_t rclaimed;	/* r[rclaimed..nr) waits for its cid */
};

static void
mpoint_release(struct mpoint *p)
{
	size_t i;

	free(p->cid);
	free(p->guid);
	free(p->title);
	free(p->theme);
	free(p->vraag);
	free(p->state);
	free(p->created);
	free(p->quote);
	free(p->advies);
	free(p->owner);
	for (i = 0; i < 4; i++)
		free(p->q[i]);
	for (i = 0; i < 3; i++)
		free(p->a[i]);
	for (i = 0; i < p->nvalues; i++)
		free(p->values[i]);
	free(p->values);
	for (i = 0; i < p->nmoves; i++) {
		free(p->moves[i].state);
		free(p->moves[i].date);
	}
	free(p->moves);
}

struct be_merge *
be_merge_new(void)
{
	return be_xcalloc(1, sizeof(struct be_merge));
}

static char *
dup(const char *s)
{
	return s ? be_xstrdup(s) : NULL;
}

static void
mtag_release(struct mtag *t)
{
	free(t->cid);
	free(t->theme);
	free(t->origin);
	free(t->codebook);
	free(t->hash);
	free(t->rule);
	free(t->matched);
	free(t->who);
	free(t->at);
}

static void
mroute_release(struct mroute *r)
{
	free(r->cid);
	free(r->state);
	free(r->dest);
	free(r->at);
	free(r->who);
	free(r->note);
	free(r->told);
}

void
be_merge_free(struct be_merge *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->n; i++)
		mtag_release(&m->t[i]);
	free(m->t);
	for (i = 0; i < m->np; i++)
		mpoint_release(&m->p[i]);
	free(m->p);
	for (i = 0; i < m->nr; i++)
		mroute_release(&m->r[i]);
	free(m->r);
	free(m);
}

void
be_merge_claim(struct be_merge *m, const char *cid)
{
	size_t i;

	for (i = m->claimed; i < m->n; i++)
		if (cid)
			m->t[i].cid = be_xstrdup(cid);
		else
			mtag_release(&m->t[i]);
	if (cid == NULL)
		m->n = m->claimed;
	m->claimed = m->n;
	for (i = m->pclaimed; i < m->np; i++)
		if (cid)
			m->p[i].cid = be_xstrdup(cid);
		else
			mpoint_release(&m->p[i]);
	if (cid == NULL)
		m->np = m->pclaimed;
	m->pclaimed = m->np;
	for (i = m->rclaimed; i < m->nr; i++)
		if (cid)
			m->r[i].cid = be_xstrdup(cid);
		else
			mroute_release(&m->r[i]);
	if (cid == NULL)
		m->nr = m->rclaimed;
	m->rclaimed = m->nr;
}

static int
read_tags(struct be_merge *m, const struct be_ynode *doc, const char *name,
    struct be_err *e)
{
	static const char *const keys[] = { "theme", "origin", "removed",
	    "codebook", "codebook_hash", "rule", "matched", "who", "at",
	    NULL };
	const struct be_ynode *seq, *t;
	const char *theme, *origin, *cb, *hash, *rule, *matched, *who, *at;
	struct mtag *mt;
	size_t i;
	int removed;

	if (be_yget_seq(doc, "tags", 0, &seq, name, e) < 0)
		return -1;
	for (i = 0; seq && i < seq->n; i++) {
		t = seq->items[i];
		if (t->kind != BE_YMAP)
			return be_yerr(e, name, t, "each tag must be a map");
		if (be_ymap_check(t, keys, name, e) < 0 ||
		    be_yget_str(t, "theme", 1, &theme, name, e) < 0 ||
		    be_yget_str(t, "origin", 1, &origin, name, e) < 0 ||
		    be_yget_bool(t, "removed", 0, 0, &removed, name, e) < 0 ||
		    be_yget_str(t, "codebook", 0, &cb, name, e) < 0 ||
		    be_yget_str(t, "codebook_hash", 0, &hash, name, e) < 0 ||
		    be_yget_str(t, "rule", 0, &rule, name, e) < 0 ||
		    be_yget_str(t, "matched", 0, &matched, name, e) < 0 ||
		    be_yget_str(t, "who", 0, &who, name, e) < 0 ||
		    be_yget_str(t, "at", 1, &at, name, e) < 0)
			return -1;
		if (!be_theme_name_ok(theme))
			return be_yerr(e, name, be_ymap_get(t, "theme"),
			    "theme name must be lower case letters, digits, "
			    "'-' or '_'");
		if (strcmp(origin, "rule") != 0 && strcmp(origin, "hand") != 0)
			return be_yerr(e, name, be_ymap_get(t, "origin"),
			    "origin must be rule or hand");
		if ((cb == NULL) != (hash == NULL))
			return be_yerr(e, name, t, "a tag's codebook needs "
			    "both 'codebook' and 'codebook_hash'");
		BE_GROW(m->t, m->n + 1, m->cap);
		mt = &m->t[m->n++];
		mt->cid = NULL;
		mt->theme = be_xstrdup(theme);
		mt->origin = be_xstrdup(origin);
		mt->present = !removed;
		mt->codebook = dup(cb);
		mt->hash = dup(hash);
		mt->rule = dup(rule);
		mt->matched = dup(matched);
		mt->who = dup(who);
		mt->at = be_xstrdup(at);
	}
	return 0;
}

/* A list of strings under key of map t into *out, *n. */
static int
str_list(const struct be_ynode *t, const char *key, char ***out, size_t *n,
    const char *name, struct be_err *e)
{
	const struct be_ynode *l;
	size_t i;

	if (be_yget_seq(t, key, 0, &l, name, e) < 0)
		return -1;
	for (i = 0; l && i < l->n; i++) {
		if (l->items[i]->kind != BE_YSCALAR)
			return be_yerr(e, name, l->items[i], "each item of "
			    "'%s' must be a string", key);
		BE_RESIZE(*out, *n + 1);
		(*out)[(*n)++] = be_xstrdup(l->items[i]->str);
	}
	return 0;
}

/* The string values of the keys of the map under key into v[]. */
static int
str_map(const struct be_ynode *t, const char *key, const char *const *keys,
    char **v, const char *name, struct be_err *e)
{
	const struct be_ynode *m;
	const char *s;
	size_t i;

	if (be_yget_map(t, key, 0, &m, name, e) < 0)
		return -1;
	if (m == NULL)
		return 0;
	if (be_ymap_check(m, keys, name, e) < 0)
		return -1;
	for (i = 0; keys[i]; i++) {
		if (be_yget_str(m, keys[i], 0, &s, name, e) < 0)
			return -1;
		v[i] = s && *s ? be_xstrdup(s) : NULL;
	}
	return 0;
}

static int
read_rest(struct mpoint *mp, const struct be_ynode *t, const char *name,
    struct be_err *e)
{
	struct be_buf b = BE_BUF_INIT;
	char **owners = NULL;
	size_t i, n = 0;
	const char *adv;
	int rc;

	if (be_yget_str(t, "advies", 0, &adv, name, e) < 0)
		return -1;
	if (adv && strcmp(adv, "gevraagd") != 0 &&
	    strcmp(adv, "ongevraagd") != 0)
		return be_yerr(e, name, be_ymap_get(t, "advies"),
		    "advies must be gevraagd or ongevraagd");
	mp->advies = dup(adv);
	rc = str_list(t, "owner", &owners, &n, name, e);
	for (i = 0; i < n; i++) {
		if (i)
			be_buf_addc(&b, '\n');
		be_buf_adds(&b, owners[i]);
		free(owners[i]);
	}
	free(owners);
	mp->owner = n ? be_buf_detach(&b) : NULL;
	be_buf_release(&b);
	if (rc < 0 || str_list(t, "waarden", &mp->values, &mp->nvalues, name,
	    e) < 0 || str_map(t, "vragen", qkeys, mp->q, name, e) < 0 ||
	    str_map(t, "antwoord", akeys, mp->a, name, e) < 0)
		return -1;
	if (mp->a[0] && strcmp(mp->a[0], "overgenomen") != 0 &&
	    strcmp(mp->a[0], "deels") != 0 &&
	    strcmp(mp->a[0], "afgewezen") != 0)
		return be_yerr(e, name, be_ymap_get(t, "antwoord"),
		    "uitkomst must be overgenomen, deels or afgewezen");
	return 0;
}

static int
read_points(struct be_merge *m, const struct be_ynode *doc,
    const char *name, struct be_err *e)
{
	static const char *const keys[] = { "guid", "title", "theme", "vraag",
	    "state", "created", "quote", "advies", "owner", "waarden",
	    "vragen", "antwoord", "history", NULL };
	static const char *const mkeys[] = { "state", "date", NULL };
	const struct be_ynode *seq, *t, *h;
	const char *guid, *title, *theme, *vraag, *state, *created, *quote;
	const char *ms, *md;
	char date[BE_DATE_MAX];
	struct mpoint *mp;
	size_t i, j;

	if (be_yget_seq(doc, "points", 0, &seq, name, e) < 0)
		return -1;
	for (i = 0; seq && i < seq->n; i++) {
		t = seq->items[i];
		if (t->kind != BE_YMAP)
			return be_yerr(e, name, t, "each point must be a map");
		if (be_ymap_check(t, keys, name, e) < 0 ||
		    be_yget_str(t, "guid", 1, &guid, name, e) < 0 ||
		    be_yget_str(t, "title", 1, &title, name, e) < 0 ||
		    be_yget_str(t, "theme", 0, &theme, name, e) < 0 ||
		    be_yget_str(t, "vraag", 0, &vraag, name, e) < 0 ||
		    be_yget_str(t, "state", 1, &state, name, e) < 0 ||
		    be_yget_str(t, "created", 1, &created, name, e) < 0 ||
		    be_yget_str(t, "quote", 0, &quote, name, e) < 0 ||
		    be_yget_seq(t, "history", 0, &h, name, e) < 0)
			return -1;
		if (!be_guid_ok(guid))
			return be_yerr(e, name, be_ymap_get(t, "guid"),
			    "guid must be a GUID: 8-4-4-4-12 hexadecimal "
			    "digits");
		if (be_pstate_parse(state) < 0)
			return be_yerr(e, name, be_ymap_get(t, "state"),
			    "unknown state of a point");
		BE_GROW(m->p, m->np + 1, m->pcap);
		mp = &m->p[m->np++];
		memset(mp, 0, sizeof *mp);
		mp->guid = be_xstrdup(guid);
		mp->title = be_xstrdup(title);
		mp->theme = dup(theme);
		mp->vraag = dup(vraag);
		mp->state = be_xstrdup(state);
		mp->created = be_xstrdup(created);
		mp->quote = dup(quote);
		if (read_rest(mp, t, name, e) < 0)
			return -1;
		mp->moves = be_xcalloc(h && h->n ? h->n : 1,
		    sizeof *mp->moves);
		for (j = 0; h && j < h->n; j++) {
			if (h->items[j]->kind != BE_YMAP)
				return be_yerr(e, name, h->items[j],
				    "each move must be a map");
			if (be_ymap_check(h->items[j], mkeys, name, e) < 0 ||
			    be_yget_str(h->items[j], "state", 1, &ms, name,
			    e) < 0 || be_yget_str(h->items[j], "date", 1, &md,
			    name, e) < 0)
				return -1;
			if (be_pstate_parse(ms) < 0)
				return be_yerr(e, name, be_ymap_get(h->items[j],
				    "state"), "unknown state of a point");
			if (be_date_parse(md, date) < 0)
				return be_yerr(e, name, be_ymap_get(h->items[j],
				    "date"), "unreadable date; write it as "
				    "2026-02-02");
			mp->moves[mp->nmoves].state = be_xstrdup(ms);
			mp->moves[mp->nmoves++].date = be_xstrdup(date);
		}
	}
	return 0;
}

/* The map under "routing", as be_route_yaml writes it. */
static int
read_routing(struct be_merge *m, const struct be_ynode *doc,
    const char *name, struct be_err *e)
{
	static const char *const keys[] = { "state", "to", "date", "by",
	    "note", "told", "passed-on", NULL };
	const struct be_ynode *t;
	const char *state, *to, *date, *by, *note, *told;
	char ymd[BE_DATE_MAX];
	struct mroute *mr;
	int passed;

	if (be_yget_map(doc, "routing", 0, &t, name, e) < 0)
		return -1;
	if (t == NULL)
		return 0;
	if (be_ymap_check(t, keys, name, e) < 0 ||
	    be_yget_str(t, "state", 1, &state, name, e) < 0 ||
	    be_yget_str(t, "to", 0, &to, name, e) < 0 ||
	    be_yget_str(t, "date", 1, &date, name, e) < 0 ||
	    be_yget_str(t, "by", 0, &by, name, e) < 0 ||
	    be_yget_str(t, "note", 0, &note, name, e) < 0 ||
	    be_yget_str(t, "told", 0, &told, name, e) < 0 ||
	    be_yget_bool(t, "passed-on", 0, 0, &passed, name, e) < 0)
		return -1;
	if (strcmp(state, "open") != 0 && strcmp(state, "routed") != 0)
		return be_yerr(e, name, be_ymap_get(t, "state"),
		    "unknown state of a routing; use open or routed");
	if (strcmp(state, "routed") == 0 && (to == NULL || *to == '\0'))
		return be_yerr(e, name, t, "a routed story needs 'to'");
	if (be_date_parse(date, ymd) < 0)
		return be_yerr(e, name, be_ymap_get(t, "date"),
		    "unreadable date; write it as 2026-02-02");
	BE_GROW(m->r, m->nr + 1, m->rcap);
	mr = &m->r[m->nr++];
	memset(mr, 0, sizeof *mr);
	mr->state = be_xstrdup(state);
	mr->dest = strcmp(state, "routed") == 0 ? be_xstrdup(to) : NULL;
	mr->at = be_xstrdup(ymd);
	mr->who = dup(by);
	mr->note = dup(note);
	mr->told = dup(told);
	mr->passed = passed;
	return 0;
}

int
be_merge_read(struct be_merge *m, const struct be_ynode *doc,
    const char *name, struct be_err *e)
{
	be_merge_claim(m, NULL);
	if (read_tags(m, doc, name, e) < 0 ||
	    read_points(m, doc, name, e) < 0 ||
	    read_routing(m, doc, name, e) < 0) {
		be_merge_claim(m, NULL);
		return -1;
	}
	return 0;
}

static int
id_of(struct be_store *st, const char *sel, const char *ins, const char *a,
    const char *b, const char *now, long long *id, struct be_err *e)
{
	sqlite3_stmt *q;
	int rc;

	if ((q = be_store_stmt(st, sel, e)) == NULL)
		return -1;
	sqlite3_bind_text(q, 1, a, -1, SQLITE_STATIC);
	if (b)
		sqlite3_bind_text(q, 2, b, -1, SQLITE_STATIC);
	rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(q, 0);
	sqlite3_reset(q);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE || (q = be_store_stmt(st, ins, e)) == NULL)
		return be_store_error(st, "cannot add a tag", e);
	sqlite3_bind_text(q, 1, a, -1, SQLITE_STATIC);
	if (b) {
		sqlite3_bind_text(q, 2, b, -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 3, now, -1, SQLITE_STATIC);
	}
	rc = sqlite3_step(q);
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return be_store_error(st, "cannot add a tag", e);
	*id = sqlite3_last_insert_rowid(be_store_db(st));
	return 0;
}

static const char q_ins[] = "INSERT OR IGNORE INTO story_tag (story_id, "
    "tag_id, origin, present, codebook_id, rule, matched, who, at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

static void
bind_or_null(sqlite3_stmt *q, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(q, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(q, i);
}

static const char q_pguid[] = "SELECT id FROM point WHERE guid = ?1";
static const char q_pins[] = "INSERT INTO point (title, theme, vraag, "
    "state, created, updated, guid, advies, owner, q_richting, q_macht, "
    "q_wenselijk, q_doen, answer, answer_text, answer_date) VALUES (?1, "
    "?2, ?3, ?4, ?5, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)";
static const char q_pval[] = "INSERT INTO point_value (point_id, pos, "
    "value) VALUES (?1, ?2, ?3)";
static const char q_pmove[] = "INSERT INTO point_state (point_id, state, "
    "at) VALUES (?1, ?2, ?3)";
static const char q_plink[] = "INSERT OR IGNORE INTO point_story "
    "(point_id, story_id, pos, quote) VALUES (?1, ?2, (SELECT "
    "coalesce(max(pos), 0) + 1 FROM point_story WHERE point_id = ?1), ?3)";

/* The point with p's guid, made when the store does not have it. */
static int
point_of(struct be_store *st, const struct mpoint *p, long long *id,
    unsigned long *made, struct be_err *e)
{
	sqlite3_stmt *q;
	size_t i;
	int rc;

	if ((q = be_store_stmt(st, q_pguid, e)) == NULL)
		return -1;
	sqlite3_bind_text(q, 1, p->guid, -1, SQLITE_STATIC);
	rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(q, 0);
	sqlite3_reset(q);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE || (q = be_store_stmt(st, q_pins, e)) == NULL)
		return be_store_error(st, "cannot add a point", e);
	sqlite3_bind_text(q, 1, p->title, -1, SQLITE_STATIC);
	bind_or_null(q, 2, p->theme);
	bind_or_null(q, 3, p->vraag);
	sqlite3_bind_text(q, 4, p->state, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 5, p->created, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 6, p->guid, -1, SQLITE_STATIC);
	bind_or_null(q, 7, p->advies);
	bind_or_null(q, 8, p->owner);
	for (i = 0; i < 4; i++)
		bind_or_null(q, 9 + (int)i, p->q[i]);
	for (i = 0; i < 3; i++)
		bind_or_null(q, 13 + (int)i, p->a[i]);
	rc = sqlite3_step(q);
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return be_store_error(st, "cannot add a point", e);
	*id = sqlite3_last_insert_rowid(be_store_db(st));
	(*made)++;
	for (i = 0; i < p->nvalues; i++) {
		if ((q = be_store_stmt(st, q_pval, e)) == NULL)
			return -1;
		sqlite3_bind_int64(q, 1, *id);
		sqlite3_bind_int64(q, 2, (long long)i + 1);
		sqlite3_bind_text(q, 3, p->values[i], -1, SQLITE_STATIC);
		rc = sqlite3_step(q);
		sqlite3_reset(q);
		if (rc != SQLITE_DONE)
			return be_store_error(st, "cannot add a point", e);
	}
	for (i = 0; i < p->nmoves; i++) {
		if ((q = be_store_stmt(st, q_pmove, e)) == NULL)
			return -1;
		sqlite3_bind_int64(q, 1, *id);
		sqlite3_bind_text(q, 2, p->moves[i].state, -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 3, p->moves[i].date, -1, SQLITE_STATIC);
		rc = sqlite3_step(q);
		sqlite3_reset(q);
		if (rc != SQLITE_DONE)
			return be_store_error(st, "cannot add a point", e);
	}
	return 0;
}

static int
apply_points(struct be_merge *m, struct be_store *st, unsigned long *made,
    struct be_err *e)
{
	sqlite3_stmt *q;
	long long sid, pid = 0;
	size_t i;
	int rc;

	for (i = 0; i < m->np; i++) {
		const struct mpoint *p = &m->p[i];

		if ((rc = be_story_by_cid(st, p->cid, &sid, e)) < 0)
			return -1;
		if (rc == 0)
			continue;
		if (point_of(st, p, &pid, made, e) < 0 ||
		    (q = be_store_stmt(st, q_plink, e)) == NULL)
			return -1;
		sqlite3_bind_int64(q, 1, pid);
		sqlite3_bind_int64(q, 2, sid);
		bind_or_null(q, 3, p->quote);
		rc = sqlite3_step(q);
		sqlite3_reset(q);
		if (rc != SQLITE_DONE)
			return be_store_error(st, "cannot add a point", e);
	}
	return 0;
}

/* The routing, only where the story has none: no story_route row and
 * story.route empty or the same. */
static const char q_rins[] = "INSERT INTO story_route (story_id, state, "
    "dest, at, who, note, told, passed) SELECT ?1, ?2, ?3, ?4, ?5, ?6, "
    "?7, ?8 FROM story s WHERE s.id = ?1 AND coalesce(s.route, '') IN "
    "('', ?9) AND NOT EXISTS (SELECT 1 FROM story_route WHERE "
    "story_id = ?1)";
static const char q_rset[] = "UPDATE story SET route = ?2 WHERE id = ?1";

static int
apply_routes(struct be_merge *m, struct be_store *st, struct be_err *e)
{
	sqlite3_stmt *q;
	long long sid;
	const char *route;
	size_t i;
	int rc;

	for (i = 0; i < m->nr; i++) {
		const struct mroute *r = &m->r[i];

		if ((rc = be_story_by_cid(st, r->cid, &sid, e)) < 0)
			return -1;
		if (rc == 0)
			continue;
		route = r->dest ? r->dest : BE_ROUTE_WAITING;
		if ((q = be_store_stmt(st, q_rins, e)) == NULL)
			return -1;
		sqlite3_bind_int64(q, 1, sid);
		sqlite3_bind_text(q, 2, r->state, -1, SQLITE_STATIC);
		bind_or_null(q, 3, r->dest);
		sqlite3_bind_text(q, 4, r->at, -1, SQLITE_STATIC);
		bind_or_null(q, 5, r->who);
		bind_or_null(q, 6, r->note);
		bind_or_null(q, 7, r->told);
		sqlite3_bind_int(q, 8, r->passed);
		sqlite3_bind_text(q, 9, route, -1, SQLITE_STATIC);
		rc = sqlite3_step(q);
		sqlite3_reset(q);
		if (rc != SQLITE_DONE)
			return be_store_error(st, "cannot add a routing", e);
		if (sqlite3_changes(be_store_db(st)) == 0)
			continue;
		if ((q = be_store_stmt(st, q_rset, e)) == NULL)
			return -1;
		sqlite3_bind_int64(q, 1, sid);
		sqlite3_bind_text(q, 2, route, -1, SQLITE_STATIC);
		if (be_store_done(st, q, "cannot add a routing", e) < 0)
			return -1;
	}
	return 0;
}

int
be_merge_apply(struct be_merge *m, struct be_store *st,
    unsigned long *added, unsigned long *points, struct be_err *e)
{
	sqlite3_stmt *q;
	long long sid, tid, cbid = 0;
	char now[32];
	size_t i;
	int rc;

	*added = 0;
	*points = 0;
	be_now(now);
	for (i = 0; i < m->n; i++) {
		const struct mtag *t = &m->t[i];

		if ((rc = be_story_by_cid(st, t->cid, &sid, e)) < 0)
			return -1;
		if (rc == 0)
			continue;
		if (id_of(st, "SELECT id FROM tag WHERE name = ?1",
		    "INSERT INTO tag (name) VALUES (?1)", t->theme, NULL, now,
		    &tid, e) < 0)
			return -1;
		if (t->codebook && id_of(st, "SELECT id FROM codebook WHERE "
		    "name = ?1 AND hash = ?2", "INSERT INTO codebook (name, "
		    "hash, loaded) VALUES (?1, ?2, ?3)", t->codebook, t->hash,
		    now, &cbid, e) < 0)
			return -1;
		if ((q = be_store_stmt(st, q_ins, e)) == NULL)
			return -1;
		sqlite3_bind_int64(q, 1, sid);
		sqlite3_bind_int64(q, 2, tid);
		sqlite3_bind_text(q, 3, t->origin, -1, SQLITE_STATIC);
		sqlite3_bind_int(q, 4, t->present);
		if (t->codebook)
			sqlite3_bind_int64(q, 5, cbid);
		else
			sqlite3_bind_null(q, 5);
		bind_or_null(q, 6, t->rule);
		bind_or_null(q, 7, t->matched);
		bind_or_null(q, 8, t->who);
		sqlite3_bind_text(q, 9, t->at, -1, SQLITE_STATIC);
		rc = sqlite3_step(q);
		sqlite3_reset(q);
		if (rc != SQLITE_DONE)
			return be_store_error(st, "cannot add a tag", e);
		*added += (unsigned long)sqlite3_changes(be_store_db(st));
	}
	if (apply_routes(m, st, e) < 0)
		return -1;
	return apply_points(m, st, points, e);
}
