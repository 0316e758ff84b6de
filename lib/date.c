/* date.c: see date.h. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "date.h"
#include "banned.h"

/* Reads 1 to max digits at *p; -1 when there is none. */
static int
num(const char **p, int min, int max)
{
	int v = 0, n = 0;

	while (n < max && isdigit((unsigned char)**p)) {
		v = 10 * v + (**p - '0');
		(*p)++;
		n++;
	}
	if (n < min || isdigit((unsigned char)**p))
		return -1;
	return v;
}

static void
skip_sp(const char **p)
{
	while (**p == ' ' || **p == '\t')
		(*p)++;
}

int
be_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
be_month_days(int y, int m)
{
	static const int n[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
		30, 31 };

	return m == 2 && be_leap(y) ? 29 : n[m - 1];
}

int
be_ymd_parse(const char *s, int *y, int *m, int *d)
{
	const char *p = s;
	int yy, mm, dd;

	if (strlen(s) != 10 || (yy = num(&p, 4, 4)) < 0 || *p++ != '-' ||
	    (mm = num(&p, 2, 2)) < 0 || *p++ != '-' ||
	    (dd = num(&p, 2, 2)) < 0)
		return -1;
	if (yy < 1 || mm < 1 || mm > 12 || dd < 1 || dd > be_month_days(yy, mm))
		return -1;
	if (y)
		*y = yy;
	if (m)
		*m = mm;
	if (d)
		*d = dd;
	return 0;
}

static int
valid_date(int y, int m, int d)
{
	if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1)
		return 0;
	return d <= be_month_days(y, m);
}

/* Accepts what may follow a time: a fraction, AM/PM, a zone. */
static int
tail(const char **p, int *hh)
{
	const char *s = *p;
	int ampm = 0;

	if (*s == '.' || *s == ',') {
		s++;
		if (!isdigit((unsigned char)*s))
			return -1;
		while (isdigit((unsigned char)*s))
			s++;
	}
	skip_sp(&s);
	if (strncasecmp(s, "am", 2) == 0 || strncasecmp(s, "a.m.", 4) == 0)
		ampm = 1;
	else if (strncasecmp(s, "pm", 2) == 0 ||
	    strncasecmp(s, "p.m.", 4) == 0)
		ampm = 2;
	if (ampm) {
		s += s[1] == '.' ? 4 : 2;
		if (*hh < 1 || *hh > 12)
			return -1;
		if (ampm == 1 && *hh == 12)
			*hh = 0;
		else if (ampm == 2 && *hh != 12)
			*hh += 12;
		skip_sp(&s);
	}
	if (*s == 'Z' || *s == 'z')
		s++;
	else if (strncasecmp(s, "GMT", 3) == 0 ||
	    strncasecmp(s, "UTC", 3) == 0) {
		s += 3;
		if (*s == '+' || *s == '-') {
			s++;
			if (num(&s, 1, 2) < 0)
				return -1;
			if (*s == ':' && (s++, num(&s, 2, 2) < 0))
				return -1;
		}
	} else if (*s == '+' || *s == '-') {
		/* +01:00, +0100 or +01 */
		s++;
		if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]))
			return -1;
		s += 2;
		if (*s == ':')
			s++;
		if (isdigit((unsigned char)*s) && num(&s, 2, 2) < 0)
			return -1;
	}
	skip_sp(&s);
	*p = s;
	return 0;
}

/* Writes the low n decimal digits of v, zero-padded, to out. */
static void
put_digits(char *out, unsigned v, int n)
{
	while (n-- > 0) {
		out[n] = (char)('0' + v % 10);
		v /= 10;
	}
}

int
be_date_parse(const char *s, char *out)
{
	const char *p = s, *start;
	int a, b, c, y, m, d, hh = -1, mm = 0, ss = 0;
	char sep;

	skip_sp(&p);
	start = p;
	if ((a = num(&p, 1, 4)) < 0)
		return -1;
	sep = *p;
	if (sep != '-' && sep != '/' && sep != '.')
		return -1;
	if (p - start == 4) {
		/* Year first: 2026-02-02 or 2026/02/02. */
		p++;
		if ((b = num(&p, 1, 2)) < 0 || *p != sep)
			return -1;
		p++;
		if ((c = num(&p, 1, 2)) < 0)
			return -1;
		y = a, m = b, d = c;
	} else {
		p++;
		if ((b = num(&p, 1, 2)) < 0 || *p != sep)
			return -1;
		p++;
		if ((c = num(&p, 2, 4)) < 0 || (c >= 100 && c < 1000))
			return -1;
		y = c < 100 ? 2000 + c : c, m = b, d = a;
	}
	if (!valid_date(y, m, d))
		return -1;
	if (*p == 'T' || *p == ' ' || *p == '\t') {
		if (*p == 'T')
			p++;
		skip_sp(&p);
		if (*p != '\0') {
			if ((hh = num(&p, 1, 2)) < 0 || *p++ != ':' ||
			    (mm = num(&p, 2, 2)) < 0)
				return -1;
			if (*p == ':' && (p++, (ss = num(&p, 2, 2)) < 0))
				return -1;
			if (tail(&p, &hh) < 0)
				return -1;
			if (hh > 23 || mm > 59 || ss > 59)
				return -1;
		}
	}
	skip_sp(&p);
	if (*p != '\0')
		return -1;
	/* By hand: snprintf cost an intake of a million rows a fifth of a
	 * second. */
	put_digits(out, (unsigned)y, 4);
	out[4] = '-';
	put_digits(out + 5, (unsigned)m, 2);
	out[7] = '-';
	put_digits(out + 8, (unsigned)d, 2);
	out[10] = '\0';
	if (hh >= 0) {
		out[10] = 'T';
		put_digits(out + 11, (unsigned)hh, 2);
		out[13] = ':';
		put_digits(out + 14, (unsigned)mm, 2);
		out[16] = ':';
		put_digits(out + 17, (unsigned)ss, 2);
		out[19] = '\0';
	}
	return 0;
}

int
be_date_span(const char *s, int end, char *out)
{
	size_t len = strlen(s), i;
	int y, m = end ? 12 : 1, d = 1;

	for (i = 0; i < len; i++)
		if (i == 4 || i == 7 ? s[i] != '-' :
		    (s[i] < '0' || s[i] > '9'))
			return -1;
	if (len != 4 && len != 7 && len != 10)
		return -1;
	y = atoi(s);
	if (len >= 7) {
		m = atoi(s + 5);
		if (m < 1 || m > 12)
			return -1;
	}
	if (end)
		d = be_month_days(y, m);
	if (len == 10) {
		d = atoi(s + 8);
		if (d < 1 || d > be_month_days(y, m))
			return -1;
	}
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
	return 0;
}

char *
be_now(char *buf)
{
	const char *env = getenv("BENUT_NOW");
	struct tm tm;
	time_t t;

	if (env && *env) {
		snprintf(buf, 21, "%s", env);
		return buf;
	}
	t = time(NULL);
	gmtime_r(&t, &tm);
	strftime(buf, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return buf;
}

char *
be_today(char *buf)
{
	char now[32];

	be_now(now);
	snprintf(buf, 11, "%.10s", now);
	return buf;
}
