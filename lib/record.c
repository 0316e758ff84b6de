/* record.c: see record.h. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "ctl.h"
#include "record.h"
#include "banned.h"

void
be_rec_init(struct be_rec *r)
{
	r->f = NULL;
	r->n = 0;
	r->fcap = 0;
	be_buf_init(&r->text);
}

void
be_rec_release(struct be_rec *r)
{
	free(r->f);
	be_buf_release(&r->text);
	be_rec_init(r);
}

static void
push_field(struct be_rec *r, size_t off)
{
	BE_GROW(r->f, r->n + 1, r->fcap);
	r->f[r->n++] = (char *)(uintptr_t)off;	/* fixed up below */
}

int
be_rec_parse(struct be_rec *r, const char *line, size_t len,
    unsigned long *col)
{
	size_t i;

	r->n = 0;
	be_buf_reset(&r->text);
	be_buf_grow(&r->text, len + 1);
	push_field(r, 0);
	for (i = 0; i < len; i++) {
		char c = line[i];

		if (c == '\t') {
			be_buf_addc(&r->text, '\0');
			push_field(r, r->text.len);
			continue;
		}
		if (c != '\\') {
			be_buf_addc(&r->text, c);
			continue;
		}
		if (i + 1 == len)
			goto bad;
		switch (line[++i]) {
		case '\\': c = '\\'; break;
		case 't': c = '\t'; break;
		case 'r': c = '\r'; break;
		case 'n': c = '\n'; break;
		default: i--; goto bad;
		}
		be_buf_addc(&r->text, c);
	}
	be_buf_addc(&r->text, '\0');
	for (i = 0; i < r->n; i++)
		r->f[i] = r->text.s + (size_t)(uintptr_t)r->f[i];
	return 0;
bad:
	if (col)
		*col = i + 1;
	r->n = 0;
	return -1;
}

const char *
be_rec_field(const struct be_rec *r, size_t i)
{
	return i < r->n ? r->f[i] : "";
}

void
be_rec_escape(struct be_buf *b, const char *s)
{
	size_t n, from;

	for (;;) {
		n = strcspn(s, "\\\t\r\n");
		from = b->len;
		be_buf_add(b, s, n);
		b->len = from + be_ctl_clean(b->s + from, n);
		s += n;
		switch (*s++) {
		case '\0': return;
		case '\\': be_buf_add(b, "\\\\", 2); break;
		case '\t': be_buf_add(b, "\\t", 2); break;
		case '\r': be_buf_add(b, "\\r", 2); break;
		default: be_buf_add(b, "\\n", 2); break;
		}
	}
}

void
be_rec_put(FILE *fp, const char *s, int first)
{
	if (!first)
		putc('\t', fp);
	if (s == NULL)
		return;
	size_t n;

	for (;;) {
		n = strcspn(s, "\\\t\r\n");
		be_ctl_write(fp, s, n);	/* no control character to a terminal */
		s += n;
		switch (*s++) {
		case '\0': return;
		case '\\': fputs("\\\\", fp); break;
		case '\t': fputs("\\t", fp); break;
		case '\r': fputs("\\r", fp); break;
		default: fputs("\\n", fp); break;
		}
	}
}

void
be_rec_write(FILE *fp, const char *const *fields, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		be_rec_put(fp, fields[i], i == 0);
	putc('\n', fp);
}

int
be_ref_parse(const char *s, char kind, long long *id)
{
	char *end;
	long long v;

	if (s[0] != kind || s[1] != '-' || s[2] < '1' || s[2] > '9')
		return -1;
	errno = 0;
	v = strtoll(s + 2, &end, 10);
	if (errno || *end != '\0' || v <= 0)
		return -1;
	*id = v;
	return 0;
}

int
be_rec_next(FILE *fp, const char *name, struct be_rec *r, char **line,
    size_t *cap, unsigned long *lineno, struct be_err *e)
{
	unsigned long col;
	ssize_t len;
	char *nul;

	while ((len = getline(line, cap, fp)) != -1) {
		++*lineno;
		if (len && (*line)[len - 1] == '\n')
			len--;
		if (len && (*line)[len - 1] == '\r')
			len--;
		if (len == 0 || (*line)[0] == '#')
			continue;
		if ((nul = memchr(*line, '\0', (size_t)len)) != NULL) {
			be_err_at(e, name, *lineno,
			    (unsigned long)(nul - *line) + 1, "NUL byte");
			return -2;
		}
		if (be_rec_parse(r, *line, (size_t)len, &col) < 0) {
			be_err_at(e, name, *lineno, col,
			    "bad escape in record: write \\\\ for a backslash");
			return -1;
		}
		return 1;
	}
	if (ferror(fp)) {
		be_err_at(e, name, 0, 0, "read error: %s", strerror(errno));
		return -2;
	}
	return 0;
}

int
be_rec_read(FILE *fp, const char *name, be_rec_fn fn, void *arg,
    struct be_err *e)
{
	struct be_rec r;
	char *line = NULL;
	size_t cap = 0;
	unsigned long lineno = 0;
	int rc;

	be_rec_init(&r);
	while ((rc = be_rec_next(fp, name, &r, &line, &cap, &lineno, e)) > 0)
		if ((rc = fn(&r, name, lineno, arg, e)) != 0)
			break;
	free(line);
	be_rec_release(&r);
	return rc < 0 ? -1 : rc;
}

int
be_loop(int argc, char **argv, be_rec_fn fn, void *arg, struct be_err *e)
{
	struct be_rec r;
	int i, rc = 0;

	if (argc == 0)
		return be_rec_read(stdin, "-", fn, arg, e);
	be_rec_init(&r);
	for (i = 0; i < argc && rc == 0; i++) {
		if (strcmp(argv[i], "-") == 0) {
			rc = be_rec_read(stdin, "-", fn, arg, e);
			continue;
		}
		if (be_rec_parse(&r, argv[i], strcspn(argv[i], "\t"),
		    NULL) < 0) {
			rc = be_err_at(e, "argv", (unsigned long)i + 1, 0,
			    "not a ref (S-n, P-n or M-n)");
			break;
		}
		rc = fn(&r, "argv", (unsigned long)i + 1, arg, e);
	}
	be_rec_release(&r);
	return rc;
}

struct refs {
	long long **ids;
	size_t *n, cap;
	char kind;
};

static int
add_ref(const struct be_rec *r, const char *name, unsigned long line,
    void *arg, struct be_err *e)
{
	struct refs *rs = arg;
	long long id;

	if (be_ref_parse(be_rec_field(r, 0), rs->kind, &id) < 0) {
		if (rs->kind == 'P')
			return be_err_at(e, name, line, 1,
			    "'%s' is not a point (P-n)", be_rec_field(r, 0));
		if (rs->kind == 'M')
			return be_err_at(e, name, line, 1,
			    "'%s' is not a meeting (M-n)", be_rec_field(r, 0));
		return be_err_at(e, name, line, 1, "'%s' is not a story (S-n)",
		    be_rec_field(r, 0));
	}
	BE_GROW(*rs->ids, *rs->n + 1, rs->cap);
	(*rs->ids)[(*rs->n)++] = id;
	return 0;
}

int
be_loop_refs(int argc, char **argv, char kind, long long **ids, size_t *n,
    struct be_err *e)
{
	struct refs rs;

	rs.ids = ids;
	rs.n = n;
	rs.cap = *n;
	rs.kind = kind;
	return be_loop(argc, argv, add_ref, &rs, e);
}
