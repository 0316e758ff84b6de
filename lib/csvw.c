/* csvw.c: see csvw.h. */
#include <string.h>

#include "csvw.h"
#include "banned.h"

void
be_csvw_init(struct be_csvw *w, FILE *fp)
{
	w->fp = fp;
	w->nfield = 0;
	fputs("\xef\xbb\xbf", fp);
}

/* A field a spreadsheet would take for a formula. */
static int
formula(const char *s)
{
	if (*s == '=' || *s == '@')
		return 1;
	if (*s == '+' || *s == '-')
		return !(s[1] >= '0' && s[1] <= '9') &&
		    !(s[1] == ',' && s[2] >= '0' && s[2] <= '9');
	return 0;
}

void
be_csvw_field(struct be_csvw *w, const char *s)
{
	size_t n;
	int quote;

	if (w->nfield++ > 0)
		putc(';', w->fp);
	if (s == NULL || *s == '\0')
		return;
	n = strlen(s);
	quote = strpbrk(s, ";\"\r\n") != NULL || s[0] == ' ' ||
	    s[n - 1] == ' ';
	if (quote)
		putc('"', w->fp);
	if (formula(s))
		putc('\'', w->fp);
	for (; *s; s++) {
		if (*s == '"')
			putc('"', w->fp);
		putc(*s, w->fp);
	}
	if (quote)
		putc('"', w->fp);
}

void
be_csvw_end(struct be_csvw *w)
{
	fputs("\r\n", w->fp);
	w->nfield = 0;
}
