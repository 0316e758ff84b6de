/* point.c: see point.h. */
#include <sys/stat.h>
#include <sys/wait.h>

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "date.h"
#include "editor.h"
#include "mem.h"
#include "fhash.h"
#include "point.h"
#include "record.h"
#include "ydoc.h"
#include "banned.h"

static const char *const state_names[BE_PS_N] = {
	"concept", "gereed", "geagendeerd", "ingebracht", "beantwoord",
	"teruggekoppeld", "vervallen"
};

/* next[from] lists the states reachable from from, ended by -1. */
static const int next_states[BE_PS_N][4] = {
	[BE_PS_CONCEPT] = { BE_PS_GEREED, BE_PS_VERVALLEN, -1 },
	[BE_PS_GEREED] = { BE_PS_GEAGENDEERD, BE_PS_CONCEPT, BE_PS_VERVALLEN,
	    -1 },
	[BE_PS_GEAGENDEERD] = { BE_PS_INGEBRACHT, BE_PS_GEREED,
	    BE_PS_VERVALLEN, -1 },
	[BE_PS_INGEBRACHT] = { BE_PS_BEANTWOORD, BE_PS_TERUGGEKOPPELD,
	    BE_PS_VERVALLEN, -1 },
	[BE_PS_BEANTWOORD] = { BE_PS_TERUGGEKOPPELD, BE_PS_VERVALLEN, -1 },
	[BE_PS_TERUGGEKOPPELD] = { BE_PS_GEAGENDEERD, -1 },
	[BE_PS_VERVALLEN] = { -1 },
};

const char *const be_point_qkey[BE_PQ_N] = {
	"richting", "macht", "wenselijk", "doen"
};
const char *const be_point_qtext[BE_PQ_N] = {
	"Waar gaan we naartoe?",
	"Wie wint en wie verliest, en door welke machtsmechanismen?",
	"Is dat wenselijk?",
	"Wat moeten we eraan doen?"
};
const char *const be_point_qtext_en[BE_PQ_N] = {
	"Where are we going?",
	"Who gains and who loses, and by which mechanisms of power?",
	"Is this development desirable?",
	"What, if anything, should we do about it?"
};
const char *const be_point_outcomes[] = {
	"overgenomen", "deels", "afgewezen", NULL
};

const char *
be_pstate_name(int s)
{
	return s >= 0 && s < BE_PS_N ? state_names[s] : NULL;
}

int
be_pstate_parse(const char *name)
{
	int i;

	for (i = 0; name && i < BE_PS_N; i++)
		if (strcmp(name, state_names[i]) == 0)
			return i;
	return -1;
}

int
be_pstate_can(int from, int to)
{
	int i;

	if (from < 0 || from >= BE_PS_N)
		return 0;
	for (i = 0; next_states[from][i] >= 0; i++)
		if (next_states[from][i] == to)
			return 1;
	return 0;
}

char *
be_pstate_next(int from, char *buf, size_t n)
{
	size_t len = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; from >= 0 && from < BE_PS_N && next_states[from][i] >= 0;
	    i++)
		len += (size_t)snprintf(buf + len, len < n ? n - len : 0,
		    "%s%s", i ? ", " : "", state_names[next_states[from][i]]);
	if (len == 0)
		snprintf(buf, n, "none");
	return buf;
}

int
be_point_date_ok(const char *s)
{
	int y;

	return s && be_ymd_parse(s, &y, NULL, NULL) == 0 && y >= 1900;
}

void
be_point_init(struct be_point *p)
{
	memset(p, 0, sizeof *p);
}

void
be_point_release(struct be_point *p)
{
	size_t i;

	free(p->title);
	free(p->theme);
	free(p->advies);
	for (i = 0; i < p->nowner; i++)
		free(p->owner[i]);
	free(p->owner);
	free(p->vraag);
	for (i = 0; i < p->nwaarden; i++)
		free(p->waarden[i]);
	free(p->waarden);
	for (i = 0; i < p->nstories; i++) {
		free(p->stories[i].quote);
		free(p->stories[i].told);
		free(p->stories[i].channel);
	}
	free(p->stories);
	for (i = 0; i < BE_PQ_N; i++)
		free(p->q[i]);
	free(p->answer);
	free(p->answer_text);
	free(p->answer_date);
	for (i = 0; i < p->nhistory; i++) {
		free(p->history[i].state);
		free(p->history[i].date);
		free(p->history[i].note);
	}
	free(p->history);
	free(p->created);
	free(p->updated);
	be_point_init(p);
}

/* Owners are kept in point.owner one name a line. */
static void
split_owner(struct be_point *p, const char *s)
{
	const char *nl;

	while (s && *s) {
		nl = strchr(s, '\n');
		BE_RESIZE(p->owner, p->nowner + 1);
		p->owner[p->nowner++] = nl ? be_xstrndup(s, (size_t)(nl - s)) :
		    be_xstrdup(s);
		s = nl ? nl + 1 : NULL;
	}
}

/*
 * Prepares q, binds id to its one parameter and steps to the first row.
 * Returns the statement on that row (the caller resets it), or NULL with
 * e filled ("no point P-12" when there is no row); kind is "point" or
 * "story".
 */
static sqlite3_stmt *
row_by_id(struct be_store *st, const char *q, long long id,
    const char *kind, struct be_err *e)
{
	sqlite3_stmt *stmt;
	char what[32];
	int rc;

	if ((stmt = be_store_stmt(st, q, e)) == NULL)
		return NULL;
	sqlite3_bind_int64(stmt, 1, id);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		return stmt;
	sqlite3_reset(stmt);
	if (rc == SQLITE_DONE)
		be_err_set(e, "no %s %c-%lld", kind,
		    toupper((unsigned char)kind[0]), id);
	else {
		snprintf(what, sizeof what, "cannot read %s", kind);
		be_store_error(st, what, e);
	}
	return NULL;
}

/*
 * The rule of quoting, from a story's use level as stored: a story that
 * may only be counted is never quoted.
 */
static int
use_quotable(const char *use)
{
	return strcmp(use, "count") != 0;
}

int
be_point_quotable(const struct be_point_story *s)
{
	return !s->count_only;
}

/* One row of point_value: the next of p's values. */
static void
value_row(sqlite3_stmt *stmt, struct be_point *p)
{
	BE_RESIZE(p->waarden, p->nwaarden + 1);
	p->waarden[p->nwaarden++] = be_xstrdup(be_col_text(stmt, 0));
}

/* One row of point_story with its story: the next of p's stories (no
 * quote of a story that may only be counted). */
static void
story_row(sqlite3_stmt *stmt, struct be_point *p)
{
	struct be_point_story *s;

	BE_RESIZE(p->stories, p->nstories + 1);
	s = &p->stories[p->nstories++];
	s->id = sqlite3_column_int64(stmt, 0);
	s->count_only = !use_quotable(be_col_text(stmt, 4));
	s->quote = be_xstrdup(s->count_only ? "" : be_col_text(stmt, 1));
	s->told = be_col_dup(stmt, 2);
	s->channel = be_col_dup(stmt, 3);
}

