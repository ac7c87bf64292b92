#!/usr/bin/env python3
"""Checks a generated newswire_pb2 against the protocol's golden files.

Every Tests/Fixtures/protocol/<name>.binpb must decode to the same message as
<name>.json, and re-encode (map keys sorted) to exactly the same bytes: then
this protobuf implementation and the Swift one agree on the wire.

    pip install protobuf        # the generated newswire/v1/newswire_pb2.py ships next to this file
    python3 proto-docs/examples/check_golden.py
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.join(HERE, "..", "..", "Tests", "Fixtures", "protocol")
sys.path.insert(0, HERE)

try:
    from google.protobuf import json_format
    from newswire.v1 import newswire_pb2 as pb
except ImportError as error:
    sys.exit(f"{error}: pip install -r requirements.txt (protobuf 7.35.1 or newer)")

CASES = {
    "raw-article": pb.RawArticle,
    "raw-article-body": pb.RawArticle,
    "article-event": pb.ArticleEvent,
    "ack": pb.Ack,
    "nack": pb.Nack,
    "topic-message": pb.TopicMessage,
    "replay-request": pb.ReplayRequest,
    "replay-end": pb.ReplayEnd,
}


def main():
    failures = 0
    for name, message_class in CASES.items():
        with open(os.path.join(GOLDEN, name + ".binpb"), "rb") as handle:
            binary = handle.read()
        with open(os.path.join(GOLDEN, name + ".json"), encoding="utf-8") as handle:
            from_json = json_format.Parse(handle.read(), message_class())
        from_binary = message_class.FromString(binary)
        problems = []
        if from_binary != from_json:
            problems.append("binary and JSON decode differently")
        if from_binary.SerializeToString(deterministic=True) != binary:
            problems.append("re-encoding changes the bytes")
        failures += bool(problems)
        print(f"{'FAIL' if problems else 'ok  '} {name}" + (": " + "; ".join(problems) if problems else ""))
    print(f"{len(CASES) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
