/* Unit tests of lib/csvr.c and lib/enc.c. */
#define _GNU_SOURCE	/* fopencookie */
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CTL(u) "control character U+" u "; remove it from the file"
#define FIX "invalid UTF-8; fix the file, or read it with -e " \
	"windows-1252 if that is its encoding"
#define NEITHER "invalid UTF-8 and not Windows-1252 either; convert the " \
	"file to UTF-8 (iconv -f ITS-ENCODING -t UTF-8)"

#include "buf.h"
#include "csvr.h"
#include "enc.h"
#include "tap.h"

static char got[1 << 18], ref[1 << 18], alt[1 << 18];
static char enc[32];
static int delim;
static int piecebad;

/*
 * Reads in[0..len) and writes what came out into out: fields joined by
 * '|', each row followed by '/', and at the end "." or the error as
 * "!line:col: message" (without msgs: "!line:col").  With lines, each row
 * starts with "<line>:".  Sets enc and delim.
 */
static void
readall(const char *in, size_t len, const struct be_csv_opts *o, int lines,
    char *out, size_t size, int msgs)
{
	struct be_csv *c;
	struct be_err e;
	FILE *fp;
	char **f;
	size_t n, i, k = 0;
	unsigned long line;
	int r;

	be_err_init(&e);
	fp = fmemopen((void *)in, len, "r");
	if ((c = be_csv_open(fp, "t.csv", o, &e)) == NULL) {
		snprintf(out, size, "!open: %s", e.msg);
		fclose(fp);
		return;
	}
	snprintf(enc, sizeof enc, "%s", be_csv_encoding(c));
	out[0] = '\0';
	/* Go on after the errors of a row, as far as the reader can. */
	while ((r = be_csv_row(c, &f, &n, &line, &e)) != 0) {
		if (k > size - 256)
			break;
		if (r < 0) {
			k += snprintf(out + k, size - k, "!%lu:%lu%s%s",
			    e.line, e.col, msgs ? ": " : "", msgs ? e.msg : "");
			if (be_csv_failed(c))
				break;
			k += snprintf(out + k, size - k, "/");
			continue;
		}
		if (lines)
			k += snprintf(out + k, size - k, "%lu:", line);
		for (i = 0; i < n; i++)
			k += snprintf(out + k, size - k, "%s%s",
			    i ? "|" : "", f[i]);
		k += snprintf(out + k, size - k, "/");
	}
	if (r == 0)
		snprintf(out + k, size - k, ".");
	delim = be_csv_delim(c);	/* after a sep= line, too */
	/* An error that ends the reading stays, and so does the end. */
	if (be_csv_row(c, &f, &n, &line, &e) != r)
		snprintf(out, size, "not sticky");
	be_csv_close(c);
	fclose(fp);
}

/*
 * Reads in[0..len) into got (see readall).  Then reads it again in
 * pieces of 4 to 7 bytes, with the encoding and delimiter found forced,
 * and counts in piecebad each time that gives other rows or errors at
 * other places.
 */
static const char *
rd4(const char *in, size_t len, const struct be_csv_opts *o, int lines)
{
	struct be_csv_opts f = { 0, NULL, 0 };
	char e[32];
	int d;

	readall(in, len, o, lines, got, sizeof got, 1);
	if (got[0] == '!' && strncmp(got, "!open", 5) == 0)
		return got;
	readall(in, len, o, 1, ref, sizeof ref, 0);
	snprintf(e, sizeof e, "%s", enc);
	d = delim;
	if (o)
		f = *o;
	f.encoding = e;
	f.delim = d;
	for (be_enc_chunk = 4; be_enc_chunk < 8; be_enc_chunk++) {
		readall(in, len, &f, 1, alt, sizeof alt, 0);
		if (strcmp(ref, alt) != 0) {
			printf("# in pieces of %zu: '%.200s' for '%.200s'\n",
			    be_enc_chunk, alt, ref);
			piecebad++;
		}
	}
	be_enc_chunk = BE_ENC_CHUNK;
	snprintf(enc, sizeof enc, "%s", e);
	delim = d;
	return got;
}

