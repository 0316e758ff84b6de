/*
 * story.h: a story, its content id, and how it goes into and out of the
 * store (YAML, readable text, a record).
 *
 * A story holds the experience as told: its text (NFC, redacted before it
 * gets here), when and through which channel it was told, in which
 * gemeente, whether the teller consented to be contacted (consent), how
 * the story may be used (use: quoted, or only counted), a route when it belongs
 * elsewhere (klachtencommissie, bezwaar, clientondersteuner: such stories
 * stay out of points) and the other columns of its row as attributes.
 */
#ifndef BE_STORY_H
#define BE_STORY_H

#include <stdio.h>

#include "buf.h"
#include "err.h"
#include "store.h"

/*
 * Consent to use, apart from consent to be contacted: a story may be
 * quoted (anonymously) in documents, or only counted in numbers; a teller
 * who said no to its use has no story in the store.  The store, YAML and
 * JSON name the levels "quote" and "count".
 */
enum be_use { BE_USE_NO, BE_USE_COUNT, BE_USE_QUOTE };

/* "no", "count", "quote"; NULL out of range.  Static. */
const char *be_use_name(int use);
/* The level named name ("quote", "count" or "no"), or -1. */
int be_use_parse(const char *name);

/* Length of a content id in hex digits (BLAKE2b with a 32-byte digest). */
#define BE_CID_LEN 64
/* Kinds of redaction a story can count. */
#define BE_STORY_NRED 16

struct be_story {
	long long id;		/* S-<id>; 0 until stored */
	long long want_id;	/* not 0: the id be_story_store gives it
				   (be_forget_next_id) */
	char *cid;		/* content id, NULL until computed */
	char *told;		/* YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS, or NULL */
	char *channel;		/* or NULL */
	char *gemeente;		/* or NULL */
	char *text;		/* NFC, redacted; never NULL once filled */
	char *route;		/* klachtencommissie, bezwaar,
				   clientondersteuner, or NULL */
	int consent;		/* contact: 1 yes, 0 no, -1 unknown */
	int use;		/* enum be_use; BE_USE_QUOTE by default */
	int pass_on;		/* consent to pass contact data on:
				   1 yes, 0 no, -1 unknown (person.pass_on) */
	char **attr_keys, **attr_vals;	/* nattr pairs */
	size_t nattr;
	char red_kind[BE_STORY_NRED][16];	/* what was redacted */
	unsigned red_n[BE_STORY_NRED];		/* and how often */
	size_t nred;
	/* Identifying data, only kept with consent (table person). */
	char *name, *email, *phone, *address;
	char *rkey;		/* the form's response key (forget.h), or NULL */
	char *source;		/* path of the input it came from, or NULL */
	long long source_row;	/* its line there, 0 when unknown */
	char *added;		/* when it was stored (be_now), or NULL */
	/* private */
	size_t attrcap;
};

/* Sets s empty (consent -1, use BE_USE_QUOTE).  Allocates nothing. */
void be_story_init(struct be_story *s);
/* Frees what s holds; s is empty and usable again. */
void be_story_release(struct be_story *s);

/* Replaces *field (one of s's strings) by a copy of val (NULL clears). */
void be_story_set(char **field, const char *val);
/* Adds an attribute (copies of key and val). */
void be_story_attr(struct be_story *s, const char *key, const char *val);
/* Adds n to the count of redaction kind (a name such as "BSN"). */
void be_story_redacted(struct be_story *s, const char *kind, unsigned n);

/*
 * The content id of a story: lower-case hex BLAKE2b (32-byte digest) of
 * the text in NFC with runs of white space made one space and the ends
 * trimmed, a newline, and the date part (YYYY-MM-DD) of told ("" when
 * told is NULL).  text must be valid UTF-8.  Writes BE_CID_LEN + 1 bytes
 * to out and returns out.
 */
char *be_story_cid(const char *text, const char *told, char *out);
/* The same for text[0..len) that is NFC already (be_story_nfc made it). */
char *be_story_cid_nfc(const char *text, size_t len, const char *told,
    char *out);

/*
 * Normalises text[0..len) (valid UTF-8) to NFC, trimmed of white space at
 * both ends, into out (replacing what it held).
 */
void be_story_nfc(const char *text, size_t len, struct be_buf *out);

/*
 * Stores s: the story, its attributes, redaction counts and, when consent
 * is 1, its identifying data, under source source_id (0: none) with
 * s->source_row.  Computes s->cid when NULL.  Returns 1 when stored (s->id
 * set), 0 when a story with that content id is there already (a
 * duplicate; nothing written), -1 with e filled.  Call inside a unit
 * (be_store_begin).
 */
