/// A `--metrics` address, `HOST:PORT`: the host may be empty (all IPv4
/// interfaces), a name, an IPv4 address or a bracketed IPv6 one; port 0 asks
/// the system for a free port.
struct HTTPAddress: Sendable, Equatable {
    var host: String
    var port: Int

    init(_ address: String) throws(HTTPEndpointError) {
        guard let colon = address.lastIndex(of: ":"), let port = UInt16(address[address.index(after: colon)...]) else {
            throw HTTPEndpointError("--metrics: '\(address)' is not HOST:PORT (for example 127.0.0.1:9102)")
        }
        var host = String(address[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        self.host = host.isEmpty ? "0.0.0.0" : host
        self.port = Int(port)
    }

    /// `HOST:PORT` as a URL authority (IPv6 in brackets).
    static func authority(host: String, port: Int) -> String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
