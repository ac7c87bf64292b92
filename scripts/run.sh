#!/usr/bin/env bash
# The main job: build, start a consumer and a producer on the embedded SQLite
# default, feed the two sample articles, print each title with its topics, and
# stop both services cleanly (SIGTERM). Ports are chosen by the system, so it
# runs beside anything else. Set NEWSWIRE_RUN_DIR to keep the databases.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-packages.sh

configuration=${NEWSWIRE_BUILD_CONFIGURATION:-debug}
swift build -c "$configuration" >&2
bin=$(swift build -c "$configuration" --show-bin-path)

workdir=${NEWSWIRE_RUN_DIR:-$(mktemp -d -t newswire-run.XXXXXX)}
mkdir -p "$workdir"
consumer_pid=""
producer_pid=""
cleanup() {
  [ -n "$producer_pid" ] && kill "$producer_pid" 2>/dev/null || true
  [ -n "$consumer_pid" ] && kill "$consumer_pid" 2>/dev/null || true
}
trap cleanup EXIT

# Waits for KEY=endpoint in a service's log and prints the endpoint.
endpoint() {
  local log=$1 key=$2
  for _ in $(seq 1 300); do
    if grep -qo "$key=tcp://[0-9.]*:[0-9]*" "$log"; then
      grep -o "$key=tcp://[0-9.]*:[0-9]*" "$log" | head -1 | cut -d= -f2
      return 0
    fi
    sleep 0.1
  done
  echo "no $key endpoint in $log:" >&2
  cat "$log" >&2
  return 1
}

any='tcp://127.0.0.1:*'
"$bin/newswire-consumer" --db "$workdir/newswire.db" --events "$any" --stream "$any" --replay "$any" --metrics 127.0.0.1:0 2>"$workdir/consumer.log" &
consumer_pid=$!
events=$(endpoint "$workdir/consumer.log" events)

"$bin/newswire-producer" --outbox "$workdir/outbox.db" --ingest "$any" --consumer "$events" --metrics 127.0.0.1:0 2>"$workdir/producer.log" &
producer_pid=$!
ingest=$(endpoint "$workdir/producer.log" ingest)

echo "consumer: events $events   producer: ingest $ingest   data: $workdir" >&2
"$bin/newswire" feed --producer "$ingest" Tests/Fixtures/seeds >&2

for _ in $(seq 1 100); do
  [ "$("$bin/newswire" query --db "$workdir/newswire.db" --json | wc -l)" -ge 2 ] && break
  sleep 0.1
done
"$bin/newswire" query --db "$workdir/newswire.db"

kill -TERM "$producer_pid"; wait "$producer_pid"; producer_status=$?; producer_pid=""
kill -TERM "$consumer_pid"; wait "$consumer_pid"; consumer_status=$?; consumer_pid=""
echo "stopped: producer exit $producer_status, consumer exit $consumer_status" >&2
[ "$producer_status" -eq 0 ] && [ "$consumer_status" -eq 0 ]
