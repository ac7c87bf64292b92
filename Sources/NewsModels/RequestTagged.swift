/// A request a client tags with an id that the reply echoes, so a client with
/// several requests in flight on one DEALER can match a Nack to its request.
///
/// Why a protocol: when a payload does not decode as a whole, the id may still
/// be read on its own (``WireError/requestID``), and the Nack can carry it.
public protocol RequestTagged {
    var requestID: String { get }
}

extension RawArticle: RequestTagged {}
extension ReplayRequest: RequestTagged {}
