// Skipping printable ASCII up to the next control or non-ASCII byte (see CNewsText.h).
#include "CNewsText.h"

#if defined(__x86_64__)
#include <emmintrin.h>
#endif

size_t cnewstext_first_control_or_non_ascii_portable(const uint8_t *bytes, size_t count, size_t from) {
    size_t i = from;
    while (i < count && bytes[i] >= 0x20 && bytes[i] < 0x7F) {
        i++;
    }
    return i;
}

#if defined(__x86_64__)
size_t cnewstext_first_control_or_non_ascii(const uint8_t *bytes, size_t count, size_t from) {
    size_t i = from;
    while (i + 16 <= count) {
        __m128i x = _mm_loadu_si128((const __m128i *)(bytes + i));
        // Signed: bytes of 0x80 and above are negative, so "less than 0x20" flags them too.
        __m128i flagged = _mm_or_si128(_mm_cmplt_epi8(x, _mm_set1_epi8(0x20)), _mm_cmpeq_epi8(x, _mm_set1_epi8(0x7F)));
        unsigned mask = (unsigned)_mm_movemask_epi8(flagged);
        if (mask != 0) {
            return i + (size_t)__builtin_ctz(mask);
        }
        i += 16;
    }
    return cnewstext_first_control_or_non_ascii_portable(bytes, count, i);
}
#else
size_t cnewstext_first_control_or_non_ascii(const uint8_t *bytes, size_t count, size_t from) {
    return cnewstext_first_control_or_non_ascii_portable(bytes, count, from);
}
#endif
