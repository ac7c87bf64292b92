// Byte scans over text for NewsParsing's hot loops, in C so that they can classify sixteen
// bytes at a time with SSE2 (every x86-64 CPU has it) and fall back to portable code one
// byte at a time elsewhere. Each scan has a `_portable` twin that tests compare it with.
#ifndef CNEWSTEXT_H
#define CNEWSTEXT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The end of the run, starting at `from`, that TextNormalizer copies unchanged: the index
/// of the first byte in `bytes[from..<count]` that is none of
///   - printable ASCII other than `"`, `'`, `,` and the backtick (0x21...0x7E),
///   - a space followed by such a byte,
///   - a comma not followed by another comma;
/// or `count` when there is none. A byte past `count` counts as "no byte": a space at the
/// end stops the run, a comma at the end does not. Uses SSE2 on x86-64.
size_t cnewstext_verbatim_run_end(const uint8_t *_Nonnull bytes, size_t count, size_t from);

/// The same result from the portable code only, whatever the CPU; for tests and comparison.
size_t cnewstext_verbatim_run_end_portable(const uint8_t *_Nonnull bytes, size_t count, size_t from);

/// The index of the first byte in `bytes[from..<count]` that is a control byte (below 0x20,
/// or 0x7F) or not ASCII (0x80 and above), or `count` when there is none: what InputDecoder's
/// check for binary and invalid input looks at, with the printable ASCII between skipped.
/// Uses SSE2 on x86-64.
size_t cnewstext_first_control_or_non_ascii(const uint8_t *_Nonnull bytes, size_t count, size_t from);

/// The same result from the portable code only, whatever the CPU; for tests and comparison.
size_t cnewstext_first_control_or_non_ascii_portable(const uint8_t *_Nonnull bytes, size_t count, size_t from);

#ifdef __cplusplus
}
#endif

#endif
