/*
 * hsloop: rxloop (tests/bench/rxloop.c) with Hyperscan: every theme's
 * patterns compiled into one database (block mode, UTF-8, UCP, caseless,
 * one match per theme), the theme's index as the match id, and one scan
 * of each text that marks the themes it matched.  The driver of
 * tests/bench/tag.sh.
 *
 *	hsloop PATTERNS TEXTS
 *
 * PATTERNS has one line per theme, its patterns separated by TABs; TEXTS
 * one text a line.  Prints the number of texts and of (text, theme) tags.
 *
 * Hyperscan has no \b in UCP mode, and nearly every pattern of the
 * codebook has one: such a pattern is compiled without UCP, so that its
 * \b and \w are ASCII's (to them a letter such as e-umlaut is no word
 * character).  A pattern Hyperscan refuses even so (a lookbehind) is run
 * with PCRE2 as rxloop runs it, and only when Hyperscan has not tagged
 * its theme for that text already.  Both are told on stderr, so that the
 * reader of the bench sees what was not Hyperscan's.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <hs.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXT 256
#define MAXP 32
#define HSFLAGS (HS_FLAG_UTF8 | HS_FLAG_UCP | HS_FLAG_CASELESS | \
    HS_FLAG_SINGLEMATCH)

static const char *expr[MAXT * MAXP];	/* what Hyperscan takes */
static unsigned int flag[MAXT * MAXP];
static unsigned int id[MAXT * MAXP];
static struct {
	const char *src;
	char *why;
	pcre2_code *re;
	unsigned int theme;
} rx[MAXT * MAXP];			/* what it refused */
static unsigned int ne, nrx;
static unsigned long seen[MAXT];	/* the text that last tagged it */
static unsigned long texts, tags;

static int
onmatch(unsigned int theme, unsigned long long from, unsigned long long to,
    unsigned int flags, void *ctx)
{
	if (seen[theme] != texts) {
		seen[theme] = texts;
		tags++;
	}
	return 0;
}

/* Moves expression e from Hyperscan's list to PCRE2's. */
static int
refuse(unsigned int e, const char *why)
{
	PCRE2_SIZE off;
	int err;

	rx[nrx].src = expr[e];
	rx[nrx].theme = id[e];
	if ((rx[nrx].why = strdup(why)) == NULL)
		return -1;
	rx[nrx].re = pcre2_compile((PCRE2_SPTR)expr[e], PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &err, &off, NULL);
	if (rx[nrx].re == NULL) {
		fprintf(stderr, "hsloop: bad pattern %s\n", expr[e]);
		return -1;
	}
	pcre2_jit_compile(rx[nrx].re, PCRE2_JIT_COMPLETE);
	nrx++;
	ne--;
	memmove(&expr[e], &expr[e + 1], (ne - e) * sizeof(expr[0]));
	memmove(&flag[e], &flag[e + 1], (ne - e) * sizeof(flag[0]));
	memmove(&id[e], &id[e + 1], (ne - e) * sizeof(id[0]));
	return 0;
}

int
main(int argc, char *argv[])
{
	hs_database_t *db = NULL;
	hs_scratch_t *scratch = NULL;
	hs_compile_error_t *cerr;
	hs_expr_info_t *info;
	pcre2_match_data *md;
	char *line = NULL, *p, *tab;
	size_t cap = 0;
	ssize_t len;
	unsigned int nt = 0, nascii = 0, e, k;
	FILE *fp;

	if (argc != 3 || (fp = fopen(argv[1], "r")) == NULL) {
		fprintf(stderr, "usage: hsloop PATTERNS TEXTS\n");
		return 2;
	}
	while ((len = getline(&line, &cap, fp)) > 0 && nt < MAXT) {
		if (line[len - 1] == '\n')
			line[--len] = '\0';
		for (p = line, k = 0; p && k < MAXP; p = tab, k++) {
			if ((tab = strchr(p, '\t')) != NULL)
				*tab++ = '\0';
			if ((expr[ne] = strdup(p)) == NULL) {
				perror("hsloop");
				return 2;
			}
			flag[ne] = HSFLAGS;
			id[ne++] = nt;
		}
		nt++;
	}
	fclose(fp);

	/*
	 * Each pattern is tried alone first: hs_compile_multi names one bad
	 * expression a call, and a call costs as much as the whole database.
	 */
	for (e = 0; e < ne; ) {
		if (hs_expression_info(expr[e], flag[e], &info, &cerr) ==
		    HS_SUCCESS) {
			free(info);
			e++;
			continue;
		}
		if (flag[e] & HS_FLAG_UCP)
			flag[e] &= ~HS_FLAG_UCP;
		else if (refuse(e, cerr->message) == -1)
			return 2;
		hs_free_compile_error(cerr);
	}
	/* What only the whole database shows, such as its size. */
	while (ne > 0 && hs_compile_multi(expr, flag, id, ne, HS_MODE_BLOCK,
	    NULL, &db, &cerr) != HS_SUCCESS) {
		if (cerr->expression < 0 ||
		    (unsigned int)cerr->expression >= ne) {
			fprintf(stderr, "hsloop: %s\n", cerr->message);
			return 2;
		}
		if (refuse((unsigned int)cerr->expression, cerr->message) == -1)
			return 2;
		hs_free_compile_error(cerr);
	}
	for (e = 0; e < ne; e++)
		if (!(flag[e] & HS_FLAG_UCP))
			nascii++;
	if (nascii > 0)
		fprintf(stderr, "hsloop: %u patterns compiled without UCP"
		    " (ASCII \\b and \\w)\n", nascii);
	if (nrx > 0) {
		fprintf(stderr, "hsloop: %u patterns run with PCRE2:", nrx);
		for (k = 0; k < nrx; k++)
			fprintf(stderr, "%s theme %u '%s' (%s)", k ? ";" : "",
			    rx[k].theme + 1, rx[k].src, rx[k].why);
		fputc('\n', stderr);
	}
	if (db != NULL && hs_alloc_scratch(db, &scratch) != HS_SUCCESS) {
		fprintf(stderr, "hsloop: cannot allocate scratch space\n");
		return 2;
	}

	if ((fp = fopen(argv[2], "r")) == NULL) {
		fprintf(stderr, "hsloop: cannot open %s\n", argv[2]);
		return 2;
	}
	md = pcre2_match_data_create(1, NULL);
	while ((len = getline(&line, &cap, fp)) > 0) {
		if (line[len - 1] == '\n')
			line[--len] = '\0';
		texts++;
		if (db != NULL && hs_scan(db, line, (unsigned int)len, 0,
		    scratch, onmatch, NULL) != HS_SUCCESS) {
			fprintf(stderr, "hsloop: cannot scan text %lu\n",
			    texts);
			return 2;
		}
		for (k = 0; k < nrx; k++)
			if (seen[rx[k].theme] != texts &&
			    pcre2_match(rx[k].re, (PCRE2_SPTR)line,
			    (size_t)len, 0, 0, md, NULL) >= 0) {
				seen[rx[k].theme] = texts;
				tags++;
			}
	}
	fclose(fp);
	printf("%lu texts, %lu tags\n", texts, tags);
	return 0;
}
