#!/usr/bin/env bash
# The benchmarks, in one command: builds in release, then runs the parser and
# classifier benchmarks and the pipeline benchmark (the real services end to
# end against raw ZeroMQ, raw SQLite, the fixed SQLite yardstick and the naive
# Python pipeline) and prints every figure. Arguments go to the pipeline
# benchmark, e.g. `bash scripts/benchmark.sh --quick` or `--articles 1000000`,
# except these two, taken here:
#
#   --baseline-ref REF   also build REF's services (a detached worktree in
#                        .build/baseline/<commit>, kept for the next run) and
#                        measure them side by side with this build
#                        (the benchmark's --baseline-bin), e.g. --baseline-ref 93804aa
#   --pipeline-only      skip the parser and classifier benchmarks
#
# Method and latest figures: BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-packages.sh

baseline_ref=""
pipeline_only=0
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --baseline-ref) baseline_ref="${2:?--baseline-ref needs a git ref}"; shift 2 ;;
    --baseline-ref=*) baseline_ref="${1#*=}"; shift ;;
    --pipeline-only) pipeline_only=1; shift ;;
    *) args+=("$1"); shift ;;
  esac
done

# perf profiles each service at saturation; without it the profile is skipped.
if ! command -v perf >/dev/null; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq linux-perf >/dev/null; } \
    || echo "perf not installed: the pipeline benchmark will skip its profile" >&2
fi

# The naive Python pipeline (../shared/yardsticks/peer_pipeline.py) needs pyzmq.
if command -v python3 >/dev/null && ! python3 -c 'import zmq' 2>/dev/null; then
  python3 -m pip install --quiet --disable-pip-version-check pyzmq 2>/dev/null \
    || echo "pyzmq not installed: the pipeline benchmark will skip the Python peer" >&2
fi

# Only the products measured: a plain `swift build` would also compile
# swift-protobuf's bundled protoc (C++), which takes far longer than all of this.
products=(newswire-producer newswire-consumer PipelineBenchmark)
[ "$pipeline_only" -eq 1 ] || products+=(NewsParsingBenchmark NewsClassificationBenchmark)
for product in "${products[@]}"; do
  swift build -c release --product "$product" >&2
done
bin=$(swift build -c release --show-bin-path)

# The baseline: REF's two services in release, from a worktree of its own. It keeps
# this checkout's Package.resolved (when there is one) so both builds use the same
# dependency versions, and stays for the next run (remove it with
# `git worktree remove --force .build/baseline/<commit>`).
if [ -n "$baseline_ref" ]; then
  commit=$(git rev-parse --verify "$baseline_ref^{commit}")
  tree=".build/baseline/$commit"
  if [ ! -d "$tree" ]; then
    git worktree add --detach "$tree" "$commit" >&2
  fi
  if [ -f Package.resolved ] && [ ! -f "$tree/Package.resolved" ]; then cp Package.resolved "$tree/"; fi
  for product in newswire-producer newswire-consumer; do
    (cd "$tree" && swift build -c release --product "$product" >&2)
  done
  args=(--baseline-bin "$(cd "$tree" && swift build -c release --show-bin-path)" "${args[@]}")
  echo "baseline: $baseline_ref ($commit) from $tree" >&2
fi

if [ "$pipeline_only" -eq 0 ]; then
  echo "# NewsParsingBenchmark"
  "$bin/NewsParsingBenchmark"
  echo
  echo "# NewsClassificationBenchmark"
  "$bin/NewsClassificationBenchmark"
  echo
fi
"$bin/PipelineBenchmark" "${args[@]}"
