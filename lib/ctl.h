/*
 * ctl.h: control characters, kept out of the store and off the terminal.
 *
 * A control character here is one of C0 but TAB, LF and CR (U+0000 to
 * U+001F), DEL (U+007F), or one of C1 (U+0080 to U+009F, in UTF-8 the
 * bytes C2 80 to C2 9F).  ESC and its kin can drive a terminal: move the
 * cursor, rewrite what was printed, set the window's title.  Intake
 * refuses them (csv.c, yaml.c, collect.c); whatever prints stored text
 * writes it through be_ctl_write or be_ctl_clean, which show each as '?',
 * so that a store written by an older version cannot drive a terminal
 * either.
 */
#ifndef BE_CTL_H
#define BE_CTL_H

#include <stddef.h>
#include <stdio.h>

/*
 * The offset in s[0..n) of the first control character, and its code
 * point in *cp (cp may be NULL); n when there is none.
 */
size_t be_ctl_find(const char *s, size_t n, unsigned *cp);

/*
 * Writes s[0..n) to fp with each control character as '?', and a CR
 * that does not end a line (is not followed by LF) as '?' too.
 */
void be_ctl_write(FILE *fp, const char *s, size_t n);

/* be_ctl_write of the string s; NULL writes nothing. */
void be_ctl_puts(FILE *fp, const char *s);

/*
 * Changes s[0..n) in place as be_ctl_write writes it; returns the new
 * length (a C1 character, two bytes, becomes one '?').
 */
size_t be_ctl_clean(char *s, size_t n);

#endif
