/*
 * libFuzzer entry point for lib/ydoc.c: reads every document of the
 * input, runs the getters over every map, and checks that each scalar
 * the emitter writes reads back to the same string.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctl.h"
#include "ydoc.h"

static int nemit;

/* Emits s as a value, a key and an item, reads it back, and compares. */
static void
roundtrip(const char *s)
{
	struct be_ynode *d = NULL;
	const struct be_ynode *n, *l;
	struct be_err e;
	char *out = NULL;
	size_t len = 0;
	FILE *fp;
	int key;

	if (nemit++ > 64 || (fp = open_memstream(&out, &len)) == NULL)
		return;
	be_yemit_doc(fp, "fuzz");
	be_yemit_str(fp, 0, "v", s);
	be_yemit_key(fp, 0, "l");
	be_yemit_str(fp, 4 | BE_YDASH, "w", s);
	be_yemit_item(fp, 2, s);
	/* s may be one of the keys above: then it cannot be a key. */
	key = strcmp(s, "v") && strcmp(s, "l") && strcmp(s, "kind") &&
	    strcmp(s, "version");
	if (key)
		be_yemit_str(fp, 0, s, "k");
	fclose(fp);
	be_err_init(&e);
	/* A control character is written as an escape and refused when
	 * read back (ctl.h): that refusal is the right answer. */
	if (be_ctl_find(s, strlen(s), NULL) < strlen(s)) {
		if (be_yaml_load1_mem(out, len, "emit", &d, &e) == 0)
			abort();
		free(out);
		return;
	}
	if (be_yaml_load1_mem(out, len, "emit", &d, &e) < 0) {
		char buf[2100];

		fprintf(stderr, "%s\n%s\n", be_err_str(&e, buf, sizeof buf),
		    out);
		abort();
	}
	n = be_ymap_get(d, "v");
	if (n == NULL || strcmp(n->str, s) != 0)
		abort();
	l = be_ymap_get(d, "l");
	if (l == NULL || l->kind != BE_YSEQ || l->n != 2)
		abort();
	n = be_ymap_get(l->items[0], "w");
	if (n == NULL || strcmp(n->str, s) != 0)
		abort();
	if (strcmp(l->items[1]->str, s) != 0)
		abort();
	if (key && ((n = be_ymap_get(d, s)) == NULL ||
	    strcmp(n->str, "k") != 0))
		abort();
	be_ynode_free(d);
	free(out);
}

static void
walk(const struct be_ynode *n, int depth)
{
	static const char *const keys[] = { "kind", "version", "title",
	    NULL };
	const struct be_ynode *o;
	struct be_err e;
	const char *s;
	long long v;
	size_t i;
	int b;

	be_err_init(&e);
	if (n->kind == BE_YSCALAR) {
		if (n->len != strlen(n->str))
			abort();
		roundtrip(n->str);
		return;
	}
	if (n->kind == BE_YSEQ) {
		for (i = 0; i < n->n; i++)
			walk(n->items[i], depth + 1);
		return;
	}
	be_ymap_check(n, keys, "f", &e);
	be_ydoc_check(n, "story", "f", &e);
	for (i = 0; i < n->n; i++) {
		const char *k = n->items[2 * i]->str;

		if (be_ymap_get(n, k) == NULL)
			abort();
		be_yget_str(n, k, 1, &s, "f", &e);
		be_yget_int(n, k, 0, 0, &v, "f", &e);
		be_yget_bool(n, k, 0, 0, &b, "f", &e);
		be_yget_seq(n, k, 1, &o, "f", &e);
		be_yget_map(n, k, 0, &o, "f", &e);
		walk(n->items[2 * i], depth + 1);
		walk(n->items[2 * i + 1], depth + 1);
	}
}

/* Nonzero when s is valid UTF-8 (what the emitter promises to keep). */
static int
valid_utf8(const unsigned char *s)
{
	unsigned long c;
	int k, i;

	while (*s) {
		if (*s < 0x80) {
			s++;
			continue;
		}
		if (*s >= 0xc2 && *s <= 0xdf)
			k = 1, c = *s & 0x1f;
		else if (*s >= 0xe0 && *s <= 0xef)
			k = 2, c = *s & 0x0f;
		else if (*s >= 0xf0 && *s <= 0xf4)
			k = 3, c = *s & 0x07;
		else
			return 0;
		for (i = 1; i <= k; i++) {
			if ((s[i] & 0xc0) != 0x80)
				return 0;
			c = c << 6 | (s[i] & 0x3f);
		}
		if ((k == 2 && c < 0x800) || (k == 3 && c < 0x10000) ||
		    c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
			return 0;
		s += k + 1;
	}
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct be_yreader *r;
	struct be_ynode *d;
	struct be_err e;
	FILE *fp;
	char buf[2100], *s;

	nemit = 0;
	be_err_init(&e);
	/* The input itself as a string value. */
	if ((s = malloc(size + 1)) != NULL) {
		memcpy(s, data, size);
		s[size] = '\0';
		if (valid_utf8((const unsigned char *)s))
			roundtrip(s);
		free(s);
	}
	if (be_yaml_load1_mem((const char *)data, size, "f", &d, &e) == 0)
		be_ynode_free(d);
	else
		be_err_str(&e, buf, sizeof buf);
	if (size == 0 || (fp = fmemopen((void *)data, size, "r")) == NULL)
		return 0;
	r = be_yaml_open(fp, "f");
	while (be_yaml_next(r, &d, &e) > 0) {
		walk(d, 0);
		be_ynode_free(d);
	}
	be_yaml_close(r);
	fclose(fp);
	return 0;
}
