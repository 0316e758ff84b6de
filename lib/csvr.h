/*
 * csvr.h: a streaming CSV reader for the exports of forms and
 * spreadsheets.
 *
 * The reader reads its file in chunks (see enc.h for the encodings and
 * their detection) and holds one row at a time, so memory stays flat
 * whatever the size of the file.  Fields come out as UTF-8.
 *
 * libcsv (Debian libcsv-dev, linked with -lcsv) splits the text into
 * fields; csv.c feeds it one line at a time and keeps the places of
 * fields and errors, and does what libcsv leaves to its caller: line ends
 * inside quotes, NUL and control characters, a character after a closing
 * quote, the limits, the delimiter's detection and the sep= line.
 *
 * The dialect is RFC 4180 with what spreadsheets add:
 * - the delimiter is ',' ';' or TAB: forced, or detected from the header
 *   (the first row): the one that occurs most often outside quotes; on a
 *   tie, the one that occurs as often in the next rows, ',' before ';'
 *   before TAB; with none of them the file has a single column (and
 *   be_csv_delim says ',');
 * - a first line "sep=X" (Excel's, X one ASCII character) makes X the
 *   delimiter, unless one is forced, and is no row: the header follows;
 * - a field may be quoted with '"'; inside quotes the delimiter and line
 *   ends are data, and '""' is one '"'.  A line end inside quotes is kept
 *   as it is, except that CRLF becomes LF.  A quote inside an unquoted
 *   field is a character (6'2"), as Excel and Python's csv module read
 *   it;
 * - a row ends at CRLF, LF or a lone CR;
 * - an empty line (nothing at all between two line ends) is no row, so
 *   neither is an empty last line; a line of blanks is a row;
 * - white space around fields is kept as it is (the caller trims).
 *
 * Errors, each placed at a 1-based line and column of the text, where a
 * column counts characters (Unicode code points of the decoded text, not
 * bytes; the byte order mark is not counted), and a line ends at CRLF,
 * LF or a lone CR, inside quotes or not:
 *	unterminated quoted field			at its opening quote
 *	stray quote after quoted field (a quote inside
 *	    a quoted field must be doubled)		at the closing quote
 *	NUL byte					at the byte
 *	control character U+001B; remove it from the file
 *	    (C0 but TAB, CR, LF; DEL; C1: see ctl.h)	at the character
 *	the encoding errors of be_enc_read		where the text stops
 *	field longer than N bytes			at the field's start
 *	row longer than N bytes				at the row's line, col 1
 *	row of more than 100000 fields			at the row's line, col 1
 *	read error: ...					where the text stops
 * A field's length is counted in bytes of UTF-8, after quotes are
 * removed; a field over the limit is refused as soon as the limit is
 * passed, without reading the rest of it.  A row may hold at most
 * 16 MiB (or 2 * max_field if that is more).
 *
 * The errors of a row (stray quote, NUL byte, a control character or
 * bytes not valid in the encoding, field or row too long, too many
 * fields) refuse that row only: the next be_csv_row reads on, finds
 * the end of the bad row (reading it leniently, a stray quote as a plain
 * character) and returns the row after it.  So a caller may stop at the
 * first error, or list the bad rows and keep the good ones.  Bytes not
 * valid in the encoding are skipped (be_enc_skip) and refuse their row.
 * The other errors (unterminated quoted field, read error) end the
 * reading: every later be_csv_row returns the same error again, and
 * be_csv_failed says so.
 */
#ifndef BE_CSV_H
#define BE_CSV_H

#include <stddef.h>
#include <stdio.h>

#include "err.h"

#define BE_CSV_MAX_FIELD	(1024 * 1024)	/* default max_field */
#define BE_CSV_MAX_FIELDS	100000		/* fields in a row */

struct be_csv_opts {
	int delim;		/* 0: detect among ',' ';' '\t'; else that byte */
	const char *encoding;	/* NULL: detect; else a name for be_enc_byname */
	size_t max_field;	/* longest field in bytes; 0: BE_CSV_MAX_FIELD */
};

struct be_csv;

/*
 * Opens a reader on fp (read, not closed, by the reader), named name in
 * errors.  o may be NULL for all defaults.  Reads the first chunk to
 * detect encoding and delimiter.  NULL (with e set) only for bad options:
 * an unknown encoding, or a delimiter that is '"', CR, LF, NUL or not
 * ASCII.
 */
struct be_csv *be_csv_open(FILE *fp, const char *name,
    const struct be_csv_opts *o, struct be_err *e);

/*
 * Reads the next row: 1 with *fields[0..*n) (UTF-8, NUL-terminated, owned
 * by c, valid until the next call; the caller may change them in place)
 * and *line the line where the row starts; 0 at the end of the file; -1
 * on an error (e with name:line:col and a message as listed above).
 * A row has at least one field.  line may be NULL.
 */
int be_csv_row(struct be_csv *c, char ***fields, size_t *n,
    unsigned long *line, struct be_err *e);

/*
 * Nonzero when reading cannot go on after an error (be_csv_row returns
 * that error again); zero while it can.
 */
int be_csv_failed(const struct be_csv *c);

/*
 * Line and column where field i of the row last read starts (for a
 * quoted field: its opening quote).  0 and 0 when there is no field i.
 */
void be_csv_field_pos(const struct be_csv *c, size_t i, unsigned long *line,
    unsigned long *col);

/* The encoding used: see be_enc_kindname ("utf-8", "utf-8-bom", ...). */
const char *be_csv_encoding(const struct be_csv *c);

/* The delimiter used: ',', ';' or '\t' (or the one forced). */
int be_csv_delim(const struct be_csv *c);

/*
 * Lower-case hex XXH3-128 (32 digits, see fhash.h) of all bytes read
 * from the file so far (the reader reads ahead by up to a chunk); after be_csv_row
 * returned 0, of the whole file.  Caller frees.
 */
char *be_csv_hash(struct be_csv *c);

/* Frees c (the file stays open).  NULL is allowed. */
void be_csv_close(struct be_csv *c);

#endif
