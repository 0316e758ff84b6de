/*
 * ydoc.h: benut's YAML documents, read into a small tree with positions,
 * and written back.
 *
 * Reading uses libyaml's event parser and builds one tree per document.
 * Every node knows the 1-based line and column where it starts (columns
 * count characters, as libyaml does), so that every message can say
 * file:line:col.  The reader accepts the YAML that
 * people write by hand and refuses, with a place and a message, what
 * benut never needs and what only serves to attack a reader:
 *
 *	anchors and aliases (so alias bombs cost nothing), explicit tags and
 *	%TAG directives, duplicate keys in a map, keys that are not scalars,
 *	nesting deeper than BE_YAML_MAXDEPTH, scalars longer than
 *	BE_YAML_MAXSCALAR bytes, NUL characters in scalars.
 *
 * Scalars are not typed: a scalar is its text.  The getters below read a
 * scalar as a string or an integer; a plain (unquoted) scalar that is
 * empty, "~" or "null" (any case as YAML 1.1 allows: null, Null, NULL)
 * counts as absent.
 *
 * Writing: the be_yemit_* functions write block-style YAML 1.1 that this
 * reader (libyaml) reads back to the very same strings, and that other
 * YAML readers do not mistype: strings that look like a bool, a null or a
 * number are quoted.  Strings must be UTF-8; an invalid byte is written
 * as U+FFFD.
 */
#ifndef BE_YDOC_H
#define BE_YDOC_H

#include <stddef.h>
#include <stdio.h>

#include "err.h"

#define BE_YAML_MAXDEPTH	64		/* nested collections */
#define BE_YAML_MAXSCALAR	(1024 * 1024)	/* bytes in one scalar */

enum be_ykind { BE_YSCALAR, BE_YSEQ, BE_YMAP };

struct be_ynode {
	enum be_ykind kind;
	unsigned long line, col;	/* 1-based start of the node */
	char *str;			/* scalar: its text, NUL-terminated (else NULL) */
	size_t len;			/* scalar: length of str */
	int plain;			/* scalar was written plain (unquoted) */
	size_t n;			/* seq: number of items; map: number of pairs */
	struct be_ynode **items;	/* seq: n items; map: 2n (key0, val0, key1, val1, ...) */
};

struct be_yreader;

/*
 * Opens a reader on fp, named name in messages ("-" for stdin).  Never
 * NULL.  fp stays the caller's; be_yaml_close does not close it.
 */
struct be_yreader *be_yaml_open(FILE *fp, const char *name);

/*
 * Reads the next document of the stream (documents are separated by
 * "---").  Returns 1 and sets *doc to its root (the caller frees it with
 * be_ynode_free), 0 at the end of the stream, or -1 with e filled with
 * name:line:col and a message.  After an error every call returns -1
 * again.  Documents are read one at a time, so a stream of any length is
 * read in the memory of its largest document.  An empty document (a
 * "---" followed by nothing, or only comments, also after a directive)
 * is an error at its start: "empty document; ...".  A stream of no
 * document at all (an empty file, only comments) is no error: 0.
 */
int be_yaml_next(struct be_yreader *r, struct be_ynode **doc,
    struct be_err *e);

/* Frees r (not its FILE).  NULL is allowed. */
void be_yaml_close(struct be_yreader *r);

/* Frees n and everything under it.  NULL is allowed. */
void be_ynode_free(struct be_ynode *n);

/*
 * Reads exactly one document from fp.  Returns 0 and *doc (the caller's,
 * free with be_ynode_free), or -1 with e: also "empty document" when fp
 * holds no document, and "several documents: expected one" at the start
 * of a second one.
 */
int be_yaml_load1(FILE *fp, const char *name, struct be_ynode **doc,
    struct be_err *e);

/* Same as be_yaml_load1 on the string s[0..len). */
int be_yaml_load1_mem(const char *s, size_t len, const char *name,
    struct be_ynode **doc, struct be_err *e);

/*
 * The value of key in map, or NULL when map is NULL, not a map, or has
 * no such key.  Not the caller's: it lives as long as map.
 */
const struct be_ynode *be_ymap_get(const struct be_ynode *map,
    const char *key);

/* Nonzero when n is NULL or a plain scalar "", "~", "null", "Null", "NULL". */
int be_ynode_isnull(const struct be_ynode *n);

/*
 * Checks that every key of map is one of allowed (a NULL-terminated
 * list).  Returns 0, or -1 with "unknown key 'x'" at the first key that is
 * not.  A map that is not a map passes (be_ydoc_check and the getters
 * report that).
 */
