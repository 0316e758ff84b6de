/*
 * rxloop: what a user could write instead of be-tag: one thread, every
 * theme's patterns compiled as be-tag compiles them (PCRE2 UTF, UCP,
 * caseless, JIT), and for each text each theme's patterns tried in turn
 * until one matches.  The driver of tests/bench/tag.sh.
 *
 *	rxloop PATTERNS TEXTS
 *
 * PATTERNS has one line per theme, its patterns separated by TABs; TEXTS
 * one text a line.  Prints the number of texts and of (text, theme) tags.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXT 256
#define MAXP 32

static pcre2_code *pat[MAXT][MAXP];
static int npat[MAXT];

int
main(int argc, char *argv[])
{
	pcre2_match_data *md;
	char *line = NULL, *p, *tab;
	size_t cap = 0;
	ssize_t len;
	unsigned long texts = 0, tags = 0;
	int nt = 0, t, k, err;
	PCRE2_SIZE off;
	FILE *fp;

	if (argc != 3 || (fp = fopen(argv[1], "r")) == NULL) {
		fprintf(stderr, "usage: rxloop PATTERNS TEXTS\n");
		return 2;
	}
	while ((len = getline(&line, &cap, fp)) > 0 && nt < MAXT) {
		if (line[len - 1] == '\n')
			line[--len] = '\0';
		for (p = line; p && npat[nt] < MAXP; p = tab) {
			if ((tab = strchr(p, '\t')) != NULL)
				*tab++ = '\0';
			pat[nt][npat[nt]] = pcre2_compile((PCRE2_SPTR)p,
			    PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP |
			    PCRE2_CASELESS, &err, &off, NULL);
			if (pat[nt][npat[nt]] == NULL) {
				fprintf(stderr, "rxloop: bad pattern %s\n", p);
				return 2;
			}
			pcre2_jit_compile(pat[nt][npat[nt]], PCRE2_JIT_COMPLETE);
			npat[nt]++;
		}
		nt++;
	}
	fclose(fp);
	if ((fp = fopen(argv[2], "r")) == NULL) {
		fprintf(stderr, "rxloop: cannot open %s\n", argv[2]);
		return 2;
	}
	md = pcre2_match_data_create(1, NULL);
	while ((len = getline(&line, &cap, fp)) > 0) {
		if (line[len - 1] == '\n')
			line[--len] = '\0';
		texts++;
		for (t = 0; t < nt; t++)
			for (k = 0; k < npat[t]; k++)
				if (pcre2_match(pat[t][k], (PCRE2_SPTR)line,
				    (size_t)len, 0, 0, md, NULL) >= 0) {
					tags++;
					break;
				}
	}
	fclose(fp);
	printf("%lu texts, %lu tags\n", texts, tags);
	return 0;
}