static const char *
rd(const char *in)
{
	return rd4(in, strlen(in), NULL, 0);
}

static const char *
rdn(const char *in, size_t len)
{
	return rd4(in, len, NULL, 0);
}

static const char *
rdo(const char *in, int d, const char *encoding, size_t max)
{
	struct be_csv_opts o = { d, encoding, max };

	return rd4(in, strlen(in), &o, 0);
}

static const char *
rdl(const char *in)
{
	return rd4(in, strlen(in), NULL, 1);
}

/* A FILE that counts the bytes read from it: "a,b\n", then unit (or 'x')
 * over and over. */
struct longf {
	size_t pos, size;
	const char *unit;
};

static ssize_t
longf_read(void *cookie, char *buf, size_t n)
{
	struct longf *l = cookie;
	size_t i, u = l->unit ? strlen(l->unit) : 0;

	for (i = 0; i < n && l->pos < l->size; i++, l->pos++)
		buf[i] = l->pos < 4 ? "a,b\n"[l->pos] :
		    u ? l->unit[(l->pos - 4) % u] : 'x';
	return i;
}

static void
test_long(const char *unit, const char *msg, const char *name)
{
	cookie_io_functions_t io = { longf_read, NULL, NULL, NULL };
	struct longf l = { 0, (size_t)1 << 30, unit };
	struct be_csv *c;
	struct be_err e;
	FILE *fp;
	char **f;
	size_t n;

	fp = fopencookie(&l, "r", io);
	setvbuf(fp, NULL, _IONBF, 0);
	c = be_csv_open(fp, "big.csv", NULL, &e);
	be_csv_row(c, &f, &n, NULL, &e);
	ok(be_csv_row(c, &f, &n, NULL, &e) < 0 && e.line == 2 && e.col == 1 &&
	    strcmp(e.msg, msg) == 0, name);
	ok(l.pos < 16 * 1048576 + 4 * BE_ENC_CHUNK, "without reading all of it");
	be_csv_close(c);
	fclose(fp);
}

static void
test_too_many(void)
{
	static char in[100010 + 16];

	memcpy(in, "a\n", 2);
	memset(in + 2, ',', 100000);
	memcpy(in + 100002, "\"x\"\nz", 6);
	is_str(rd(in), "a/!2:1: row of more than 100000 fields/z/.",
	    "100001 fields are too many");
	in[100001] = '\0';
	ok(strncmp(rd(in), "a/||", 4) == 0, "100000 are not");
}

/* Text across the chunk boundary: a quoted CRLF, an 'é', a CRLF row end. */
static void
test_boundaries(void)
{
	static char in[BE_ENC_CHUNK + 64], want[BE_ENC_CHUNK + 64];
	const char *tail = "\"p\r\nq\",\xC3\xA9\r\nz,w\r\n";
	size_t pad, bad = 0;

	for (pad = BE_ENC_CHUNK - 12; pad < BE_ENC_CHUNK + 2; pad++) {
		memcpy(in, "h,i\n,", 5);
		memset(in + 5, 'x', pad - 5);
		snprintf(in + pad, sizeof in - pad, "\n%s", tail);
		memcpy(want, "h|i/|", 5);
		memset(want + 5, 'x', pad - 5);
		snprintf(want + pad, sizeof want - pad, "/p\nq|\xC3\xA9/z|w/.");
		if (strcmp(rd(in), want) != 0)
			bad++;
	}
	is_int(bad, 0, "pieces split anywhere near the chunk boundary");
}

