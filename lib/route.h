/*
 * route.h: routing a story after intake.  A story that is really a
 * request for help ("kunt u mij helpen?") is marked as waiting to be
 * routed, then as routed: to whom (cliëntondersteuning, wijkteam,
 * ombudsman, ...), when, by whom, with a note, and how the teller was
 * told where to go.  Like a tag, routing is an annotation of the story:
 * story.route holds where it belongs ("te-routeren" while it waits), so
 * that it stays out of points and be-find --route finds it; the table
 * story_route (lib/store.c) holds the rest.
 *
 * Contact data leaves only with the teller's consent to pass it on
 * (person.pass_on, from a form question such as "mogen wij uw gegevens
 * doorgeven"), which is apart from the consent to be contacted by the
 * council.  Without it the record says how the teller was told.
 */
#ifndef BE_ROUTE_H
#define BE_ROUTE_H

#include <stdio.h>

#include "err.h"
#include "store.h"

/* story.route of a story that waits to be routed. */
#define BE_ROUTE_WAITING "te-routeren"

/* What to record for each story. */
struct be_route {
	const char *dest;	/* to whom; NULL: the story waits */
	const char *date;	/* YYYY-MM-DD; NULL: today */
	const char *who;	/* who routed it, or NULL */
	const char *note;	/* or NULL */
	const char *told;	/* how the teller was told, or NULL */
	int pass_on;		/* pass contact data on where consented */
};

/*
 * The canonical name of a destination given by a user: the known words
 * (clientondersteuner for cliëntondersteuning, wijkteam, ombudsman,
 * klachtencommissie, bezwaar; see be_route_parse) and anything else
 * with its white space collapsed.  NULL for an empty string or a word
 * that means "no route".  The caller frees.
 */
char *be_route_dest(const char *s);

/*
 * Records r for the stories ids[0..n) in one transaction and writes one
 * record per story to out: "S-n  open  date  who" for a waiting story,
 * "S-n  routed  dest  date  who  told" for a routed one, followed by
 * name, e-mail and phone when the data was passed on.  Refused, and
 * nothing written: no such story; routed without r->told when the data
 * cannot be passed on (no consent, or not asked).  0 or -1 with e.
 */
int be_route_set(struct be_store *st, const long long *ids, size_t n,
    const struct be_route *r, FILE *out, struct be_err *e);

/*
 * As be_route_set, to the destination a user gave as to (be_route_dest;
 * NULL: the stories wait) in place of r->dest, which is not read.  A to
 * that names no destination is refused, nothing written: "--route: say
 * where to, as wijkteam or ombudsman".  0 or -1 with e.
 */
int be_route_to(struct be_store *st, const long long *ids, size_t n,
    const char *to, const struct be_route *r, FILE *out, struct be_err *e);

/*
 * Writes how story id was routed, when it was (nothing otherwise): in
 * YAML a map under the key routing (state, to, date, by, note, told,
 * passed-on), to follow the story's document; in JSON a member
 * ,"routing":{...} or ,"routing":null, to go inside the story's object.
 * 0 or -1 with e.
 */
int be_route_yaml(struct be_store *st, long long id, FILE *fp,
    struct be_err *e);
int be_route_json(struct be_store *st, long long id, FILE *fp,
    void (*str)(FILE *, const char *), struct be_err *e);

#endif
