#!/usr/bin/env bash
# The benchmarks, in one command: builds in release, then runs the parser and
# classifier benchmarks and the pipeline benchmark (the real services end to
# end against raw ZeroMQ and raw SQLite) and prints every figure. Arguments go
# to the pipeline benchmark, e.g. `bash scripts/benchmark.sh --quick` or
# `--articles 1000000`. Method and latest figures: BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-packages.sh

# perf profiles each service at saturation; without it the profile is skipped.
if ! command -v perf >/dev/null; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq linux-perf >/dev/null; } \
    || echo "perf not installed: the pipeline benchmark will skip its profile" >&2
fi

# Only the products measured: a plain `swift build` would also compile
# swift-protobuf's bundled protoc (C++), which takes far longer than all of this.
for product in newswire-producer newswire-consumer NewsParsingBenchmark NewsClassificationBenchmark PipelineBenchmark; do
  swift build -c release --product "$product" >&2
done
bin=$(swift build -c release --show-bin-path)

echo "# NewsParsingBenchmark"
"$bin/NewsParsingBenchmark"
echo
echo "# NewsClassificationBenchmark"
"$bin/NewsClassificationBenchmark"
echo
"$bin/PipelineBenchmark" "$@"
