#!/usr/bin/env python3
"""Follow Newswire topic streams, optionally from a point in the past.

    python3 subscribe_topics.py                          # every topic, live
    python3 subscribe_topics.py syria-talks arms-supply  # these topics, live
    python3 subscribe_topics.py --since 0 syria-talks    # all history, then live: nothing missed, nothing twice
    python3 subscribe_topics.py --curve-key me.key --server-public-key consumer.pub   # CURVE on

Live messages come from the consumer's topic stream (SUB, default
tcp://127.0.0.1:5557, env NEWSWIRE_STREAM). With --since N the history after
sequence N comes from the replay socket (DEALER, default tcp://127.0.0.1:5558,
env NEWSWIRE_REPLAY), requested in JSON so the answers are JSON too; the
subscriber follows the Clone pattern (../README.md, section 13): subscribe
first and buffer, replay, then drop live messages already replayed
(sequence <= last seen). Gaps in the live stream are repaired by replaying
again.

The live stream is binary protobuf only. With the protobuf package installed
(requirements.txt), the generated newswire_pb2 shipped next to this file
decodes messages in full; without it a minimal reader takes sequence numbers,
topic, article id and title from the protobuf wire format, which is all this
client needs.

One line per message: sequence, topic, topic sequence, score, article id, title.
"""

import argparse
import json
import os
import sys
import time
import uuid

import zmq

# The helpers sit next to this file: import them from any working directory
# (and under python3 -P / PYTHONSAFEPATH, which leave the script's folder off sys.path).
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from newswire_wire import (
    JSON,
    ProtocolError,
    add_curve_arguments,
    apply_curve,
    decode_reply,
    frames,
    load_curve,
    newswire_pb2,
    split_reply,
    topic_summary_from_json,
    topic_summary_from_protobuf,
)

DEFAULT_STREAM = "tcp://127.0.0.1:5557"
DEFAULT_REPLAY = "tcp://127.0.0.1:5558"


class Follower:
    """Prints each topic message once and notices what the live stream missed.

    Duplicates are recognised per topic by `topic_sequence` (strictly increasing
    within a topic), which stays exact when a repair replays messages of other
    topics too; `floor` drops everything at or before the --since point.
    """

    def __init__(self, topics, output, floor=0, limit=0, printed=0):
        self.topics = set(topics)
        self.output = output
        self.floor = floor
        self.limit = limit  # stop after printing this many (0: never), replayed and live alike
        self.last_sequence = floor  # highest sequence processed
        self.topics_seen = {}  # topic id -> (topic_sequence, sequence) of the last one processed
        self.consumer_id = None
        self.printed = printed

    @property
    def done(self):
        return bool(self.limit) and self.printed >= self.limit

    def wanted(self, topic_id):
        # SUB matches by prefix; this client wants exact topic ids.
        return not self.topics or topic_id in self.topics

    def missed(self, message):
        """None, or the sequence to replay after when `message` shows a gap before it."""
        if not self.topics:
            # Every topic: every sequence number comes by.
            if self.last_sequence and message["sequence"] > self.last_sequence + 1:
                return self.last_sequence
            return None
        seen = self.topics_seen.get(message["topic_id"])
        if seen and message["topic_sequence"] > seen[0] + 1:
            return seen[1]  # replay from the last message of this topic we have
        return None

    def process(self, message, repairing):
        """Prints `message` unless it was seen. Returns ("reset", 0) when the consumer
        changed, ("gap", after) when messages are missing before it and `repairing`
        (then `message` is NOT processed: the repair replays it), else None."""
        if self.done or not self.wanted(message["topic_id"]):
            return None
        if self.consumer_id and message["consumer_id"] and message["consumer_id"] != self.consumer_id:
            return ("reset", 0)  # another consumer database: its numbering starts over
        seen = self.topics_seen.get(message["topic_id"])
        if message["sequence"] <= self.floor or (seen and message["topic_sequence"] <= seen[0]):
            return None  # already processed (replay and live overlap)
        after = self.missed(message)
        if after is not None:
            if repairing:
                return ("gap", after)
            print(f"note: messages missing before sequence {message['sequence']}", file=sys.stderr)
        self.consumer_id = self.consumer_id or message["consumer_id"] or None
        self.last_sequence = max(self.last_sequence, message["sequence"])
        self.topics_seen[message["topic_id"]] = (message["topic_sequence"], message["sequence"])
        self.printed += 1
        score = f"{message['score']:.3f}" if newswire_pb2 is not None or message["score"] else "-"
        print(f"{message['sequence']}\t{message['topic_id']}\t#{message['topic_sequence']}\t{score}\t"
              f"{message['article_id']}\t{message['title']}", file=self.output, flush=True)
        return None


def live_summary(parts):
    """Reads one live stream message: [topic id][header][type][content type][payload]."""
    if len(parts) != 5:
        raise ProtocolError(f"expected 5 frames on the topic stream, got {len(parts)}")
    kind, content, payload = split_reply(parts[1:])
    if kind != "topic-message":
        raise ProtocolError(f"unexpected message type {kind!r} on the topic stream")
    summary = topic_summary_from_json(json.loads(payload)) if content == JSON else topic_summary_from_protobuf(payload)
    summary["topic_id"] = summary["topic_id"] or parts[0].decode("utf-8", "replace")
    return summary


