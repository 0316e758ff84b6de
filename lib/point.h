/*
 * point.h: points (inbrengpunten), the heart of the method.
 *
 * A point is a few experiences (stories, with a chosen quote each) turned
 * into something to raise with the municipality: a title, a theme, the
 * values underneath (waarden), the ask (vraag), the kind of advice
 * (gevraagd / ongevraagd), its owners (the koppel), the four questions of
 * Flyvbjerg with the council's answers, and later the municipality's
 * answer.  It moves through states, every move dated:
 *
 *	concept -> gereed -> geagendeerd -> ingebracht -> beantwoord
 *	    -> teruggekoppeld
 *
 * and from any state that is not final to vervallen.  Going back is
 * allowed in two places: gereed -> concept (more work needed) and
 * geagendeerd -> gereed (taken off the agenda).  teruggekoppeld and
 * vervallen are final.  beantwoord is reached only with an answer
 * (be_point_answer).
 *
 * Tables (lib/store.c, schema_point): point, point_value (waarden, in
 * order), point_story (stories with quote, in order), point_state (the
 * history, one row per move, the first being the creation in concept).
 *
 * Like the rest of the library nothing here prints to stderr or exits;
 * errors fill a struct be_err.  Every write is one transaction.
 */
#ifndef BE_POINT_H
#define BE_POINT_H

#include <stddef.h>
#include <stdio.h>

#include "err.h"
#include "store.h"

/* The states, in the order of the method; BE_PS_N is their number. */
enum be_pstate {
	BE_PS_CONCEPT, BE_PS_GEREED, BE_PS_GEAGENDEERD, BE_PS_INGEBRACHT,
	BE_PS_BEANTWOORD, BE_PS_TERUGGEKOPPELD, BE_PS_VERVALLEN, BE_PS_N
};

/* "concept", "gereed", ...; NULL for a bad value. */
const char *be_pstate_name(int s);
/* The state named name, or -1. */
int be_pstate_parse(const char *name);
/* Nonzero when a point may go from state from to state to. */
int be_pstate_can(int from, int to);
/*
 * Appends the states reachable from from, as "gereed, vervallen", to buf
 * of size n ("none" for a final state).  Returns buf.
 */
char *be_pstate_next(int from, char *buf, size_t n);

/* The four questions of Flyvbjerg: YAML keys and the Dutch questions. */
enum { BE_PQ_RICHTING, BE_PQ_MACHT, BE_PQ_WENSELIJK, BE_PQ_DOEN, BE_PQ_N };
extern const char *const be_point_qkey[BE_PQ_N];   /* "richting", ... */
extern const char *const be_point_qtext[BE_PQ_N];  /* "Waar gaan we naartoe?", ... */
extern const char *const be_point_qtext_en[BE_PQ_N]; /* "Where are we going?", ... */

/* Answers of the municipality. */
extern const char *const be_point_outcomes[];	/* overgenomen, deels, afgewezen, NULL */

/* The quote in the place of a story that was forgotten (forget.h). */
#define BE_POINT_FORGOTTEN "verhaal verwijderd"

/*
 * One story of a point.  A story that may only be counted (its use level,
 * story.h) is never quoted: be_point_get gives it no quote (""), a quote
 * given for it is not stored, and be_point_quotable says no, so that a
 * document counts it but shows none of its words.
 */
struct be_point_story {
	long long id;		/* story id: ref S-<id>; 0: forgotten */
	char *quote;		/* the chosen quote (never NULL after get) */
	char *told;		/* the story's date, or NULL */
	char *channel;		/* the story's channel, or NULL */
	int count_only;		/* may only be counted: quote is "" */
};

/*
 * Whether words of the story may appear in a document (agenda, report,
 * point): 0 for a story that may only be counted.  The one test every
 * document makes before it quotes a story.
 */
int be_point_quotable(const struct be_point_story *s);

/* One move in a point's history. */
struct be_point_move {
	char *state;		/* the state moved to */
	char *date;		/* YYYY-MM-DD */
	long long meeting_id;	/* M-<id> it was agendad for, or 0 */
	char *note;		/* or NULL */
};

