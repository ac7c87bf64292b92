#include "CProcessMemory.h"

// <malloc.h> (glibc, musl) also brings in <features.h>, which defines __GLIBC__ on glibc.
#if defined(__has_include)
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif
#endif

int newswire_malloc_trim(void) {
#if defined(__GLIBC__)
    return malloc_trim(0);
#else
    return 0;
#endif
}
