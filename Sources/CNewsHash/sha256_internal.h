// Shared between the SHA-256 entry points and the two compression routines.
#ifndef CNEWSHASH_SHA256_INTERNAL_H
#define CNEWSHASH_SHA256_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

/// The round constants: the first 32 bits of the fractional parts of the cube roots of the first 64 primes.
extern const uint32_t cnewshash_sha256_k[64];

/// Compresses `blocks` consecutive 64-byte blocks at `data` into the eight state words.
typedef void (*cnewshash_sha256_compress_fn)(uint32_t state[8], const uint8_t *data, size_t blocks);

/// Plain C, for every CPU.
void cnewshash_sha256_compress_portable(uint32_t state[8], const uint8_t *data, size_t blocks);

#if defined(__x86_64__)
/// SHA-NI; call only when `cnewshash_cpu_has_sha_ni()` is true.
void cnewshash_sha256_compress_sha_ni(uint32_t state[8], const uint8_t *data, size_t blocks);
/// Whether the CPU has SHA-NI and the SSSE3 and SSE4.1 instructions the routine also uses.
int cnewshash_cpu_has_sha_ni(void);
#endif

#endif
