/*
 * record.h: records, the wire between benut's programs.
 *
 * A record is one line of UTF-8 text; fields are separated by TAB; inside
 * a field backslash, TAB, CR and LF are written \\ \t \r \n.  The first
 * field is a ref (S-12, P-3, M-2).  Lines that begin with '#' are comments
 * and blank lines are skipped.
 */
#ifndef BE_RECORD_H
#define BE_RECORD_H

#include <stdio.h>

#include "buf.h"
#include "err.h"

struct be_rec {
	char **f;	/* n unescaped fields; owned by the record */
	size_t n;
	/* private */
	struct be_buf text;
	size_t fcap;
};

/* Sets r empty.  Allocates nothing. */
void be_rec_init(struct be_rec *r);
/* Frees what r holds; r is empty and usable again. */
void be_rec_release(struct be_rec *r);

/*
 * Splits line[0..len) (without its newline) into r's fields, undoing the
 * escapes.  Returns 0, or -1 with *col at the 1-based column of an unknown
 * escape or a trailing lone backslash.
 */
int be_rec_parse(struct be_rec *r, const char *line, size_t len,
    unsigned long *col);

/* Field i of r, or "" past the last field.  Not the caller's. */
const char *be_rec_field(const struct be_rec *r, size_t i);

/* Appends s, escaped, to b. */
void be_rec_escape(struct be_buf *b, const char *s);

/*
 * Writes one field to fp: a TAB first unless first is nonzero, then s
 * escaped (NULL writes nothing but the TAB).
 */
void be_rec_put(FILE *fp, const char *s, int first);

/* Writes the n fields and a newline. */
void be_rec_write(FILE *fp, const char *const *fields, size_t n);

/*
 * Parses a ref of the given kind ('S', 'P', 'M'): "S-12" gives 12.
 * Returns 0, or -1 when s is not such a ref.
 */
int be_ref_parse(const char *s, char kind, long long *id);

/*
 * Reads the next record from fp (named name in messages) into r, skipping
 * comments and blank lines.  *lineno counts the lines read (start it at
 * 0); *line and *cap are getline's buffer (start them NULL and 0, free
 * *line at the end).  Returns 1 with a record, 0 at the end, -1 for a line
 * that is not a record (a bad escape; e at name:line:col, and reading can
 * go on), -2 for a NUL byte or a read error (e filled; stop).
 */
int be_rec_next(FILE *fp, const char *name, struct be_rec *r, char **line,
    size_t *cap, unsigned long *lineno, struct be_err *e);

/*
 * Reads records from fp (named name in messages) and calls fn for each
 * record that is not a comment or blank.  Returns 0 at end of input, the
 * callback's nonzero value when it stops the loop, or -1 on a read error
 * or a bad escape (e filled with name:line:col).
 */
typedef int (*be_rec_fn)(const struct be_rec *r, const char *name,
    unsigned long line, void *arg, struct be_err *e);
int be_rec_read(FILE *fp, const char *name, be_rec_fn fn, void *arg,
    struct be_err *e);

/*
 * The input loop of every program that acts on refs (mblaze's
 * blaze822_loop).  With no operands, reads records from stdin.  An
 * operand "-" reads records from stdin; any other operand is a ref and
 * is passed to fn as a record of one field (name "argv", line = its
 * position).  Returns as be_rec_read.
 */
int be_loop(int argc, char **argv, be_rec_fn fn, void *arg,
    struct be_err *e);

/*
 * be_loop that keeps the ref of kind ('S', 'P' or 'M') in the first field
 * of each record: appends the ids to *ids (the caller's, to free) and
 * counts them in *n.  A record without such a ref stops the loop with
 * "'x' is not a story (S-n)" (point, meeting) at its place.  Returns as
 * be_loop.
 */
int be_loop_refs(int argc, char **argv, char kind, long long **ids,
    size_t *n, struct be_err *e);

#endif
