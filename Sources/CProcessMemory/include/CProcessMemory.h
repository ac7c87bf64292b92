#ifndef C_PROCESS_MEMORY_H
#define C_PROCESS_MEMORY_H

/// Gives memory that malloc holds free back to the kernel (glibc's
/// malloc_trim(0), which <malloc.h> declares and Swift's Glibc module does
/// not import). Returns 1 when some was given back, 0 when there was none or
/// the C library has no such call (musl, macOS).
int newswire_malloc_trim(void);

#endif
