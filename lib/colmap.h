/*
 * colmap.h: which column of an export holds which field of a story.
 *
 * A header is matched case- and accent-insensitively, trimmed, with runs
 * of white space and '_' made one space and a trailing '?', ':' or '*'
 * dropped ("Uw verhaal?" is "uw verhaal").  First a mapping file (kind:
 * map, see benut-formats(5)) decides, then the built-in Dutch and English
 * synonyms; any other column is an attribute, kept under its header as
 * written (trimmed).  Identifying columns (name, e-mail, phone, address)
 * are kept only with consent, and never as attributes.
 *
 * Two kinds of consent are told apart: consent to be contacted (field
 * consent: "Toestemming", "Akkoord") and consent to use the story (field
 * use: "Mag de raad uw verhaal gebruiken?", "Toestemming gebruik verhaal",
 * "Anoniem delen?"), see be_colmap_use_header.
 */
#ifndef BE_COLMAP_H
#define BE_COLMAP_H

#include <stddef.h>

#include "buf.h"
#include "err.h"

enum be_field {
	BE_F_ATTR,	/* any other column: an attribute */
	BE_F_TEXT, BE_F_DATE, BE_F_CHANNEL, BE_F_GEMEENTE, BE_F_CONSENT,
	BE_F_ROUTE, BE_F_USE, BE_F_PASSON,
	BE_F_RESPONSE,	/* the form's own response id (rkey, forget.h) */
	BE_F_NAME, BE_F_EMAIL, BE_F_PHONE, BE_F_ADDRESS,	/* identifying */
	BE_F_IGNORE,	/* dropped */
	BE_F_N
};

/* The field's name in mapping files ("text", "date", ...). */
const char *be_field_name(int f);
/* The field of a name, or -1. */
int be_field_parse(const char *name);

/* Appends the matching form of header h to b (see above). */
void be_colmap_norm(struct be_buf *b, const char *h);

/* The field a header means by the built-in synonyms, or BE_F_ATTR. */
int be_colmap_synonym(const char *header);

/*
 * Whether a header asks for consent to use the story: a word about use
 * (gebruik(en), delen, gedeeld, publiceren, citeren, anoniem; use, share,
 * publish, quote) with a word that asks leave (mag, mogen, toestemming,
 * akkoord, bezwaar; may, permission, consent, agree, allow) or names the
 * story (verhaal, ervaring, story), or "toestemming" with "verhaal".
 * Returns 1 for such a header, 2 when it asks also for leave to contact
 * the teller (contact, benaderen, bellen, mailen): one answer cannot give
 * both, and be_colmap_build refuses it; else 0.
 */
int be_colmap_use_header(const char *header);

/*
 * The field a header means without a mapping file, as an intake takes it
 * (be_colmap_synonym, then be_colmap_use_header); -1 for a header that
 * asks for use and contact at once.  The migration of a store reads the
 * attributes of old stories with it.
 */
int be_colmap_field(const char *header);

/* A mapping file, loaded. */
struct be_map {
	char *name;		/* its "name:", or NULL */
	char **pat;		/* normalised header or fnmatch(3) pattern */
	int *field;		/* what it maps to */
	size_t n;
	char *dflt[BE_F_N];	/* "defaults:" (channel, gemeente), or NULL */
};

/*
 * Loads a mapping file (YAML, kind: map).  A path without '/' that does
 * not exist is looked for as maps/NAME.yaml (and NAME) in $BENUT_SHARE,
 * else the installed share directory.  Returns the map (caller frees with
 * be_map_free), or NULL with e filled at the offending line:col.
 */
struct be_map *be_map_load(const char *path, struct be_err *e);
void be_map_free(struct be_map *m);

/* The columns of one header row, mapped. */
struct be_colmap {
	size_t n;		/* columns */
	int *field;		/* n fields */
	char **key;		/* n attribute keys: the header as written,
				   trimmed (owned) */
	long col[BE_F_N];	/* first column of each field, or -1 */
};

/*
 * Maps the n headers h (UTF-8) by map (may be NULL) and the synonyms.  A
 * second column for text, or none, is an error: returns -1 with e's
 * message set and *bad the index of the column to blame (n when there is
 * no text column).  So are a second column about use and a header that
 * asks for use and contact at once.  A later column for another single
 * field (date, channel, gemeente, consent, route, use, pass-on, response)
 * is kept as an attribute; several identifying columns of one kind are
 * joined.  Returns 0.  Release cm with be_colmap_release.
 */
int be_colmap_build(struct be_colmap *cm, char *const *h, size_t n,
    const struct be_map *map, size_t *bad, struct be_err *e);
void be_colmap_release(struct be_colmap *cm);

/*
 * Makes column which (a header as matched above, or a column number from
 * 1) the story text; a column that was text before becomes an attribute.
 * Returns 0, or -1 with e's message set when no column is called so.
 */
int be_colmap_set_text(struct be_colmap *cm, const char *which,
    struct be_err *e);

/*
 * When no header names the story text: picks the column of free text
 * from the nrows rows rows[r] (nf[r] fields each), the first rows of the
 * export.  Of the attribute columns, the one whose header speaks of a
 * story (vertellen, verhaal, ervaring, story, experience) wins if there
 * is one such; else the one with the most words per answer, and of
 * those the longest answers.  A column with fewer than three words per
 * answer is no story.  Makes it the text column and returns its index,
 * or returns -1 with e's message set when there is none or when the two
 * best are equally likely (within a tenth), naming both.
 */
long be_colmap_pick_text(struct be_colmap *cm, char **const *rows,
    const size_t *nf, size_t nrows, struct be_err *e);

/*
 * Whether a consent answer says yes: ja, j, yes, y, true, waar, 1, x,
 * ok, akkoord, agree, toestemming, and any answer that begins with "ja",
 * "yes", "ik ga akkoord", "i agree" or "akkoord" as a word (case and
 * accents ignored).  "nee", empty and anything else are no.
 */
int be_consent_yes(const char *v);

/*
 * The level of use an answer gives (enum be_use, story.h), case and
 * accents ignored:
 *   count (BE_USE_COUNT): an answer that speaks of counting or of not
 *     quoting: "alleen tellen", "tellen", "meetellen", "ja, maar niet
 *     citeren", "niet citeren", "niet letterlijk", "alleen voor de
 *     cijfers", "alleen statistiek", "count", "count only", "yes, but do
 *     not quote", "no quotes";
 *   quote (BE_USE_QUOTE): ja, j, yes, y, true, waar, 1, x, ok, akkoord,
 *     agree, toestemming, quote, citeren, and any answer that begins with
 *     the word "ja", "yes", "akkoord" or "ik ga akkoord" ("ja, anoniem");
 *   no (BE_USE_NO): nee, n, no, false, onwaar, 0, geen toestemming,
 *     liever niet, niet gebruiken, and any answer that begins with the
 *     word "nee" or "no".
 * The store's own names quote, count and no are taken as well.  An empty
 * answer gives -2 (not answered); anything else -1.
 */
int be_use_answer(const char *v);

/*
 * The route of a story from a column or YAML value: "" and nee, no, geen,
 * none, '-' give NULL (*ok 1); klachtencommissie (klacht, complaint),
 * bezwaar (bezwaar en beroep, objection), clientondersteuner
 * (clientondersteuning, client support), wijkteam (sociaal wijkteam,
 * buurtteam), ombudsman and te-routeren (te routeren, hulpvraag, help
 * request: it waits to be routed, see route.h) give that name; anything
 * else sets *ok to 0.
 */
const char *be_route_parse(const char *v, int *ok);

#endif
