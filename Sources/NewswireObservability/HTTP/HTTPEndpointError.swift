/// The HTTP endpoint's address could not be used: the address and why.
public struct HTTPEndpointError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ description: String) { self.description = description }
}