def replay(context, endpoint, topics, after, follower, subscriber, buffer, timeout, curve=None):
    """Replays everything after `after` through `follower`, asking again while the
    answer is truncated. Live messages arriving meanwhile are appended to
    `buffer` (the Clone pattern) for the caller to process afterwards. Returns
    the last replayed sequence."""
    dealer = context.socket(zmq.DEALER)
    dealer.setsockopt(zmq.LINGER, 0)
    # A handshake the consumer refuses (CURVE: key not allowed) leaves no peer to send to.
    dealer.setsockopt(zmq.SNDTIMEO, int(timeout * 1000))
    apply_curve(dealer, curve)
    dealer.connect(endpoint)
    poller = zmq.Poller()
    poller.register(dealer, zmq.POLLIN)
    poller.register(subscriber, zmq.POLLIN)
    try:
        while True:
            request_id = uuid.uuid4().hex
            request = {"topics": sorted(topics), "afterSequence": str(after), "requestId": request_id}
            try:
                dealer.send_multipart(frames("replay-request", request, JSON))
            except zmq.Again:
                raise TimeoutError(f"cannot send to {endpoint} (with CURVE on, is your key in its allow-list?)") from None
            deadline = time.monotonic() + timeout
            end = None
            while end is None:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError(f"no replay answer from {endpoint} within {timeout:g} s")
                for socket, _ in poller.poll(int(remaining * 1000)):
                    if socket is subscriber:
                        buffer.append(subscriber.recv_multipart())  # Clone pattern: keep live messages for later
                        continue
                    kind, content, payload = split_reply(dealer.recv_multipart())
                    deadline = time.monotonic() + timeout
                    if kind == "topic-message":
                        summary = topic_summary_from_json(json.loads(payload)) if content == JSON else topic_summary_from_protobuf(payload)
                        follower.process(summary, repairing=False)  # history: nothing older to ask for
                        if follower.done:
                            return after  # --count reached during the replay: stop reading it
                    elif kind == "replay-end":
                        end = json.loads(payload) if content == JSON else None
                        if end is None:
                            raise ProtocolError("replay-end in protobuf; this client asked for JSON")
                    elif kind == "nack":
                        refusal = decode_reply(kind, content, payload)
                        raise ProtocolError(f"replay refused: {refusal.get('reason')}: {refusal.get('message', '')}")
                    else:
                        raise ProtocolError(f"unexpected message type {kind!r} on the replay socket")
            after = max(after, int(end.get("lastSequence", after)))
            if not end.get("truncated"):
                return after
    finally:
        dealer.close()


def main(argv=None):
    parser = argparse.ArgumentParser(description="Follow Newswire topic streams.")
    parser.add_argument("topics", nargs="*", help="topic ids (default: every topic)")
    parser.add_argument("--stream", default=os.environ.get("NEWSWIRE_STREAM", DEFAULT_STREAM),
                        help="the consumer's topic stream (env NEWSWIRE_STREAM; default %(default)s)")
    parser.add_argument("--replay", default=os.environ.get("NEWSWIRE_REPLAY", DEFAULT_REPLAY),
                        help="the consumer's replay endpoint (env NEWSWIRE_REPLAY; default %(default)s)")
    parser.add_argument("--since", type=int, default=None, metavar="N",
                        help="first replay history after sequence N (0: everything), then follow live without gaps")
    parser.add_argument("--count", type=int, default=0, help="exit after printing this many messages (0: never)")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for a replay answer (default %(default)s)")
    add_curve_arguments(parser)
    args = parser.parse_args(argv)
    try:
        curve = load_curve(args.curve_key, args.server_public_key)
    except (OSError, ValueError) as error:
        parser.error(str(error))

    repairing = args.since is not None
    follower = Follower(args.topics, output=sys.stdout, floor=args.since or 0, limit=args.count)
    context = zmq.Context()
    subscriber = context.socket(zmq.SUB)
    subscriber.setsockopt(zmq.LINGER, 0)
    subscriber.setsockopt(zmq.RCVHWM, 100_000)
    apply_curve(subscriber, curve)
    subscriber.connect(args.stream)
    for topic in args.topics or [""]:
        subscriber.setsockopt(zmq.SUBSCRIBE, topic.encode("utf-8"))
    if newswire_pb2 is None:
        print("note: newswire_pb2 not usable (pip install protobuf); reading the protobuf stream with the minimal reader (no scores)", file=sys.stderr)

    # Live messages not processed yet: buffered during a replay (Clone pattern).
    pending = []

    def done():
        return follower.done

    try:
        if repairing:
            time.sleep(0.2)  # let the subscription reach the consumer before asking for history
            replay(context, args.replay, args.topics, args.since, follower, subscriber, pending, args.timeout, curve)
        while not done():
            parts = pending.pop(0) if pending else subscriber.recv_multipart()
            try:
                message = live_summary(parts)
            except (ProtocolError, ValueError) as error:
                print(f"skipping a bad stream message: {error}", file=sys.stderr)
                continue
            outcome = follower.process(message, repairing)
            if outcome is None:
                continue
            kind, after = outcome
            if kind == "reset":
                print("note: the consumer's id changed; its numbering started over", file=sys.stderr)
                follower = Follower(args.topics, output=sys.stdout, limit=args.count, printed=follower.printed)
            else:
                print(f"note: messages missing before sequence {message['sequence']}; replaying after {after}", file=sys.stderr)
            if not repairing:
                follower.process(message, repairing)
                continue
            # Repair: this message comes back with the replay (or from `pending`, deduplicated).
            pending.insert(0, parts)
            replay(context, args.replay, args.topics, after, follower, subscriber, pending, args.timeout, curve)
        return 0
    except KeyboardInterrupt:
        return 0
    except (ProtocolError, TimeoutError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    finally:
        subscriber.close()
        context.term()


if __name__ == "__main__":
    sys.exit(main())
