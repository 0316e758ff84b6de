/* route.c: see route.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "colmap.h"
#include "date.h"
#include "mem.h"
#include "record.h"
#include "route.h"
#include "ydoc.h"
#include "banned.h"

char *
be_route_dest(const char *s)
{
	struct be_buf b = BE_BUF_INIT;
	const char *v;
	int ok, sp = 0;

	v = be_route_parse(s, &ok);
	if (ok)
		return v ? be_xstrdup(v) : NULL;
	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			sp = b.len > 0;
			continue;
		}
		if (sp)
			be_buf_addc(&b, ' ');
		sp = 0;
		be_buf_addc(&b, *s);
	}
	if (b.len == 0) {
		be_buf_release(&b);
		return NULL;
	}
	return be_buf_detach(&b);
}

/* The contact data of story id when its teller consented to passing it on. */
static int
contact(struct be_store *st, long long id, char **name, char **email,
    char **phone, struct be_err *e)
{
	static const char q[] = "SELECT p.name, p.email, p.phone FROM person p"
	    " JOIN story s ON s.id = p.story_id WHERE p.story_id = ?"
	    " AND s.consent = 1 AND p.pass_on = 1";
	sqlite3_stmt *s;
	int rc;

	if ((s = be_store_stmt(st, q, e)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*name = be_col_dup(s, 0);
		*email = be_col_dup(s, 1);
		*phone = be_col_dup(s, 2);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return be_store_error(st, "cannot read stories", e);
	return rc == SQLITE_ROW;
}

static int
one(struct be_store *st, long long id, const struct be_route *r,
    const char *date, FILE *out, struct be_err *e)
{
	static const char qs[] = "UPDATE story SET route = ? WHERE id = ?";
	static const char qr[] = "INSERT OR REPLACE INTO story_route"
	    " (story_id, state, dest, at, who, note, told, passed)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
	char ref[32], *name = NULL, *email = NULL, *phone = NULL;
	sqlite3_stmt *s;
	int passed = 0, rc = -1;

	snprintf(ref, sizeof ref, "S-%lld", id);
	if ((s = be_store_stmt(st, qs, e)) == NULL)
		return -1;
	be_bind_text(s, 1, r->dest ? r->dest : BE_ROUTE_WAITING);
	sqlite3_bind_int64(s, 2, id);
	if (be_store_done(st, s, "cannot write", e) < 0)
		return -1;
	if (sqlite3_changes(be_store_db(st)) != 1)
		return be_err_set(e, "no story '%s'", ref);
	if (r->dest && r->pass_on &&
	    (passed = contact(st, id, &name, &email, &phone, e)) < 0)
		return -1;
	if (r->dest && !passed && (r->told == NULL || *r->told == '\0')) {
		if (r->pass_on)
			be_err_set(e, "'%s': the teller did not consent to "
			    "passing on contact data; say with --told how "
			    "they were told where to go", ref);
		else
			be_err_set(e, "'%s': say with --told how the teller "
			    "was told where to go, or pass their data on "
			    "with --pass-on", ref);
		goto out;
	}
	if ((s = be_store_stmt(st, qr, e)) == NULL)
		goto out;
	sqlite3_bind_int64(s, 1, id);
	be_bind_text(s, 2, r->dest ? "routed" : "open");
	be_bind_text(s, 3, r->dest);
	be_bind_text(s, 4, date);
	be_bind_text(s, 5, r->who);
	be_bind_text(s, 6, r->note);
	be_bind_text(s, 7, r->told);
	sqlite3_bind_int(s, 8, passed);
	if (be_store_done(st, s, "cannot write", e) < 0)
		goto out;
	be_rec_put(out, ref, 1);
	be_rec_put(out, r->dest ? "routed" : "open", 0);
	if (r->dest)
		be_rec_put(out, r->dest, 0);
	be_rec_put(out, date, 0);
	be_rec_put(out, r->who, 0);
	if (r->dest)
		be_rec_put(out, passed ? "doorgegeven" : r->told, 0);
	if (passed) {
		be_rec_put(out, name, 0);
		be_rec_put(out, email, 0);
		be_rec_put(out, phone, 0);
	}
	fputc('\n', out);
	rc = 0;
out:
	free(name);
	free(email);
	free(phone);
	return rc;
}

int
be_route_set(struct be_store *st, const long long *ids, size_t n,
    const struct be_route *r, FILE *out, struct be_err *e)
{
	char today[16];
	const char *date = r->date;
	size_t i;

	if (date == NULL)
		date = be_today(today);
	else if (be_ymd_parse(date, NULL, NULL, NULL) < 0)
		return be_err_set(e, "--date must be a date YYYY-MM-DD");
	if (be_store_begin(st, e) < 0)
		return -1;
	for (i = 0; i < n; i++)
		if (one(st, ids[i], r, date, out, e) < 0) {
			be_store_rollback(st);
			return -1;
		}
	return be_store_commit(st, e);
}

static const char qshow[] = "SELECT state, dest, at, who, note, told, passed"
    " FROM story_route WHERE story_id = ?";

static sqlite3_stmt *
route_row(struct be_store *st, long long id, int *found, struct be_err *e)
{
	sqlite3_stmt *s;
	int rc;

	*found = 0;
	if ((s = be_store_stmt(st, qshow, e)) == NULL)
		return NULL;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*found = 1;
		return s;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		be_store_error(st, "cannot read stories", e);
		return NULL;
	}
	return s;
}

static const char *const show_keys[] = { "state", "to", "date", "by",
	"note", "told" };

int
be_route_yaml(struct be_store *st, long long id, FILE *fp, struct be_err *e)
{
	sqlite3_stmt *s;
	int found, i;

	if ((s = route_row(st, id, &found, e)) == NULL)
		return -1;
	if (!found)
		return 0;
	be_yemit_key(fp, 0, "routing");
	for (i = 0; i < 6; i++)
		if (sqlite3_column_type(s, i) != SQLITE_NULL)
			be_yemit_str(fp, 2, show_keys[i], be_col_text(s, i));
	be_yemit_str(fp, 2, "passed-on", sqlite3_column_int(s, 6) ? "ja" :
	    "nee");
	sqlite3_reset(s);
	return 0;
}

int
be_route_json(struct be_store *st, long long id, FILE *fp,
    void (*str)(FILE *, const char *), struct be_err *e)
{
	sqlite3_stmt *s;
	int found, i;

	if ((s = route_row(st, id, &found, e)) == NULL)
		return -1;
	if (!found) {
		fputs(",\"routing\":null", fp);
		return 0;
	}
	fputs(",\"routing\":{", fp);
	for (i = 0; i < 6; i++) {
		fprintf(fp, "%s\"%s\":", i ? "," : "", show_keys[i]);
		str(fp, sqlite3_column_type(s, i) == SQLITE_NULL ? NULL :
		    be_col_text(s, i));
	}
	fprintf(fp, ",\"passed-on\":%s}", sqlite3_column_int(s, 6) ?
	    "true" : "false");
	sqlite3_reset(s);
	return 0;
}

int
be_route_to(struct be_store *st, const long long *ids, size_t n,
    const char *to, const struct be_route *r, FILE *out, struct be_err *e)
{
	struct be_route rt = *r;
	char *dest = NULL;
	int rc;

	if (to && (dest = be_route_dest(to)) == NULL)
		return be_err_set(e, "--route: say where to, as wijkteam or "
		    "ombudsman");
	rt.dest = dest;
	rc = be_route_set(st, ids, n, &rt, out, e);
	free(dest);
	return rc;
}
