/*
 * libFuzzer entry point of the point reader: YAML documents through
 * lib/ydoc into be_point_parse, and what parses written back with
 * be_point_yaml and read again, which must give the same point.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "point.h"
#include "ydoc.h"

static int
same(const struct be_point *a, const struct be_point *b)
{
	size_t i;

	if (a->id != b->id || a->state != b->state ||
	    a->nstories != b->nstories || a->nowner != b->nowner ||
	    a->nwaarden != b->nwaarden || a->nhistory != b->nhistory)
		return 0;
	if (strcmp(a->title, b->title) != 0)
		return 0;
	for (i = 0; i < a->nstories; i++)
		if (a->stories[i].id != b->stories[i].id)
			return 0;
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct be_yreader *r;
	struct be_ynode *doc, *back;
	struct be_point p, q;
	struct be_err e;
	char *out = NULL;
	size_t outlen = 0;
	FILE *fp, *ofp;
	int n = 0;

	if ((fp = fmemopen((void *)data, size, "r")) == NULL)
		return 0;
	r = be_yaml_open(fp, "fuzz");
	be_err_init(&e);
	while (n++ < 16 && be_yaml_next(r, &doc, &e) == 1) {
		if (be_point_parse(doc, "fuzz", &p, &e) == 0) {
			ofp = open_memstream(&out, &outlen);
			be_point_yaml(ofp, &p);
			fclose(ofp);
			if (be_yaml_load1_mem(out, outlen, "back", &back,
			    &e) < 0 || be_point_parse(back, "back", &q, &e) < 0
			    || !same(&p, &q))
				abort();	/* what we write we must read */
			be_point_release(&q);
			be_ynode_free(back);
			free(out);
			out = NULL;
		}
		be_point_release(&p);
		be_ynode_free(doc);
	}
	be_yaml_close(r);
	fclose(fp);
	return 0;
}
