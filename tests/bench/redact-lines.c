/*
 * redact-lines: the driver of tests/bench/redact.sh.  Redacts every line
 * of stdin with be_redact and writes the result to stdout; the counts by
 * kind go to stderr.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>

#include "redact.h"

int
main(void)
{
	struct be_buf out = BE_BUF_INIT;
	struct be_redact_counts c = { { 0 } };
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int k;

	while ((n = getline(&line, &cap, stdin)) > 0) {
		be_buf_reset(&out);
		be_redact(line, (size_t)n, &out, &c);
		fwrite(out.s, 1, out.len, stdout);
	}
	for (k = 0; k < BE_R_NKINDS; k++)
		fprintf(stderr, "%s%s=%u", k ? " " : "", be_redact_name(k),
		    c.n[k]);
	fputc('\n', stderr);
	free(line);
	be_buf_release(&out);
	return ferror(stdin) || fflush(stdout) != 0 ? 2 : 0;
}