/* One row of point_state: the next move of p's history. */
static void
move_row(sqlite3_stmt *stmt, struct be_point *p)
{
	struct be_point_move *m;

	BE_RESIZE(p->history, p->nhistory + 1);
	m = &p->history[p->nhistory++];
	m->state = be_xstrdup(be_col_text(stmt, 0));
	m->date = be_xstrdup(be_col_text(stmt, 1));
	m->meeting_id = sqlite3_column_int64(stmt, 2);
	m->note = be_col_dup(stmt, 3);
}

/* Runs q with the point's id and gives each row to row.  0, or -1 with e. */
static int
each_row(struct be_store *st, const char *q, long long id,
    void (*row)(sqlite3_stmt *, struct be_point *), struct be_point *p,
    struct be_err *e)
{
	sqlite3_stmt *stmt;
	int rc;

	if ((stmt = be_store_stmt(st, q, e)) == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		row(stmt, p);
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return be_store_error(st, "cannot read point", e);
	return 0;
}

int
be_point_get(struct be_store *st, long long id, struct be_point *p,
    struct be_err *e)
{
	static const char qp[] = "SELECT title, theme, state, advies, owner, "
	    "vraag, q_richting, q_macht, q_wenselijk, q_doen, answer, "
	    "answer_text, answer_date, created, updated FROM point "
	    "WHERE id = ?";
	static const char qv[] = "SELECT value FROM point_value "
	    "WHERE point_id = ? ORDER BY pos";
	/* A forgotten story left its place: story_id NULL (forget.h). */
	static const char qs[] = "SELECT ps.story_id, ps.quote, s.told, "
	    "s.channel, s.use FROM point_story ps LEFT JOIN story s "
	    "ON s.id = ps.story_id WHERE ps.point_id = ? ORDER BY ps.pos";
	static const char qh[] = "SELECT state, at, meeting_id, note "
	    "FROM point_state WHERE point_id = ? ORDER BY id";
	sqlite3_stmt *stmt;
	char *owner;
	int i;

