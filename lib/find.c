/* find.c: see find.h. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "buf.h"
#include "csvw.h"
#include "date.h"
#include "find.h"
#include "forget.h"
#include "merge.h"
#include "route.h"
#include "mem.h"
#include "record.h"
#include "story.h"
#include "banned.h"

/*
 * A selection is a list of steps.  Steps of one group are united, and the
 * groups intersected.  Without refs the selection is one SELECT of story
 * ids (f->sel: the groups' conditions joined by AND, a group's by OR, one
 * literal condition for each kind of step), which the statements that
 * read it have in place of temp.find_sel: one query, as a user would
 * type it, and no temporary table.  With refs each step adds ids to
 * find_tmp, and the groups are intersected one after the other into the
 * temporary table find_sel.
 */
enum kind {
	K_QUERY, K_TAG, K_ATTR, K_SINCE, K_UNTIL, K_MEETING,
	K_CHANNEL, K_GEMEENTE, K_ROUTE, K_NOROUTE, K_ROUTE_OPEN, K_ROUTED,
	K_ROUTE_TO, K_UNTAGGED, K_USE, K_NKINDS
};

struct step {
	enum kind kind;
	int group;
	char *a, *b;		/* folded or checked arguments */
	long long id;		/* theme id */
};

/* The codes are those of KEY() below. */
enum dim { D_TAG, D_MONTH, D_YEAR, D_CHANNEL, D_GEMEENTE, D_ATTR, D_USE };

struct be_find {
	struct be_store *st;
	struct step *steps;
	size_t n, cap;
	int ngroups;
	long long *refs;
	size_t nrefs, refcap;
	int userefs;
	struct {
		enum dim dim;
		char *name;	/* as given */
		char *key;	/* folded, for D_ATTR */
	} by[2];
	int nby;
	long long count;
	int ran;
	char *sel;		/* the selection as one SELECT, or NULL */
	char *where;		/* its WHERE clause on story s, or "" */
};

/* The first parameter of the selection's conditions (?11 and up: the
 * statements that read it have theirs below); each step has three. */
#define SEL_PARAM 11

/* Case and accent folding, as the SQL function be_fold(x). */
static char *
fold(const char *s)
{
	utf8proc_uint8_t *out = NULL;
	const unsigned char *p;
	char *a;
	size_t i;

	/* Most values are plain ASCII: lower case is all there is to do. */
	for (p = (const unsigned char *)s; *p && *p < 0x80; p++)
		;
	if (*p == '\0') {
		a = be_xstrdup(s);
		for (i = 0; a[i]; i++)
			if (a[i] >= 'A' && a[i] <= 'Z')
				a[i] += 'a' - 'A';
		return a;
	}
	if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
	    UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	    UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK) < 0)
		return be_xstrdup(s);	/* not UTF-8: compare as it is */
	return (char *)out;
}

static void
sql_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *s = sqlite3_value_text(argv[0]), *p;
	char *f;

	if (s == NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	/* ASCII without capitals is its own folding: no copy. */
	for (p = s; *p && *p < 0x80 && !(*p >= 'A' && *p <= 'Z'); p++)
		;
	if (*p == '\0') {
		if (sqlite3_value_type(argv[0]) == SQLITE_TEXT)
			sqlite3_result_value(ctx, argv[0]);
		else
			sqlite3_result_text(ctx, (const char *)s, -1,
			    SQLITE_TRANSIENT);
		return;
	}
	f = fold((const char *)s);
	sqlite3_result_text(ctx, f, -1, free);
}

struct be_store *
be_find_open(const char *path, int fts, struct be_err *e)
{
	struct be_store *st, *w;
	struct be_err we;

	be_err_init(&we);
	if ((st = be_store_open(path, BE_STORE_RDONLY, e)) == NULL)
		return NULL;
	if (be_store_told_missing(st) || (fts && be_store_fts_stale(st))) {
		/* Rebuilding needs write access: open again for writing
		 * (the file exists, so nothing is created).  When that is
		 * refused, be_store_search_ready says what to do. */
		if ((w = be_store_open(path, BE_STORE_WRITE, &we)) != NULL) {
			be_store_close(st);
			st = w;
		}
	}
	if (be_store_search_ready(st, fts, e) < 0)
		goto fail;
	return st;
fail:
	be_store_close(st);
	return NULL;
}

struct be_find *
be_find_new(struct be_store *st)
{
	struct be_find *f = be_xcalloc(1, sizeof *f);

	f->st = st;
	/* Fails only when out of memory; a statement that needs be_fold
	 * then fails with "no such function", which is reported. */
	sqlite3_create_function_v2(be_store_db(st), "be_fold", 1,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_fold, NULL, NULL,
	    NULL);
	return f;
}

void
be_find_free(struct be_find *f)
{
	size_t i;
	int j;

	if (f == NULL)
		return;
	for (i = 0; i < f->n; i++) {
		free(f->steps[i].a);
		free(f->steps[i].b);
	}
	for (j = 0; j < f->nby; j++) {
		free(f->by[j].name);
		free(f->by[j].key);
	}
	if (f->ran && f->sel == NULL)
		be_store_exec(f->st, "DELETE FROM temp.find_sel;"
		    "DELETE FROM temp.find_tmp", NULL);
	free(f->sel);
	free(f->where);
	free(f->steps);
	free(f->refs);
	free(f);
}

/* Adds a step; group < 0 starts a new group. */
static struct step *
add(struct be_find *f, enum kind kind, int group, const char *a,
    const char *b)
{
	struct step *s;

	if (f->n == f->cap) {
		f->cap = f->cap ? 2 * f->cap : 8;
		f->steps = be_xrealloc(f->steps, f->cap * sizeof *f->steps);
	}
	s = &f->steps[f->n++];
	memset(s, 0, sizeof *s);
	s->kind = kind;
	s->group = group < 0 ? f->ngroups++ : group;
	s->a = a ? be_xstrdup(a) : NULL;
	s->b = b ? be_xstrdup(b) : NULL;
	return s;
}

/* The group of the earlier step of this kind (and key), or -1. */
static int
group_of(const struct be_find *f, enum kind kind, const char *key)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		if (f->steps[i].kind == kind &&
		    (key == NULL || strcmp(f->steps[i].a, key) == 0))
			return f->steps[i].group;
	return -1;
}

