/*
 * err.h: the error a library call reports.
 *
 * The library never prints and never exits.  A call that fails fills a
 * struct be_err and returns -1 (or NULL); only cmd/ turns it into words on
 * stderr and an exit status (see prog.h).  A message names where (file,
 * line, column, field) and what is wrong, never the content of a story.
 */
#ifndef BE_ERR_H
#define BE_ERR_H

#include <stdarg.h>
#include <stddef.h>

struct be_err {
	char file[1024];	/* input name, "" when none ("-" is stdin) */
	unsigned long line;	/* 1-based, 0 when unknown */
	unsigned long col;	/* 1-based, 0 when unknown */
	char msg[1024];		/* lower case, no full stop */
	int set;		/* nonzero once a message is in */
};

/* Clears e.  Allocates nothing. */
void be_err_init(struct be_err *e);

/*
 * Fills e with a printf-style message translated into the user's language:
 * fmt, an English literal, goes through gettext (domain "benut", see
 * po/README) before it is formatted, so the arguments of the format are
 * never translated.  A message that is itself an argument of another
 * ("%s") is formatted by that one; a wrapper that takes a format passes it
 * on (be_err_vat) and is named to xgettext in the Makefile's XGETTEXT.
 * The place: file may be NULL, line and col 0 when unknown.  Returns -1, so that a caller can write
 * 'return be_err_at(e, ...);'.  A NULL e is allowed and ignored.
 */
int be_err_at(struct be_err *e, const char *file, unsigned long line,
    unsigned long col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* be_err_at with a va_list, for wrappers that take a format.  Returns -1. */
int be_err_vat(struct be_err *e, const char *file, unsigned long line,
    unsigned long col, const char *fmt, va_list ap)
    __attribute__((format(printf, 5, 0)));

/* Like be_err_at without a place.  Returns -1. */
int be_err_set(struct be_err *e, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
 * The translation of msgid, an English literal (or msgid itself when there
 * is none), for the few words that are put together outside a format.  Not
 * the caller's.
 */
const char *be_err_tr(const char *msgid);

/*
 * one or more, translated and in the form for n (Dutch and English have
 * the same two forms), for a count in a message: be_plural(n, "story",
 * "stories").  Not the caller's.
 */
const char *be_plural(unsigned long n, const char *one, const char *more);

/* Marks a literal for xgettext where it is not a format of be_err_at. */
#define N_(msgid) (msgid)

/*
 * Formats e as "file:line:col: msg" (the parts that are known) into buf
 * of size n.  Returns buf.
 */
char *be_err_str(const struct be_err *e, char *buf, size_t n);

#endif
