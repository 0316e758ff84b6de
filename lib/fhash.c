/* fhash.c: see fhash.h. */
#include <pthread.h>
#include <stdio.h>
#include <sodium.h>
#include <stdlib.h>

#include <xxhash.h>

#include "fhash.h"
#include "mem.h"
#include "banned.h"

struct be_fhash {
	XXH3_state_t *s;
};

struct be_fhash *
be_fhash_new(void)
{
	struct be_fhash *h = be_xmalloc(sizeof *h);

	if ((h->s = XXH3_createState()) == NULL)
		h->s = be_xmalloc(1);	/* aborts: out of memory */
	XXH3_128bits_reset(h->s);
	return h;
}

void
be_fhash_update(struct be_fhash *h, const void *p, size_t n)
{
	XXH3_128bits_update(h->s, p, n);
}

char *
be_fhash_hex(const struct be_fhash *h, char *out)
{
	static const char hex[] = "0123456789abcdef";
	XXH128_canonical_t c;
	size_t i;

	XXH128_canonicalFromHash(&c, XXH3_128bits_digest(h->s));
	for (i = 0; i < sizeof c.digest; i++) {
		out[2 * i] = hex[c.digest[i] >> 4];
		out[2 * i + 1] = hex[c.digest[i] & 15];
	}
	out[BE_FHASH_HEX] = '\0';
	return out;
}

void
be_fhash_free(struct be_fhash *h)
{
	if (h == NULL)
		return;
	XXH3_freeState(h->s);
	free(h);
}

static pthread_once_t sodium_once = PTHREAD_ONCE_INIT;

static void
sodium_start(void)
{
	if (sodium_init() < 0)
		abort();	/* only when the system has no randomness */
}

void
be_sodium_ready(void)
{
	pthread_once(&sodium_once, sodium_start);
}

char *
be_uuid_random(char *buf)
{
	unsigned char h[16];

	be_sodium_ready();
	randombytes_buf(h, sizeof h);
	h[6] = (unsigned char)((h[6] & 0x0f) | 0x40);
	h[8] = (unsigned char)((h[8] & 0x3f) | 0x80);
	snprintf(buf, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
	    "%02x%02x%02x%02x%02x%02x", h[0], h[1], h[2], h[3], h[4], h[5],
	    h[6], h[7], h[8], h[9], h[10], h[11], h[12], h[13], h[14], h[15]);
	return buf;
}

void
be_blake2b(unsigned char *out, size_t outlen, const void *in, size_t inlen)
{
	be_sodium_ready();
	crypto_generichash(out, outlen, in, inlen, NULL, 0);
}
