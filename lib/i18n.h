/*
 * i18n.h: the fixed words of benut's meeting documents in Dutch and
 * English, and long dates ("dinsdag 1 december 2026", "Tuesday
 * 1 December 2026") computed by calendar arithmetic, so that no system
 * locale needs to be installed and no time zone is consulted.
 */
#ifndef BE_I18N_H
#define BE_I18N_H

#include <stddef.h>

#include "date.h"	/* be_ymd_parse, be_leap */

enum be_lang { BE_NL, BE_EN };

/* "nl" or "en" into *l.  0, or -1 for anything else. */
int be_lang_parse(const char *s, enum be_lang *l);

/* The fixed words; be_str gives each in a language. */
enum be_str {
	BE_S_AGENDA, BE_S_DATE, BE_S_TIME, BE_S_PLACE, BE_S_CHAIR,
	BE_S_SECRETARY, BE_S_MEMBERS, BE_S_GUESTS,
	BE_S_OPENING, BE_S_ADOPT, BE_S_MINUTES, BE_S_ANNOUNCE, BE_S_AOB,
	BE_S_CLOSING,
	BE_S_T_INFO, BE_S_T_DISCUSS, BE_S_T_DECIDE,
	BE_S_VRAAG, BE_S_EXPERIENCES, BE_S_STORY1, BE_S_STORIES,
	BE_S_DIALOGUE, BE_S_Q1, BE_S_Q2, BE_S_Q3, BE_S_Q4,
	BE_S_ACTIONS, BE_S_NO_ACTIONS, BE_S_DUE, BE_S_FROM,
	BE_S_WAITING, BE_S_RAISED_AT, BE_S_OUTCOME, BE_S_POINT,
	BE_S_R_TITLE, BE_S_R_INTRO, BE_S_R_RAISED, BE_S_R_ASK,
	BE_S_R_ANSWER, BE_S_R_NEXT, BE_S_R_NOANSWER,
	BE_S_A_OVERGENOMEN, BE_S_A_DEELS, BE_S_A_AFGEWEZEN,
	BE_S_N_OVERGENOMEN, BE_S_N_DEELS, BE_S_N_AFGEWEZEN, BE_S_N_NOANSWER,
	BE_S_R_NOPOINTS, BE_S_R_CLOSE, BE_S_MEETING_OF,
	BE_S_AGENDA_INTERN, BE_S_VALUES, BE_S_NOTES, BE_S_NOTE, BE_S_HOUR,
	BE_S_FROM_MEETING, BE_S_RAISED_IN, BE_S_DONE,
	BE_S_R_SAID, BE_S_R_PROMISES, BE_S_R_CONTACT, BE_S_R_NAME,
	BE_S_R_EMAIL, BE_S_R_PHONE, BE_S_R_ADDRESS, BE_S_N_PROMISES,
	BE_S_NSTR
};

/* The word s in language l.  Static; never NULL. */
const char *be_str(enum be_lang l, enum be_str s);

/*
 * Parses "HH:MM" or the Dutch "HH.MM" (00:00 .. 23:59; the hour may have
 * one digit) into minutes after midnight.  0 or -1.
 */
int be_hhmm_parse(const char *s, int *min);

/* Days from 1970-01-01 to y-m-d (negative before). */
long be_days(int y, int m, int d);

/* Day of the week of y-m-d: 0 is Monday, 6 is Sunday. */
int be_weekday(int y, int m, int d);

/* The day y-m-d plus n days, in place. */
void be_add_days(int *y, int *m, int *d, long n);

/*
 * Writes the long form of the date ymd ("YYYY-MM-DD") into buf of size n:
 * "dinsdag 1 december 2026" or "Tuesday 1 December 2026".  A string that
 * is not a valid date is copied as it is.  Returns buf.
 */
char *be_long_date(enum be_lang l, const char *ymd, char *buf, size_t n);

/*
 * As be_long_date without the weekday, and without the year when it is
 * the year of the date ref (YYYY-MM-DD or NULL): "15 december",
 * "15 December 2025".  Returns buf.
 */
char *be_short_date(enum be_lang l, const char *ymd, const char *ref,
    char *buf, size_t n);

/*
 * Writes the time min (minutes after midnight) as the language writes it
 * into buf of size n: "19.30" in Dutch, "19:30" in English.  Returns buf.
 */
char *be_clock(enum be_lang l, int min, char *buf, size_t n);

#endif
