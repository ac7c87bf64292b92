"""Newswire wire protocol v1 helpers shared by the example clients.

Only the standard library is needed: requests go out as JSON (the protobuf JSON
mapping), and the few protobuf replies a client must understand (Ack, Nack and
the TopicMessage fields used for ordering) are read with a minimal decoder of
the protobuf wire format. With the protobuf package installed, the generated
``newswire/v1/newswire_pb2.py`` shipped next to this file is used and
TopicMessages are decoded in full instead.

The protocol is specified in ../README.md; the message schema is
../newswire/v1/newswire.proto.
"""

import json
import os
import sys

HEADER = b"newswire/1"
PROTOBUF = "application/x-protobuf"
JSON = "application/json"

ACK_STATUS = {0: "STATUS_UNSPECIFIED", 1: "STATUS_ACCEPTED", 2: "STATUS_DUPLICATE", 3: "STATUS_DEAD_LETTERED"}
NACK_REASON = {
    0: "REASON_UNSPECIFIED",
    1: "REASON_MALFORMED",
    2: "REASON_UNSUPPORTED_VERSION",
    3: "REASON_UNSUPPORTED_TYPE",
    4: "REASON_TOO_LARGE",
    5: "REASON_INVALID_ARTICLE",
    6: "REASON_BUSY",
    7: "REASON_INTERNAL",
}


def frames(message_type, payload, content_type=JSON):
    """The four protocol frames of one message; ``payload`` is bytes or a JSON-able dict."""
    if isinstance(payload, dict):
        payload = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    return [HEADER, message_type.encode("ascii"), content_type.encode("ascii"), payload]


def content_type_of(frame):
    """``PROTOBUF``, ``JSON`` or None, following the protocol's rules (aliases, parameters, case)."""
    base = frame.decode("utf-8", "replace").split(";", 1)[0].strip().lower()
    if base in ("application/x-protobuf", "application/protobuf", "application/vnd.google.protobuf"):
        return PROTOBUF
    if base == "application/json":
        return JSON
    return None


class ProtocolError(Exception):
    """A reply that does not follow the protocol."""


def split_reply(reply):
    """Checks the four protocol frames of a reply; returns (type, content type, payload)."""
    if len(reply) != 4:
        raise ProtocolError(f"expected 4 frames, got {len(reply)}")
    header, message_type, content_type, payload = reply
    if header != HEADER:
        raise ProtocolError(f"frame 1 (header) is {header!r}, expected {HEADER!r}")
    kind = content_type_of(content_type)
    if kind is None:
        raise ProtocolError(f"frame 3 (content type) {content_type!r} is not supported")
    return message_type.decode("ascii", "replace"), kind, payload


# --- CURVE security (../README.md, section 15) --------------------------------


def add_curve_arguments(parser):
    """--curve-key and --server-public-key (env NEWSWIRE_CURVE_KEY, NEWSWIRE_SERVER_PUBLIC_KEY)."""
    parser.add_argument("--curve-key", default=os.environ.get("NEWSWIRE_CURVE_KEY"), metavar="FILE",
                        help="your key pair file (NAME.key from `newswire keygen`) for a service with CURVE on (env NEWSWIRE_CURVE_KEY)")
    parser.add_argument("--server-public-key", default=os.environ.get("NEWSWIRE_SERVER_PUBLIC_KEY"), metavar="FILE",
                        help="the service's public key file (its NAME.pub); needed with --curve-key (env NEWSWIRE_SERVER_PUBLIC_KEY)")


def load_curve(key_file, server_key_file):
    """(public key, secret key, server public key), Z85 bytes, from the key files; None when both are unset.

    The files use czmq's certificate format, which zmq.auth.load_certificate reads."""
    if not key_file and not server_key_file:
        return None
    if not key_file or not server_key_file:
        raise ValueError("--curve-key and --server-public-key go together")
    import zmq.auth

    public, secret = zmq.auth.load_certificate(key_file)
    if secret is None:
        raise ValueError(f"{key_file} has no secret-key: give the NAME.key file, not the .pub")
    server_public, _ = zmq.auth.load_certificate(server_key_file)
    return public, secret, server_public


def apply_curve(socket, curve):
    """Makes `socket` a CURVE client (before connect) when `curve` is set (see load_curve)."""
    if curve is None:
        return
    socket.curve_publickey, socket.curve_secretkey, socket.curve_serverkey = curve


