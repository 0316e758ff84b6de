/*
 * fhash.h: the hash of an input file's bytes, kept in table source to
 * tell one export from another.  It needs no resistance to an attacker
 * (that is the content id's job, BLAKE2b in story.c), only to chance, so
 * it is XXH3-128 from libxxhash: it keeps up with the disk.
 */
#ifndef BE_FHASH_H
#define BE_FHASH_H

#include <stddef.h>

#define BE_FHASH_HEX 32		/* hex digits of a file hash */

struct be_fhash;

/* A new hash state.  Caller frees with be_fhash_free. */
struct be_fhash *be_fhash_new(void);
void be_fhash_update(struct be_fhash *h, const void *p, size_t n);
/*
 * Writes the lower-case hex digest of what was added so far into out
 * (BE_FHASH_HEX + 1 bytes) and returns out; more can be added after.
 */
char *be_fhash_hex(const struct be_fhash *h, char *out);
void be_fhash_free(struct be_fhash *h);

#endif
