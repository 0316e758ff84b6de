/* err.c: see err.h. */
#include <libintl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "banned.h"

void
be_err_init(struct be_err *e)
{
	/* Not a memset of the 2 KB: a match loop clears one per pattern
	 * and story. */
	e->file[0] = '\0';
	e->msg[0] = '\0';
	e->line = e->col = 0;
	e->set = 0;
}

static void
place(struct be_err *e, const char *file, unsigned long line,
    unsigned long col)
{
	snprintf(e->file, sizeof e->file, "%s", file ? file : "");
	e->line = line;
	e->col = col;
}

int
be_err_at(struct be_err *e, const char *file, unsigned long line,
    unsigned long col, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return -1;
	va_start(ap, fmt);
	be_err_vat(e, file, line, col, fmt, ap);
	va_end(ap);
	return -1;
}

int
be_err_vat(struct be_err *e, const char *file, unsigned long line,
    unsigned long col, const char *fmt, va_list ap)
{
	char msg[sizeof e->msg];

	if (e == NULL)
		return -1;
	/* fmt may be an argument of the message being replaced. */
	vsnprintf(msg, sizeof msg, be_err_tr(fmt), ap);
	place(e, file, line, col);
	memcpy(e->msg, msg, sizeof e->msg);
	e->set = 1;
	return -1;
}

int
be_err_set(struct be_err *e, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return -1;
	va_start(ap, fmt);
	be_err_vat(e, NULL, 0, 0, fmt, ap);
	va_end(ap);
	return -1;
}

const char *
be_plural(unsigned long n, const char *one, const char *more)
{
	return dngettext("benut", one, more, n);
}

const char *
be_err_tr(const char *msgid)
{
	return dgettext("benut", msgid);
}

char *
be_err_str(const struct be_err *e, char *buf, size_t n)
{
	const char *msg = e->set ? e->msg : be_err_tr("unknown error");

	if (e->file[0] && e->line && e->col)
		snprintf(buf, n, "%s:%lu:%lu: %s", e->file, e->line, e->col, msg);
	else if (e->file[0] && e->line)
		snprintf(buf, n, "%s:%lu: %s", e->file, e->line, msg);
	else if (e->file[0])
		snprintf(buf, n, "%s: %s", e->file, msg);
	else
		snprintf(buf, n, "%s", msg);
	return buf;
}
