internal import CZeroMQ

/// Typed socket options. Each throws ``ZMQError`` naming the option on failure.
extension Socket {
    func setOption(_ option: Int32, _ value: Int32, name: String) throws(ZMQError) {
        let handle = try requireHandle("setsockopt(\(name))")
        var value = value
        guard zmq_setsockopt(handle, option, &value, MemoryLayout<Int32>.size) == 0 else {
            throw ZMQError.last("setsockopt(\(name))")
        }
    }

    func setOption(_ option: Int32, _ value: Int64, name: String) throws(ZMQError) {
        let handle = try requireHandle("setsockopt(\(name))")
        var value = value
        guard zmq_setsockopt(handle, option, &value, MemoryLayout<Int64>.size) == 0 else {
            throw ZMQError.last("setsockopt(\(name))")
        }
    }

    func setOption(_ option: Int32, bytes: [UInt8], name: String) throws(ZMQError) {
        let handle = try requireHandle("setsockopt(\(name))")
        let result = bytes.withUnsafeBytes { zmq_setsockopt(handle, option, $0.baseAddress, $0.count) }
        guard result == 0 else { throw ZMQError.last("setsockopt(\(name))") }
    }

    func int32Option(_ option: Int32, name: String) throws(ZMQError) -> Int32 {
        let handle = try requireHandle("getsockopt(\(name))")
        var value: Int32 = 0
        var size = MemoryLayout<Int32>.size
        guard zmq_getsockopt(handle, option, &value, &size) == 0 else { throw ZMQError.last("getsockopt(\(name))") }
        return value
    }

