/*
 * enc.h: reading a text file in one of the encodings of form and
 * spreadsheet exports, as UTF-8.
 *
 * A decoder reads its FILE in chunks of BE_ENC_CHUNK bytes and hands out
 * the text as UTF-8, one piece at a time; it never holds the whole file.
 * The encoding is forced by name, or detected from the first chunk:
 *
 *	EF BB BF	UTF-8 with a byte order mark ("utf-8-bom")
 *	FF FE		UTF-16LE ("utf-16le")
 *	FE FF		UTF-16BE ("utf-16be")
 *	xx 00 xx 00	UTF-16LE without a mark (xx: any byte but 00)
 *	00 xx 00 xx	UTF-16BE without a mark
 *	otherwise	UTF-8 ("utf-8") when the first chunk is valid UTF-8,
 *			or when it holds at least as many valid multi-byte
 *			sequences of UTF-8 as bad bytes (UTF-8 with a few
 *			broken bytes, which fails at the first of them);
 *			Windows-1252 ("windows-1252") when it is valid
 *			Windows-1252 (none of the bytes 0x81 0x8D 0x8F 0x90
 *			0x9D, which that code page leaves undefined) and
 *			reads as a Western language (at most a quarter of
 *			its bytes above 0x7F next to another such byte:
 *			Big5, Shift-JIS, windows-1251 and their kin are
 *			runs of them); else UTF-8, and the text ends in an
 *			error where it stops being valid UTF-8.
 *
 * (Text in the other encodings never starts with NUL bytes.)  The byte
 * order mark is not part of the text.  UTF-16 is converted with iconv(3),
 * Windows-1252 through a table that iconv makes; UTF-8 is checked (no
 * overlong forms, no surrogates, nothing above U+10FFFF) and handed out
 * as read.
 *
 * Errors come after the text that precedes them: be_enc_read first hands
 * out all valid text, and only the call after that fails.  So a caller
 * that counts lines and columns in the text knows exactly where the bad
 * bytes are.
 */
#ifndef BE_ENC_H
#define BE_ENC_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "err.h"

#define BE_ENC_CHUNK	65536	/* bytes read from the file at a time */

/*
 * Bytes read at a time: BE_ENC_CHUNK, unless a test sets it lower (4 at
 * least) to make every case of a piece boundary happen in a small input.
 * Read at be_enc_open.
 */
extern size_t be_enc_chunk;

enum be_enc_kind {
	BE_ENC_UTF8,
	BE_ENC_UTF8_BOM,
	BE_ENC_CP1252,
	BE_ENC_UTF16LE,
	BE_ENC_UTF16BE
};

/*
 * The kind named name, case-insensitively: "utf-8" (or "utf8", or
 * "utf-8-bom", since a forced UTF-8 skips its mark anyway),
 * "windows-1252" or "cp1252", "utf-16le", "utf-16be".  "iso-8859-1" and
 * "latin1" are read as Windows-1252, as web browsers do: files that say
 * Latin-1 nearly always are, and the two differ only in 0x80..0x9F,
 * control characters in Latin-1.  -1 when unknown.
 */
int be_enc_byname(const char *name);

/*
 * The name of kind: "utf-8", "utf-8-bom", "windows-1252", "utf-16le",
 * "utf-16be".  A static string.
 */
const char *be_enc_kindname(int kind);

/*
 * The length of the longest prefix of p[0..n) that is valid UTF-8.  When
 * that prefix ends at a sequence that is incomplete only because p ends
 * (more bytes could complete it), *more is set to 1, else to 0.
 */
size_t be_utf8_valid(const unsigned char *p, size_t n, int *more);

/* Nonzero when no byte of p[0..n) is undefined in Windows-1252. */
int be_cp1252_valid(const unsigned char *p, size_t n);

struct be_enc;

/*
 * Opens a decoder on fp (which it reads but does not close), and reads
 * the first chunk to detect the encoding.  encoding is NULL to detect, or
 * a name for be_enc_byname; a forced "utf-8", "utf-16le" or "utf-16be"
 * still skips its byte order mark.  NULL (and e set) only when encoding
 * is not a known name: a read error is reported by be_enc_read.
 */
struct be_enc *be_enc_open(FILE *fp, const char *encoding, struct be_err *e);

/* The encoding used (enum be_enc_kind). */
int be_enc_kind(const struct be_enc *d);

/*
 * The next piece of text: 1 with *p and *n (n > 0) pointing at UTF-8
 * owned by d, valid until the next call; 0 at the end of the file; -1 at
 * a read error or bytes that are not valid in the encoding, with a
 * message in e but no place (the caller knows where the text stopped).
 * The messages: "invalid UTF-8; fix the file, or read it with -e
 * windows-1252 if that is its encoding", "invalid UTF-8 and not
 * Windows-1252 either; convert the file to UTF-8 (iconv -f ITS-ENCODING
 * -t UTF-8)", "invalid Windows-1252", "invalid UTF-16", "read error:
 * ...".  After 0 or -1, every later call returns the same, unless
 * be_enc_skip goes past the bad bytes.
 */
int be_enc_read(struct be_enc *d, const char **p, size_t *n,
    struct be_err *e);

/*
 * After be_enc_read failed on bytes that are not valid in the encoding:
 * skips them (one bad sequence: a byte and the continuation bytes after
 * it, or a unit of UTF-16), so that be_enc_read goes on after them, and
 * returns 1.  After any other failure (a read error), or none, 0.
 */
int be_enc_skip(struct be_enc *d);

/*
 * The bytes of the first chunk not handed out yet, as read, for a look
 * at their ASCII characters (the CSV delimiter) past a bad byte: 1 with
 * *p and *n, when the encoding keeps ASCII as it is (UTF-8,
 * Windows-1252); else 0.  Valid until the next be_enc_read.
 */
int be_enc_peek(const struct be_enc *d, const char **p, size_t *n);

/*
 * Lower-case hex XXH3-128 (32 digits, see fhash.h) of all bytes read from fp so
 * far; after be_enc_read returned 0, of the whole file.  Caller frees.
 */
char *be_enc_hash(const struct be_enc *d);

/* Frees d (fp stays open).  NULL is allowed. */
void be_enc_close(struct be_enc *d);

/*
 * Eight bytes at a time, as a 64-bit word (SWAR): be_zero_bytes gives
 * the high bit of each byte of z that is 0, and no other; no carry
 * crosses from one byte to the next, so the answer is exact per byte.
 * be_zero_bytes(x ^ BE_ONES * c) finds the bytes equal to c.
 */
#define BE_ONES 0x0101010101010101ULL
#define BE_HIGH (BE_ONES * 0x80)

static inline uint64_t
be_zero_bytes(uint64_t z)
{
	return ~(((z & BE_ONES * 0x7f) + BE_ONES * 0x7f) | z) & BE_HIGH;
}

#endif
