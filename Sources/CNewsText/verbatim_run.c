// The run of bytes the text normalizer copies as they are (see CNewsText.h).
#include "CNewsText.h"

#include <stdbool.h>

#if defined(__x86_64__)
#include <emmintrin.h>
#endif

/// Printable ASCII that is copied as is: everything from 0x21 to 0x7E but quotes,
/// apostrophes, backticks and commas, which the normalizer rewrites or inspects.
static inline bool is_verbatim(uint8_t b) {
    return b >= 0x21 && b < 0x7F && b != 0x22 && b != 0x27 && b != 0x2C && b != 0x60;
}

/// Whether the byte at `i` continues the run; `i + 1` may be `count` (no next byte).
static inline bool continues_run(const uint8_t *bytes, size_t count, size_t i) {
    uint8_t b = bytes[i];
    if (is_verbatim(b)) {
        return true;
    }
    bool has_next = i + 1 < count;
    if (b == 0x20) {
        return has_next && is_verbatim(bytes[i + 1]);
    }
    if (b == 0x2C) {
        return !(has_next && bytes[i + 1] == 0x2C);
    }
    return false;
}

size_t cnewstext_verbatim_run_end_portable(const uint8_t *bytes, size_t count, size_t from) {
    size_t i = from;
    while (i < count && continues_run(bytes, count, i)) {
        i++;
    }
    return i;
}

#if defined(__x86_64__)
/// 0xFF in each lane whose byte is verbatim (see is_verbatim), else 0.
static inline __m128i verbatim_lanes(__m128i x) {
    // Signed compares: bytes of 0x80 and above are negative, so "greater than 0x20" excludes them.
    __m128i printable = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(0x20)), _mm_cmplt_epi8(x, _mm_set1_epi8(0x7F)));
    __m128i excluded = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(0x22)), _mm_cmpeq_epi8(x, _mm_set1_epi8(0x27))),
        _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(0x2C)), _mm_cmpeq_epi8(x, _mm_set1_epi8(0x60))));
    return _mm_andnot_si128(excluded, printable);
}

size_t cnewstext_verbatim_run_end(const uint8_t *bytes, size_t count, size_t from) {
    size_t i = from;
    // Sixteen bytes and the byte after them are read, so each lane can see its successor.
    while (i + 17 <= count) {
        __m128i here = _mm_loadu_si128((const __m128i *)(bytes + i));
        __m128i next = _mm_loadu_si128((const __m128i *)(bytes + i + 1));
        __m128i space = _mm_and_si128(_mm_cmpeq_epi8(here, _mm_set1_epi8(0x20)), verbatim_lanes(next));
        __m128i comma = _mm_andnot_si128(
            _mm_cmpeq_epi8(next, _mm_set1_epi8(0x2C)), _mm_cmpeq_epi8(here, _mm_set1_epi8(0x2C)));
        __m128i continues = _mm_or_si128(verbatim_lanes(here), _mm_or_si128(space, comma));
        unsigned stops = ~(unsigned)_mm_movemask_epi8(continues) & 0xFFFFu;
        if (stops != 0) {
            return i + (size_t)__builtin_ctz(stops);
        }
        i += 16;
    }
    return cnewstext_verbatim_run_end_portable(bytes, count, i);
}
#else
size_t cnewstext_verbatim_run_end(const uint8_t *bytes, size_t count, size_t from) {
    return cnewstext_verbatim_run_end_portable(bytes, count, from);
}
#endif
