/* Unit tests of lib/csvw.c. */
#include <stdlib.h>

#include "csvw.h"
#include "tap.h"

/* The CSV of fields (END ends a row), as a string the caller frees. */
static char *
write_csv(const char *const *fields, int n)
{
	struct be_csvw w;
	char *s = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&s, &len);
	int i;

	be_csvw_init(&w, fp);
	for (i = 0; i < n; i++) {
		if (fields[i] == (const char *)1)
			be_csvw_end(&w);
		else
			be_csvw_field(&w, fields[i]);
	}
	fclose(fp);
	return s;
}

#define END ((const char *)1)

int
main(void)
{
	const char *plain[] = { "naam", "e-mail", END, "Anna", NULL, END };
	const char *quoted[] = { "a;b", "zei \"ja\"", "twee\nregels", " x", END };
	const char *formulas[] = { "=1+1", "@SUM(A1)", "-kop", "+31 6", "-5",
	    "-,5", "+", END };
	char *s;

	plan(3);
	s = write_csv(plain, 6);
	is_str(s, "\xef\xbb\xbfnaam;e-mail\r\nAnna;\r\n",
	    "BOM, semicolons, CRLF, an empty field");
	free(s);
	s = write_csv(quoted, 5);
	is_str(s, "\xef\xbb\xbf\"a;b\";\"zei \"\"ja\"\"\";\"twee\nregels\";\" x\"\r\n",
	    "quoted as Excel quotes");
	free(s);
	s = write_csv(formulas, 8);
	is_str(s, "\xef\xbb\xbf'=1+1;'@SUM(A1);'-kop;+31 6;-5;-,5;'+\r\n",
	    "formulas are made text, numbers are left alone");
	free(s);
	return done();
}
