/// One ZeroMQ message: an ordered list of frames that arrive all together or not at all.
public struct Multipart: Sendable, Equatable, CustomStringConvertible {
    public var frames: [[UInt8]]

    public init(_ frames: [[UInt8]]) { self.frames = frames }

    /// Frames from UTF-8 strings, for tests and text protocols.
    public init(strings: [String]) { self.frames = strings.map { Array($0.utf8) } }

    public var count: Int { frames.count }
    public var isEmpty: Bool { frames.isEmpty }
    public subscript(index: Int) -> [UInt8] { frames[index] }

    /// Total payload size in bytes.
    public var byteCount: Int { frames.reduce(0) { $0 + $1.count } }

    /// Frame `index` decoded as UTF-8, or nil when absent or not valid UTF-8.
    public func string(at index: Int) -> String? {
        guard frames.indices.contains(index) else { return nil }
        return String(validating: frames[index], as: UTF8.self)
    }

    public var description: String {
        "Multipart(\(frames.count) frames, \(byteCount) bytes)"
    }
}