# --- A minimal protobuf wire-format reader -----------------------------------


def _varint(data, position):
    result = shift = 0
    while True:
        if position >= len(data):
            raise ProtocolError("truncated protobuf varint")
        byte = data[position]
        position += 1
        result |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return result, position
        shift += 7


def fields(data):
    """Yields (field number, value) for each field: int for varints, bytes for
    length-delimited fields; fixed-width fields are skipped."""
    position = 0
    while position < len(data):
        key, position = _varint(data, position)
        number, wire_type = key >> 3, key & 7
        if wire_type == 0:
            value, position = _varint(data, position)
            yield number, value
        elif wire_type == 2:
            length, position = _varint(data, position)
            yield number, bytes(data[position:position + length])
            position += length
        elif wire_type == 1:
            position += 8
        elif wire_type == 5:
            position += 4
        else:
            raise ProtocolError(f"unsupported protobuf wire type {wire_type}")


def _text(value):
    return value.decode("utf-8", "replace")


def decode_reply(message_type, kind, payload):
    """An Ack or Nack as a dict with JSON-mapping names, from JSON or protobuf."""
    if kind == JSON:
        return json.loads(payload)
    result = {}
    for number, value in fields(payload):
        if number == 1:
            result["requestId"] = _text(value)
        elif number == 2:
            result["articleId"] = _text(value)
        elif number == 3 and message_type == "ack":
            result["status"] = ACK_STATUS.get(value, str(value))
        elif number == 3 and message_type == "nack":
            result["reason"] = NACK_REASON.get(value, str(value))
        elif number == 4 and message_type == "nack":
            result["message"] = _text(value)
    return result


def _load_pb2():
    """The generated module shipped next to this file, when the protobuf package
    (7.35.1 or newer, see requirements.txt) is installed; else None."""
    here = os.path.dirname(os.path.abspath(__file__))
    if here not in sys.path:
        sys.path.insert(0, here)
    try:
        from newswire.v1 import newswire_pb2  # scripts/generate-protos.sh python

        return newswire_pb2
    except ImportError:
        return None
    except Exception as error:  # protobuf too old for the generated code (google.protobuf.runtime_version.VersionError)
        print(f"note: newswire_pb2 not used: {error}", file=sys.stderr)
        return None


newswire_pb2 = _load_pb2()


def topic_summary_from_json(body):
    """The fields a subscriber orders and prints by, from a TopicMessage in JSON."""
    article = body.get("article", {})
    return {
        "sequence": int(body.get("sequence", 0)),
        "topic_sequence": int(body.get("topicSequence", 0)),
        "topic_id": body.get("topicId", ""),
        "consumer_id": body.get("consumerId", ""),
        "score": float(body.get("classification", {}).get("score", 0.0)),
        "article_id": article.get("articleId", ""),
        "title": article.get("article", {}).get("title", ""),
    }


def topic_summary_from_protobuf(payload):
    """The same fields from a binary TopicMessage: with newswire_pb2 when it is
    importable, otherwise with the minimal reader (field numbers from the .proto)."""
    if newswire_pb2 is not None:
        message = newswire_pb2.TopicMessage.FromString(payload)
        return {
            "sequence": message.sequence,
            "topic_sequence": message.topic_sequence,
            "topic_id": message.topic_id,
            "consumer_id": message.consumer_id,
            "score": message.classification.score,
            "article_id": message.article.article_id,
            "title": message.article.article.title,
        }
    summary = {"sequence": 0, "topic_sequence": 0, "topic_id": "", "consumer_id": "", "score": 0.0, "article_id": "", "title": ""}
    for number, value in fields(payload):
        if number == 1:
            summary["sequence"] = value
        elif number == 2:
            summary["topic_sequence"] = value
        elif number == 3:
            summary["topic_id"] = _text(value)
        elif number == 7:
            summary["consumer_id"] = _text(value)
        elif number == 5:  # ArticleEvent
            for event_number, event_value in fields(value):
                if event_number == 1:
                    summary["article_id"] = _text(event_value)
                elif event_number == 7:  # ParsedArticle
                    for parsed_number, parsed_value in fields(event_value):
                        if parsed_number == 1:
                            summary["title"] = _text(parsed_value)
        # classification.score is a double (fixed 64-bit): shown only with newswire_pb2
    return summary
