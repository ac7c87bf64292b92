internal import Foundation
internal import Synchronization

/// Authenticates CURVE clients for every server socket of one ``Context``: a ZAP
/// handler (ZeroMQ RFC 27) that accepts a client whose public key is in a
/// ``CurveAllowList`` and refuses every other client and every other mechanism.
///
/// libzmq asks the handler bound at `inproc://zeromq.zap.01` in the server
/// socket's context about each new connection, before any message passes. So
/// create the handler **before** binding CURVE server sockets: while no handler
/// is bound, libzmq lets every CURVE client in. Set a ZAP domain on each server
/// socket (``Socket/setZAPDomain(_:)``) so a decision says which socket it was.
/// A refused client gets no messages through, and libzmq does not reconnect it.
///
/// Ownership: `init` binds the ROUTER socket on the caller's thread and hands it
/// to the handler's own thread, which answers every request and calls
/// `onDecision` there: keep that quick and thread-safe (log, count). ``stop()``
/// closes the socket, which the context needs before it can terminate.
public final class ZAPHandler: Sendable {
    /// Where libzmq looks for the handler (RFC 27).
    public static let endpoint = "inproc://zeromq.zap.01"
    private let lifecycle = HandlerLifecycle()

    /// Binds the handler in `context` and starts answering. Fails with
    /// ``ZMQError/Code/addressInUse`` when the context has a handler already.
    public init(context: Context, allowList: CurveAllowList, onDecision: @escaping @Sendable (ZAPDecision) -> Void = { _ in }) throws(ZMQError) {
        let socket = try Socket(context: context, type: .router)
        try socket.setLinger(.zero)
        try socket.bind(Self.endpoint)
        let box = SocketBox(socket)
        let lifecycle = self.lifecycle
        let thread = Thread {
            Self.serve(box.take(), allowList: allowList, lifecycle: lifecycle, onDecision: onDecision)
        }
        thread.name = "zmq:zap"
        thread.start()
    }

    deinit { lifecycle.requestStop() }

    /// Stops answering, closes the socket and waits for the thread to finish. Idempotent.
    /// Connections that start handshaking afterwards are no longer checked: stop
    /// the handler after the server sockets are closed.
    public func stop() async {
        lifecycle.requestStop()
        await lifecycle.waitUntilFinished()
    }

    // MARK: The handler's thread

    private static func serve(_ socket: Socket, allowList: CurveAllowList, lifecycle: HandlerLifecycle, onDecision: @Sendable (ZAPDecision) -> Void) {
        defer {
            socket.close()
            lifecycle.finished()
        }
        while !lifecycle.isStopping {
            let request: Multipart?
            do {
                // The timeout bounds how long stop() waits.
                request = try socket.receive(timeout: .milliseconds(100))
            } catch {
                return  // the context was terminated
            }
            guard let request, let (reply, decision) = answer(request, allowList: allowList) else { continue }
            // A ROUTER never blocks on send; a reply to a connection gone meanwhile is dropped.
            _ = try? socket.send(reply, wait: false)
            onDecision(decision)
        }
    }

    /// The reply to one request, and the decision to report; nil for a message
    /// without the `[route][empty]` envelope, which cannot be answered.
    ///
    /// Request after the envelope: version "1.0", request id, domain, address,
    /// routing id, mechanism, credentials (CURVE: one 32-byte public key).
    /// Reply: version, request id, status code, status text, user id, metadata.
    static func answer(_ request: Multipart, allowList: CurveAllowList) -> (Multipart, ZAPDecision)? {
        guard request.count >= 2, request[1].isEmpty else { return nil }
        let body = Array(request.frames.dropFirst(2))
        func text(_ index: Int) -> String {
            body.indices.contains(index) ? String(decoding: body[index], as: UTF8.self) : ""
        }
        let domain = text(2), address = text(3), mechanism = text(5)
        var clientKey: String?
        let status: (code: Int, reason: String, userID: String)
        if body.count < 6 {
            status = (500, "malformed ZAP request: \(body.count) frames, at least 6 expected", "")
        } else if text(0) != "1.0" {
            status = (500, "unsupported ZAP version '\(text(0))'; 1.0 expected", "")
        } else if mechanism != "CURVE" {
            status = (400, "mechanism \(mechanism) is not allowed; CURVE only", "")
        } else if body.count != 7 || body[6].count != 32 {
            status = (500, "malformed CURVE credentials: one 32-byte public key expected", "")
        } else {
            clientKey = Z85.encodeKey(body[6])
            if let name = allowList.name(ofKey: body[6]) {
                status = (200, "OK", name)
            } else {
                status = (400, "public key not in the allow-list", "")
            }
        }
        let reply = Multipart([
            request[0], [], Array("1.0".utf8), body.count > 1 ? body[1] : [],
            Array(String(status.code).utf8), Array(status.reason.utf8), Array(status.userID.utf8), [],
        ])
        let decision = ZAPDecision(
            domain: domain, address: address, mechanism: mechanism, clientKey: clientKey,
            statusCode: status.code, reason: status.reason, userID: status.userID)
        return (reply, decision)
    }
}

/// The stop request and the end of a ``ZAPHandler``'s thread, shared with the tasks that wait for it.
private final class HandlerLifecycle: Sendable {
    private let stopping = Atomic<Bool>(false)
    private let waiters = Mutex<[CheckedContinuation<Void, Never>]?>([])

    var isStopping: Bool { stopping.load(ordering: .acquiring) }

    func requestStop() { stopping.store(true, ordering: .releasing) }

    /// Called by the thread as it exits; wakes every waiter, now and later.
    func finished() {
        let pending = waiters.withLock { waiters in
            defer { waiters = nil }
            return waiters ?? []
        }
        for waiter in pending { waiter.resume() }
    }

    func waitUntilFinished() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = waiters.withLock { waiters -> Bool in
                guard waiters != nil else { return true }
                waiters!.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
    }
}
