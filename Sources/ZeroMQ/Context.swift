internal import CZeroMQ

/// A libzmq context: the I/O threads every socket runs on.
///
/// A context is thread-safe (libzmq guarantees it), so this type is `Sendable`.
/// Sockets keep their context alive; when the last reference goes, the context
/// is terminated. Call ``shutdown()`` first to make every blocking call on its
/// sockets return ``ZMQError/Code/contextTerminated`` — the order that never hangs
/// is: `shutdown()`, then each owner closes its sockets, then the context deinits.
public final class Context: Sendable {
    // Safe to share: zmq_ctx_* functions are thread-safe.
    nonisolated(unsafe) let handle: UnsafeMutableRawPointer

    /// - Parameter ioThreads: libzmq I/O threads; one is plenty below ~1 GB/s.
    public init(ioThreads: Int = 1) throws(ZMQError) {
        guard let handle = zmq_ctx_new() else { throw ZMQError.last("zmq_ctx_new") }
        self.handle = handle
        if zmq_ctx_set(handle, ZMQ_IO_THREADS, Int32(ioThreads)) != 0 {
            let error = ZMQError.last("zmq_ctx_set(IO_THREADS)")
            zmq_ctx_term(handle)
            throw error
        }
    }

    /// Makes every blocking call on this context's sockets fail with
    /// ``ZMQError/Code/contextTerminated``. Sockets still need closing.
    public func shutdown() {
        zmq_ctx_shutdown(handle)
    }

    deinit {
        // Every socket holds a reference to its context, so all are closed by now:
        // zmq_ctx_term cannot wait on an open socket here.
        while zmq_ctx_term(handle) != 0 && zmq_errno() == czmq_errno_eintr() {}
    }

    /// The libzmq version this process runs against, e.g. (4, 3, 4).
    public static var libraryVersion: (major: Int, minor: Int, patch: Int) {
        var major: Int32 = 0, minor: Int32 = 0, patch: Int32 = 0
        zmq_version(&major, &minor, &patch)
        return (Int(major), Int(minor), Int(patch))
    }

    /// True when libzmq was built with CURVE security (libsodium).
    public static var hasCurve: Bool { zmq_has("curve") != 0 }
}
