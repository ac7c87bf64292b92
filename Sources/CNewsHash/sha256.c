// SHA-256 entry points: padding, the final digest, and the choice of compression routine.
#include "CNewsHash.h"
#include "sha256_internal.h"

#include <string.h>

const uint32_t cnewshash_sha256_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

/// Hashes the whole message with `compress`: full blocks straight from `data`, then one or
/// two padded blocks holding the tail, the 0x80 marker and the bit length.
static void sha256_with(cnewshash_sha256_compress_fn compress, const uint8_t *data, size_t length, uint8_t *digest) {
    uint32_t state[8] = {
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    };
    size_t full = length / 64;
    if (full > 0) {
        compress(state, data, full);
    }
    size_t rest = length - full * 64;
    uint8_t tail[128];
    memset(tail, 0, sizeof tail);
    if (rest > 0) {
        memcpy(tail, data + full * 64, rest);
    }
    tail[rest] = 0x80;
    size_t tail_blocks = rest < 56 ? 1 : 2;
    uint64_t bits = (uint64_t)length * 8;
    for (int i = 0; i < 8; i++) {
        tail[tail_blocks * 64 - 1 - i] = (uint8_t)(bits >> (8 * i));
    }
    compress(state, tail, tail_blocks);
    for (int i = 0; i < 8; i++) {
        digest[4 * i] = (uint8_t)(state[i] >> 24);
        digest[4 * i + 1] = (uint8_t)(state[i] >> 16);
        digest[4 * i + 2] = (uint8_t)(state[i] >> 8);
        digest[4 * i + 3] = (uint8_t)state[i];
    }
}

/// 0: not yet detected, 1: portable, 2: SHA-NI. Detection is idempotent, so racing threads
/// at worst both run cpuid and store the same value.
static int selected_routine = 0;

static cnewshash_sha256_compress_fn select_compress(void) {
    int selected = __atomic_load_n(&selected_routine, __ATOMIC_RELAXED);
    if (selected == 0) {
        selected = 1;
#if defined(__x86_64__)
        if (cnewshash_cpu_has_sha_ni()) {
            selected = 2;
        }
#endif
        __atomic_store_n(&selected_routine, selected, __ATOMIC_RELAXED);
    }
#if defined(__x86_64__)
    if (selected == 2) {
        return cnewshash_sha256_compress_sha_ni;
    }
#endif
    return cnewshash_sha256_compress_portable;
}

void cnewshash_sha256(const uint8_t *data, size_t length, uint8_t *digest) {
    sha256_with(select_compress(), data, length, digest);
}

void cnewshash_sha256_portable(const uint8_t *data, size_t length, uint8_t *digest) {
    sha256_with(cnewshash_sha256_compress_portable, data, length, digest);
}

bool cnewshash_sha256_uses_cpu_extensions(void) {
#if defined(__x86_64__)
    return select_compress() == cnewshash_sha256_compress_sha_ni;
#else
    return false;
#endif
}
