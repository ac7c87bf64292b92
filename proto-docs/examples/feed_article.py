#!/usr/bin/env python3
"""Send one article to a Newswire producer and report the answer.

A minimal scraper: a DEALER socket connects to the producer's ingest endpoint
and sends the file as a RawArticle in JSON (the protobuf JSON mapping; no
protobuf package needed), then waits for the Ack or Nack.

    python3 feed_article.py article.txt --source example
    python3 feed_article.py page.html --source example --url https://example.com/a
    NEWSWIRE_INGEST=tcp://producer:5555 python3 feed_article.py - --source stdin < article.txt
    python3 feed_article.py article.txt --curve-key scraper.key --server-public-key producer.pub   # CURVE on

Prints ACCEPTED or DUPLICATE with the article id, or the Nack reason and
message. Exit status: 0 acknowledged, 1 refused (Nack), 2 no answer in time,
3 a reply that does not follow the protocol.

Protocol: ../README.md, sections 3, 8 and 9.
"""

import argparse
import base64
import os
import sys
import uuid

import zmq

# The helpers sit next to this file: import them from any working directory
# (and under python3 -P / PYTHONSAFEPATH, which leave the script's folder off sys.path).
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from newswire_wire import ProtocolError, add_curve_arguments, apply_curve, decode_reply, frames, load_curve, split_reply

DEFAULT_INGEST = "tcp://127.0.0.1:5555"


def build_article(data, source, url, content_type, request_id):
    """A RawArticle in the JSON mapping: `text` when the file is UTF-8, else `body` (base64)."""
    article = {"source": source, "requestId": request_id}
    if url:
        article["url"] = url
    if content_type:
        article["contentType"] = content_type
    try:
        article["text"] = data.decode("utf-8")
    except UnicodeDecodeError:
        article["body"] = base64.b64encode(data).decode("ascii")
    return article


def guess_content_type(path):
    lower = path.lower()
    if lower.endswith((".html", ".htm")):
        return "text/html"
    if lower.endswith(".txt"):
        return "text/plain"
    return ""  # the producer sniffs


def main(argv=None):
    parser = argparse.ArgumentParser(description="Send a file to a Newswire producer as a RawArticle.")
    parser.add_argument("file", help="the article: a text or HTML file, or - for standard input")
    parser.add_argument("--source", default=os.environ.get("NEWSWIRE_SOURCE", "example-scraper"),
                        help="the scraper or site name (env NEWSWIRE_SOURCE; default %(default)s)")
    parser.add_argument("--url", default="", help="where the article was fetched")
    parser.add_argument("--content-type", default=None, help="text/plain or text/html (default: from the file name)")
    parser.add_argument("--endpoint", default=os.environ.get("NEWSWIRE_INGEST", DEFAULT_INGEST),
                        help="the producer's ingest endpoint (env NEWSWIRE_INGEST; default %(default)s)")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for each answer (default %(default)s)")
    parser.add_argument("--retries", type=int, default=2,
                        help="times to send again when no answer comes; safe, a resent article is a DUPLICATE (default %(default)s)")
    add_curve_arguments(parser)
    args = parser.parse_args(argv)
    try:
        curve = load_curve(args.curve_key, args.server_public_key)
    except (OSError, ValueError) as error:
        parser.error(str(error))

    if args.file == "-":
        data = sys.stdin.buffer.read()
        content_type = args.content_type or ""
    else:
        with open(args.file, "rb") as handle:
            data = handle.read()
        content_type = args.content_type if args.content_type is not None else guess_content_type(args.file)

    request_id = uuid.uuid4().hex
    message = frames("raw-article", build_article(data, args.source, args.url, content_type, request_id))

    context = zmq.Context()
    socket = context.socket(zmq.DEALER)
    socket.setsockopt(zmq.LINGER, 0)  # never hang on exit
    # A handshake the producer refuses (CURVE: key not allowed) leaves no peer to send to.
    socket.setsockopt(zmq.SNDTIMEO, int(args.timeout * 1000))
    apply_curve(socket, curve)
    socket.connect(args.endpoint)
    try:
        for attempt in range(1 + max(0, args.retries)):
            try:
                socket.send_multipart(message)
            except zmq.Again:
                print(f"TIMEOUT: cannot send to {args.endpoint} (with CURVE on, is your key in its allow-list?)", file=sys.stderr)
                return 2
            deadline_ms = int(args.timeout * 1000)
            while socket.poll(deadline_ms):
                try:
                    kind, content, payload = split_reply(socket.recv_multipart())
                    reply = decode_reply(kind, content, payload)
                except (ProtocolError, ValueError) as error:
                    print(f"unreadable reply: {error}", file=sys.stderr)
                    return 3
                if reply.get("requestId", request_id) != request_id:
                    continue  # an answer to some other request: not ours
                if kind == "ack":
                    status = reply.get("status", "STATUS_UNSPECIFIED").removeprefix("STATUS_")
                    print(f"{status} {reply.get('articleId', '')}")
                    return 0
                if kind == "nack":
                    reason = reply.get("reason", "REASON_UNSPECIFIED").removeprefix("REASON_")
                    print(f"NACK {reason}: {reply.get('message', '')}", file=sys.stderr)
                    return 1
                print(f"unexpected reply type {kind!r}", file=sys.stderr)
                return 3
            if attempt < args.retries:
                print(f"no answer from {args.endpoint} within {args.timeout:g} s; sending again", file=sys.stderr)
        print(f"TIMEOUT: no answer from {args.endpoint}", file=sys.stderr)
        return 2
    finally:
        socket.close()
        context.term()


if __name__ == "__main__":
    sys.exit(main())