/*
 * A point as loaded by be_point_get.  Every char * is owned by the struct
 * and freed by be_point_release; NULL means "not filled in".
 */
struct be_point {
	long long id;		/* ref P-<id> */
	char *title;
	char *theme;		/* a tag name, or NULL */
	int state;		/* enum be_pstate */
	char *advies;		/* "gevraagd", "ongevraagd" or NULL */
	char **owner;		/* the koppel: nowner names */
	size_t nowner;
	char *vraag;		/* the ask of the municipality */
	char **waarden;		/* nwaarden values underneath */
	size_t nwaarden;
	struct be_point_story *stories;	/* nstories, in their order */
	size_t nstories;
	char *q[BE_PQ_N];	/* answers to the four questions */
	char *answer;		/* "overgenomen", "deels", "afgewezen" or NULL */
	char *answer_text;
	char *answer_date;	/* YYYY-MM-DD */
	struct be_point_move *history;	/* nhistory moves, oldest first */
	size_t nhistory;
	char *created, *updated;	/* be_now() timestamps */
};

/* Sets p empty.  Allocates nothing. */
void be_point_init(struct be_point *p);
/* Frees what p holds; p is empty again. */
void be_point_release(struct be_point *p);

/*
 * Loads point id with its stories (with their date and channel), values,
 * owners and history.  Returns 0, or -1 with e filled ("no point P-12").
 * Release p with be_point_release, also after a failure.
 */
int be_point_get(struct be_store *st, long long id, struct be_point *p,
    struct be_err *e);

/*
 * Moves point id to state (a name, e.g. "geagendeerd"), dated date
 * (YYYY-MM-DD; NULL is today), with meeting_id (0 for none) and note (or
 * NULL) in its history.  An illegal move is refused: "cannot go from
 * 'concept' to 'ingebracht'; next: gereed, vervallen".  Moving to the
 * state the point is in is refused, except geagendeerd with a meeting:
 * when the last move is already geagendeerd for that same meeting it is a
 * no-op (recording a meeting twice changes nothing), for another meeting
 * a new move is added (the point went on to the next meeting).
 * beantwoord is refused unless an answer is recorded (be_point_answer).
 * Runs in its own transaction unless one is already open on st (then the
 * caller commits or rolls back).  0 or -1.
 */
int be_point_set_state(struct be_store *st, long long id, const char *state,
    const char *date, long long meeting_id, const char *note,
    struct be_err *e);

/*
 * Records the municipality's answer (outcome "overgenomen", "deels" or
 * "afgewezen", text or NULL, date or NULL for today) and moves the point
 * from ingebracht to beantwoord.  Refused in any other state.  0 or -1.
 */
int be_point_answer(struct be_store *st, long long id, const char *outcome,
    const char *text, const char *date, struct be_err *e);

/*
 * Creates a point in state concept titled title with the stories ids[0..n)
 * (in that order; a repeated id counts once), each with its default quote
 * (be_point_quote).  theme NULL takes the most common tag of the stories
 * (ties: the first by name).  date NULL is today.  Refused: no stories,
 * an unknown story, a story that belongs elsewhere (story.route set).
 * Own transaction.  Sets *id.  0 or -1.
 */
int be_point_new(struct be_store *st, const char *title, const long long *ids,
    size_t n, const char *theme, const char *date, long long *id,
    struct be_err *e);

/*
 * The migration step that gives every point without one a global id (a
 * random UUID, column point.guid), by which a point is the same point in
 * every store it is merged into (see merge.h).  0 or -1.
 */
int be_point_give_guids(struct be_store *st, struct be_err *e);