/* Whether c may be in an FTS5 bareword: letters, digits, '_', non-ASCII. */
static int
bare(unsigned char c)
{
	return c >= 0x80 || c == '_' || (c >= '0' && c <= '9') ||
	    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/*
 * The query as FTS5 reads it: outside "phrases", a word with other
 * characters in it (jeugd-GGZ, Wmo-loket, e-mail, auto's, let:op) becomes
 * a phrase ("jeugd-GGZ", found as the words jeugd ggz in a row), keeping a
 * '*' at its end; parentheses and commas stay operators.  The caller
 * frees the result.
 */
static char *
fts_query(const char *q)
{
	struct be_buf b = BE_BUF_INIT;
	const char *p = q, *w, *end, *c;
	int odd;

	while (*p) {
		if (*p == '"') {	/* a phrase, as written */
			w = p++;
			while (*p && (*p != '"' || p[1] == '"'))
				p += *p == '"' ? 2 : 1;
			if (*p)
				p++;
			be_buf_add(&b, w, (size_t)(p - w));
			continue;
		}
		if (strchr(" \t\r\n(),", *p)) {
			be_buf_addc(&b, *p++);
			continue;
		}
		w = p;
		while (*p && !strchr(" \t\r\n(),\"", *p))
			p++;
		end = p;
		while (end > w && end[-1] == '*')
			end--;
		for (odd = 0, c = w; c < end && !odd; c++)
			odd = !bare((unsigned char)*c);
		if (odd) {
			be_buf_addc(&b, '"');
			be_buf_add(&b, w, (size_t)(end - w));
			be_buf_addc(&b, '"');
			be_buf_add(&b, end, (size_t)(p - end));
		} else
			be_buf_add(&b, w, (size_t)(p - w));
	}
	return be_buf_detach(&b);
}

int
be_find_query(struct be_find *f, const char *q, struct be_err *e)
{
	char *fq;

	if (q[strspn(q, " \t\r\n")] == '\0')
		return be_err_at(e, "-q", 0, 0, "empty query");
	/* Several queries must all match. */
	fq = fts_query(q);
	add(f, K_QUERY, -1, fq, NULL);
	free(fq);
	return 0;
}

int
be_find_tag(struct be_find *f, const char *name, struct be_err *e)
{
	/* A name, or a ref T-n as be-tag -l prints them. */
	static const char sql[] = "SELECT id FROM tag WHERE be_fold(name) = ?1"
	    " OR id = ?3 ORDER BY name = ?2 DESC, id LIMIT 1";
	sqlite3_stmt *q;
	long long ref;
	char *k;
	int rc;

	if ((q = be_store_stmt(f->st, sql, e)) == NULL)
		return -1;
	if (be_ref_parse(name, 'T', &ref) == 0)
		sqlite3_bind_int64(q, 3, ref);
	k = fold(name);
	be_bind_text(q, 1, k);
	be_bind_text(q, 2, name);
	free(k);
	rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		add(f, K_TAG, -1, NULL, NULL)->id = sqlite3_column_int64(q, 0);
		sqlite3_reset(q);
		return 0;
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return be_store_error(f->st, "cannot read themes", e);
	return be_err_set(e, "no theme '%s'; list them with be-tag -l", name);
}

void
be_find_untagged(struct be_find *f)
{
	if (group_of(f, K_UNTAGGED, NULL) < 0)
		add(f, K_UNTAGGED, -1, NULL, NULL);
}

/* YYYY, YYYY-MM or YYYY-MM-DD, a real day. */
static int
check_date(const char *opt, const char *s, struct be_err *e)
{
	char day[11];

	if (be_date_span(s, 0, day) == 0)
		return 0;
	return be_err_set(e, "%s: bad date '%s'; write YYYY-MM-DD "
	    "(or YYYY-MM, YYYY)", opt, s);
}

int
be_find_since(struct be_find *f, const char *date, struct be_err *e)
{
	if (check_date("--since", date, e) < 0)
		return -1;
	add(f, K_SINCE, -1, date, NULL);
	return 0;
}

int
be_find_until(struct be_find *f, const char *date, struct be_err *e)
{
	if (check_date("--until", date, e) < 0)
		return -1;
	add(f, K_UNTIL, -1, date, NULL);
	return 0;
}

int
be_find_since_meeting(struct be_find *f, const char *ref, struct be_err *e)
{
	sqlite3_stmt *q;
	long long id;
	int rc;

	if (be_ref_parse(ref, 'M', &id) < 0)
		return be_err_set(e, "--since-meeting: '%s' is not a meeting "
		    "ref (M-n)", ref);
	q = be_store_stmt(f->st, "SELECT date FROM meeting WHERE id = ?1", e);
	if (q == NULL)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		add(f, K_MEETING, -1, be_col_text(q, 0), NULL);
	sqlite3_reset(q);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return be_store_error(f->st, "cannot read meetings", e);
	return be_err_set(e, "no meeting M-%lld", id);
}

static void
add_folded(struct be_find *f, enum kind kind, const char *key,
    const char *val)
{
	char *k = key ? fold(key) : NULL, *v = fold(val);

	add(f, kind, group_of(f, kind, k), k, v);
	free(k);
	free(v);
}

void
be_find_channel(struct be_find *f, const char *channel)
{
	add_folded(f, K_CHANNEL, NULL, channel);
}

void
be_find_gemeente(struct be_find *f, const char *gemeente)
{
	add_folded(f, K_GEMEENTE, NULL, gemeente);
}

int
be_find_attr(struct be_find *f, const char *kv, struct be_err *e)
{
	const char *eq = strchr(kv, '=');
	char *key;

	if (eq == NULL || eq == kv)
		return be_err_set(e, "-a: write key=value, as wijk=Noord");
	key = be_xstrndup(kv, (size_t)(eq - kv));
	add_folded(f, K_ATTR, key, eq + 1);
	free(key);
	return 0;
}

void
be_find_route(struct be_find *f, int routed)
{
	add(f, routed ? K_ROUTE : K_NOROUTE, -1, NULL, NULL);
}

int
be_find_use(struct be_find *f, const char *level, struct be_err *e)
{
	if (strcmp(level, "quote") != 0 && strcmp(level, "count") != 0)
		return be_err_set(e, "--use: give quote or count");
	add(f, K_USE, group_of(f, K_USE, NULL), level, NULL);
	return 0;
}

void
be_find_route_is(struct be_find *f, const char *what)
{
	if (strcmp(what, "open") == 0 || strcmp(what, BE_ROUTE_WAITING) == 0)
		add(f, K_ROUTE_OPEN, -1, NULL, NULL);
	else if (strcmp(what, "routed") == 0)
		add(f, K_ROUTED, -1, NULL, NULL);
	else {
		char *d = be_route_dest(what);

		add_folded(f, K_ROUTE_TO, NULL, d ? d : what);
		free(d);
	}
}

void
be_find_use_refs(struct be_find *f)
{
	f->userefs = 1;
}

int
be_find_ref(struct be_find *f, long long id, struct be_err *e)
{
	sqlite3_stmt *q;
	int rc;

	q = be_store_stmt(f->st, "SELECT 1 FROM story WHERE id = ?1", e);
	if (q == NULL)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	rc = sqlite3_step(q);
	sqlite3_reset(q);
	if (rc == SQLITE_DONE)
		return be_err_set(e, "no story S-%lld", id);
	if (rc != SQLITE_ROW)
		return be_store_error(f->st, "cannot read stories", e);
	f->userefs = 1;
	if (f->nrefs == f->refcap) {
		f->refcap = f->refcap ? 2 * f->refcap : 64;
		f->refs = be_xrealloc(f->refs, f->refcap * sizeof *f->refs);
	}
	f->refs[f->nrefs++] = id;
	return 0;
}

int
be_find_by(struct be_find *f, const char *spec, struct be_err *e)
{
	static const char *const names[] = { "tag", "month", "year",
	    "channel", "gemeente" };
	const char *p = spec, *comma;
	size_t len, i;

	while (f->nby < 2) {
		comma = strchr(p, ',');
		len = comma ? (size_t)(comma - p) : strlen(p);
		if (len == 0)
			break;
		f->by[f->nby].name = be_xstrndup(p, len);
		f->by[f->nby].dim = D_ATTR;
		for (i = 0; i < sizeof names / sizeof names[0]; i++)
			if (strcmp(f->by[f->nby].name, names[i]) == 0)
				f->by[f->nby].dim = (enum dim)i;
		if (strcmp(f->by[f->nby].name, "use") == 0)
			f->by[f->nby].dim = D_USE;
		f->by[f->nby].key = fold(f->by[f->nby].name);
		f->nby++;
		if (comma == NULL)
			return 0;
		p = comma + 1;
	}
	return be_err_set(e, "--by: give one or two keys, as tag,month");
}

/* The error of a full-text query in words a user can act on. */
static int
query_error(struct be_find *f, struct be_err *e)
{
	const char *m = sqlite3_errmsg(be_store_db(f->st));
	struct be_buf b = BE_BUF_INIT;
	int rc;

	if (strncmp(m, "fts5: ", 6) == 0)
		m += 6;
	for (; *m; m++)
		be_buf_addc(&b, *m == '"' ? '\'' : *m);
	if (strcmp(b.s, "syntax error near ''") == 0)
		rc = be_err_at(e, "-q", 0, 0, "the query stops too soon; "
		    "close its \"quotes\" and (parentheses), and end it "
		    "with a word, not with AND, OR or NOT");
	else if (strncmp(b.s, "syntax error near ", 18) == 0)
		rc = be_err_at(e, "-q", 0, 0, "the query cannot be read at "
		    "%s; check its \"quotes\" and (parentheses), and put "
		    "AND, OR and NOT between words", b.s + 18);
	else if (strncmp(b.s, "no such column: ", 16) == 0)
		rc = be_err_at(e, "-q", 0, 0, "cannot search for '%s:'; "
		    "put text with ':' in \"quotes\"", b.s + 16);
	else if (strcmp(b.s, "unterminated string") == 0)
		rc = be_err_at(e, "-q", 0, 0, "unterminated \"phrase\"");
	else if (strncmp(b.s, "unknown special query", 21) == 0)
		rc = be_err_at(e, "-q", 0, 0, "syntax error near '*'; "
		    "write * at the end of a word");
	else
		rc = be_err_at(e, "-q", 0, 0, "%s", b.s);
	be_buf_release(&b);
	return rc;
}

static const char *const step_sql[K_NKINDS] = {
	[K_QUERY] = "INSERT OR IGNORE INTO temp.find_tmp"
	    " SELECT rowid FROM story_fts WHERE story_fts MATCH ?1",
	[K_TAG] = "INSERT OR IGNORE INTO temp.find_tmp"
	    " WITH RECURSIVE d(id) AS (SELECT ?2"
	    "  UNION SELECT t.id FROM tag t JOIN d ON t.parent_id = d.id)"
	    " SELECT st.story_id FROM d JOIN story_tag st ON st.tag_id = d.id"
	    " WHERE st.present = 1",
	[K_ATTR] = "INSERT OR IGNORE INTO temp.find_tmp"
	    " SELECT story_id FROM story_attr"
	    " WHERE be_fold(key) = ?1 AND be_fold(value) = ?3",
	[K_SINCE] = "INSERT OR IGNORE INTO temp.find_tmp"
	    " SELECT id FROM story WHERE told >= ?1",
	[K_UNTIL] = "INSERT OR IGNORE INTO temp.find_tmp"
	    " SELECT id FROM story WHERE substr(told, 1, length(?1)) <= ?1",
	[K_MEETING] = "INSERT OR IGNORE INTO temp.find_tmp"
	    " SELECT id FROM story WHERE substr(added, 1, 10) >= ?1",
	[K_CHANNEL] = "INSERT OR IGNORE INTO temp.find_tmp"
	    " SELECT id FROM story WHERE be_fold(channel) = ?3",
	[K_GEMEENTE] = "INSERT OR IGNORE INTO temp.find_tmp"
	    " SELECT id FROM story WHERE be_fold(gemeente) = ?3",
	[K_ROUTE] = "INSERT OR IGNORE INTO temp.find_tmp"
	    " SELECT id FROM story WHERE coalesce(route, '') <> ''",
	[K_NOROUTE] = "INSERT OR IGNORE INTO temp.find_tmp"
	    " SELECT id FROM story WHERE coalesce(route, '') = ''",
	[K_USE] = "INSERT OR IGNORE INTO temp.find_tmp"
	    " SELECT id FROM story WHERE use = ?1",
	[K_ROUTE_OPEN] = "INSERT OR IGNORE INTO temp.find_tmp"
	    " SELECT id FROM story WHERE route = '" BE_ROUTE_WAITING "'",
	[K_ROUTED] = "INSERT OR IGNORE INTO temp.find_tmp"
	    " SELECT id FROM story WHERE coalesce(route, '') <> ''"
	    " AND route <> '" BE_ROUTE_WAITING "'",
	[K_ROUTE_TO] = "INSERT OR IGNORE INTO temp.find_tmp"
	    " SELECT id FROM story WHERE be_fold(route) = ?3",
	[K_UNTAGGED] = "INSERT OR IGNORE INTO temp.find_tmp"
	    " SELECT id FROM story s WHERE NOT EXISTS (SELECT 1 FROM story_tag"
	    " st WHERE st.story_id = s.id AND st.present = 1)",
};

/* The condition on story s of each kind of step: @a stands for its first
 * argument, @i for a theme id, @b for a folded value. */
static const char *const step_cond[K_NKINDS] = {
	[K_QUERY] = "s.id IN (SELECT rowid FROM story_fts"
	    " WHERE story_fts MATCH @a)",
	[K_TAG] = "s.id IN (WITH RECURSIVE d(id) AS (SELECT @i"
	    "  UNION SELECT t.id FROM tag t JOIN d ON t.parent_id = d.id)"
	    " SELECT st.story_id FROM d JOIN story_tag st ON st.tag_id = d.id"
	    " WHERE st.present = 1)",
	[K_ATTR] = "s.id IN (SELECT story_id FROM story_attr"
	    " WHERE be_fold(key) = @a AND be_fold(value) = @b)",
	[K_SINCE] = "s.told >= @a",
	[K_UNTIL] = "substr(s.told, 1, length(@a)) <= @a",
	[K_MEETING] = "substr(s.added, 1, 10) >= @a",
	[K_CHANNEL] = "be_fold(s.channel) = @b",
	[K_GEMEENTE] = "be_fold(s.gemeente) = @b",
	[K_ROUTE] = "coalesce(s.route, '') <> ''",
	[K_NOROUTE] = "coalesce(s.route, '') = ''",
	[K_USE] = "s.use = @a",
	[K_ROUTE_OPEN] = "s.route = '" BE_ROUTE_WAITING "'",
	[K_ROUTED] = "coalesce(s.route, '') <> ''"
	    " AND s.route <> '" BE_ROUTE_WAITING "'",
	[K_ROUTE_TO] = "be_fold(s.route) = @b",
	[K_UNTAGGED] = "NOT EXISTS (SELECT 1 FROM story_tag st"
	    " WHERE st.story_id = s.id AND st.present = 1)",
};

/*
 * A theme's condition when a full-text query selects too: the query's
 * stories are looked up one by one, in the order of their ids, in
 * story_tag's primary key, where the IN of step_cond has SQLite list
 * every story of the theme first (through story_tag_tag, and each one's
 * present flag from the table).  -q wachtlijst -t wachttijden at a
 * million stories: 215 against 285 ms of CPU.  Without a query the IN
 * stays: then the theme's stories are the ones to start from.
 */
static const char tag_exists[] = "EXISTS (WITH RECURSIVE d(id) AS"
    " (SELECT @i UNION SELECT t.id FROM tag t JOIN d ON t.parent_id = d.id)"
    " SELECT 1 FROM story_tag st WHERE st.story_id = s.id"
    " AND st.present = 1 AND st.tag_id IN d)";

/* Makes f->sel: the selection as one SELECT of ids. */
static void
build_sel(struct be_find *f)
{
	struct be_buf b = BE_BUF_INIT;
	const char *c;
	size_t i;
	int g, n, query = 0;

	for (i = 0; i < f->n; i++)
		if (f->steps[i].kind == K_QUERY)
			query = 1;
	for (g = 0; g < f->ngroups; g++) {
		be_buf_adds(&b, g ? " AND (" : " WHERE (");
		for (i = 0, n = 0; i < f->n; i++) {
			if (f->steps[i].group != g)
				continue;
			if (n++)
				be_buf_adds(&b, " OR ");
			c = query && f->steps[i].kind == K_TAG ? tag_exists :
			    step_cond[f->steps[i].kind];
			for (; *c; c++)
				if (*c == '@' && (c[1] == 'a' || c[1] == 'i' ||
				    c[1] == 'b')) {
					be_buf_addf(&b, "?%d", SEL_PARAM +
					    3 * (int)i + (c[1] == 'a' ? 0 :
					    c[1] == 'i' ? 1 : 2));
					c++;
				} else
					be_buf_addc(&b, *c);
		}
		be_buf_addc(&b, ')');
	}
	be_buf_adds(&b, "");
	f->where = be_buf_detach(&b);
	be_buf_init(&b);
	be_buf_addf(&b, "SELECT s.id AS id FROM story s%s", f->where);
	f->sel = be_buf_detach(&b);
}

/*
 * Prepares sql, a statement that reads the selection from temp.find_sel:
 * with f->sel, that SELECT in its place, its parameters bound ("FROM
 * temp.find_sel f JOIN story s ON s.id = f.id" becomes "FROM story s
 * WHERE ...", the query a user would type).  The caller binds its own
 * (?1 to ?10) and finalizes the statement.
 */
static sqlite3_stmt *
sel_prepare(struct be_find *f, const char *sql, struct be_err *e)
{
	static const char name[] = "temp.find_sel",
	    join[] = "temp.find_sel f JOIN story s ON s.id = f.id";
	struct be_buf b = BE_BUF_INIT;
	sqlite3_stmt *q;
	const char *p, *at;
	size_t i;
	int rc;

	if (f->sel == NULL)
		be_buf_adds(&b, sql);
	else {
		for (p = sql; (at = strstr(p, name)) != NULL; ) {
			be_buf_add(&b, p, (size_t)(at - p));
			if (strncmp(at, join, sizeof join - 1) == 0) {
				be_buf_addf(&b, "story s%s", f->where);
				p = at + sizeof join - 1;
			} else {
				be_buf_addf(&b, "(%s)", f->sel);
				p = at + sizeof name - 1;
			}
		}
		be_buf_adds(&b, p);
	}
	rc = sqlite3_prepare_v2(be_store_db(f->st), b.s, -1, &q, NULL);
	be_buf_release(&b);
	if (rc != SQLITE_OK) {
		be_store_error(f->st, "store", e);
		return NULL;
	}
	for (i = 0; f->sel && i < f->n; i++) {
		const struct step *s = &f->steps[i];
		int base = SEL_PARAM + 3 * (int)i;

		if (s->a)
			be_bind_text(q, base, s->a);
		if (s->kind == K_TAG)
			sqlite3_bind_int64(q, base + 1, s->id);
		if (s->b)
			be_bind_text(q, base + 2, s->b);
	}
	return q;
}

/* The error of a statement that reads the selection: a query's in words
 * a user can act on. */
static int
sel_error(struct be_find *f, const char *what, struct be_err *e)
{
	size_t i;

	if ((sqlite3_errcode(be_store_db(f->st)) & 0xff) == SQLITE_ERROR)
		for (i = 0; i < f->n; i++)
			if (f->steps[i].kind == K_QUERY)
				return query_error(f, e);
	return be_store_error(f->st, what, e);
}

static int
run_step(struct be_find *f, const struct step *s, struct be_err *e)
{
	sqlite3_stmt *q;

	if ((q = be_store_stmt(f->st, step_sql[s->kind], e)) == NULL)
		return -1;
	/* ?1 is the first argument, ?2 a theme id, ?3 a folded value;
	 * binding a parameter a statement lacks does nothing. */
	if (s->a)
		be_bind_text(q, 1, s->a);
	if (s->kind == K_TAG)
		sqlite3_bind_int64(q, 2, s->id);
	if (s->b)
		be_bind_text(q, 3, s->b);
	if (sqlite3_step(q) != SQLITE_DONE) {
		if (s->kind == K_QUERY && (sqlite3_errcode(be_store_db(f->st))
		    & 0xff) == SQLITE_ERROR) {
			query_error(f, e);
			sqlite3_reset(q);
			return -1;
		}
		be_store_error(f->st, "cannot select", e);
		sqlite3_reset(q);
		return -1;
	}
	sqlite3_reset(q);
	return 0;
}

static int
run_refs(struct be_find *f, struct be_err *e)
{
	sqlite3_stmt *q;
	size_t i;

	q = be_store_stmt(f->st,
	    "INSERT OR IGNORE INTO temp.find_tmp VALUES (?1)", e);
	if (q == NULL)
		return -1;
	for (i = 0; i < f->nrefs; i++) {
		sqlite3_reset(q);
		sqlite3_bind_int64(q, 1, f->refs[i]);
		if (sqlite3_step(q) != SQLITE_DONE) {
			sqlite3_reset(q);
			return be_store_error(f->st, "cannot select", e);
		}
	}
	sqlite3_reset(q);
	return 0;
}

/* Whether FTS5 can read query q: 0, or -1 with e saying why not. */
static int
check_query(struct be_find *f, const char *q, struct be_err *e)
{
	sqlite3_stmt *s;
	int rc;

	s = be_store_stmt(f->st, "SELECT rowid FROM story_fts"
	    " WHERE story_fts MATCH ?1 LIMIT 1", e);
	if (s == NULL)
		return -1;
	be_bind_text(s, 1, q);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE) {
		sqlite3_reset(s);
		return 0;
	}
	if ((sqlite3_errcode(be_store_db(f->st)) & 0xff) == SQLITE_ERROR)
		query_error(f, e);
	else
		be_store_error(f->st, "cannot select", e);
	sqlite3_reset(s);
	return -1;
}