	be_point_init(p);
	if ((stmt = row_by_id(st, qp, id, "point", e)) == NULL)
		return -1;
	p->id = id;
	p->title = be_col_dup(stmt, 0);
	p->theme = be_col_dup(stmt, 1);
	p->state = be_pstate_parse(be_col_text(stmt, 2));
	p->advies = be_col_dup(stmt, 3);
	owner = be_col_dup(stmt, 4);
	split_owner(p, owner);
	free(owner);
	p->vraag = be_col_dup(stmt, 5);
	for (i = 0; i < BE_PQ_N; i++)
		p->q[i] = be_col_dup(stmt, 6 + i);
	p->answer = be_col_dup(stmt, 10);
	p->answer_text = be_col_dup(stmt, 11);
	p->answer_date = be_col_dup(stmt, 12);
	p->created = be_col_dup(stmt, 13);
	p->updated = be_col_dup(stmt, 14);
	sqlite3_reset(stmt);
	if (each_row(st, qv, id, value_row, p, e) < 0 ||
	    each_row(st, qs, id, story_row, p, e) < 0 ||
	    each_row(st, qh, id, move_row, p, e) < 0)
		return -1;
	return 0;
}

static int
add_move(struct be_store *st, long long id, int state, const char *date,
    long long meeting_id, const char *note, struct be_err *e)
{
	static const char qi[] = "INSERT INTO point_state (point_id, state, "
	    "at, meeting_id, note) VALUES (?, ?, ?, ?, ?)";
	static const char qu[] = "UPDATE point SET state = ?, updated = ? "
	    "WHERE id = ?";
	sqlite3_stmt *stmt;
	char now[32];

	if ((stmt = be_store_stmt(st, qi, e)) == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	be_bind_text(stmt, 2, state_names[state]);
	be_bind_text(stmt, 3, date);
	if (meeting_id > 0)
		sqlite3_bind_int64(stmt, 4, meeting_id);
	be_bind_text(stmt, 5, note && *note ? note : NULL);
	if (be_store_done(st, stmt, "cannot record state", e) < 0)
		return -1;
	if ((stmt = be_store_stmt(st, qu, e)) == NULL)
		return -1;
	be_bind_text(stmt, 1, state_names[state]);
	be_bind_text(stmt, 2, be_now(now));
	sqlite3_bind_int64(stmt, 3, id);
	return be_store_done(st, stmt, "cannot record state", e);
}

/* The state of point id, or -1 with e filled. */
static int
point_state(struct be_store *st, long long id, char **answer,
    struct be_err *e)
{
	static const char q[] = "SELECT state, answer FROM point WHERE id = ?";
	sqlite3_stmt *stmt;
	int s;

	if ((stmt = row_by_id(st, q, id, "point", e)) == NULL)
		return -1;
	s = be_pstate_parse(be_col_text(stmt, 0));
	if (answer)
		*answer = be_col_dup(stmt, 1);
	sqlite3_reset(stmt);
	return s;
}

/* Whether the last move of id is geagendeerd for meeting_id. */
static int
same_meeting(struct be_store *st, long long id, long long meeting_id,
    struct be_err *e)
{
	static const char q[] = "SELECT state = 'geagendeerd' AND "
	    "meeting_id IS ? FROM point_state WHERE point_id = ? "
	    "ORDER BY id DESC LIMIT 1";
	sqlite3_stmt *stmt;
	int same;

	if ((stmt = be_store_stmt(st, q, e)) == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, meeting_id);
	sqlite3_bind_int64(stmt, 2, id);
	same = sqlite3_step(stmt) == SQLITE_ROW &&
	    sqlite3_column_int(stmt, 0);
	sqlite3_reset(stmt);
	return same;
}

/*
 * The move itself, inside a transaction: 1 when made, 0 when it was a
 * no-op (same meeting), -1.
 */
static int
move(struct be_store *st, long long id, int to, const char *date,
    long long meeting_id, const char *note, int answering, struct be_err *e)
{
	char next[128], *answer = NULL;
	int from, has_answer;

	if ((from = point_state(st, id, &answer, e)) < 0)
		return -1;
	has_answer = answer != NULL;
	free(answer);
	if (from == to && to == BE_PS_GEAGENDEERD && meeting_id > 0) {
		int same = same_meeting(st, id, meeting_id, e);

		if (same)
			return same < 0 ? -1 : 0;
	} else if (from == to)
		return be_err_set(e, "P-%lld is already '%s'", id,
		    state_names[to]);
	else if (!be_pstate_can(from, to))
		return be_err_set(e, "cannot go from '%s' to '%s'; next: %s",
		    state_names[from], state_names[to],
		    be_pstate_next(from, next, sizeof next));
	else if (to == BE_PS_BEANTWOORD && !answering && !has_answer)
		return be_err_set(e, "P-%lld has no answer; record it with "
		    "'be-point answer'", id);
	if (add_move(st, id, to, date, meeting_id, note, e) < 0)
		return -1;
	return 1;
}

/* Opens a transaction unless the caller has one; *own says which. */
static int
begin(struct be_store *st, int *own, struct be_err *e)
{
	*own = sqlite3_get_autocommit(be_store_db(st)) != 0;
	return *own ? be_store_begin(st, e) : 0;
}

static int
finish(struct be_store *st, int own, int rc, struct be_err *e)
{
	if (!own)
		return rc;
	if (rc < 0) {
		be_store_rollback(st);
		return -1;
	}
	return be_store_commit(st, e) < 0 ? -1 : rc;
}

static int
check_date(const char **date, char *today, struct be_err *e)
{
	if (*date == NULL) {
		*date = be_today(today);
		return 0;
	}
	if (!be_point_date_ok(*date))
		return be_err_set(e, "bad date '%s': write YYYY-MM-DD", *date);
	return 0;
}

int
be_point_set_state(struct be_store *st, long long id, const char *state,
    const char *date, long long meeting_id, const char *note,
    struct be_err *e)
{
	char today[16];
	int to, own, rc;

	if ((to = be_pstate_parse(state)) < 0)
		return be_err_set(e, "unknown state '%s'; states: concept, "
		    "gereed, geagendeerd, ingebracht, beantwoord, "
		    "teruggekoppeld, vervallen", state ? state : "");
	if (check_date(&date, today, e) < 0)
		return -1;
	if (begin(st, &own, e) < 0)
		return -1;
	rc = move(st, id, to, date, meeting_id, note, 0, e);
	return finish(st, own, rc < 0 ? -1 : 0, e);
}

static int
outcome_ok(const char *s)
{
	int i;

	for (i = 0; s && be_point_outcomes[i]; i++)
		if (strcmp(s, be_point_outcomes[i]) == 0)
			return 1;
	return 0;
}

int
be_point_answer(struct be_store *st, long long id, const char *outcome,
    const char *text, const char *date, struct be_err *e)
{
	static const char q[] = "UPDATE point SET answer = ?, "
	    "answer_text = ?, answer_date = ? WHERE id = ?";
	sqlite3_stmt *stmt;
	char today[16];
	int own, rc, from;

	if (!outcome_ok(outcome))
		return be_err_set(e, "unknown answer '%s'; answers: "
		    "overgenomen, deels, afgewezen", outcome ? outcome : "");
	if (check_date(&date, today, e) < 0)
		return -1;
	if (begin(st, &own, e) < 0)
		return -1;
	if ((from = point_state(st, id, NULL, e)) < 0)
		return finish(st, own, -1, e);
	if (from != BE_PS_INGEBRACHT) {
		rc = from == BE_PS_BEANTWOORD || from == BE_PS_TERUGGEKOPPELD ?
		    be_err_set(e, "P-%lld is already answered; change the "
		    "answer with 'be-point edit'", id) :
		    be_err_set(e, "P-%lld is '%s'; an answer is recorded for "
		    "a point that is 'ingebracht'", id, state_names[from]);
		return finish(st, own, rc, e);
	}
	if ((stmt = be_store_stmt(st, q, e)) == NULL)
		return finish(st, own, -1, e);
	be_bind_text(stmt, 1, outcome);
	be_bind_text(stmt, 2, text && *text ? text : NULL);
	be_bind_text(stmt, 3, date);
	sqlite3_bind_int64(stmt, 4, id);
	rc = be_store_done(st, stmt, "cannot record answer", e);
	if (rc == 0)
		rc = move(st, id, BE_PS_BEANTWOORD, date, 0, NULL, 1, e);
	return finish(st, own, rc < 0 ? -1 : 0, e);
}

/* Is a byte at p the end of a sentence (after ".!?" and closers)? */
static size_t
sentence_end(const char *s, size_t i)
{
	size_t j;

	if (!strchr(".!?", s[i]) || s[i] == '\0')
		return 0;
	j = i + 1;
	while (s[j] && strchr(".!?\"')", s[j]))
		j++;
	/* U+201D and U+2019, closing quotes. */
	while ((unsigned char)s[j] == 0xe2 && (unsigned char)s[j + 1] == 0x80 &&
	    ((unsigned char)s[j + 2] == 0x9d || (unsigned char)s[j + 2] == 0x99))
		j += 3;
	if (s[j] == '\0')
		return j;
	if (s[j] != ' ' || (s[j + 1] >= 'a' && s[j + 1] <= 'z'))
		return 0;
	return j;
}

#define QUOTE_MAX 300

/* Whether s[0..n) has a letter (any byte of a multibyte character
 * counts: the letters of other scripts are letters). */
static int
has_letter(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (isalpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80)
			return 1;
	return 0;
}

char *
be_point_quote(const char *text)
{
	struct be_buf b = BE_BUF_INIT;
	size_t i, end = 0, cut, start = 0;
	int nsent = 0;

	/* White space runs become one space. */
	for (; *text; text++) {
		if (isspace((unsigned char)*text)) {
			if (b.len && b.s[b.len - 1] != ' ')
				be_buf_addc(&b, ' ');
			continue;
		}
		be_buf_addc(&b, *text);
	}
	be_buf_rtrim(&b);
	for (i = 0; i < b.len && nsent < 2; i++) {
		size_t j = sentence_end(b.s, i);

		/* "2026." or "1." alone is no sentence: it goes on. */
		if (j == 0 || !has_letter(b.s + start, j - start))
			continue;
		if (j > QUOTE_MAX)
			break;
		end = start = j;
		nsent++;
		i = j;
	}
	/* The last sentence may have no full stop. */
	if (nsent < 2 && b.len <= QUOTE_MAX && start < b.len &&
	    has_letter(b.s + start, b.len - start))
		end = b.len;
	if (end == 0 && b.len <= QUOTE_MAX)
		return be_buf_detach(&b);
	if (end > 0) {
		be_buf_setlen(&b, end);
		be_buf_rtrim(&b);
		return be_buf_detach(&b);
	}
	/* One long sentence: cut at a word, and say so. */
	cut = QUOTE_MAX - 3;
	while (cut > 0 && ((unsigned char)b.s[cut] & 0xc0) == 0x80)
		cut--;
	for (i = cut; i > QUOTE_MAX / 2; i--)
		if (b.s[i] == ' ') {
			cut = i;
			break;
		}
	be_buf_setlen(&b, cut);
	while (b.len && strchr(" ,;:-", b.s[b.len - 1]))
		be_buf_setlen(&b, b.len - 1);
	be_buf_adds(&b, "\xe2\x80\xa6");
	return be_buf_detach(&b);
}

/* Where a story with a route belongs, in the words of the method. */
static const char *
route_place(const char *route)
{
	if (strstr(route, "klacht"))
		return be_err_tr(N_("belongs to the complaints committee"));
	if (strstr(route, "bezwaar") || strstr(route, "beroep"))
		return be_err_tr(N_("belongs to bezwaar en beroep"));
	if (strstr(route, "ondersteun") || strstr(route, "cli"))
		return be_err_tr(N_("belongs to the cliëntondersteuner"));
	if (strcmp(route, "wijkteam") == 0)
		return be_err_tr(N_("belongs to the wijkteam"));
	if (strcmp(route, "ombudsman") == 0)
		return be_err_tr(N_("belongs to the ombudsman"));
	if (strcmp(route, "te-routeren") == 0)
		return be_err_tr(N_("waits to be routed"));
	return be_err_tr(N_("is routed elsewhere"));
}

/*
 * Checks that story id exists and has no route.  A story that may only be
 * counted gets no quote (*quote freed and NULL); else, with fill, *quote
 * gets the story's default quote.  0 or -1.
 */
static int
story_usable(struct be_store *st, long long id, char **quote, int fill,
    struct be_err *e)
{
	static const char q[] = "SELECT text, route, use FROM story "
	    "WHERE id = ?";
	sqlite3_stmt *stmt;
	int rc;

	if ((stmt = row_by_id(st, q, id, "story", e)) == NULL)
		return -1;
	if (*be_col_text(stmt, 1)) {
		rc = be_err_set(e, "story S-%lld %s and stays out of points",
		    id, route_place(be_col_text(stmt, 1)));
		sqlite3_reset(stmt);
		return rc;
	}
	if (!use_quotable(be_col_text(stmt, 2))) {
		free(*quote);
		*quote = NULL;
	} else if (fill)
		*quote = be_point_quote(be_col_text(stmt, 0));
	sqlite3_reset(stmt);
	return 0;
}

static int
add_story(struct be_store *st, long long pid, long long sid, long long pos,
    const char *quote, struct be_err *e)
{
	static const char q[] = "INSERT INTO point_story (point_id, story_id, "
	    "pos, quote) VALUES (?, ?, ?, ?)";
	sqlite3_stmt *stmt;

	if ((stmt = be_store_stmt(st, q, e)) == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, pid);
	if (sid > 0)
		sqlite3_bind_int64(stmt, 2, sid);
	sqlite3_bind_int64(stmt, 3, pos);
	be_bind_text(stmt, 4, quote);
	return be_store_done(st, stmt, "cannot add story", e);
}

/* The most common tag of point id's stories, or NULL. */
static char *
common_tag(struct be_store *st, long long id, struct be_err *e)
{
	static const char q[] = "SELECT t.name FROM story_tag x "
	    "JOIN tag t ON t.id = x.tag_id WHERE x.present = 1 AND "
	    "x.story_id IN (SELECT story_id FROM point_story "
	    "WHERE point_id = ?) GROUP BY t.id ORDER BY count(*) DESC, t.name "
	    "LIMIT 1";
	sqlite3_stmt *stmt;
	char *name = NULL;

	if ((stmt = be_store_stmt(st, q, e)) == NULL)
		return NULL;
	sqlite3_bind_int64(stmt, 1, id);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		name = be_col_dup(stmt, 0);
	sqlite3_reset(stmt);
	return name;
}

int
be_point_give_guids(struct be_store *st, struct be_err *e)
{
	static const char q[] = "UPDATE point SET guid = ?1 WHERE id = ?2";
	static const char qs[] = "SELECT id FROM point WHERE guid IS NULL";
	sqlite3_stmt *sel, *up;
	char guid[40];
	int rc;

	if ((sel = be_store_stmt(st, qs, e)) == NULL)
		return -1;
	while ((rc = sqlite3_step(sel)) == SQLITE_ROW) {
		if ((up = be_store_stmt(st, q, e)) == NULL) {
			sqlite3_reset(sel);
			return -1;
		}
		be_bind_text(up, 1, be_uuid_random(guid));
		sqlite3_bind_int64(up, 2, sqlite3_column_int64(sel, 0));
		if (be_store_done(st, up, "cannot give a point its guid",
		    e) < 0) {
			sqlite3_reset(sel);
			return -1;
		}
	}
	sqlite3_reset(sel);
	if (rc != SQLITE_DONE)
		return be_store_error(st, "cannot give a point its guid", e);
	return 0;
}

int
be_point_new(struct be_store *st, const char *title, const long long *ids,
    size_t n, const char *theme, const char *date, long long *id,
    struct be_err *e)
{
	static const char qi[] = "INSERT INTO point (title, theme, state, "
	    "created, updated, guid) VALUES (?, ?, 'concept', ?, ?, ?)";
	static const char qt[] = "UPDATE point SET theme = ? WHERE id = ?";
	sqlite3_stmt *stmt;
	char today[16], now[32], guid[40], *quote = NULL, *tag;
	size_t i, j;
	long long pos = 0;

	if (title == NULL || *title == '\0')
		return be_err_set(e, "a point needs a title");
	if (n == 0)
		return be_err_set(e, "a point needs at least one story; "
		    "give refs or records on standard input");
	if (check_date(&date, today, e) < 0)
		return -1;
	if (be_store_begin(st, e) < 0)
		return -1;
	if ((stmt = be_store_stmt(st, qi, e)) == NULL)
		goto fail;
	be_bind_text(stmt, 1, title);
	be_bind_text(stmt, 2, theme && *theme ? theme : NULL);
	be_bind_text(stmt, 3, be_now(now));
	be_bind_text(stmt, 4, now);
	be_bind_text(stmt, 5, be_uuid_random(guid));
	if (be_store_done(st, stmt, "cannot add point", e) < 0)
		goto fail;
	*id = sqlite3_last_insert_rowid(be_store_db(st));
	for (i = 0; i < n; i++) {
		for (j = 0; j < i && ids[j] != ids[i]; j++)
			;
		if (j < i)
			continue;
		if (story_usable(st, ids[i], &quote, 1, e) < 0)
			goto fail;
		if (add_story(st, *id, ids[i], ++pos, quote, e) < 0) {
			free(quote);
			goto fail;
		}
		free(quote);
	}
	if (theme == NULL && (tag = common_tag(st, *id, e)) != NULL) {
		if ((stmt = be_store_stmt(st, qt, e)) == NULL) {
			free(tag);
			goto fail;
		}
		be_bind_text(stmt, 1, tag);
		sqlite3_bind_int64(stmt, 2, *id);
		free(tag);
		if (be_store_done(st, stmt, "cannot add point", e) < 0)
			goto fail;
	}
	if (add_move(st, *id, BE_PS_CONCEPT, date, 0, NULL, e) < 0)
		goto fail;
	return be_store_commit(st, e);
fail:
	be_store_rollback(st);
	return -1;
}

int
be_point_record(struct be_store *st, FILE *fp, long long id,
    struct be_err *e)
{
	/* A forgotten story's place is no story. */
	static const char q[] = "SELECT p.state, (SELECT count(story_id) FROM "
	    "point_story WHERE point_id = p.id), p.theme, p.title "
	    "FROM point p WHERE p.id = ?";
	sqlite3_stmt *stmt;
	char ref[32];

	if ((stmt = row_by_id(st, q, id, "point", e)) == NULL)
		return -1;
	snprintf(ref, sizeof ref, "P-%lld", id);
	be_rec_put(fp, ref, 1);
	be_rec_put(fp, be_col_text(stmt, 0), 0);
	be_rec_put(fp, be_col_text(stmt, 1), 0);
	be_rec_put(fp, be_col_text(stmt, 2), 0);
	be_rec_put(fp, be_col_text(stmt, 3), 0);
	putc('\n', fp);
	sqlite3_reset(stmt);
	return 0;
}

long long
be_point_list(struct be_store *st, FILE *fp, int state, struct be_err *e)
{
	static const char q[] = "SELECT id FROM point WHERE ?1 IS NULL OR "
	    "state = ?1 ORDER BY id";
	sqlite3_stmt *stmt;
	long long *ids = NULL, n = 0, i;
	int rc;

	if ((stmt = be_store_stmt(st, q, e)) == NULL)
		return -1;
	be_bind_text(stmt, 1, be_pstate_name(state));
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		BE_RESIZE(ids, n + 1);
		ids[n++] = sqlite3_column_int64(stmt, 0);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		free(ids);
		return be_store_error(st, "cannot list points", e);
	}
	for (i = 0; i < n; i++)
		if (be_point_record(st, fp, ids[i], e) < 0) {
			free(ids);
			return -1;
		}
	free(ids);
	return n;
}

/* Up to three example refs of tag tid, most recent first, varied. */
static int
examples(struct be_store *st, long long tid, const char *since,
    struct be_buf *out, struct be_err *e)
{
	static const char q[] = "SELECT s.id, coalesce(s.channel, '') "
	    "FROM story_tag x JOIN story s ON s.id = x.story_id "
	    "WHERE x.tag_id = ?1 AND x.present = 1 AND "
	    "coalesce(s.route, '') = '' AND "
	    "(?2 IS NULL OR substr(s.told, 1, 10) >= ?2) "
	    "ORDER BY s.told DESC, s.id DESC";
	sqlite3_stmt *stmt;
	long long pick[3], rest[3];
	char chan[3][64];
	int np = 0, nr = 0, i, rc;

