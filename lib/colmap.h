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
 */
#ifndef BE_COLMAP_H
#define BE_COLMAP_H

#include <stddef.h>

#include "buf.h"
#include "err.h"

enum be_field {
	BE_F_ATTR,	/* any other column: an attribute */
	BE_F_TEXT, BE_F_DATE, BE_F_CHANNEL, BE_F_GEMEENTE, BE_F_CONSENT,
	BE_F_ROUTE,
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
 * no text column).  A later column for another single field (date,
 * channel, gemeente, consent, route) is kept as an attribute; several
 * identifying columns of one kind are joined.  Returns 0.  Release cm
 * with be_colmap_release.
 */
int be_colmap_build(struct be_colmap *cm, char *const *h, size_t n,
    const struct be_map *map, size_t *bad, struct be_err *e);
void be_colmap_release(struct be_colmap *cm);

/*
 * Whether a consent answer says yes: ja, j, yes, y, true, waar, 1, x,
 * ok, akkoord, agree, toestemming, and any answer that begins with "ja",
 * "yes", "ik ga akkoord", "i agree" or "akkoord" as a word (case and
 * accents ignored).  "nee", empty and anything else are no.
 */
int be_consent_yes(const char *v);

/*
 * The route of a story from a column or YAML value: "" and nee, no, geen,
 * none, '-' give NULL (*ok 1); klachtencommissie (klacht, complaint),
 * bezwaar (bezwaar en beroep, objection) and clientondersteuner
 * (clientondersteuning, client support) give that name; anything else
 * sets *ok to 0.
 */
const char *be_route_parse(const char *v, int *ok);

#endif
