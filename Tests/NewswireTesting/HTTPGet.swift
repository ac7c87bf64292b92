internal import Foundation
#if canImport(Glibc)
internal import Glibc
#endif

/// GETs `path` from `address` ("HOST:PORT") over plain HTTP/1.1 and returns the
/// status code and body. Loopback test use only; no TLS, no redirects.
public func httpGet(_ address: String, _ path: String) throws -> (status: Int, body: String) {
    let parts = address.split(separator: ":")
    guard parts.count == 2, let port = UInt16(parts[1]) else { throw ProcessFailure("bad address \(address)") }
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw ProcessFailure("socket(): \(errno)") }
    defer { close(fd) }
    var target = sockaddr_in()
    target.sin_family = sa_family_t(AF_INET)
    target.sin_port = port.bigEndian
    inet_pton(AF_INET, String(parts[0]), &target.sin_addr)
    let connected = withUnsafePointer(to: &target) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else { throw ProcessFailure("cannot connect to \(address): errno \(errno)") }
    let request = Array("GET \(path) HTTP/1.1\r\nHost: \(address)\r\nConnection: close\r\n\r\n".utf8)
    _ = request.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    var response: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = read(fd, &buffer, buffer.count)
        if count <= 0 { break }
        response.append(contentsOf: buffer[0..<count])
    }
    let text = String(decoding: response, as: UTF8.self)
    guard let headerEnd = text.range(of: "\r\n\r\n") else { throw ProcessFailure("no HTTP response from \(address)\(path)") }
    let status = Int(text.split(separator: " ").dropFirst().first ?? "") ?? 0
    return (status, String(text[headerEnd.upperBound...]))
}

/// The value of a Prometheus sample line `name{labels} value`, nil when absent.
public func metricValue(_ exposition: String, _ sample: String) -> Double? {
    for line in exposition.split(separator: "\n") where line.hasPrefix(sample + " ") {
        return Double(line.dropFirst(sample.count + 1))
    }
    return nil
}