	if ((stmt = be_store_stmt(st, q, e)) == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, tid);
	be_bind_text(stmt, 2, since);
	while (np < 3 && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *c = be_col_text(stmt, 1);

		for (i = 0; i < np && strncmp(chan[i], c, 63) != 0; i++)
			;
		if (i == np) {
			snprintf(chan[np], sizeof chan[np], "%s", c);
			pick[np++] = sqlite3_column_int64(stmt, 0);
		} else if (nr < 3)
			rest[nr++] = sqlite3_column_int64(stmt, 0);
	}
	sqlite3_reset(stmt);
	for (i = 0; np < 3 && i < nr; i++)
		pick[np++] = rest[i];
	/* Most recent first, whichever pass found them. */
	for (i = 0; i < np; i++)
		be_buf_addf(out, "%sS-%lld", i ? " " : "", pick[i]);
	return 0;
}

long long
be_point_suggest(struct be_store *st, FILE *fp, const char *since,
    long long max, struct be_err *e)
{
	static const char q[] = "SELECT t.id, t.name, count(*), "
	    "coalesce(sum(substr(s.told, 1, 10) >= date(?2, '-90 days')), 0), "
	    "max(substr(s.told, 1, 10)), count(DISTINCT s.channel), "
	    "count(DISTINCT s.gemeente), (SELECT group_concat('P-' || p.id, "
	    "' ') FROM point p WHERE p.theme = t.name AND p.state NOT IN "
	    "('vervallen', 'teruggekoppeld')) AS open "
	    "FROM story_tag x JOIN tag t ON t.id = x.tag_id "
	    "JOIN story s ON s.id = x.story_id "
	    "WHERE x.present = 1 AND coalesce(s.route, '') = '' AND "
	    "(?1 IS NULL OR substr(s.told, 1, 10) >= ?1) "
	    "GROUP BY t.id HAVING count(*) >= 2 "
	    "ORDER BY open IS NOT NULL, 4 DESC, 6 DESC, 3 DESC, 5 DESC, 2 "
	    "LIMIT ?3";
	sqlite3_stmt *stmt;
	struct be_buf ex = BE_BUF_INIT;
	char today[16];
	long long n = 0;
	int rc, i;

	if (since && !be_point_date_ok(since))
		return be_err_set(e, "bad date '%s': write YYYY-MM-DD", since);
	if ((stmt = be_store_stmt(st, q, e)) == NULL)
		return -1;
	be_bind_text(stmt, 1, since);
	be_bind_text(stmt, 2, be_today(today));
	sqlite3_bind_int64(stmt, 3, max > 0 ? max : -1);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		be_buf_reset(&ex);
		if (examples(st, sqlite3_column_int64(stmt, 0), since, &ex,
		    e) < 0) {
			sqlite3_reset(stmt);
			be_buf_release(&ex);
			return -1;
		}
		fprintf(fp, "T-%lld", sqlite3_column_int64(stmt, 0));
		for (i = 1; i <= 6; i++)
			be_rec_put(fp, be_col_text(stmt, i), 0);
		be_rec_put(fp, ex.s, 0);
		be_rec_put(fp, be_col_text(stmt, 7), 0);
		putc('\n', fp);
		n++;
	}
	sqlite3_reset(stmt);
	be_buf_release(&ex);
	if (rc != SQLITE_DONE)
		return be_store_error(st, "cannot suggest points", e);
	return n;
}


