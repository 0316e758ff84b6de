/*
 * csvw.h: CSV written for a spreadsheet, as Dutch Excel opens it by a
 * double click: UTF-8 with a byte-order mark, ';' between fields, CRLF at
 * the end of a row, a field in double quotes (a quote in it doubled) when
 * it holds ';', '"', CR or LF, or starts or ends with a space, as Excel
 * itself quotes.
 *
 * A field that a spreadsheet would run as a formula (starting with '=',
 * '@', or '+' or '-' not followed by a number) gets a leading apostrophe,
 * so that no story or name can compute or link anything when it is
 * opened.  Every CSV that benut writes for people goes through here.
 *
 *	struct be_csvw w;
 *	be_csvw_init(&w, stdout);
 *	be_csvw_field(&w, "naam"); be_csvw_field(&w, "e-mail");
 *	be_csvw_end(&w);
 */
#ifndef BE_CSVW_H
#define BE_CSVW_H

#include <stdio.h>

struct be_csvw {
	FILE *fp;
	int nfield;	/* fields written on the row so far */
};

/* Starts a CSV on fp and writes the byte-order mark.  Allocates nothing. */
void be_csvw_init(struct be_csvw *w, FILE *fp);

/* Writes one field of the current row (NULL is an empty field). */
void be_csvw_field(struct be_csvw *w, const char *s);

/* Ends the current row with CRLF. */
void be_csvw_end(struct be_csvw *w);

#endif
