/*
 * csvread: reads a CSV file with lib/csv and prints its rows, fields,
 * encoding, delimiter and hash; the driver of tests/bench/csv.sh.
 *
 *	csvread FILE
 */
#include <stdio.h>
#include <stdlib.h>

#include "csvr.h"

int
main(int argc, char *argv[])
{
	struct be_csv *c;
	struct be_err e;
	char **f, *h, msg[2048];
	size_t n, fields = 0, bytes = 0, i;
	unsigned long rows = 0;
	FILE *fp;
	int r;

	if (argc != 2 || (fp = fopen(argv[1], "rb")) == NULL) {
		fprintf(stderr, "usage: csvread FILE\n");
		return 2;
	}
	be_err_init(&e);
	if ((c = be_csv_open(fp, argv[1], NULL, &e)) == NULL) {
		fprintf(stderr, "csvread: %s\n", be_err_str(&e, msg, sizeof msg));
		return 2;
	}
	while ((r = be_csv_row(c, &f, &n, NULL, &e)) > 0) {
		rows++;
		fields += n;
		for (i = 0; i < n; i++)
			bytes += f[i][0] != '\0';
	}
	if (r < 0) {
		fprintf(stderr, "csvread: %s\n", be_err_str(&e, msg, sizeof msg));
		return 2;
	}
	h = be_csv_hash(c);
	printf("%lu rows, %zu fields (%zu not empty), %s, delimiter %d, %s\n",
	    rows, fields, bytes, be_csv_encoding(c), be_csv_delim(c), h);
	free(h);
	be_csv_close(c);
	fclose(fp);
	return 0;
}