int be_story_insert(struct be_store *st, struct be_story *s,
    long long source_id, const char *now, struct be_err *e);

/*
 * Inside a unit: replaces the fields of story id (cid, told, channel,
 * gemeente, text, consent, route, rkey) by those of s, and its
 * attributes, redaction counts and contact data (only with consent 1) by
 * s's.  Computes s->cid when NULL.  The full-text index follows when
 * triggers are on.  0, or -1 with e filled.
 */
int be_story_replace(struct be_store *st, long long id, struct be_story *s,
    struct be_err *e);

/* The key of the index on content ids: the first 16 hex digits of cid as
 * a signed 64-bit number. */
long long be_story_ckey(const char *cid);

/*
 * be_story_insert, where fresh says that no story with s->cid is in the
 * store (be_story_keys_add said so): the lookup is skipped; and textlen,
 * when not 0, is strlen(s->text), which the caller knows.
 */
int be_story_store(struct be_store *st, struct be_story *s,
    long long source_id, const char *now, int fresh, size_t textlen,
    struct be_err *e);

/*
 * The story with content id cid, if there is one, may from now on only be
 * counted (use count).  0 or -1 with e filled.
 */
int be_story_count_only(struct be_store *st, const char *cid,
    struct be_err *e);

/*
 * The step in C of the store's migration to version 2 (store.c), inside
 * its transaction, after the column story.use is added:
 *  - attributes that a new intake would not keep as attributes are
 *    treated as it would: an answer about use (be_colmap_use_header) gives
 *    the story its level (no: the story is removed, with its tags and its
 *    place in points); an identifying column (name, e-mail, phone,
 *    address) goes to the person table when the story has consent to be
 *    contacted, else it is dropped; a column always dropped is dropped.
 *    An answer that cannot be read stays an attribute;
 *  - every text, attribute and chosen quote is redacted again with the
 *    rules of this program, the new redactions counted, content ids
 *    computed again (the full-text index follows the text);
 *  - stories that now have one content id are merged into the oldest:
 *    its tags, points, attributes, redaction counts and person kept, the
 *    least use of the two (count before quote, no before count).
 * 0, or -1 with e filled.
 */
int be_story_migrate_use(struct be_store *st, struct be_err *e);

/*
 * The content ids of a store's stories, in a filter of fixed size (a
 * Bloom filter of 1 MB) that a large intake asks before it looks a story
 * up: most of its stories are new, and the lookup is a step through an
 * index that no longer fits the page cache.  The filter may say "maybe"
 * of an id it never saw, never "no" of one it did.  be_story_keys_new
 * reads the ids of the store; call it inside the unit, so that no other
 * writer adds stories the filter misses.  NULL with e filled on a store
 * error.
 */
struct be_story_keys;
struct be_story_keys *be_story_keys_new(struct be_store *st,
    struct be_err *e);
void be_story_keys_free(struct be_story_keys *k);
/*
 * Adds a content id; returns 0 when it was surely not there before (not
 * in the store, not added earlier), 1 when it may have been.  Every story
 * the unit stores must go through it, or a later duplicate of it passes.
 */
int be_story_keys_add(struct be_story_keys *k, const char *cid);

/* Finds the story with content id cid: 1 with *id, 0 when there is none,
 * -1 with e on a store error. */
int be_story_by_cid(struct be_store *st, const char *cid, long long *id,
    struct be_err *e);

/*
 * Loads story id into s (which must be initialised; its old contents are
 * released).  Returns 0, or -1 with e filled ("no story S-12").
 */
int be_story_get(struct be_store *st, long long id, struct be_story *s,
    struct be_err *e);

/*
 * Writes one "kind: story" YAML document, starting with "---".  It reads
 * back with be-collect -f yaml as the same story (a duplicate).  The
 * identifying data (person) is never written.
 */
void be_story_yaml(FILE *fp, const struct be_story *s);

/* Writes the story as readable text: a heading line, its fields, a blank
 * line, the text. */
void be_story_text(FILE *fp, const struct be_story *s);

/*
 * Writes the story as a record: S-n TAB date TAB channel TAB gemeente TAB
 * first words (about eight, on one line, "…" when cut).  With s->id 0 the
 * ref is "-".
 */
void be_story_record(FILE *fp, const struct be_story *s);
/* Writes the ref S-<id>, or "-" for an id of 0 (by hand: an intake writes
 * a million). */
void be_story_write_ref(FILE *fp, long long id);
/* Appends what follows the ref in that record, TAB first, newline last. */
void be_story_record_tail(struct be_buf *b, const struct be_story *s);

/* Appends the first n words of text to b, on one line, "…" when cut. */
void be_story_first_words(struct be_buf *b, const char *text, int n);

#endif