static long long
count_sel(struct be_find *f, struct be_err *e)
{
	sqlite3_stmt *q;
	long long n = -1;

	q = sel_prepare(f, "SELECT count(*) FROM temp.find_sel", e);
	if (q == NULL)
		return -1;
	if (sqlite3_step(q) == SQLITE_ROW)
		n = sqlite3_column_int64(q, 0);
	else
		sel_error(f, "store", e);
	sqlite3_finalize(q);
	return n;
}

/* Intersects find_sel with find_tmp (or fills it, for the first group). */
static int
merge(struct be_find *f, int first, struct be_err *e)
{
	if (be_store_exec(f->st, first ?
	    "INSERT INTO temp.find_sel SELECT id FROM temp.find_tmp;"
	    "DELETE FROM temp.find_tmp" :
	    "DELETE FROM temp.find_sel WHERE id NOT IN"
	    " (SELECT id FROM temp.find_tmp); DELETE FROM temp.find_tmp",
	    e) < 0)
		return -1;
	return (f->count = count_sel(f, e)) < 0 ? -1 : 0;
}

int
be_find_run(struct be_find *f, struct be_err *e)
{
	size_t i;
	int g, first = 1;

	/*
	 * Stories selected, counted or printed are read a page at a time,
	 * each once, so the store's 16 MB cache only costs: every page read
	 * goes to fresh memory, faulted in and zeroed by the kernel, where
	 * SQLite's default 2 MB are reused while warm (--count on a channel
	 * at 100,000 stories: 38 against 27 ms).  --by keeps the 16 MB: it
	 * looks up the themes of the stories in the order of their dates,
	 * all over story_tag, and with 2 MB read each page again and again
	 * (--by tag,month at a million stories: 1.7 against 2.2 s).  On
	 * failure the larger cache stays, which is only slower.
	 */
	if (f->nby == 0)
		be_store_exec(f->st, "PRAGMA cache_size = -2000", NULL);
	if (!f->userefs) {
		/* Counted when asked: printing needs no count first.  A
		 * full-text query's syntax is checked here all the same. */
		for (i = 0; i < f->n; i++)
			if (f->steps[i].kind == K_QUERY &&
			    check_query(f, f->steps[i].a, e) < 0)
				return -1;
		free(f->sel);
		free(f->where);
		build_sel(f);
		f->ran = 1;
		f->count = -1;
		return 0;
	}
	/*
	 * The selection and the sorts of --by go to temporary files (SQLite
	 * unlinks them as it makes them) once they outgrow the cache: held
	 * in memory, --by over a million stories took 130 MB.  They hold
	 * refs and the values grouped by, never a story's text.
	 */
	if (be_store_exec(f->st,
	    "PRAGMA temp_store = FILE;"
	    "CREATE TEMP TABLE IF NOT EXISTS find_sel (id INTEGER PRIMARY KEY);"
	    "CREATE TEMP TABLE IF NOT EXISTS find_tmp (id INTEGER PRIMARY KEY);"
	    "DELETE FROM temp.find_sel; DELETE FROM temp.find_tmp", e) < 0)
		return -1;
	f->ran = 1;
	if (f->userefs) {
		if (run_refs(f, e) < 0 || merge(f, first, e) < 0)
			return -1;
		first = 0;
	}
	for (g = 0; g < f->ngroups && (first || f->count > 0); g++) {
		for (i = 0; i < f->n; i++)
			if (f->steps[i].group == g &&
			    run_step(f, &f->steps[i], e) < 0)
				return -1;
		if (merge(f, first, e) < 0)
			return -1;
		first = 0;
	}
	if (first) {
		if (be_store_exec(f->st, "INSERT INTO temp.find_sel"
		    " SELECT id FROM story", e) < 0)
			return -1;
		if ((f->count = count_sel(f, e)) < 0)
			return -1;
	}
	return 0;
}

