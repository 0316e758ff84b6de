/*
 * fhash.h: the project's hashes.  The hash of an input file's bytes, kept
 * in table source to tell one export from another, needs no resistance to
 * an attacker, only to chance, so it is XXH3-128 from libxxhash: it keeps
 * up with the disk.  BLAKE2b (below) is for what must resist one.
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

/*
 * BLAKE2b, the hash that must resist an attacker (content ids, codebook
 * versions, theme GUIDs), is libsodium's crypto_generichash: it picks the
 * fastest code for the processor (AVX2 where there is), which
 * be_sodium_ready finds out once; a third faster than libb2 on stories
 * of a kilobyte, with the same digest.  be_blake2b writes the outlen-byte
 * digest (16 to 64) of in.
 */
void be_sodium_ready(void);
/* A random (version 4) UUID, "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx" in
 * lower case, into buf (at least 37 bytes).  Returns buf. */
char *be_uuid_random(char *buf);

void be_blake2b(unsigned char *out, size_t outlen, const void *in,
    size_t inlen);

#endif
