/*
 * forget.h: forgetting stories, the tombstones that keep them forgotten,
 * a person's request (AVG art. 15, 17 and 20) and how long contact data
 * is kept.
 *
 * Forgetting a story removes its text, attributes, tags, redaction counts,
 * history, contact data (table person) and full-text entries.  A point
 * that used it keeps its place: point_story.story_id becomes NULL and the
 * quote BE_POINT_FORGOTTEN ("verhaal verwijderd").  What stays is a
 * tombstone without text: the content id the story had and the form's
 * response key (rkey) where there was one, so that a later intake of the
 * same export does not bring the story back.  A correction (correct.h)
 * leaves a tombstone too, with the content id the story has now as its
 * successor.
 *
 * After the unit is committed, be_forget_scrub makes sure the text is in
 * no file of the store: the store runs with secure_delete (freed pages are
 * zeroed), the full-text index is merged into one segment ('optimize'; a
 * deleted term stays in FTS5's segments until they merge) and the
 * write-ahead log is emptied (a TRUNCATE checkpoint).
 */
#ifndef BE_FORGET_H
#define BE_FORGET_H

#include <stdio.h>

#include "err.h"
#include "store.h"

/*
 * Forgets story id inside the caller's unit (be_store_begin), leaving a
 * tombstone dated now.  Works with triggers off and foreign keys off (an
 * intake's unit).  0, or -1 with e filled ("no story S-12").  Call
 * be_forget_scrub after the commit.
 */
int be_forget_one(struct be_store *st, long long id, const char *now,
    struct be_err *e);

/*
 * Forgets the stories ids[0..n) as one unit: all of them or, on an
 * error, none.  A story given twice is forgotten once.  Then scrubs (see
 * be_forget_scrub).  Returns 0, 1 when the stories are forgotten but the
 * write-ahead log could not be emptied (another program has the store
 * open; it keeps the text until the last program closes the store), or
 * -1 with e filled and nothing changed.
 */
int be_forget_stories(struct be_store *st, const long long *ids, size_t n,
    struct be_err *e);

/*
 * Makes forgotten text unreadable in the store's files: rebuilds a stale
 * full-text index, merges the index's segments, and checkpoints the
 * write-ahead log with TRUNCATE.  Call outside a unit.  0, 1 when the log
 * could not be emptied (busy), -1 with e filled.
 */
int be_forget_scrub(struct be_store *st, struct be_err *e);

/*
 * The id the next story stored must get so that no ref is used twice
 * (the ref of a forgotten story may still stand in a note or a record):
 * one above the highest id ever forgotten, when that is above every
 * story's; else 0 (the store's own next id is right).
 */
long long be_forget_next_id(struct be_store *st);

/* What a tombstone says of a story that comes in. */
enum { BE_TOMB_NONE, BE_TOMB_FORGOTTEN, BE_TOMB_CORRECTED };

/*
 * Whether a story with content id cid (and response key rkey, or NULL)
 * was forgotten (BE_TOMB_FORGOTTEN) or is the text a story had before a
 * correction (BE_TOMB_CORRECTED: the corrected story holds it), or
 * neither (BE_TOMB_NONE).  -1 with e filled.
 */
int be_forget_tombstone(struct be_store *st, const char *cid,
    const char *rkey, struct be_err *e);

/* 1 when the store holds any tombstone (an intake asks once). */
int be_forget_any(struct be_store *st);

/*
 * Takes a tombstone from another store (a "kind: tombstone" document)
 * inside the caller's unit: keeps it unless the same is there, and
 * forgets the stories it names: for a forgotten story those with content
 * id cid or response key rkey, for a correction the one with content id
 * cid (the text before the correction).  *n gets the number of stories
 * forgotten.  0 or -1.
 */
int be_forget_take(struct be_store *st, const char *cid, const char *rkey,
    const char *successor, const char *at, unsigned long *n,
    struct be_err *e);

/*
 * Writes every tombstone of the store as a "kind: tombstone" YAML
 * document (benut-formats(5)), oldest first.  0 or -1.
 */
int be_forget_yaml(struct be_store *st, FILE *fp, struct be_err *e);

/*
 * Normalises an e-mail address (trimmed, lower case) or a phone number
 * (digits only; +31 or 0031 becomes 0) into a new string, the caller's:
 * "mail:x@y.nl" or "tel:0612345678".  NULL when addr is neither (no '@'
 * and fewer than six digits).
 */
char *be_forget_addr(const char *addr);

/*
 * The stories whose kept contact data (table person) holds the address
 * addr (an e-mail address or a phone number, normalised as above; a
 * field that holds several, joined by ", ", matches any of them), in ref
 * order.  *ids (the caller's, free it) gets them, *n their number, 0 when
 * there are none: then no contact data of addr was kept, and nothing can
 * be found by it.  -1 with e filled when addr is neither.
 */
int be_forget_person_find(struct be_store *st, const char *addr,
    long long **ids, size_t *n, struct be_err *e);

/*
 * A person's copy: one "kind: person" document with the contact data kept
 * and the refs of the stories, then each story as a "kind: story"
 * document.  0 or -1.
 */
int be_forget_person_copy(struct be_store *st, FILE *fp, const char *addr,
    const long long *ids, size_t n, struct be_err *e);

/* Which contact data be_forget_purge deletes. */
struct be_purge {
	const char *before;	/* of stories taken in before this date
				   (YYYY-MM-DD), or NULL */
	int reported;		/* of stories whose points are all
				   teruggekoppeld (and that have one) */
};

/*
 * Deletes the contact data (table person) that p selects, all of it when
 * p selects nothing, in one unit; *n gets the number of stories whose
 * data went.  Scrubs afterwards (be_forget_scrub; a busy log is not an
 * error here).  0 or -1.
 */
int be_forget_purge(struct be_store *st, const struct be_purge *p,
    unsigned long *n, struct be_err *e);

#endif