/*
 * YAML: kind point.  be_point_yaml writes what be_point_parse reads back
 * to the same struct, so show, edit and update round-trip exactly.
 */

static void
emit_list(FILE *fp, const char *key, char *const *v, size_t n)
{
	size_t i;

	if (n == 0) {
		be_yemit_str(fp, 0, key, NULL);
		return;
	}
	be_yemit_key(fp, 0, key);
	for (i = 0; i < n; i++)
		be_yemit_item(fp, 0, v[i]);
}

void
be_point_yaml(FILE *fp, const struct be_point *p)
{
	char ref[32], next[128];
	size_t i;

	be_yemit_doc(fp, "point");
	snprintf(ref, sizeof ref, "P-%lld", p->id);
	be_yemit_str(fp, 0, "ref", ref);
	be_yemit_str(fp, 0, "title", p->title);
	be_yemit_str(fp, 0, "theme", p->theme);
	fprintf(fp, "# volgende: %s\n", be_pstate_next(p->state, next,
	    sizeof next));
	be_yemit_str(fp, 0, "state", be_pstate_name(p->state));
	fputs("# gevraagd of ongevraagd\n", fp);
	be_yemit_str(fp, 0, "advies", p->advies);
	fputs("# het koppel: één naam per regel\n", fp);
	emit_list(fp, "owner", p->owner, p->nowner);
	be_yemit_str(fp, 0, "vraag", p->vraag);
	emit_list(fp, "waarden", p->waarden, p->nwaarden);
	if (p->nstories == 0)
		be_yemit_str(fp, 0, "stories", NULL);
	else
		be_yemit_key(fp, 0, "stories");
	for (i = 0; i < p->nstories; i++) {
		snprintf(ref, sizeof ref, "S-%lld", p->stories[i].id);
		be_yemit_str(fp, 2 | BE_YDASH, "ref", p->stories[i].id > 0 ?
		    ref : NULL);
		if (be_point_quotable(&p->stories[i]))
			be_yemit_str(fp, 2, "quote", p->stories[i].quote);
		else
			be_yemit_str(fp, 2, "use", "count");
	}
	be_yemit_key(fp, 0, "vragen");
	for (i = 0; i < BE_PQ_N; i++) {
		fprintf(fp, "  # %s\n", be_point_qtext[i]);
		be_yemit_str(fp, 2, be_point_qkey[i], p->q[i]);
	}
	be_yemit_key(fp, 0, "antwoord");
	fputs("  # overgenomen, deels of afgewezen\n", fp);
	be_yemit_str(fp, 2, "uitkomst", p->answer);
	be_yemit_str(fp, 2, "tekst", p->answer_text);
	be_yemit_str(fp, 2, "datum", p->answer_date);
	fputs("# alleen-lezen: verander de stand met 'state:' hierboven\n", fp);
	if (p->nhistory == 0)
		be_yemit_str(fp, 0, "history", NULL);
	else
		be_yemit_key(fp, 0, "history");
	for (i = 0; i < p->nhistory; i++) {
		const struct be_point_move *m = &p->history[i];

		be_yemit_str(fp, 2 | BE_YDASH, "state", m->state);
		be_yemit_str(fp, 2, "date", m->date);
		if (m->meeting_id > 0) {
			snprintf(ref, sizeof ref, "M-%lld", m->meeting_id);
			be_yemit_str(fp, 2, "meeting", ref);
		}
		if (m->note)
			be_yemit_str(fp, 2, "note", m->note);
	}
}