long long
be_find_count(struct be_find *f, struct be_err *e)
{
	if (f->count < 0)
		f->count = count_sel(f, e);
	return f->count;
}

int
be_find_each(struct be_find *f, be_find_fn fn, void *arg, struct be_err *e)
{
	sqlite3_stmt *q;
	long long *ids;
	size_t n = 0, cap = 256, i;
	int rc = 0;

	/* Collected first, so that fn may run statements of its own. */
	q = sel_prepare(f, "SELECT id FROM temp.find_sel ORDER BY id", e);
	if (q == NULL)
		return -1;
	ids = be_xmalloc(cap * sizeof *ids);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (n == cap)
			ids = be_xrealloc(ids, (cap *= 2) * sizeof *ids);
		ids[n++] = sqlite3_column_int64(q, 0);
	}
	if (rc != SQLITE_DONE) {
		sel_error(f, "cannot read stories", e);
		sqlite3_finalize(q);
		free(ids);
		return -1;
	}
	sqlite3_finalize(q);
	for (i = 0, rc = 0; i < n && rc == 0; i++)
		rc = fn(f->st, ids[i], arg, e);
	free(ids);
	return rc;
}

static const char *
col_or_null(sqlite3_stmt *q, int i)
{
	return (const char *)sqlite3_column_text(q, i);
}

