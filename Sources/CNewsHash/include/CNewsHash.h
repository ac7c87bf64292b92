// SHA-256 (FIPS 180-4) for NewsParsing's content hashes, in C so that it can use the
// CPU's SHA extensions (x86-64 SHA-NI) where they exist and portable code elsewhere.
#ifndef CNEWSHASH_H
#define CNEWSHASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Writes the 32-byte SHA-256 digest of `length` bytes at `data` to `digest`.
/// Uses the CPU's SHA extensions when `cnewshash_sha256_uses_cpu_extensions()` is true.
/// `data` may be NULL when `length` is 0.
void cnewshash_sha256(const uint8_t *_Nullable data, size_t length, uint8_t *_Nonnull digest);

/// The same digest computed by the portable code only, whatever the CPU; for tests and comparison.
void cnewshash_sha256_portable(const uint8_t *_Nullable data, size_t length, uint8_t *_Nonnull digest);

/// Whether `cnewshash_sha256` runs on the CPU's SHA extensions on this machine
/// (x86-64 with SHA-NI, SSSE3 and SSE4.1, detected once with cpuid).
bool cnewshash_sha256_uses_cpu_extensions(void);

#ifdef __cplusplus
}
#endif

#endif
