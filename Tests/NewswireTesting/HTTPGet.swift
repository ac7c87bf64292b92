/// GETs `path` from `address` ("HOST:PORT") over plain HTTP/1.1 and returns the
/// status code and body. Loopback test use only; no TLS, no redirects.
public func httpGet(_ address: String, _ path: String) throws -> (status: Int, body: String) {
    let answer = try RawTCPConnection.get(address, path, timeout: .seconds(30))
    guard let status = answer.status else { throw ProcessFailure("no HTTP response from \(address)\(path)") }
    return (status, answer.body)
}

/// The value of a Prometheus sample line `name{labels} value`, nil when absent.
public func metricValue(_ exposition: String, _ sample: String) -> Double? {
    for line in exposition.split(separator: "\n") where line.hasPrefix(sample + " ") {
        return Double(line.dropFirst(sample.count + 1))
    }
    return nil
}