static const char *const point_keys[] = {
	"kind", "version", "ref", "title", "theme", "state", "advies",
	"owner", "vraag", "waarden", "stories", "vragen", "antwoord",
	"history", NULL
};
static const char *const be_point_qkey_list[] = {
	"richting", "macht", "wenselijk", "doen", NULL
};
static const char *const story_keys[] = { "ref", "quote", "use", NULL };
static const char *const antwoord_keys[] = {
	"uitkomst", "tekst", "datum", NULL
};
static const char *const move_keys[] = {
	"state", "date", "meeting", "note", NULL
};

/* A string value; "" and null are NULL.  The result is the caller's. */
static int
get_text(const struct be_ynode *map, const char *key, char **out,
    const char *name, struct be_err *e)
{
	const char *s;

	*out = NULL;
	if (be_yget_str(map, key, 0, &s, name, e) < 0)
		return -1;
	if (s && *s)
		*out = be_xstrdup(s);
	return 0;
}

/* A list of strings (or one string, or nothing). */
static int
get_list(const struct be_ynode *map, const char *key, int oneline,
    char ***out, size_t *n, const char *name, struct be_err *e)
{
	const struct be_ynode *v = be_ymap_get(map, key), *it;
	size_t i, nit;

	if (be_ynode_isnull(v))
		return 0;
	if (v->kind != BE_YSEQ && v->kind != BE_YSCALAR)
		return be_yerr(e, name, v, "'%s' must be a list", key);
	nit = v->kind == BE_YSEQ ? v->n : 1;
	for (i = 0; i < nit; i++) {
		it = v->kind == BE_YSEQ ? v->items[i] : v;
		if (it->kind != BE_YSCALAR)
			return be_yerr(e, name, it,
			    "an item of '%s' must be a string", key);
		if (be_ynode_isnull(it) || it->len == 0)
			continue;
		if (oneline && strchr(it->str, '\n'))
			return be_yerr(e, name, it,
			    "an item of '%s' must be one line", key);
		BE_RESIZE(*out, *n + 1);
		(*out)[(*n)++] = be_xstrdup(it->str);
	}
	return 0;
}

