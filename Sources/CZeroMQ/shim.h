#ifndef NEWSWIRE_CZEROMQ_SHIM_H
#define NEWSWIRE_CZEROMQ_SHIM_H

// libzmq's public API. Debian ships it in libzmq3-dev; we link it directly
// (module.modulemap) instead of through pkg-config, whose libzmq.pc carries an
// -isystem flag that SwiftPM warns about on every build.
#include <zmq.h>
#include <errno.h>

// Macros Swift cannot import as constants.
static inline int czmq_errno_eagain(void) { return EAGAIN; }
static inline int czmq_errno_eintr(void) { return EINTR; }
static inline int czmq_errno_eterm(void) { return ETERM; }

#endif
