/*
 * date.h: the dates of form and spreadsheet exports, read into ISO 8601;
 * the clock (be_now, be_today).
 *
 * Known forms (white space around them is ignored):
 *	2026-02-02			ISO date
 *	2026-02-02 10:15[:03]		ISO with a time (also with 'T')
 *	2026-02-02T10:15:03.000+01:00	KoBoToolbox: fraction and offset
 *	2026/02/02 10:15:03 AM GMT+1	Google Forms' CSV download
 *	2-2-2026 [10:15[:03]]		Dutch: day first, '-' or '.'
 *	02/02/2026 [10:15[:03] [PM]]	day first as well (Dutch Excel)
 * A two-digit year (2-2-26) is 20yy.  An offset or zone is dropped: the
 * time stays the wall-clock time it was written in.  Slashed dates are
 * always read day first; a month above 12 is an error, never a guess.
 */
#ifndef BE_DATE_H
#define BE_DATE_H

/* Size of the buffer be_date_parse writes. */
#define BE_DATE_MAX 20

/*
 * Reads s into out (BE_DATE_MAX bytes): "YYYY-MM-DD" when s has no time,
 * else "YYYY-MM-DDTHH:MM:SS".  Returns 0, or -1 when s is not a date of a
 * known form or not a real date (2026-02-30).
 */
int be_date_parse(const char *s, char *out);

/* 1 when y is a leap year of the Gregorian calendar. */
int be_leap(int y);

/* The number of days of month m (1 to 12) in year y. */
int be_month_days(int y, int m);

/*
 * Parses a date "YYYY-MM-DD" that exists (2026-02-29 does not).
 * 0, or -1.  y, m, d may be NULL.
 */
int be_ymd_parse(const char *s, int *y, int *m, int *d);

/*
 * Reads s, "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a real day), into out (at
 * least 11 bytes) as "YYYY-MM-DD": the first day it names, or with end
 * the last.  0, or -1 when s is none of these.
 */
int be_date_span(const char *s, int end, char *out);

/* Current time as "YYYY-MM-DDTHH:MM:SSZ" into buf (at least 21 bytes);
 * $BENUT_NOW overrides it for tests. */
char *be_now(char *buf);

/* Today as "YYYY-MM-DD" (from be_now) into buf (at least 11 bytes). */
char *be_today(char *buf);

#endif
