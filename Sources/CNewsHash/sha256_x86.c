// The SHA-256 compression function on x86-64's SHA extensions (SHA-NI).
//
// The instructions keep the eight working variables in two registers, ABEF and CDGH.
// SHA256RNDS2 runs two rounds from the two message-plus-constant words in the low half of
// its third operand and returns the new ABEF; the old ABEF becomes the new CDGH, so two
// calls with the roles swapped make four rounds. SHA256MSG1 and SHA256MSG2 compute the
// message schedule four words at a time:
//   W[t..t+3] = MSG2(MSG1(W[t-16..], W[t-12..]) + W[t-7..t-4], W[t-4..t-1]).
#if defined(__x86_64__)

#include "sha256_internal.h"

#include <cpuid.h>
#include <immintrin.h>

int cnewshash_cpu_has_sha_ni(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) {
        return 0;
    }
    int ssse3 = (ecx >> 9) & 1;
    int sse41 = (ecx >> 19) & 1;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) {
        return 0;
    }
    int sha = (ebx >> 29) & 1;
    return ssse3 && sse41 && sha;
}

/// Four rounds on `message` (four schedule words) plus the constants for rounds 4·group….
#define FOUR_ROUNDS(message, group)                                                               \
    do {                                                                                          \
        __m128i words = _mm_add_epi32(                                                            \
            (message), _mm_loadu_si128((const __m128i *)&cnewshash_sha256_k[4 * (group)]));       \
        cdgh = _mm_sha256rnds2_epu32(cdgh, abef, words);                                          \
        abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(words, 0x0E));                 \
    } while (0)

/// The next four schedule words from the previous sixteen (w0 oldest, w3 newest).
#define SCHEDULE(w0, w1, w2, w3) \
    _mm_sha256msg2_epu32(_mm_add_epi32(_mm_sha256msg1_epu32((w0), (w1)), _mm_alignr_epi8((w3), (w2), 4)), (w3))

__attribute__((target("sha,ssse3,sse4.1")))
void cnewshash_sha256_compress_sha_ni(uint32_t state[8], const uint8_t *data, size_t blocks) {
    // Swaps the bytes of each 32-bit word: the message is big-endian.
    const __m128i byte_swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);

    // Lanes are listed lowest first. state[0..3] = A B C D and state[4..7] = E F G H become
    // abef = F E B A and cdgh = H G D C, the layout the instructions use.
    __m128i abcd = _mm_loadu_si128((const __m128i *)&state[0]);
    __m128i efgh = _mm_loadu_si128((const __m128i *)&state[4]);
    __m128i badc = _mm_shuffle_epi32(abcd, 0xB1);       // B A D C
    __m128i hgfe = _mm_shuffle_epi32(efgh, 0x1B);       // H G F E
    __m128i abef = _mm_alignr_epi8(badc, hgfe, 8);      // F E B A
    __m128i cdgh = _mm_blend_epi16(hgfe, badc, 0xF0);   // H G D C

    for (size_t block = 0; block < blocks; block++, data += 64) {
        __m128i saved_abef = abef;
        __m128i saved_cdgh = cdgh;

        __m128i w0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 0)), byte_swap);
        __m128i w1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16)), byte_swap);
        __m128i w2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 32)), byte_swap);
        __m128i w3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 48)), byte_swap);
        FOUR_ROUNDS(w0, 0);
        FOUR_ROUNDS(w1, 1);
        FOUR_ROUNDS(w2, 2);
        FOUR_ROUNDS(w3, 3);
        // Rounds 16 to 63: each step replaces the oldest four words with the next four.
        for (int group = 4; group < 16; group += 4) {
            w0 = SCHEDULE(w0, w1, w2, w3);
            FOUR_ROUNDS(w0, group);
            w1 = SCHEDULE(w1, w2, w3, w0);
            FOUR_ROUNDS(w1, group + 1);
            w2 = SCHEDULE(w2, w3, w0, w1);
            FOUR_ROUNDS(w2, group + 2);
            w3 = SCHEDULE(w3, w0, w1, w2);
            FOUR_ROUNDS(w3, group + 3);
        }

        abef = _mm_add_epi32(abef, saved_abef);
        cdgh = _mm_add_epi32(cdgh, saved_cdgh);
    }

    // Back to A B C D and E F G H.
    __m128i abef_reversed = _mm_shuffle_epi32(abef, 0x1B); // A B E F
    __m128i ghcd = _mm_shuffle_epi32(cdgh, 0xB1);          // G H C D
    _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(abef_reversed, ghcd, 0xF0)); // A B C D
    _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(ghcd, abef_reversed, 8));   // E F G H
}

#endif
