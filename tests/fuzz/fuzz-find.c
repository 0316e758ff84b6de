/*
 * libFuzzer entry point: the arguments of be-find (lib/find.c).  The input
 * is split at newlines into a full-text query, a date, a --by spec, a
 * theme, a channel and an attribute, which select from a small store made
 * once; the selection is printed in every form.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "find.h"

static const char seed[] =
"INSERT INTO story (id, cid, told, channel, gemeente, text, added) VALUES"
" (1, 'c1', '2025-11-03', 'telefoon', 'Súdwest-Fryslân',"
"  'De wachtlijst is lang; de cliënt wacht.', '2025-11-05T10:00:00Z'),"
" (2, 'c2', NULL, 'E-mail', NULL, 'Taxi te laat', '2026-01-01T10:00:00Z');"
"INSERT INTO story_attr VALUES (1, 'wijk', 'Noord');"
"INSERT INTO tag (id, name, parent_id) VALUES (1, 'vervoer', NULL),"
" (2, 'taxi', 1);"
"INSERT INTO story_tag (story_id, tag_id, origin, at)"
" VALUES (2, 2, 'rule', 'x');";

static struct be_store *st;
static char path[64];

static void
cleanup(void)
{
	char p[80];

	be_store_close(st);
	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
}

static struct be_store *
store(void)
{
	struct be_err e;

	if (st != NULL)
		return st;
	be_err_init(&e);
	snprintf(path, sizeof path, "/tmp/benut-fuzz-find.%ld.db",
	    (long)getpid());
	unlink(path);
	if ((st = be_store_open(path, BE_STORE_WRITE, &e)) == NULL ||
	    be_store_exec(st, seed, &e) < 0)
		abort();
	atexit(cleanup);
	return st;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf, *arg[6] = { 0 }, *p;
	struct be_find *f;
	struct be_err e;
	FILE *out;
	int i, fmt;

	buf = malloc(size + 1);
	memcpy(buf, data, size);
	buf[size] = '\0';
	for (i = 0, p = buf; i < 6 && p; i++) {
		arg[i] = p;
		if ((p = strchr(p, '\n')) != NULL)
			*p++ = '\0';
	}
	out = fopen("/dev/null", "w");
	for (fmt = BE_FIND_RECORDS; fmt <= BE_FIND_TEXT + 1; fmt++) {
		be_err_init(&e);
		f = be_find_new(store());
		if ((arg[0] && *arg[0] && be_find_query(f, arg[0], &e) < 0) ||
		    (arg[1] && *arg[1] && be_find_since(f, arg[1], &e) < 0) ||
		    (fmt > BE_FIND_TEXT && arg[2] &&
		    be_find_by(f, arg[2], &e) < 0) ||
		    (arg[3] && *arg[3] && be_find_tag(f, arg[3], &e) < 0)) {
			be_find_free(f);
			continue;
		}
		if (arg[4] && *arg[4])
			be_find_channel(f, arg[4]);
		if (arg[5] && be_find_attr(f, arg[5], &e) < 0) {
			be_find_free(f);
			continue;
		}
		if (be_find_run(f, &e) == 0)
			be_find_print(f, out, fmt > BE_FIND_TEXT ?
			    BE_FIND_RECORDS : (enum be_find_fmt)fmt, 1, &e);
		be_find_free(f);
	}
	fclose(out);
	free(buf);
	return 0;
}
