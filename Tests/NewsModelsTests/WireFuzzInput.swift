import NewsModels
import SwiftProtobuf

/// How one libFuzzer input drives the wire decoder.
///
/// Shared, as this one file, by the fuzzer (`Fuzz/Sources/WireFuzzer` links
/// it) and by the corpus replay test, so a saved input means the same in both.
///
/// Layout: byte 0 picks the mode (low 2 bits), the rest is the data:
/// - 0: a ROUTER message, frames separated by byte 0x1E: split into route and
///   protocol frames, read as a ``WireMessage`` (limit ``frameLimit``), decoded
///   as the type frame 2 names, and answered as a service would (Ack or Nack);
/// - 1: a binary protobuf payload, decoded as every message type;
/// - 2: a JSON payload, decoded as every message type;
/// - 3: a content-type frame, read as ``ContentType``.
enum WireFuzzInput {
    /// Separates frames in mode 0 (ASCII record separator).
    static let frameSeparator: UInt8 = 0x1E
    /// The payload limit in mode 0; small, so fuzzing reaches `too-large` and
    /// such inputs fit the kept corpus (inputs up to 1 KiB).
    static let frameLimit = 256

    /// The protobuf message each type frame carries.
    static let messageTypes: [(MessageType, any SwiftProtobuf.Message.Type)] = [
        (.rawArticle, RawArticle.self), (.articleEvent, ArticleEvent.self), (.ack, Ack.self),
        (.nack, Nack.self), (.topicMessage, TopicMessage.self), (.replayRequest, ReplayRequest.self),
        (.replayEnd, ReplayEnd.self),
    ]

    /// What one step did with the input.
    enum Outcome: Equatable {
        /// Decoded as this message type.
        case decoded(MessageType)
        /// Refused with this typed error.
        case refused(WireError)
        /// Read as this content type (mode 3), nil when not one we speak.
        case contentType(ContentType?)
        /// A property every decoder result has did not hold: a bug.
        case violation(String)
    }

    /// Runs `input` as the layout above says; an empty input does nothing.
    static func run(_ input: [UInt8]) -> [Outcome] {
        guard let selector = input.first else { return [] }
        let data = Array(input.dropFirst())
        switch selector & 0x03 {
        case 0: return routerMessage(data.split(separator: frameSeparator, omittingEmptySubsequences: false).map(Array.init))
        case 1: return decodeAsEveryType(data, contentType: .protobuf)
        case 2: return decodeAsEveryType(data, contentType: .json)
        default: return [.contentType(ContentType(header: String(decoding: data, as: UTF8.self)))]
        }
    }

    /// What a ROUTER socket does with a message: split, read, decode, reply.
    static func routerMessage(_ frames: [[UInt8]]) -> [Outcome] {
        let routed: RoutedMessage
        do {
            routed = try RoutedMessage(routerFrames: frames)
        } catch {
            return [.refused(error)]
        }
        let replyType = ContentType(replyingTo: routed.frames)
        let outcome: Outcome
        do {
            let wire = try WireMessage(frames: routed.frames, maximumBytes: frameLimit)
            guard let type = messageTypes.first(where: { $0.0 == wire.type })?.1 else {
                return [.violation("no message type for '\(wire.type.rawValue)'")]
            }
            outcome = decode(wire, as: type)
        } catch {
            outcome = .refused(error)
        }
        var reply: any SwiftProtobuf.Message
        if case .refused(let error) = outcome {
            var nack = Nack()
            nack.reason = error.nackReason
            nack.message = error.message
            reply = nack
        } else {
            reply = Ack()
        }
        do {
            let frames = RoutedMessage.reply(route: routed.route, try WireMessage(reply is Nack ? .nack : .ack, reply, contentType: replyType))
            guard frames.count == routed.route.count + WireProtocol.frameCount else {
                return [outcome, .violation("a reply has \(frames.count) frames for a route of \(routed.route.count)")]
            }
        } catch {
            return [outcome, .violation("the reply could not be encoded as \(replyType.rawValue): \(error)")]
        }
        return [outcome]
    }

    /// Decodes `payload` as each message type in turn.
    static func decodeAsEveryType(_ payload: [UInt8], contentType: ContentType) -> [Outcome] {
        var outcomes: [Outcome] = []
        for (type, message) in messageTypes {
            let wire = WireMessage(type: type, contentType: contentType, payload: payload)
            outcomes.append(decode(wire, as: message))
        }
        return outcomes
    }

    /// Decodes `wire` as `M`, then checks the message encodes again and reads back.
    static func decode<M: SwiftProtobuf.Message>(_ wire: WireMessage, as _: M.Type) -> Outcome {
        let message: M
        do {
            message = try wire.decode(M.self, expecting: wire.type)
        } catch {
            return .refused(error)
        }
        do {
            let again = try M(serializedBytes: try message.serializedBytes() as [UInt8])
            // JSON encoding may refuse values JSON cannot carry (a timestamp past
            // year 9999); it must not crash, and whatever it writes must read back.
            if let json = try? message.jsonUTF8Bytes() as [UInt8] {
                var options = JSONDecodingOptions()
                options.ignoreUnknownFields = true
                _ = try M(jsonUTF8Bytes: json, options: options)
            }
            _ = again
        } catch {
            return .violation("a decoded \(M.protoMessageName) does not survive re-encoding: \(error)")
        }
        return .decoded(wire.type)
    }
}