    func stringOption(_ option: Int32, name: String) throws(ZMQError) -> String {
        let handle = try requireHandle("getsockopt(\(name))")
        var buffer = [CChar](repeating: 0, count: 1024)
        var size = buffer.count
        guard zmq_getsockopt(handle, option, &buffer, &size) == 0 else { throw ZMQError.last("getsockopt(\(name))") }
        return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    // MARK: Queues and timing

    /// Outgoing messages queued per peer before sends block or drop (SNDHWM).
    public func setSendHighWaterMark(_ messages: Int) throws(ZMQError) {
        try setOption(ZMQ_SNDHWM, Int32(clamping: messages), name: "SNDHWM")
    }

    /// Incoming messages queued per peer before libzmq stops reading (RCVHWM).
    public func setReceiveHighWaterMark(_ messages: Int) throws(ZMQError) {
        try setOption(ZMQ_RCVHWM, Int32(clamping: messages), name: "RCVHWM")
    }

    /// How long unsent messages are kept after close; nil keeps them forever (not recommended).
    public func setLinger(_ linger: Duration?) throws(ZMQError) {
        try setOption(ZMQ_LINGER, Int32(linger.map { $0.milliseconds } ?? -1), name: "LINGER")
    }

    /// Queue messages only to completed connections (IMMEDIATE), so a dead peer
    /// does not collect messages that would be lost with it.
    public func setImmediate(_ on: Bool) throws(ZMQError) {
        try setOption(ZMQ_IMMEDIATE, Int32(on ? 1 : 0), name: "IMMEDIATE")
    }

    /// How long a blocking send waits before failing with ``ZMQError/Code/wouldBlock``; nil = forever.
    public func setSendTimeout(_ timeout: Duration?) throws(ZMQError) {
        try setOption(ZMQ_SNDTIMEO, Int32(timeout.map { $0.milliseconds } ?? -1), name: "SNDTIMEO")
    }

    /// How long a blocking receive waits before failing with ``ZMQError/Code/wouldBlock``; nil = forever.
    public func setReceiveTimeout(_ timeout: Duration?) throws(ZMQError) {
        try setOption(ZMQ_RCVTIMEO, Int32(timeout.map { $0.milliseconds } ?? -1), name: "RCVTIMEO")
    }

    /// Largest inbound message accepted; larger ones drop the connection (MAXMSGSIZE). nil = no limit.
    public func setMaximumMessageSize(_ bytes: Int?) throws(ZMQError) {
        try setOption(ZMQ_MAXMSGSIZE, Int64(bytes ?? -1), name: "MAXMSGSIZE")
    }

    /// ZMTP heartbeats: ping every `interval`, drop the connection when no
    /// traffic arrives within `timeout`; `ttl` tells the peer how long to wait for us.
    public func setHeartbeat(interval: Duration, timeout: Duration, ttl: Duration? = nil) throws(ZMQError) {
        try setOption(ZMQ_HEARTBEAT_IVL, Int32(interval.milliseconds), name: "HEARTBEAT_IVL")
        try setOption(ZMQ_HEARTBEAT_TIMEOUT, Int32(timeout.milliseconds), name: "HEARTBEAT_TIMEOUT")
        if let ttl { try setOption(ZMQ_HEARTBEAT_TTL, Int32(ttl.milliseconds), name: "HEARTBEAT_TTL") }
    }

    /// Reconnect delay after a lost connection, growing up to `maximum`.
    public func setReconnectInterval(_ interval: Duration, maximum: Duration? = nil) throws(ZMQError) {
        try setOption(ZMQ_RECONNECT_IVL, Int32(interval.milliseconds), name: "RECONNECT_IVL")
        if let maximum { try setOption(ZMQ_RECONNECT_IVL_MAX, Int32(maximum.milliseconds), name: "RECONNECT_IVL_MAX") }
    }

    // MARK: Identity and routing

    /// The identity a ROUTER peer sees for this socket (ROUTING_ID).
    public func setRoutingID(_ id: [UInt8]) throws(ZMQError) {
        try setOption(ZMQ_ROUTING_ID, bytes: id, name: "ROUTING_ID")
    }

    /// ROUTER: fail sends to unknown peers with ``ZMQError/Code/hostUnreachable`` instead of dropping them.
    public func setRouterMandatory(_ on: Bool) throws(ZMQError) {
        try setOption(ZMQ_ROUTER_MANDATORY, Int32(on ? 1 : 0), name: "ROUTER_MANDATORY")
    }

    /// XPUB: pass every subscription message up, not only new ones.
    public func setXPubVerbose(_ on: Bool) throws(ZMQError) {
        try setOption(ZMQ_XPUB_VERBOSE, Int32(on ? 1 : 0), name: "XPUB_VERBOSE")
    }

    // MARK: Subscriptions

    /// SUB: receive messages whose first frame starts with `prefix` ("" = everything).
    public func subscribe(_ prefix: [UInt8] = []) throws(ZMQError) {
        try setOption(ZMQ_SUBSCRIBE, bytes: prefix, name: "SUBSCRIBE")
    }

    public func subscribe(_ prefix: String) throws(ZMQError) { try subscribe(Array(prefix.utf8)) }

    /// SUB: stop receiving messages for a prefix given to ``subscribe(_:)-([UInt8])``.
    public func unsubscribe(_ prefix: [UInt8] = []) throws(ZMQError) {
        try setOption(ZMQ_UNSUBSCRIBE, bytes: prefix, name: "UNSUBSCRIBE")
    }

    public func unsubscribe(_ prefix: String) throws(ZMQError) { try unsubscribe(Array(prefix.utf8)) }

    // MARK: Security

    /// Makes this socket a CURVE server with its secret key (Z85, 40 characters).
    public func setCurveServer(secretKey: String) throws(ZMQError) {
        try setOption(ZMQ_CURVE_SERVER, Int32(1), name: "CURVE_SERVER")
        try setOption(ZMQ_CURVE_SECRETKEY, bytes: Array(secretKey.utf8), name: "CURVE_SECRETKEY")
    }

    /// Makes this socket a CURVE client of the server with `serverKey`, using its own key pair (Z85).
    public func setCurveClient(serverKey: String, keyPair: CurveKeyPair) throws(ZMQError) {
        try setOption(ZMQ_CURVE_SERVERKEY, bytes: Array(serverKey.utf8), name: "CURVE_SERVERKEY")
        try setOption(ZMQ_CURVE_PUBLICKEY, bytes: Array(keyPair.publicKey.utf8), name: "CURVE_PUBLICKEY")
        try setOption(ZMQ_CURVE_SECRETKEY, bytes: Array(keyPair.secretKey.utf8), name: "CURVE_SECRETKEY")
    }

    /// The ZAP domain a server socket authenticates under.
    public func setZAPDomain(_ domain: String) throws(ZMQError) {
        try setOption(ZMQ_ZAP_DOMAIN, bytes: Array(domain.utf8), name: "ZAP_DOMAIN")
    }

    // MARK: State

    /// Readiness right now (ZMQ_EVENTS), without waiting.
    public var events: Events {
        get throws(ZMQError) { Events(rawValue: Int16(try int32Option(ZMQ_EVENTS, name: "EVENTS"))) }
    }
}