struct printer {
	FILE *fp;
	enum be_find_fmt fmt;
	int n;
};

static long long
print_records(struct be_find *f, FILE *fp, int header, struct be_err *e)
{
	struct be_buf b = BE_BUF_INIT;
	sqlite3_stmt *q;
	struct be_story s;
	long long n = 0;
	int rc;

	q = sel_prepare(f, "SELECT s.id, s.told, s.channel, s.gemeente,"
	    " s.text FROM temp.find_sel f JOIN story s ON s.id = f.id"
	    " ORDER BY s.id", e);
	if (q == NULL)
		return -1;
	/*
	 * Only the fields of the record are read, not whole stories, and
	 * not copied: the story points into SQLite's row, valid until the
	 * next step, and one buffer serves every line.  The copies of the
	 * texts cost a fifth of printing all records.
	 */
	be_story_init(&s);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (n++ == 0 && header)
			fputs("#ref\tdate\tchannel\tgemeente\ttext\n", fp);
		s.id = sqlite3_column_int64(q, 0);
		s.told = (char *)col_or_null(q, 1);
		s.channel = (char *)col_or_null(q, 2);
		s.gemeente = (char *)col_or_null(q, 3);
		s.text = (char *)be_col_text(q, 4);
		be_story_write_ref(fp, s.id);
		be_buf_reset(&b);
		be_story_record_tail(&b, &s);
		fwrite(b.s, 1, b.len, fp);
	}
	s.told = s.channel = s.gemeente = s.text = NULL;
	be_story_release(&s);
	be_buf_release(&b);
	if (rc != SQLITE_DONE)
		sel_error(f, "cannot read stories", e);
	sqlite3_finalize(q);
	return rc == SQLITE_DONE ? n : -1;
}