/* Bytes that are not UTF-8 after the first chunk (which was). */
static void
test_late_invalid(void)
{
	static char in[2 * BE_ENC_CHUNK];
	size_t k, rows;
	char want[128];

	k = snprintf(in, sizeof in, "a,b\n");
	for (rows = 0; k < BE_ENC_CHUNK + 100; rows++)
		k += snprintf(in + k, sizeof in - k, "%zu,\xC3\xABnd\n", rows);
	snprintf(in + k, sizeof in - k, "x,caf\xE9\n");
	rd(in);
	snprintf(want, sizeof want, "!%zu:6: invalid UTF-8; fix the file, "
	    "or read it with -e windows-1252 if that is its encoding/.",
	    rows + 2);
	is_str(strstr(got, "!"), want, "late invalid UTF-8 at its place");
	is_str(enc, "utf-8", "detected as UTF-8");
	in[k + 5] = (char)0x81;
	rd(in);
	snprintf(want, sizeof want, "!%zu:6: " NEITHER "/.", rows + 2);
	is_str(strstr(got, "!"), want, "late byte undefined in Windows-1252");
	/* Windows-1252 throughout, but for one byte far on. */
	k = snprintf(in, sizeof in, "a,b\n");
	for (rows = 0; k < BE_ENC_CHUNK + 100; rows++)
		k += snprintf(in + k, sizeof in - k, "%zu,\xEBnd\n", rows);
	snprintf(in + k, sizeof in - k, "x,caf\x80\x9D\n");
	rd(in);
	snprintf(want, sizeof want, "!%zu:7: " NEITHER "/.", rows + 2);
	is_str(strstr(got, "!"), want, "Windows-1252, later an undefined byte");
	is_str(enc, "windows-1252", "detected as Windows-1252");
}

/* Every byte of Windows-1252 reads as iconv converts it. */
static void
test_1252_all(void)
{
	char in[512], want[2048], *ip = in, *op = want;
	size_t k = 0, il, ol = sizeof want - 1;
	iconv_t cd;
	int b;

	for (b = 0x20; b < 0x100; b++)
		if (b != '"' && b != ',' && b != ';' && b != 0x7F && b != 0x81 &&
		    b != 0x8D && b != 0x8F && b != 0x90 && b != 0x9D) {
			in[k++] = (char)b;
			if (b >= 0x80)	/* as in text: a letter between */
				in[k++] = 'x';
		}
	in[k] = '\0';
	il = k;
	cd = iconv_open("UTF-8", "WINDOWS-1252");
	iconv(cd, &ip, &il, &op, &ol);
	iconv_close(cd);
	strcpy(op, "/.");
	is_str(rd(in), want, "all of Windows-1252 as iconv has it");
	is_str(enc, "windows-1252", "detected");
}

static void
test_hash(void)
{
	struct be_csv *c;
	struct be_err e;
	FILE *fp;
	char **f, *h;
	size_t n;

	fp = fmemopen((void *)"abc", 3, "r");
	c = be_csv_open(fp, "h.csv", NULL, &e);
	while (be_csv_row(c, &f, &n, NULL, &e) > 0)
		;
	h = be_csv_hash(c);
	is_str(h, "06b05ab6733a618578af5f94892f3950",
	    "XXH3-128 of the bytes read");
	free(h);
	h = be_csv_hash(c);
	is_str(h, "06b05ab6733a618578af5f94892f3950",
	    "the hash can be asked twice");
	free(h);
	be_csv_close(c);
	fclose(fp);
}