static int
one_of(const char *s, const char *const *list)
{
	for (; s && *list; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

static int
parse_stories(const struct be_ynode *doc, struct be_point *p,
    const char *name, struct be_err *e)
{
	const struct be_ynode *seq, *it;
	const char *ref;
	size_t i, j;
	long long id;

	if (be_yget_seq(doc, "stories", 1, &seq, name, e) < 0)
		return -1;
	if (seq->n == 0)
		return be_yerr(e, name, seq,
		    "a point needs at least one story");
	p->stories = be_xcalloc(seq->n, sizeof *p->stories);
	for (i = 0; i < seq->n; i++) {
		it = seq->items[i];
		if (it->kind != BE_YMAP)
			return be_yerr(e, name, it, "a story must be a map "
			    "with 'ref' and 'quote'");
		if (be_ymap_check(it, story_keys, name, e) < 0 ||
		    be_yget_str(it, "ref", 0, &ref, name, e) < 0)
			return -1;
		if (ref == NULL && be_ymap_get(it, "ref") != NULL) {
			/* The place of a forgotten story. */
			p->nstories++;
			if (get_text(it, "quote", &p->stories[i].quote, name,
			    e) < 0)
				return -1;
			if (p->stories[i].quote == NULL)
				p->stories[i].quote =
				    be_xstrdup(BE_POINT_FORGOTTEN);
			continue;
		}
		if (ref == NULL)
			return be_yerr(e, name, it, "a story needs 'ref'");
		if (be_ref_parse(ref, 'S', &id) < 0)
			return be_yerr(e, name, be_ymap_get(it, "ref"),
			    "'ref' must be a story ref such as S-12");
		for (j = 0; j < i; j++)
			if (p->stories[j].id == id)
				return be_yerr(e, name, be_ymap_get(it, "ref"),
				    "S-%lld is in the list twice", id);
		p->stories[i].id = id;
		p->nstories++;
		if (get_text(it, "quote", &p->stories[i].quote, name, e) < 0)
			return -1;
	}
	return 0;
}

static int
parse_history(const struct be_ynode *doc, struct be_point *p,
    const char *name, struct be_err *e)
{
	const struct be_ynode *seq, *it;
	const char *ref;
	size_t i;

	if (be_yget_seq(doc, "history", 0, &seq, name, e) < 0)
		return -1;
	if (seq == NULL)
		return 0;
	p->history = be_xcalloc(seq->n ? seq->n : 1, sizeof *p->history);
	for (i = 0; i < seq->n; i++) {
		struct be_point_move *m = &p->history[i];

		it = seq->items[i];
		if (it->kind != BE_YMAP)
			return be_yerr(e, name, it, "a move must be a map "
			    "with 'state' and 'date'");
		p->nhistory++;
		if (be_ymap_check(it, move_keys, name, e) < 0 ||
		    get_text(it, "state", &m->state, name, e) < 0 ||
		    get_text(it, "date", &m->date, name, e) < 0 ||
		    get_text(it, "note", &m->note, name, e) < 0 ||
		    be_yget_str(it, "meeting", 0, &ref, name, e) < 0)
			return -1;
		if (ref && be_ref_parse(ref, 'M', &m->meeting_id) < 0)
			return be_yerr(e, name, be_ymap_get(it, "meeting"),
			    "'meeting' must be a meeting ref such as M-2");
	}
	return 0;
}

int
be_point_parse(const struct be_ynode *doc, const char *name,
    struct be_point *p, struct be_err *e)
{
	static const char *const advies[] = { "gevraagd", "ongevraagd", NULL };
	const struct be_ynode *m;
	const char *s;
	char q[80];
	int i;

	be_point_init(p);
	if (be_ydoc_check(doc, "point", name, e) < 0 ||
	    be_ymap_check(doc, point_keys, name, e) < 0 ||
	    be_yget_str(doc, "ref", 1, &s, name, e) < 0)
		return -1;
	if (be_ref_parse(s, 'P', &p->id) < 0)
		return be_yerr(e, name, be_ymap_get(doc, "ref"),
		    "'ref' must be a point ref such as P-3");
	if (get_text(doc, "title", &p->title, name, e) < 0)
		return -1;
	if (p->title == NULL)
		return be_yerr(e, name, be_ymap_get(doc, "title") ?
		    be_ymap_get(doc, "title") : doc, "a point needs a title");
	if (get_text(doc, "theme", &p->theme, name, e) < 0 ||
	    be_yget_str(doc, "state", 1, &s, name, e) < 0)
		return -1;
	if ((p->state = be_pstate_parse(s)) < 0)
		return be_yerr(e, name, be_ymap_get(doc, "state"),
		    "unknown state '%s'; states: concept, gereed, geagendeerd, "
		    "ingebracht, beantwoord, teruggekoppeld, vervallen",
		    be_yquote(s, q, sizeof q));
	if (get_text(doc, "advies", &p->advies, name, e) < 0)
		return -1;
	if (p->advies && !one_of(p->advies, advies))
		return be_yerr(e, name, be_ymap_get(doc, "advies"),
		    "'advies' must be 'gevraagd' or 'ongevraagd'");
	if (get_list(doc, "owner", 1, &p->owner, &p->nowner, name, e) < 0 ||
	    get_text(doc, "vraag", &p->vraag, name, e) < 0 ||
	    get_list(doc, "waarden", 0, &p->waarden, &p->nwaarden, name,
	    e) < 0 || parse_stories(doc, p, name, e) < 0)
		return -1;
	if (be_yget_map(doc, "vragen", 0, &m, name, e) < 0 ||
	    be_ymap_check(m, be_point_qkey_list, name, e) < 0)
		return -1;
	for (i = 0; i < BE_PQ_N; i++)
		if (get_text(m, be_point_qkey[i], &p->q[i], name, e) < 0)
			return -1;
	if (be_yget_map(doc, "antwoord", 0, &m, name, e) < 0 ||
	    be_ymap_check(m, antwoord_keys, name, e) < 0 ||
	    get_text(m, "uitkomst", &p->answer, name, e) < 0 ||
	    get_text(m, "tekst", &p->answer_text, name, e) < 0 ||
	    get_text(m, "datum", &p->answer_date, name, e) < 0)
		return -1;
	if (p->answer && !one_of(p->answer, be_point_outcomes))
		return be_yerr(e, name, be_ymap_get(m, "uitkomst"),
		    "'uitkomst' must be overgenomen, deels or afgewezen");
	if (p->answer_date && !be_point_date_ok(p->answer_date))
		return be_yerr(e, name, be_ymap_get(m, "datum"),
		    "'datum' must be a date YYYY-MM-DD");
	return parse_history(doc, p, name, e);
}

static int
streq(const char *a, const char *b)
{
	return a && b ? strcmp(a, b) == 0 : a == b;
}

static int
same_list(char *const *a, size_t na, char *const *b, size_t nb)
{
	size_t i;

	if (na != nb)
		return 0;
	for (i = 0; i < na; i++)
		if (!streq(a[i], b[i]))
			return 0;
	return 1;
}

/*
 * Whether the history of document a is that of the store's b, or an
 * earlier part of it: a document that moved a point can be applied again
 * (the store has moved on since it was shown), but no move can be edited.
 */
static int
same_history(const struct be_point *a, const struct be_point *b)
{
	size_t i;

	if (a->nhistory > b->nhistory)
		return 0;
	for (i = 0; i < a->nhistory; i++)
		if (!streq(a->history[i].state, b->history[i].state) ||
		    !streq(a->history[i].date, b->history[i].date) ||
		    !streq(a->history[i].note, b->history[i].note) ||
		    a->history[i].meeting_id != b->history[i].meeting_id)
			return 0;
	return 1;
}

/* Whether the editable parts of a and b are the same. */
static int
same_point(const struct be_point *a, const struct be_point *b)
{
	size_t i;

	if (!streq(a->title, b->title) || !streq(a->theme, b->theme) ||
	    a->state != b->state || !streq(a->advies, b->advies) ||
	    !same_list(a->owner, a->nowner, b->owner, b->nowner) ||
	    !streq(a->vraag, b->vraag) ||
	    !same_list(a->waarden, a->nwaarden, b->waarden, b->nwaarden) ||
	    !streq(a->answer, b->answer) ||
	    !streq(a->answer_text, b->answer_text) ||
	    !streq(a->answer_date, b->answer_date) ||
	    a->nstories != b->nstories)
		return 0;
	for (i = 0; i < BE_PQ_N; i++)
		if (!streq(a->q[i], b->q[i]))
			return 0;
	for (i = 0; i < a->nstories; i++)
		if (a->stories[i].id != b->stories[i].id ||
		    !streq(a->stories[i].quote, b->stories[i].quote))
			return 0;
	return 1;
}

/* Puts e's message at node n of name (for errors found in the store). */
static int
at_node(struct be_err *e, const char *name, const struct be_ynode *n)
{
	char msg[sizeof e->msg];

	snprintf(msg, sizeof msg, "%s", e->msg);
	return be_yerr(e, name, n, "%s", msg);
}

static int
write_point(struct be_store *st, const struct be_point *p, struct be_err *e)
{
	static const char qu[] = "UPDATE point SET title = ?, theme = ?, "
	    "advies = ?, owner = ?, vraag = ?, q_richting = ?, q_macht = ?, "
	    "q_wenselijk = ?, q_doen = ?, answer = ?, answer_text = ?, "
	    "answer_date = ?, updated = ? WHERE id = ?";
	static const char qdv[] = "DELETE FROM point_value WHERE point_id = ?";
	static const char qiv[] = "INSERT INTO point_value (point_id, pos, "
	    "value) VALUES (?, ?, ?)";
	static const char qds[] = "DELETE FROM point_story WHERE point_id = ?";
	struct be_buf owner = BE_BUF_INIT;
	sqlite3_stmt *stmt;
	char now[32];
	size_t i;
	int rc;

	for (i = 0; i < p->nowner; i++)
		be_buf_addf(&owner, "%s%s", i ? "\n" : "", p->owner[i]);
	if ((stmt = be_store_stmt(st, qu, e)) == NULL) {
		be_buf_release(&owner);
		return -1;
	}
	be_bind_text(stmt, 1, p->title);
	be_bind_text(stmt, 2, p->theme);
	be_bind_text(stmt, 3, p->advies);
	be_bind_text(stmt, 4, owner.len ? owner.s : NULL);
	be_bind_text(stmt, 5, p->vraag);
	for (i = 0; i < BE_PQ_N; i++)
		be_bind_text(stmt, 6 + (int)i, p->q[i]);
	be_bind_text(stmt, 10, p->answer);
	be_bind_text(stmt, 11, p->answer_text);
	be_bind_text(stmt, 12, p->answer_date);
	be_bind_text(stmt, 13, be_now(now));
	sqlite3_bind_int64(stmt, 14, p->id);
	rc = be_store_done(st, stmt, "cannot write point", e);
	be_buf_release(&owner);
	if (rc < 0 || (stmt = be_store_stmt(st, qdv, e)) == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, p->id);
	if (be_store_done(st, stmt, "cannot write point", e) < 0)
		return -1;
	for (i = 0; i < p->nwaarden; i++) {
		if ((stmt = be_store_stmt(st, qiv, e)) == NULL)
			return -1;
		sqlite3_bind_int64(stmt, 1, p->id);
		sqlite3_bind_int64(stmt, 2, (long long)i + 1);
		be_bind_text(stmt, 3, p->waarden[i]);
		if (be_store_done(st, stmt, "cannot write point", e) < 0)
			return -1;
	}
	if ((stmt = be_store_stmt(st, qds, e)) == NULL)
		return -1;
	sqlite3_bind_int64(stmt, 1, p->id);
	if (be_store_done(st, stmt, "cannot write point", e) < 0)
		return -1;
	for (i = 0; i < p->nstories; i++)
		if (add_story(st, p->id, p->stories[i].id, (long long)i + 1,
		    p->stories[i].quote, e) < 0)
			return -1;
	return 0;
}

/* Applies one document inside the caller's transaction: 1 changed, 0, -1. */
static int
apply(struct be_store *st, const struct be_ynode *doc, const char *name,
    long long *id, struct be_err *e)
{
	struct be_point n, o;
	const struct be_ynode *seq, *node;
	char next[128], today[16];
	size_t i;
	int rc = -1;

	be_point_init(&o);
	if (be_point_parse(doc, name, &n, e) < 0)
		goto out;
	*id = n.id;
	if (be_point_get(st, n.id, &o, e) < 0) {
		at_node(e, name, be_ymap_get(doc, "ref"));
		goto out;
	}
	seq = be_ymap_get(doc, "stories");
	for (i = 0; i < n.nstories; i++) {
		if (n.stories[i].id == 0)
			continue;	/* forgotten */
		if (story_usable(st, n.stories[i].id, &n.stories[i].quote,
		    n.stories[i].quote == NULL, e) < 0) {
			at_node(e, name, be_ymap_get(seq->items[i], "ref"));
			goto out;
		}
	}
	node = be_ymap_get(doc, "history");
	if (!be_ynode_isnull(node) && !same_history(&n, &o)) {
		be_yerr(e, name, node, "history is read-only; change the "
		    "state with 'state:' or be-point state");
		goto out;
	}
	node = be_ymap_get(doc, "state");
	if (n.state != o.state && !be_pstate_can(o.state, n.state)) {
		be_yerr(e, name, node, "cannot go from '%s' to '%s'; next: %s",
		    state_names[o.state], state_names[n.state],
		    be_pstate_next(o.state, next, sizeof next));
		goto out;
	}
	if (same_point(&n, &o)) {
		rc = 0;
		goto out;
	}
	if (write_point(st, &n, e) < 0)
		goto out;
	if (n.state != o.state && move(st, n.id, n.state, be_today(today), 0,
	    NULL, 0, e) < 0) {
		at_node(e, name, node);
		goto out;
	}
	rc = 1;
out:
	be_point_release(&n);
	be_point_release(&o);
	return rc;
}

int
be_point_update(struct be_store *st, FILE *fp, const char *name,
    void (*changed)(long long id, void *arg), void *arg, struct be_err *e)
{
	struct be_yreader *r = be_yaml_open(fp, name);
	struct be_ynode **docs = NULL, *doc;
	long long *ids = NULL, *done = NULL;
	size_t ndocs = 0, ndone = 0, i, j;
	int rc;

	/* Read every document before taking the store's write lock. */
	while ((rc = be_yaml_next(r, &doc, e)) == 1) {
		BE_RESIZE(docs, ndocs + 1);
		docs[ndocs++] = doc;
	}
	be_yaml_close(r);
	if (rc == 0 && ndocs && be_store_begin(st, e) < 0)
		rc = -1;
	ids = be_xcalloc(ndocs, sizeof *ids);
	done = be_xcalloc(ndocs, sizeof *done);
	for (i = 0; rc == 0 && i < ndocs; i++) {
		const struct be_ynode *ref = be_ymap_get(docs[i], "ref");
		int ch = 0;

		/* A point twice would have its first edit undone unseen. */
		if (ref && ref->kind == BE_YSCALAR &&
		    be_ref_parse(ref->str, 'P', &ids[i]) == 0)
			for (j = 0; j < i; j++)
				if (ids[j] == ids[i])
					ch = be_yerr(e, name, ref,
					    "P-%lld is in the input twice",
					    ids[i]);
		if (ch == 0)
			ch = apply(st, docs[i], name, &ids[i], e);
		if (ch < 0)
			rc = -1;
		else if (ch > 0)
			done[ndone++] = ids[i];
	}
	if (rc < 0 && ndocs)
		be_store_rollback(st);
	else if (ndocs && be_store_commit(st, e) < 0)
		rc = -1;
	for (i = 0; rc == 0 && changed && i < ndone; i++)
		changed(done[i], arg);
	for (i = 0; i < ndocs; i++)
		be_ynode_free(docs[i]);
	free(docs);
	free(ids);
	free(done);
	return rc < 0 ? -1 : (int)ndone;
}

int
be_point_edit(struct be_store *st, long long id, const char *editor,
    char **kept, struct be_err *e)
{
	struct be_buf name = BE_BUF_INIT, after = BE_BUF_INIT;
	struct be_point p;
	char *before = NULL, *path = NULL;
	size_t len = 0;
	FILE *fp;
	int rc;

	*kept = NULL;
	if (be_point_get(st, id, &p, e) < 0) {
		be_point_release(&p);
		return -1;
	}
	if ((fp = open_memstream(&before, &len)) == NULL) {
		be_point_release(&p);
		return be_err_set(e, "out of memory");
	}
	be_point_yaml(fp, &p);
	fclose(fp);
	be_buf_addf(&name, "be-point-P-%lld", id);
	rc = be_editor_edit(editor, name.s, ".yaml", before, len, &after,
	    &path, e);
	if (rc > 0) {
		if ((fp = fmemopen(after.s, after.len, "r")) == NULL)
			rc = be_err_set(e, "out of memory");
		else {
			rc = be_point_update(st, fp, path, NULL, NULL, e);
			fclose(fp);
			if (rc >= 0)
				rc = rc > 0;
		}
	}
	if (path && rc < 0)
		*kept = path;
	else if (path) {
		unlink(path);
		free(path);
	}
	be_point_release(&p);
	be_buf_release(&name);
	be_buf_release(&after);
	free(before);
	return rc;
}

int
be_point_lacks(struct be_store *st, long long id, struct be_err *e)
{
	struct be_point p;
	int lacks = 0;

	be_point_init(&p);
	if (be_point_get(st, id, &p, e) < 0) {
		be_point_release(&p);
		return -1;
	}
	if (p.vraag == NULL || p.vraag[strspn(p.vraag, " \t\n")] == '\0')
		lacks |= BE_POINT_NO_VRAAG;
	if (p.nwaarden == 0)
		lacks |= BE_POINT_NO_WAARDEN;
	be_point_release(&p);
	return lacks;
}