/* Whole stories, as YAML documents or readable text. */
static int
print_story(struct be_store *st, long long id, void *arg, struct be_err *e)
{
	struct printer *p = arg;
	struct be_story s;

	be_story_init(&s);
	if (be_story_get(st, id, &s, e) < 0)
		return -1;
	if (p->fmt == BE_FIND_YAML) {
		be_story_yaml(p->fp, &s);
		if (be_merge_yaml(st, id, p->fp, e) < 0 ||
		    be_route_yaml(st, id, p->fp, e) < 0) {
			be_story_release(&s);
			return -1;
		}
	} else {
		if (p->n++ > 0)
			putc('\n', p->fp);
		be_story_text(p->fp, &s);
	}
	be_story_release(&s);
	return 0;
}

/* s as a JSON string; NULL as null. */
static void
json_str(FILE *fp, const char *s)
{
	const unsigned char *p;

	if (s == NULL) {
		fputs("null", fp);
		return;
	}
	putc('"', fp);
	for (p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': fputs("\\\"", fp); break;
		case '\\': fputs("\\\\", fp); break;
		case '\n': fputs("\\n", fp); break;
		case '\r': fputs("\\r", fp); break;
		case '\t': fputs("\\t", fp); break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				fprintf(fp, "\\u%04x", *p);
			else
				putc(*p, fp);
		}
	}
	putc('"', fp);
}