static void
test_pos(void)
{
	struct be_csv *c;
	struct be_err e;
	FILE *fp;
	char **f;
	size_t n;
	unsigned long line, col, l2, c2, l3, c3;
	const char *in = "id,text,n,z\n1,\"line one\nline two\",\xC3\xAB,z\n"
	    "2,\"a\r\nb\",,\n";

	fp = fmemopen((void *)in, strlen(in), "r");
	c = be_csv_open(fp, "p.csv", NULL, &e);
	be_csv_row(c, &f, &n, &line, &e);
	ok(be_csv_row(c, &f, &n, &line, &e) == 1 && n == 4 && line == 2,
	    "multi-line row starts on line 2");
	is_str(f[1], "line one\nline two", "quoted newline kept");
	be_csv_field_pos(c, 0, &line, &col);
	be_csv_field_pos(c, 1, &l2, &c2);
	be_csv_field_pos(c, 2, &l3, &c3);
	ok(line == 2 && col == 1 && l2 == 2 && c2 == 3 && l3 == 3 &&
	    c3 == 11, "field positions 2:1 2:3 3:11");
	be_csv_field_pos(c, 3, &line, &col);
	ok(line == 3 && col == 13, "after a two-byte character: 3:13");
	be_csv_field_pos(c, 4, &line, &col);
	ok(line == 0 && col == 0, "no field 4: 0:0");
	ok(be_csv_row(c, &f, &n, &line, &e) == 1 && line == 4 && n == 4,
	    "next row on line 4");
	be_csv_field_pos(c, 3, &line, &col);
	ok(line == 5 && col == 5 && strcmp(f[1], "a\nb") == 0 &&
	    *f[3] == '\0', "quoted CRLF is one line end, empty last field");
	be_csv_close(c);
	fclose(fp);
}

/*
 * Rows of random fields, plain and quoted, of pieces of one to three
 * bytes a character, some long enough to be read eight bytes at a time:
 * each field's text and its line:column (in characters) as counted here.
 */
static void
positions(void)
{
	static const char *const piece[] = { "a", "\xc3\xab", "\xe2\x82\xac",
	    "woordenwoorden", " ", "\xf0\x9f\x98\x8a", "xxxxxxxxxxxxxxxxxxxxxxx" };
	struct be_buf in = BE_BUF_INIT, want[8];
	unsigned long wline[8], wcol[8], line, col, l, cc;
	struct be_csv *c;
	struct be_err e;
	FILE *fp;
	char **f;
	size_t n, i, k;
	int row, good = 1, j, quoted;

	srand(11);
	for (i = 0; i < 8; i++)
		be_buf_init(&want[i]);
	be_err_init(&e);
	for (row = 0; row < 300 && good; row++) {
		be_buf_reset(&in);
		be_buf_adds(&in, "a;b;c;d\n");
		line = 2, col = 1;
		for (k = 0; k < 4; k++) {
			be_buf_reset(&want[k]);
			wline[k] = line, wcol[k] = col;
			quoted = rand() % 3 == 0;
			if (quoted) {
				be_buf_addc(&in, '"');
				col++;
			}
			for (j = rand() % 12; j > 0; j--) {
				const char *p = piece[rand() % 7];

				be_buf_adds(&in, p);
				be_buf_adds(&want[k], p);
				for (; *p; p++)
					col += ((unsigned char)*p & 0xC0) != 0x80;
				if (quoted && rand() % 5 == 0) {
					be_buf_adds(&in, "\n");
					be_buf_adds(&want[k], "\n");
					line++, col = 1;
				}
			}
			if (quoted) {
				be_buf_addc(&in, '"');
				col++;
			}
			be_buf_addc(&in, k < 3 ? ';' : '\n');
			col++;
		}
		fp = fmemopen(in.s, in.len, "r");
		c = be_csv_open(fp, "r.csv", NULL, &e);
		be_csv_row(c, &f, &n, NULL, &e);
		good = be_csv_row(c, &f, &n, NULL, &e) == 1 && n == 4;
		for (k = 0; good && k < 4; k++) {
			be_csv_field_pos(c, k, &l, &cc);
			good = strcmp(f[k], want[k].s ? want[k].s : "") == 0 &&
			    l == wline[k] && cc == wcol[k];
		}
		be_csv_close(c);
		fclose(fp);
	}
	ok(good, "300 random rows: fields and their line:column");
	for (i = 0; i < 8; i++)
		be_buf_release(&want[i]);
	be_buf_release(&in);
}

