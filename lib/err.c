/* err.c: see err.h. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "banned.h"

void
be_err_init(struct be_err *e)
{
	memset(e, 0, sizeof *e);
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
	place(e, file, line, col);
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	e->set = 1;
	return -1;
}

int
be_err_set(struct be_err *e, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return -1;
	place(e, NULL, 0, 0);
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	e->set = 1;
	return -1;
}

char *
be_err_str(const struct be_err *e, char *buf, size_t n)
{
	const char *msg = e->set ? e->msg : "unknown error";

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