static int
json_story(struct be_store *st, long long id, void *arg, struct be_err *e)
{
	FILE *fp = arg;
	sqlite3_stmt *q;
	char ref[32];
	int rc, n;

	q = be_store_stmt(st, "SELECT cid, told, channel, gemeente, consent,"
	    " route, added, text, use FROM story WHERE id = ?1", e);
	if (q == NULL)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	if (sqlite3_step(q) != SQLITE_ROW) {
		sqlite3_reset(q);
		return be_store_error(st, "cannot read stories", e);
	}
	snprintf(ref, sizeof ref, "S-%lld", id);
	fputs("{\"ref\":", fp);
	json_str(fp, ref);
	fputs(",\"cid\":", fp);
	json_str(fp, col_or_null(q, 0));
	fputs(",\"told\":", fp);
	json_str(fp, col_or_null(q, 1));
	fputs(",\"channel\":", fp);
	json_str(fp, col_or_null(q, 2));
	fputs(",\"gemeente\":", fp);
	json_str(fp, col_or_null(q, 3));
	fputs(",\"consent\":", fp);
	fputs(sqlite3_column_type(q, 4) == SQLITE_NULL ? "null" :
	    sqlite3_column_int(q, 4) ? "true" : "false", fp);
	fputs(",\"use\":", fp);
	json_str(fp, col_or_null(q, 8));
	fputs(",\"route\":", fp);
	json_str(fp, col_or_null(q, 5));
	fputs(",\"added\":", fp);
	json_str(fp, col_or_null(q, 6));
	fputs(",\"text\":", fp);
	json_str(fp, col_or_null(q, 7));
	sqlite3_reset(q);
	if (be_route_json(st, id, fp, json_str, e) < 0)
		return -1;

	q = be_store_stmt(st, "SELECT key, value FROM story_attr"
	    " WHERE story_id = ?1 ORDER BY key", e);
	if (q == NULL)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	fputs(",\"attrs\":{", fp);
	for (n = 0; (rc = sqlite3_step(q)) == SQLITE_ROW; n++) {
		if (n)
			putc(',', fp);
		json_str(fp, be_col_text(q, 0));
		putc(':', fp);
		json_str(fp, be_col_text(q, 1));
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return be_store_error(st, "cannot read stories", e);

	q = be_store_stmt(st, "SELECT t.name FROM story_tag st JOIN tag t"
	    " ON t.id = st.tag_id WHERE st.story_id = ?1 AND st.present = 1"
	    " ORDER BY t.name", e);
	if (q == NULL)
		return -1;
	sqlite3_bind_int64(q, 1, id);
	fputs("},\"tags\":[", fp);
	for (n = 0; (rc = sqlite3_step(q)) == SQLITE_ROW; n++) {
		if (n)
			putc(',', fp);
		json_str(fp, be_col_text(q, 0));
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return be_store_error(st, "cannot read stories", e);
	fputs("]}\n", fp);
	return 0;
}

/*
 * Counting by groups.  Theme keys come from find_tagp (a story with each
 * of its themes and the themes above them, '' for none); the other keys
 * are expressions on the story, chosen by a code (?1 or ?3) and an
 * attribute key (?2 or ?4).  The counts go to find_grp, grouped on the
 * folded keys; the names shown are then made one spelling per folded key.
 */
#define KEY(d, k) "CASE " d \
	" WHEN 1 THEN substr(s.told, 1, 7) WHEN 2 THEN substr(s.told, 1, 4)" \
	" WHEN 3 THEN nullif(s.channel, '')" \
	" WHEN 4 THEN nullif(s.gemeente, '')" \
	" WHEN 5 THEN (SELECT nullif(a.value, '') FROM story_attr a" \
	"  WHERE a.story_id = s.id AND be_fold(a.key) = " k \
	"  ORDER BY a.key LIMIT 1) WHEN 6 THEN s.use END"
#define GROUP "INSERT INTO temp.find_grp (g1, g2, n1, n2, c)" \
	" SELECT be_fold(k1) AS g1, be_fold(k2) AS g2, min(k1), min(k2)," \
	" count(*) FROM ("
#define GROUP_END ") GROUP BY g1, g2"

static const char grp_plain[] = GROUP
    "SELECT " KEY("?1", "?2") " AS k1, " KEY("?3", "?4") " AS k2"
    " FROM temp.find_sel f JOIN story s ON s.id = f.id" GROUP_END;
static const char grp_tag_plain[] = GROUP
    "SELECT nullif(p.tag, '') AS k1, " KEY("?3", "?4") " AS k2"
    " FROM temp.find_tagp p JOIN story s ON s.id = p.sid" GROUP_END;
static const char grp_plain_tag[] = GROUP
    "SELECT " KEY("?1", "?2") " AS k1, nullif(p.tag, '') AS k2"
    " FROM temp.find_tagp p JOIN story s ON s.id = p.sid" GROUP_END;
static const char grp_tag_tag[] = GROUP
    "SELECT nullif(a.tag, '') AS k1, nullif(b.tag, '') AS k2"
    " FROM temp.find_tagp a JOIN temp.find_tagp b ON b.sid = a.sid"
    GROUP_END;

/*
 * The common case, theme first and a key of the story (or none) second,
 * in one query as a user would type it: the themes above each theme by a
 * recursive CTE, joined with story_tag and the selected stories, each
 * story once under each theme (none: NULL), grouped on the folded keys.
 * A group's names are one spelling per folded key, as in find_grp: the
 * least over all groups of that key, which the windows give.  The key is
 * written into the query (%s, from tag_one_key), not chosen by a CASE on
 * a parameter: a CASE names every column it might read, and then SQLite
 * reads the stories' rows, texts and all, where for a month it reads the
 * index on told alone (--by tag,month at 100,000 stories: 400 against
 * 160 ms).
 */
static const char grp_tag_one[] =
    "WITH RECURSIVE up(tid, anc) AS (SELECT id, id FROM tag"
    "  UNION SELECT up.tid, t.parent_id FROM up"
    "  JOIN tag t ON t.id = up.anc WHERE t.parent_id IS NOT NULL)"
    " SELECT min(min(k1)) OVER (PARTITION BY g1),"
    "  min(min(k2)) OVER (PARTITION BY g2), sum(c) FROM"
    " (SELECT be_fold(k1) AS g1, be_fold(k2) AS g2, k1, k2, c FROM"
    "  (SELECT nullif(a.name, '') AS k1, k2, c FROM"
    "   (SELECT up.anc AS anc, %s AS k2,"
    "     count(DISTINCT s.id) AS c FROM"
    "    (SELECT s.* FROM temp.find_sel f JOIN story s ON s.id = f.id) s"
    "    LEFT JOIN story_tag st ON st.story_id = s.id AND st.present = 1"
    "    LEFT JOIN up ON up.tid = st.tag_id GROUP BY 1, 2)"
    "   LEFT JOIN tag a ON a.id = anc))"
    " GROUP BY g1, g2 ORDER BY g1 IS NULL, g1, g2 IS NULL, g2";

/* The second key of grp_tag_one, as KEY() has it; ?4 is an attribute's
 * folded key. */
static const char *
tag_one_key(const struct be_find *f)
{
	if (f->nby < 2)
		return "NULL";
	switch (f->by[1].dim) {
	case D_MONTH: return "substr(s.told, 1, 7)";
	case D_YEAR: return "substr(s.told, 1, 4)";
	case D_CHANNEL: return "nullif(s.channel, '')";
	case D_GEMEENTE: return "nullif(s.gemeente, '')";
	case D_ATTR: return "(SELECT nullif(a.value, '') FROM story_attr a"
	    "  WHERE a.story_id = s.id AND be_fold(a.key) = ?4"
	    "  ORDER BY a.key LIMIT 1)";
	case D_USE: return "s.use";
	case D_TAG: break;
	}
	return "NULL";
}

/* Runs sql, which reads the selection, to its end. */
static int
sel_exec(struct be_find *f, const char *sql, struct be_err *e)
{
	sqlite3_stmt *q;
	int rc;

	if ((q = sel_prepare(f, sql, e)) == NULL)
		return -1;
	rc = sqlite3_step(q);
	if (rc != SQLITE_DONE)
		sel_error(f, "cannot count", e);
	sqlite3_finalize(q);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int
fill_tags(struct be_find *f, struct be_err *e)
{
	if (be_store_exec(f->st, "CREATE TEMP TABLE IF NOT EXISTS find_tagp"
	    " (sid INTEGER, tag TEXT, PRIMARY KEY (sid, tag)) WITHOUT ROWID;"
	    "DELETE FROM temp.find_tagp", e) < 0)
		return -1;
	/* A story counts for each of its themes and the themes above
	 * them, so that a theme's count is what -t THEME selects. */
	if (sel_exec(f, "INSERT OR IGNORE INTO temp.find_tagp"
	    " WITH RECURSIVE up(tid, anc) AS (SELECT id, id FROM tag"
	    "  UNION SELECT up.tid, t.parent_id FROM up"
	    "  JOIN tag t ON t.id = up.anc WHERE t.parent_id IS NOT NULL)"
	    " SELECT st.story_id, a.name FROM temp.find_sel f"
	    " JOIN story_tag st ON st.story_id = f.id"
	    " JOIN up ON up.tid = st.tag_id JOIN tag a ON a.id = up.anc"
	    " WHERE st.present = 1", e) < 0)
		return -1;
	return sel_exec(f, "INSERT INTO temp.find_tagp SELECT f.id, ''"
	    " FROM temp.find_sel f WHERE NOT EXISTS (SELECT 1 FROM story_tag st"
	    "  WHERE st.story_id = f.id AND st.present = 1)", e);
}

/* A theme as two fields, its ref and name, as be-tag -l has them; a
 * group without a theme as "-" and an empty name. */
static int
put_tag(struct be_find *f, FILE *fp, const char *name, int first,
    struct be_err *e)
{
	sqlite3_stmt *q;
	char ref[32] = "-";

	if (name != NULL) {
		q = be_store_stmt(f->st, "SELECT id FROM tag WHERE name = ?1",
		    e);
		if (q == NULL)
			return -1;
		be_bind_text(q, 1, name);
		if (sqlite3_step(q) == SQLITE_ROW)
			snprintf(ref, sizeof ref, "T-%lld",
			    sqlite3_column_int64(q, 0));
		sqlite3_reset(q);
	}
	be_rec_put(fp, ref, first);
	be_rec_put(fp, name, 0);
	return 0;
}

/* The stories for a spreadsheet; nothing, no header either, when none
 * is selected. */
static long long
print_csv(struct be_find *f, FILE *fp, struct be_err *e)
{
	static const char *const head[] = { "Ref", "Datum", "Kanaal",
	    "Gemeente", "Thema's", "Gebruik", "Tekst" };
	struct be_csvw w;
	sqlite3_stmt *q;
	char ref[32], told[BE_DATE_MAX];
	long long n = 0;
	size_t i;
	int rc;

	q = sel_prepare(f, "SELECT s.id, s.told, s.channel, s.gemeente,"
	    " (SELECT group_concat(name, ', ') FROM (SELECT t.name"
	    "   FROM story_tag st JOIN tag t ON t.id = st.tag_id"
	    "   WHERE st.story_id = s.id AND st.present = 1 ORDER BY t.name)),"
	    " CASE s.use WHEN 'count' THEN 'alleen tellen' ELSE 'citeren' END,"
	    " s.text FROM temp.find_sel f JOIN story s ON s.id = f.id"
	    " ORDER BY s.id", e);
	if (q == NULL)
		return -1;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (n++ == 0) {
			be_csvw_init(&w, fp);
			for (i = 0; i < sizeof head / sizeof head[0]; i++)
				be_csvw_field(&w, head[i]);
			be_csvw_end(&w);
		}
		snprintf(ref, sizeof ref, "S-%lld", sqlite3_column_int64(q, 0));
		/* "2026-10-02 09:12:44", which a spreadsheet takes for a
		 * date and a time. */
		snprintf(told, sizeof told, "%s", be_col_text(q, 1));
		if (strlen(told) > 10 && told[10] == 'T')
			told[10] = ' ';
		be_csvw_field(&w, ref);
		be_csvw_field(&w, told);
		for (i = 2; i < 7; i++)
			be_csvw_field(&w, be_col_text(q, (int)i));
		be_csvw_end(&w);
	}
	if (rc != SQLITE_DONE)
		sel_error(f, "cannot read stories", e);
	sqlite3_finalize(q);
	return rc == SQLITE_DONE ? n : -1;
}

static long long
print_groups(struct be_find *f, FILE *fp, int header, int csv,
    struct be_err *e)
{
	struct be_csvw w;
	sqlite3_stmt *q;
	const char *sql;
	long long n = 0;
	int i, rc, tag1, tag2, own = 0;

	tag1 = f->by[0].dim == D_TAG;
	tag2 = f->nby > 1 && f->by[1].dim == D_TAG;
	if (tag1 && !tag2) {
		struct be_buf b = BE_BUF_INIT;

		be_buf_addf(&b, grp_tag_one, tag_one_key(f));
		q = sel_prepare(f, b.s, e);
		be_buf_release(&b);
		if (q == NULL)
			return -1;
		own = 1;
		if (f->nby > 1 && f->by[1].dim == D_ATTR)
			be_bind_text(q, 4, f->by[1].key);
		goto print;
	}
	if ((tag1 || tag2) && fill_tags(f, e) < 0)
		return -1;
	if (be_store_exec(f->st, "CREATE TEMP TABLE IF NOT EXISTS find_grp"
	    " (g1 TEXT, g2 TEXT, n1 TEXT, n2 TEXT, c INTEGER);"
	    "CREATE INDEX IF NOT EXISTS temp.find_grp1 ON find_grp (g1);"
	    "CREATE INDEX IF NOT EXISTS temp.find_grp2 ON find_grp (g2);"
	    "DELETE FROM temp.find_grp", e) < 0)
		return -1;
	sql = tag1 ? (tag2 ? grp_tag_tag : grp_tag_plain) :
	    tag2 ? grp_plain_tag : grp_plain;
	if ((q = sel_prepare(f, sql, e)) == NULL)
		return -1;
	for (i = 0; i < 2; i++) {
		/* Code -1: no second key, so k2 is NULL everywhere. */
		sqlite3_bind_int(q, 2 * i + 1, i < f->nby ?
		    (int)f->by[i].dim : -1);
		if (i < f->nby && f->by[i].dim == D_ATTR)
			be_bind_text(q, 2 * i + 2, f->by[i].key);
	}
	rc = sqlite3_step(q);
	if (rc != SQLITE_DONE)
		sel_error(f, "cannot count", e);
	sqlite3_finalize(q);
	if (rc != SQLITE_DONE)
		return -1;

	q = be_store_stmt(f->st, "SELECT"
	    " (SELECT min(x.n1) FROM temp.find_grp x WHERE x.g1 = r.g1),"
	    " (SELECT min(x.n2) FROM temp.find_grp x WHERE x.g2 = r.g2), c"
	    " FROM temp.find_grp r ORDER BY g1 IS NULL, g1, g2 IS NULL, g2", e);
	if (q == NULL)
		return -1;
print:
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (n++ == 0 && csv) {
			static const char *const head[] = { "Thema", "Maand",
			    "Jaar", "Kanaal", "Gemeente" };

			be_csvw_init(&w, fp);
			for (i = 0; i < f->nby; i++)
				be_csvw_field(&w, f->by[i].dim == D_ATTR ?
				    f->by[i].name : head[f->by[i].dim]);
			be_csvw_field(&w, "Aantal");
			be_csvw_end(&w);
		} else if (n == 1 && header) {
			putc('#', fp);
			for (i = 0; i < f->nby; i++) {
				be_rec_put(fp, f->by[i].name, i == 0);
				if (f->by[i].dim == D_TAG)
					be_rec_put(fp, "name", 0);
			}
			fputs("\tcount\n", fp);
		}
		if (csv) {
			char c[32];

			for (i = 0; i < f->nby; i++)
				be_csvw_field(&w, be_col_text(q, i));
			snprintf(c, sizeof c, "%lld",
			    sqlite3_column_int64(q, 2));
			be_csvw_field(&w, c);
			be_csvw_end(&w);
			continue;
		}
		for (i = 0; i < f->nby; i++)
			if (f->by[i].dim != D_TAG)
				be_rec_put(fp, be_col_text(q, i), i == 0);
			else if (put_tag(f, fp, col_or_null(q, i), i == 0,
			    e) < 0) {
				own ? sqlite3_finalize(q) : sqlite3_reset(q);
				return -1;
			}
		fprintf(fp, "\t%lld\n", sqlite3_column_int64(q, 2));
	}
	if (rc != SQLITE_DONE)
		own ? sel_error(f, "cannot count", e) :
		    be_store_error(f->st, "cannot count", e);
	own ? sqlite3_finalize(q) : sqlite3_reset(q);
	return rc == SQLITE_DONE ? n : -1;
}

long long
be_find_print(struct be_find *f, FILE *fp, enum be_find_fmt fmt,
    int header, struct be_err *e)
{
	struct printer p;
	int rc;

	if (f->nby > 0)
		return print_groups(f, fp, header, fmt == BE_FIND_CSV, e);
	switch (fmt) {
	case BE_FIND_CSV:
		return print_csv(f, fp, e);
	case BE_FIND_RECORDS:
		return print_records(f, fp, header, e);
	case BE_FIND_JSON:
		rc = be_find_each(f, json_story, fp, e);
		break;
	default:
		p.fp = fp;
		p.fmt = fmt;
		p.n = 0;
		rc = be_find_each(f, print_story, &p, e);
		/* The store's tombstones go with its stories (forget.h),
		 * so that a store that takes them in keeps them. */
		if (rc >= 0 && fmt == BE_FIND_YAML &&
		    be_forget_yaml(f->st, fp, e) < 0)
			rc = -1;
		break;
	}
	return rc < 0 ? -1 : be_find_count(f, e);
}
