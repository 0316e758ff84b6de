/*
 * find.h: selecting stories (be-find).
 *
 * A selection is built from selectors, then run once: it becomes a set of
 * story ids in a temporary table of the store's connection, which is then
 * printed in ref order, counted, or counted by groups.
 *
 *	struct be_find *f = be_find_new(st);
 *	if (be_find_tag(f, "vervoer", &e) < 0 || ...)
 *		...
 *	if (be_find_run(f, &e) < 0)
 *		...
 *	be_find_print(f, stdout, BE_FIND_RECORDS, 0, &e);
 *	be_find_free(f);
 *
 * How selectors combine: selectors of different kinds must all hold (AND);
 * each theme (be_find_tag) must hold; several values of one single-valued
 * field (channel, gemeente, the same attribute key) mean any of them (OR),
 * since a story has only one of each.  With no selector and no ref, every
 * story is selected.
 *
 * Channel, gemeente, attribute keys and values and theme names compare
 * without regard to case and accents ("sudwest-fryslan" finds
 * "Súdwest-Fryslân").  No SQL is built from input: every statement is a
 * literal with bound parameters, and the selectors are combined through
 * temporary tables.
 */
#ifndef BE_FIND_H
#define BE_FIND_H

#include <stdio.h>

#include "err.h"
#include "store.h"

struct be_find;

/*
 * Opens the store at path for reading.  When fts is nonzero and the
 * full-text index is stale (an intake with the index off), reopens it for
 * writing and rebuilds the index first.  Returns the store (caller closes
 * it with be_store_close) or NULL with e filled.
 */
struct be_store *be_find_open(const char *path, int fts, struct be_err *e);

/* A new, empty selection on st (which must outlive it).  Never NULL. */
struct be_find *be_find_new(struct be_store *st);
/* Frees f and drops its temporary tables' rows (NULL is fine). */
void be_find_free(struct be_find *f);

/*
 * Selectors.  Each returns 0, or -1 with e filled when its argument is
 * wrong ("bad date '2026-13-01'", "no theme 'x'", "no meeting M-9").
 */
/* An FTS5 query: words, "phrases", NEAR(a b, 5), OR, NOT, prefix*.
 * Its syntax is checked by be_find_run. */
int be_find_query(struct be_find *f, const char *q, struct be_err *e);
/* Stories with the theme name or any theme under it, present tags only. */
int be_find_tag(struct be_find *f, const char *name, struct be_err *e);
/* Stories with no present tag. */
void be_find_untagged(struct be_find *f);
/* Told on or after / on or before date (YYYY, YYYY-MM or YYYY-MM-DD,
 * inclusive: --until 2026-03 runs to the end of March). */
int be_find_since(struct be_find *f, const char *date, struct be_err *e);
int be_find_until(struct be_find *f, const char *date, struct be_err *e);
/* Added to the store on or after the day meeting M-n was held. */
int be_find_since_meeting(struct be_find *f, const char *ref,
    struct be_err *e);
void be_find_channel(struct be_find *f, const char *channel);
void be_find_gemeente(struct be_find *f, const char *gemeente);
/* kv is "key=value". */
int be_find_attr(struct be_find *f, const char *kv, struct be_err *e);
/* Stories of use level level ("quote" or "count"); else -1 with e. */
int be_find_use(struct be_find *f, const char *level, struct be_err *e);
/* routed nonzero: stories with a route flag; zero: stories without. */
void be_find_route(struct be_find *f, int routed);
/*
 * what "open": stories that wait to be routed; "routed": stories with a
 * route other than that (routed after intake or flagged at intake); any
 * other word: stories routed there (as be_route_dest names it, case and
 * accents ignored).
 */
void be_find_route_is(struct be_find *f, const char *what);
/*
 * Restricts the selection to refs: be_find_use_refs says that refs are
 * coming (so that no ref at all selects nothing, not everything), and each
 * be_find_ref adds one; a ref that names no story is an error ("no story
 * S-99").  be_find_ref calls be_find_use_refs itself.
 */
void be_find_use_refs(struct be_find *f);
int be_find_ref(struct be_find *f, long long id, struct be_err *e);

/*
 * Counts by groups instead of listing stories: spec is one or two keys,
 * comma-separated, from tag, month, year, channel, gemeente or any other
 * word, which names an attribute ("tag,month", "wijk").  0 or -1.
 */
int be_find_by(struct be_find *f, const char *spec, struct be_err *e);

/* Runs the selection: without refs it only makes the one SELECT that the
 * statements reading it use (counted when be_find_count asks).  0, or -1
 * with e filled ("query: syntax error near 'x'" for a bad full-text query,
 * with e->file "query"). */
int be_find_run(struct be_find *f, struct be_err *e);

/* The number of stories selected (after be_find_run; counted at the first
 * call), or -1 with e filled. */
long long be_find_count(struct be_find *f, struct be_err *e);

/* Calls fn for each selected story in ref order; stops at its nonzero
 * return and passes it on.  -1 with e on a store error. */
typedef int (*be_find_fn)(struct be_store *st, long long id, void *arg,
    struct be_err *e);
int be_find_each(struct be_find *f, be_find_fn fn, void *arg,
    struct be_err *e);

enum be_find_fmt {
	BE_FIND_RECORDS,	/* S-n, date, channel, gemeente, first words */
	BE_FIND_JSON,		/* one JSON object per story a line */
	BE_FIND_YAML,		/* kind: story documents, then every
				   kind: tombstone of the store */
	BE_FIND_TEXT,		/* readable */
	BE_FIND_CSV,		/* for a spreadsheet (lib/csvw.h) */
};

/*
 * Writes the selected stories to fp in ref order, in the format given;
 * with header nonzero, records start with a "#ref..." line.  When grouping
 * (be_find_by), writes the group counts instead, one line per group:
 * the value of each key, then the count, TAB-separated, sorted by the
 * folded keys, a group without a value last with an empty field.  A theme
 * key takes two fields, "T-n" and its name ("-" and "" for stories with
 * no theme).  The header then names the keys ("#tag TAB name TAB month TAB
 * count").
 *
 * BE_FIND_CSV writes for Dutch Excel through lib/csvw.h, with a header
 * row: a story a row (Ref, Datum, Kanaal, Gemeente, Thema's, Gebruik,
 * Tekst: the themes by name, "citeren" or "alleen tellen", the whole
 * text), or when grouping a group a row (the keys, a theme by its name
 * only, then Aantal).  Counts are exact: this is the coordinator's view
 * (the report for outsiders is be-report).
 *
 * Nothing, no header either, when nothing is selected.  Returns the number
 * of stories (groups, when grouping) written, or -1 with e filled (a
 * store error found here, as be_find_run does not count).
 */
long long be_find_print(struct be_find *f, FILE *fp, enum be_find_fmt fmt,
    int header, struct be_err *e);

#endif
