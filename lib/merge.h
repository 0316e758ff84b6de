/*
 * merge.h: what travels with a story from one store to another, so that
 * council members who collect apart can bring their stores together:
 *
 *	be-find --yaml | be-collect -s ours.db -f yaml
 *
 * A story document of be-find --yaml carries the story's tags, each with
 * its provenance (theme, origin rule or hand, codebook and its hash, rule,
 * matched words, who, when, and whether it was taken off by hand), and the
 * points it belongs to (global id, title, theme, ask, state, created,
 * the story's quote, advies, owners, values, notes on the four questions,
 * answer, the history of states).  be-collect reads them with
 * the story and, in the same unit, adds each tag the receiving store does
 * not have yet to the story with the same content id, whether that story
 * is new there or a duplicate, and links the story to the point with the
 * same global id, making the point when the store has none.  What the
 * receiving store already has stays as it is, so that merging twice adds
 * nothing.  Refs stay local to a store: a story is found by its content
 * id, a theme by its name, a point by its global id.  A point the
 * receiving store has is not changed by the one that comes in.
 */
#ifndef BE_MERGE_H
#define BE_MERGE_H

#include <stdio.h>

#include "err.h"
#include "store.h"
#include "ydoc.h"

/* Writes the "tags:" and "points:" blocks of story id's YAML document
 * (nothing when it has none).  Returns 0, or -1 with e on a store error. */
int be_merge_yaml(struct be_store *st, long long id, FILE *fp,
    struct be_err *e);

/* The tags read with the stories of one intake. */
struct be_merge;

struct be_merge *be_merge_new(void);
void be_merge_free(struct be_merge *m);

/*
 * Reads the "tags" and "points" of the story document doc (name: the file, in
 * messages) into m, for a story whose content id be_merge_claim gives
 * next.  Returns 0, or -1 with e at the place of a fault (not a list, an
 * unknown key, a bad theme name, an origin other than rule or hand, a
 * missing date, a bad guid or state of a point).
 */
int be_merge_read(struct be_merge *m, const struct be_ynode *doc,
    const char *name, struct be_err *e);

/* The tags read last belong to the story with content id cid; with cid
 * NULL (the story was refused) they are dropped. */
void be_merge_claim(struct be_merge *m, const char *cid);

/*
 * Adds the tags and points in m to the stories of st, inside the caller's
 * unit; a theme the store does not know is added (without parent or
 * description) and so is a codebook it does not know (by name and hash).
 * *added is the number of tags added, *points that of points made.
 * Returns 0, or -1 with e on a store error.
 */
int be_merge_apply(struct be_merge *m, struct be_store *st,
    unsigned long *added, unsigned long *points, struct be_err *e);

#endif