int
main(void)
{
	plan(114);

	/* Delimiters. */
	is_str(rd("a,b\n1,2\n"), "a|b/1|2/.", "comma");
	is_int(delim, ',', "comma detected");
	is_str(rd("a;b;c\n1;2,5;3\n"), "a|b|c/1|2,5|3/.", "semicolon");
	is_int(delim, ';', "semicolon detected");
	is_str(rd("a\tb\n1\t2\n"), "a|b/1|2/.", "TAB");
	is_int(delim, '\t', "TAB detected");
	is_str(rd("\"a,x\";b\n1;2\n"), "a,x|b/1|2/.",
	    "delimiters inside quotes do not count");
	is_str(rd("a;b,c\n1;2\n"), "a|b,c/1|2/.",
	    "a tie goes to the delimiter the next rows have as often");
	is_str(rd("Verhaal\nhet was goed\nslecht\n"),
	    "Verhaal/het was goed/slecht/.", "single column");
	is_str(rdo("a;b,c\n1;2,3\n", ',', NULL, 0), "a;b|c/1;2|3/.",
	    "forced delimiter");
	is_str(rdo("a,b\n", '"', NULL, 0),
	    "!open: invalid delimiter (use ',', ';' or TAB)",
	    "a quote cannot be the delimiter");

	/* Quotes and line ends. */
	is_str(rd("a,b\n\"x\ny\",\"say \"\"hi\"\"\"\n"),
	    "a|b/x\ny|say \"hi\"/.", "quoted newline, doubled quotes");
	is_str(rdl("a,b\r\n1,2\r\n"), "1:a|b/2:1|2/.", "CRLF");
	is_str(rdl("a,b\r1,2\r3,4"), "1:a|b/2:1|2/3:3|4/.",
	    "lone CR, no line end at the end");
	is_str(rdl("a,b\n\"x\r\ny\",\"p\rq\"\n5,6\n"),
	    "1:a|b/2:x\ny|p\rq/5:5|6/.",
	    "CRLF in quotes becomes LF, lone CR kept, each a line");
	is_str(rdl("a,b\n\n1,2\r\n\r\n3,4\n\n"), "1:a|b/3:1|2/5:3|4/.",
	    "empty lines are no rows");
	is_str(rd(" a , b \n"), " a | b /.", "blanks kept");
	is_str(rd("a,,\n,\n"), "a||/|/.", "empty fields");
	is_str(rd(""), ".", "empty file: no rows");
	is_str(rd("\n\r\n"), ".", "only empty lines: no rows");
	is_str(rd("Datum;Verhaal\r\n"), "Datum|Verhaal/.", "header only");

	/* Encodings. */
	is_str(rd("\xEF\xBB\xBFna\xC3\xAF" "ef,b\n"), "na\xC3\xAF" "ef|b/.",
	    "BOM dropped");
	is_str(enc, "utf-8-bom", "BOM detected");
	is_str(rd("caf\xC3\xA9,b\n"), "caf\xC3\xA9|b/.", "UTF-8");
	is_str(enc, "utf-8", "UTF-8 detected");
	is_str(rdn("\xFF\xFE" "a\0;\0\xEB\0\n\0\xAC\x20;\0x\0\n\0", 18),
	    "a|\xC3\xAB/\xE2\x82\xAC|x/.", "UTF-16LE");
	is_str(enc, "utf-16le", "UTF-16LE detected");
	is_str(rdn("\xFE\xFF\0a\0,\0\xEB\0\n\xD8\x3D\xDE\x00\0,\0x", 18),
	    "a|\xC3\xAB/\xF0\x9F\x98\x80|x/.", "UTF-16BE with a surrogate pair");
	is_str(enc, "utf-16be", "UTF-16BE detected");
	is_str(rdn("a\0,\0\xEB\0\n\0", 8), "a|\xC3\xAB/.", "UTF-16LE without BOM");
	is_str(enc, "utf-16le", "UTF-16LE detected without BOM");
	is_str(rdn("\0a\0;\0\xEB\0\n", 8), "a|\xC3\xAB/.", "UTF-16BE without BOM");
	is_str(enc, "utf-16be", "UTF-16BE detected without BOM");
	is_str(rd("Naam;Verhaal\nJo\xEBl;5 \x80\n"),
	    "Naam|Verhaal/Jo\xC3\xABl|5 \xE2\x82\xAC/.", "Windows-1252");
	is_str(enc, "windows-1252", "Windows-1252 detected");
	is_str(rdo("a,b\n\xC3\xAB,x\n", 0, "windows-1252", 0),
	    "a|b/\xC3\x83\xC2\xAB|x/.", "Windows-1252 forced");
	is_str(rdo("a\n\x80\n", 0, "ISO-8859-1", 0), "a/\xE2\x82\xAC/.",
	    "Latin-1 read as Windows-1252");
	is_str(rdo("a,b\n", 0, "latin-9", 0), "!open: unknown encoding "
	    "'latin-9' (use utf-8, windows-1252, utf-16le or utf-16be)",
	    "unknown encoding");
	is_str(rdo("\xEF\xBB\xBF" "a\n", 0, "UTF-8", 0), "a/.",
	    "forced UTF-8 skips its BOM");

	/* Errors at their place. */
	is_str(rd("a,b\n1,\"xy\nz\n"), "a|b/!2:3: unterminated quoted field",
	    "unterminated quoted field at its opening quote");
	is_str(rd("a,b\n1,x\"y\n3,4\n"), "a|b/1|x\"y/3|4/.",
	    "a quote in an unquoted field is a character");
	is_str(rd("a,b\n1,x\"y,\"p\nq\"\n7,8\n"), "a|b/1|x\"y|p\nq/7|8/.",
	    "and the next field may be quoted");
	/* csv-spectrum location_coordinates. */
	is_str(rd("Location,Coordinates\n\"Kreuzberg\",52\u00b030'N 13\u00b023'E\n"
	    "Dorp,6'2\" lang\n"),
	    "Location|Coordinates/Kreuzberg|52\u00b030'N 13\u00b023'E/Dorp|6'2\" lang/.",
	    "csv-spectrum location_coordinates: quotes inside unquoted fields");
	is_str(rd("a,b\n1,\"x\n"), "a|b/!2:3: unterminated quoted field",
	    "an unterminated quoted field is still refused");
	is_str(rd("a;b\n1;x\"y;z\"\n"), "a|b/1|x\"y|z\"/.",
	    "quotes inside fields do not mislead the delimiter's detection");
	/* Excel's sep= line. */
	is_str(rd("sep=;\r\na,b;c\r\n1,5;2\r\n"), "a,b|c/1,5|2/.",
	    "sep=; sets the delimiter and is no header");
	is_int(delim, ';', "sep=; is the delimiter");
	is_str(rd("sep=,\na;b,c\n"), "a;b|c/.", "sep=,");
	is_str(rd("sep=\t\na,b\tc\n"), "a,b|c/.", "sep=TAB");
	is_str(rd("sep=;"), ".", "sep=; alone: no rows");
	is_str(rdo("sep=;\na,b;c\n", ',', NULL, 0), "a|b;c/.",
	    "a forced delimiter wins, the line is still skipped");
	is_str(rdo("sep=e\naebec\n", 'e', NULL, 0), "a|b|c/.",
	    "a forced delimiter that is a letter of sep=: the line is skipped");
	is_str(rd("sep=x,y\n1,2\n"), "sep=x|y/1|2/.",
	    "a header that starts with sep= is a header");
	is_str(rd("\xEF\xBB\xBFsep=;\na;b\n\"x\n"), "a|b/!3:1: unterminated quoted field",
	    "after a BOM; lines are counted from the sep= line");
	is_str(rd("a,b\n\xC3\xAB,\"x\"y\"\"\n1,2\n"), "a|b/!2:5: stray quote "
	    "after quoted field (a quote inside a quoted field must be "
	    "doubled)/1|2/.",
	    "garbage after a closing quote, at that quote, in characters");
	is_str(rdn("a,b\n1,x\0y\0\n3,4", 14), "a|b/!2:4: NUL byte/3|4/.",
	    "NUL byte, once a row");
	is_str(rdn("a,b\n1,\"x\0\"\n", 11), "a|b/!2:5: NUL byte/.",
	    "NUL byte in quotes");
	is_str(rdn("a,b\n1,\"x\"\0\n", 11), "a|b/!2:6: NUL byte/.",
	    "NUL byte after quotes");
	is_str(rdn("\xFF\xFE" "a\0\n\0\0\0", 8), "a/!2:1: NUL byte/.",
	    "NUL character in UTF-16");
	is_str(rd("a,b\n\xC3\xA7x,\x81\xE9\n"), "a|b/!2:4: " NEITHER "/.",
	    "neither UTF-8 nor Windows-1252");
	is_str(rdo("a,b\n\xC3\xA7\xC3\xA9,\xE9\n", 0, "utf-8", 0),
	    "a|b/!2:4: " FIX "/.", "forced UTF-8, column in characters");
	is_str(rdo("a,b\nx\x81\n", 0, "windows-1252", 0),
	    "a|b/!2:2: invalid Windows-1252/.", "forced Windows-1252");
	is_str(rd("a,\xE9\n\x8D"), "!1:3: " NEITHER "/!2:1: " NEITHER "/.",
	    "neither: at the first byte that is not UTF-8");
	is_str(rdo("a,b\n\xF0\x9F\x98", 0, "utf-8", 0),
	    "a|b/!2:1: " FIX "/.", "UTF-8 cut short at the end");
	/* Places the libcsv reader counts from the fields' text. */
	is_str(rd("a,b\n1,\"x\"y,\"z\n"), "a|b/!2:5: stray quote after quoted "
	    "field (a quote inside a quoted field must be doubled)/!2:8: "
	    "unterminated quoted field",
	    "after a stray quote the row is read on: a later open quote at its place");
	is_str(rdl("a,b\n\"p\nq\",x\"\"y\n\"r\ns\"t,\"u\n"), "1:a|b/2:p\nq|x\"\"y/"
	    "!5:2: stray quote after quoted field (a quote inside a quoted "
	    "field must be doubled)/!5:5: unterminated quoted field",
	    "a field after a field over two lines, with quotes as characters");
	is_str(rdo("a,b\n1,\"\xE9\",\"x\n", 0, "utf-8", 0), "a|b/!2:4: " FIX
	    "/!2:7: unterminated quoted field",
	    "a bad byte inside quotes is one column of its line");
	is_str(rdo("\xFF\"\"\"\xDD\xDD,\"m", 0, "utf-8", 0), "!1:1: " FIX
	    "/!1:8: unterminated quoted field",
	    "a row that starts with bad bytes and then a quote: not quoted");
	/* Found by the fuzzer: what is skipped does not depend on the chunk. */
	is_str(rdo("a,b\n2\xB4\xB0,\"x", 0, "utf-8", 0), "a|b/!2:2: " FIX
	    "/!2:4: unterminated quoted field", "a bad byte and the bytes that "
	    "continue it are one column, in pieces too");
	is_str(rdn("\xFF\xFE" "a\0\n\0b", 7), "a/!2:1: invalid UTF-16/.",
	    "odd number of bytes in UTF-16");
	is_str(rdn("\xFF\xFE" "a\0\n\0\x00\xDC", 8), "a/!2:1: invalid UTF-16/.",
	    "lone surrogate in UTF-16");

	/* Control characters: the row refused, at the character. */
	is_str(rd("a,b\n1,x\x1b[2Jy\n3,4\n"), "a|b/!2:4: " CTL("001B") "/3|4/.",
	    "ESC in a field");
	is_str(rd("a,b\n1,\"x\ny\x07\"\n3,4\n"), "a|b/!3:2: " CTL("0007") "/3|4/.",
	    "BEL in a quoted field, on its second line");
	is_str(rd("a,b\n1,\x7f\n"), "a|b/!2:3: " CTL("007F") "/.", "DEL");
	is_str(rd("a,b\n\xC3\xA9\xC2\x9B,x\n"), "a|b/!2:2: " CTL("009B") "/.",
	    "C1 (CSI) in UTF-8");
	is_str(rd("a,b\n\xC2\xA9\xC2\xA0,x\ty\r\n"),
	    "a|b/\xC2\xA9\xC2\xA0|x\ty/.", "TAB, U+00A0 and U+00A9 are text");
	is_str(rdn("\xFF\xFE" "a\0\n\0\x1b\0\n\0", 10), "a/!2:1: " CTL("001B") "/.",
	    "ESC in UTF-16");

	/* UTF-8 with a few broken bytes is not read as Windows-1252. */
	is_str(rd("Naam;Verhaal\nJo\xC3\xABl;caf\xE9 x\nAn;\xC3\xA9\xC3\xA9n\n"),
	    "Naam|Verhaal/!2:9: " FIX "/An|\xC3\xA9\xC3\xA9n/.",
	    "UTF-8 but for one byte: that row refused, at the byte");
	is_str(enc, "utf-8", "UTF-8 but for one byte: detected as UTF-8");
	is_str(rd("a,b\n\xA4\xA4\xA4\xE5,\xB4\xFA\xB8\xD5\n"),
	    "a|b/!2:1: " NEITHER "/.", "Big5 is not taken for Windows-1252");
	is_str(rd("a,b\n\xCF\xF0\xE8\xE2\xE5\xF2,x\n"),
	    "a|b/!2:1: " NEITHER "/.",
	    "windows-1251 is not taken for Windows-1252");
	is_str(rd("Naam;Verhaal\nJo\xEBl;caf\xE9 \x93x\x94\n"),
	    "Naam|Verhaal/Jo\xC3\xABl|caf\xC3\xA9 \xE2\x80\x9Cx\xE2\x80\x9D/.",
	    "Windows-1252 still detected");
	is_str(rdo("a,b\n1,\xE9x\n2,y\n", 0, "utf-8", 0),
	    "a|b/!2:3: " FIX "/2|y/.", "bad bytes refuse their row only");
	is_str(rdo("\xE9" "a,b\n1,2\n", 0, "utf-8", 0),
	    "!1:1: " FIX "/1|2/.", "bad bytes at the very start");
	is_str(rdo("a;\xE9\nb;c\n1;2\n", 0, "utf-8", 0),
	    "!1:3: " FIX "/b|c/1|2/.",
	    "the delimiter is found past a bad byte");
	is_str(rdo("a,b\n1,12345\n", 0, NULL, 5), "a|b/1|12345/.",
	    "a field at the limit");
	is_str(rdo("a,b\n1,123456789012,1234567\n3,4\n", 0, NULL, 5),
	    "a|b/!2:3: field longer than 5 bytes/3|4/.",
	    "a field over the limit");
	is_str(rdo("a,b\n1,\"1\"\"3\"\"5\n6\"\n", 0, NULL, 5),
	    "a|b/!2:3: field longer than 5 bytes/.",
	    "a quoted field over the limit");
	is_str(rdo("a,b\n1,\"\xC3\xAB\xC3\xAB\xC3\xAB\"\n", 0, NULL, 5),
	    "a|b/!2:3: field longer than 5 bytes/.",
	    "the limit is in bytes");
	test_long(NULL, "field longer than 1048576 bytes",
	    "a 1 GiB field is refused at its start");
	{
		static char unit[1001];

		memset(unit, 'x', 999);
		unit[999] = ',';
		test_long(unit, "row longer than 16777216 bytes",
		    "a row of 1 GiB is refused at its start");
	}
	test_too_many();
	test_boundaries();
	test_late_invalid();
	test_1252_all();
	test_hash();
	test_pos();
	positions();
	is_int(piecebad, 0, "read alike in pieces of 4 to 7 bytes");
	return done();
}
