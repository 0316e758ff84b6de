/* Unit tests of lib/i18n.c. */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "tap.h"

int
main(void)
{
	char buf[64];
	int y, m, d, min, i, bad;

	plan(31);
	is_str(be_long_date(BE_NL, "2026-12-01", buf, sizeof buf),
	    "dinsdag 1 december 2026", "Dutch long date");
	is_str(be_long_date(BE_EN, "2026-12-01", buf, sizeof buf),
	    "Tuesday 1 December 2026", "English long date");
	is_str(be_long_date(BE_NL, "2024-02-29", buf, sizeof buf),
	    "donderdag 29 februari 2024", "leap day");
	is_str(be_long_date(BE_NL, "2000-01-01", buf, sizeof buf),
	    "zaterdag 1 januari 2000", "2000 was a leap century");
	is_str(be_long_date(BE_EN, "1970-01-01", buf, sizeof buf),
	    "Thursday 1 January 1970", "the epoch");
	is_str(be_long_date(BE_NL, "1969-12-31", buf, sizeof buf),
	    "woensdag 31 december 1969", "before the epoch");
	is_str(be_long_date(BE_NL, "2026-08-16", buf, sizeof buf),
	    "zondag 16 augustus 2026", "a Sunday");
	is_str(be_long_date(BE_NL, "2026-02-29", buf, sizeof buf),
	    "2026-02-29", "no such date: copied");
	ok(be_ymd_parse("2026-02-29", NULL, NULL, NULL) < 0, "2026 no leap");
	ok(be_ymd_parse("1900-02-29", NULL, NULL, NULL) < 0, "1900 no leap");
	ok(be_ymd_parse("2026-13-01", NULL, NULL, NULL) < 0, "month 13");
	ok(be_ymd_parse("2026-1-01", NULL, NULL, NULL) < 0, "short month");
	ok(be_ymd_parse("2026-04-31", NULL, NULL, NULL) < 0, "31 April");
	ok(be_ymd_parse("2026-12-01", &y, &m, &d) == 0 && y == 2026 &&
	    m == 12 && d == 1, "parses");
	ok(be_hhmm_parse("13:30", &min) == 0 && min == 810, "13:30");
	ok(be_hhmm_parse("24:00", &min) < 0, "24:00 refused");
	ok(be_hhmm_parse("9:30", &min) == 0 && min == 570, "9:30");
	ok(be_hhmm_parse("19.30", &min) == 0 && min == 1170, "19.30, Dutch");
	ok(be_hhmm_parse("19,30", &min) < 0, "19,30 refused");
	is_str(be_clock(BE_NL, 1170, buf, sizeof buf), "19.30", "Dutch time");
	is_str(be_clock(BE_NL, 570, buf, sizeof buf), "9.30", "Dutch 9.30");
	is_str(be_clock(BE_EN, 570, buf, sizeof buf), "09:30", "English time");
	is_str(be_short_date(BE_NL, "2026-12-15", "2026-12-01", buf,
	    sizeof buf), "15 december", "short date in the same year");
	is_str(be_short_date(BE_NL, "2025-12-15", "2026-12-01", buf,
	    sizeof buf), "15 december 2025", "short date of another year");
	ok(be_hhmm_parse("09:60", &min) < 0, "09:60 refused");
	y = 2026, m = 12, d = 31;
	be_add_days(&y, &m, &d, 1);
	ok(y == 2027 && m == 1 && d == 1, "add a day over a year");
	y = 2024, m = 2, d = 28;
	be_add_days(&y, &m, &d, 1);
	ok(y == 2024 && m == 2 && d == 29, "add a day to a leap February");
	/* Every day from 1900 to 2100 goes round trip and weekdays step. */
	bad = 0;
	for (i = 0, y = 1900, m = 1, d = 1; i < 73414; i++) {
		int y2 = y, m2 = m, d2 = d;

		snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
		if (be_ymd_parse(buf, NULL, NULL, NULL) < 0)
			bad++;
		be_add_days(&y2, &m2, &d2, 1);
		if (be_weekday(y2, m2, d2) != (be_weekday(y, m, d) + 1) % 7 ||
		    be_days(y2, m2, d2) != be_days(y, m, d) + 1)
			bad++;
		y = y2, m = m2, d = d2;
	}
	ok(bad == 0 && y == 2101 && m == 1 && d == 1, "200 years of days");
	is_str(be_str(BE_EN, BE_S_Q4),
	    "What, if anything, should we do about it?", "English question");
	is_str(be_str(BE_NL, BE_S_Q2), "Wie wint en wie verliest, en door "
	    "welke machtsmechanismen?", "Dutch question");
	for (i = bad = 0; i < BE_S_NSTR; i++)
		if (be_str(BE_NL, i) == NULL || be_str(BE_EN, i) == NULL)
			bad++;
	ok(bad == 0, "every word in both languages");
	return done();
}
