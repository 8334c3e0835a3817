/* SHA-256 (FIPS 180-4), to name the exact content of a base catalog: a
 * tailoring records the digest of the text it was made from, so a changed
 * base is noticed rather than silently merged against. */
#ifndef KIJUN_SHA256_H
#define KIJUN_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct sha256 {
	uint32_t state[8];
	uint64_t bytes;        /* total fed in, for the length in the padding */
	uint8_t block[64];     /* a partial block waiting for more input */
	size_t used;           /* bytes of block in use */
};

void sha256_init(struct sha256 *h);
void sha256_update(struct sha256 *h, const void *data, size_t len);

/* Writes the digest; h must be initialised again before reuse. */
void sha256_final(struct sha256 *h, uint8_t out[32]);

/* The digest of data[0..len) as 64 lowercase hex digits and a NUL. */
void sha256_hex(const void *data, size_t len, char out[65]);

/* "sha256:" and the hex digest of data[0..len), as files record it. */
void sha256_tag(const void *data, size_t len, char out[72]);
/* The same of what was fed to h, for text hashed as it is made. */
void sha256_final_tag(struct sha256 *h, char out[72]);

#endif