/*
 * The default quote of a story's text: its first sentence, and the second
 * too when both fit, at most 300 bytes, white space runs made one space;
 * a first sentence longer than that is cut at a word and ends in an
 * ellipsis (U+2026).  A sentence ends at . ! or ? (and closing quotes)
 * before a space and a word that does not start in lower case, so "bijv.
 * twee" goes on, or at the end of the text (the last sentence may have no
 * full stop).  A "sentence" without a letter ("2026.", "1.") is none: it
 * goes on into the next.  This is the one place where a quote is chosen.
 * Caller frees.
 */
char *be_point_quote(const char *text);

/*
 * Writes point p as one YAML document (kind: point), starting "---"; the
 * four questions and the allowed values appear as comments.  See
 * benut-formats(5).  The stories' told and channel are not written.
 */
void be_point_yaml(FILE *fp, const struct be_point *p);

struct be_ynode;
/*
 * Reads a point document (a tree from lib/ydoc) into p: checks kind,
 * version, keys, types and values (refs, state, advies, uitkomst, dates),
 * not the store.  Empty strings become NULL; a story without a quote has
 * quote NULL; history is read into p->history when present.  0, or -1
 * with e at name:line:col.  Release p with be_point_release either way.
 */
int be_point_parse(const struct be_ynode *doc, const char *name,
    struct be_point *p, struct be_err *e);

/*
 * Applies the point documents in fp (named name in messages): every
 * document names an existing point by ref and replaces what it says.  All
 * documents in one transaction, all or nothing.  Refused with
 * name:line:col: unknown key, wrong kind or version, bad ref, story or
 * point that does not exist, bad state or move, bad advies or uitkomst, an
 * edited history.  For each point that changed, calls changed(id, arg)
 * after the commit (changed may be NULL).  Returns the number of points
 * changed, or -1.
 */
int be_point_update(struct be_store *st, FILE *fp, const char *name,
    void (*changed)(long long id, void *arg), void *arg, struct be_err *e);

/*
 * Writes the record of point id: P-n TAB state TAB stories TAB theme TAB
 * title.  0 or -1.
 */
int be_point_record(struct be_store *st, FILE *fp, long long id,
    struct be_err *e);

/*
 * Lists points (state -1: all; else only those in that state) as records,
 * by ref.  Returns the number written, or -1.
 */
long long be_point_list(struct be_store *st, FILE *fp, int state,
    struct be_err *e);

/*
 * Writes candidate points as records, most promising first:
 * theme TAB stories TAB recent TAB latest TAB channels TAB gemeenten TAB
 * examples TAB open, where recent counts stories of the last 90 days,
 * examples are up to three refs (most recent first, from different
 * channels where possible) separated by spaces, and open lists the refs
 * of open points on the theme (empty when none).  Only tagged stories
 * without a route, told on or after since (NULL: all), in themes with at
 * least two stories.  Order: themes without an open point first, then by
 * recent, channels, stories (all descending), then latest date, then
 * name.  At most max records (0: all).  Returns the number written, or -1.
 */
long long be_point_suggest(struct be_store *st, FILE *fp, const char *since,
    long long max, struct be_err *e);

/*
 * Writes point id to a new temporary file (mode 0600), runs editor on it
 * (through sh -c, so it may carry options) and applies the file when the
 * editor exits 0 and the file changed.  On a refusal the file is kept
 * and *kept is set to its path (caller frees); otherwise it is removed
 * and *kept is NULL.  Returns 1 when the point changed, 0 when not, -1.
 */
int be_point_edit(struct be_store *st, long long id, const char *editor,
    char **kept, struct be_err *e);

/* Nonzero when s is a valid date YYYY-MM-DD. */
int be_point_date_ok(const char *s);

/* What a point may lack when it is gereed (be_point_lacks). */
enum { BE_POINT_NO_VRAAG = 1, BE_POINT_NO_WAARDEN = 2 };

/*
 * What point id of st lacks to be ready: BE_POINT_NO_VRAAG (no vraag, or
 * only white space) or'ed with BE_POINT_NO_WAARDEN (no waarden); 0 when
 * it has both.  -1 with e ("no point P-n", a store error).
 */
int be_point_lacks(struct be_store *st, long long id, struct be_err *e);

#endif