int be_ymap_check(const struct be_ynode *map, const char *const *allowed,
    const char *name, struct be_err *e);

/*
 * Checks that doc is a map with "kind: <kind>" and "version: 1".
 * Returns 0, or -1 with e at the offending node: "document must be a
 * map", "missing key 'kind'", "kind is 'meeting', expected 'point'",
 * "unsupported version '2'; this program reads version 1".
 */
int be_ydoc_check(const struct be_ynode *doc, const char *kind,
    const char *name, struct be_err *e);

/*
 * Typed getters for the value of key in map.  Each returns 0 or -1 with e
 * at the node.  A key that is absent or null (see be_ynode_isnull) is an
 * error "missing key 'x'" (at the map) or "'x' is empty" (at the value)
 * when required is nonzero; otherwise the getter sets the default and
 * returns 0.  The strings set are not the caller's: they live as long as
 * map.
 */
/* A scalar, else "'x' must be a string".  Default NULL. */
int be_yget_str(const struct be_ynode *map, const char *key, int required,
    const char **out, const char *name, struct be_err *e);
/*
 * A decimal integer (optional '-', digits; quoted or not), else "'x' must
 * be an integer" or "'x' is out of range".  Default dflt.
 */
int be_yget_int(const struct be_ynode *map, const char *key, int required,
    long long dflt, long long *out, const char *name, struct be_err *e);
/*
 * true/false, yes/no, on/off (any case of these, as YAML 1.1), also
 * ja/nee; else "'x' must be true or false".  Default dflt.
 */
int be_yget_bool(const struct be_ynode *map, const char *key, int required,
    int dflt, int *out, const char *name, struct be_err *e);
/*
 * A sequence ("'x' must be a list") or a map ("'x' must be a map").
 * Default NULL.  The node set is not the caller's.
 */
int be_yget_seq(const struct be_ynode *map, const char *key, int required,
    const struct be_ynode **out, const char *name, struct be_err *e);
int be_yget_map(const struct be_ynode *map, const char *key, int required,
    const struct be_ynode **out, const char *name, struct be_err *e);

/*
 * Fills e with a printf-style message at n's place (name:line:col) and
 * returns -1, for the checks of callers ("unknown theme 'x'").  n may be
 * NULL (no place).
 */
int be_yerr(struct be_err *e, const char *name, const struct be_ynode *n,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/*
 * Writes s into buf of size n as it may appear quoted in a message: at
 * most about 60 bytes (then "..."), control characters as '?'.  For keys
 * and kinds, never for story text.  Returns buf.
 */
char *be_yquote(const char *s, char *buf, size_t n);

/*
 * Emitter.  indent is the column of the key (a number of spaces).  A
 * value that needs more than one line is written as a literal block
 * ("key: |-") indented by indent + 2.
 *
 * A sequence of maps: OR BE_YDASH into the indent of the first key of
 * each item.  The key is then written after "- " at column indent - 2,
 * and the following keys of the item are written with the plain indent:
 *
 *	be_yemit_key(fp, 0, "stories");
 *	be_yemit_str(fp, 2 | BE_YDASH, "ref", "S-12");	"- ref: S-12"
 *	be_yemit_str(fp, 2, "quote", q);		"  quote: ..."
 *
 * The emitter checks nothing about the structure; ferror(fp) tells of
 * write errors.
 */
#define BE_YDASH	0x40000000

/* "---\nkind: <kind>\nversion: 1\n": the start of a benut document. */
void be_yemit_doc(FILE *fp, const char *kind);
/* "key:\n", for a map or a sequence that follows at a deeper indent. */
void be_yemit_key(FILE *fp, int indent, const char *key);
/* "key: value", quoted or as a literal block as needed; NULL: "key:". */
void be_yemit_str(FILE *fp, int indent, const char *key, const char *val);
/* "key: 12". */
void be_yemit_int(FILE *fp, int indent, const char *key, long long v);
/* "key: true" or "key: false". */
void be_yemit_bool(FILE *fp, int indent, const char *key, int v);
/* "- value" (quoted or a literal block as needed; NULL: "-"). */
void be_yemit_item(FILE *fp, int indent, const char *val);
/*
 * Writes val alone as a scalar (plain, double-quoted or a literal block
 * whose lines are indented by indent + 2), then a newline.  The building
 * block of the functions above, for callers that write the "key: " part
 * themselves.
 */
void be_yemit_scalar(FILE *fp, int indent, const char *val);

#endif
