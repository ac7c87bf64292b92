#!/usr/bin/env bash
# Fuzzes the article parser or the wire decoder with libFuzzer (+ AddressSanitizer).
#
#   scripts/fuzz.sh parser|wire SECONDS [extra libFuzzer flags]
#
# Builds Fuzz/ (a package of its own, never part of the main build), seeds a
# working corpus from the kept one (Tests/Fixtures/fuzz/TARGET) and the test
# fixtures, fuzzes on one core for SECONDS, then merges (-set_cover_merge=1)
# the kept corpus and the new finds of up to 512 bytes (parser) or 1 KiB (wire)
# into a minimized corpus that replaces the kept one.
# Crashes land in Fuzz/.build/fuzz/TARGET/artifacts; copy a crasher into
# Tests/Fixtures/fuzz/TARGET-crashes/ with the fix and its regression test.
set -euo pipefail

# All in one function, read whole before it runs: editing this file during a
# long run does not change what the run does next.
main() {
  cd "$(dirname "$0")/.."

  target=${1:?usage: scripts/fuzz.sh parser|wire SECONDS [libFuzzer flags]}
  seconds=${2:?usage: scripts/fuzz.sh parser|wire SECONDS [libFuzzer flags]}
  shift 2
  case "$target" in
    parser) product=ParserFuzzer; max_len=8192; keep_bytes=512 ;;
    wire) product=WireFuzzer; max_len=4096; keep_bytes=1024 ;;
    *) echo "unknown target '$target': use parser or wire" >&2; exit 2 ;;
  esac

  bash scripts/install-system-packages.sh
  flags=(-c release --package-path Fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
  swift build "${flags[@]}" --product "$product" >&2
  binary="$(swift build "${flags[@]}" --show-bin-path)/$product"

  kept="Tests/Fixtures/fuzz/$target"
  work="Fuzz/.build/fuzz/$target"
  rm -rf "$work/corpus" "$work/seeds" "$work/merged" "$work/small"
  mkdir -p "$kept" "$work/corpus" "$work/seeds" "$work/merged" "$work/artifacts"

  # Seeds in the harness's layout: a selector byte, then the data (see *FuzzInput.swift).
  seed() { # seed NAME SELECTOR-BYTE-IN-OCTAL FILE...
    local name=$1 selector=$2
    shift 2
    { printf "\\$selector"; cat "$@"; } >"$work/seeds/$name"
  }
  if [ "$target" = parser ]; then
    for file in Tests/Fixtures/parsing/* Tests/Fixtures/seeds/*; do
      case "$file" in
        *.html) seed "$(basename "$file")" 002 "$file" ;;
        *) seed "$(basename "$file")" 000 "$file" ;;
      esac
    done
  else
    separator=$'\x1e'
    for file in Tests/Fixtures/protocol/*.binpb; do
      name=$(basename "$file" .binpb)
      seed "$name.binpb" 001 "$file"
      # As a ROUTER message from a DEALER: [id][newswire/1][type][content type][payload].
      type=${name%-body}
      printf 'peer%snewswire/1%s%s%sapplication/x-protobuf%s' "$separator" "$separator" "$type" "$separator" "$separator" >"$work/seeds/$name.frames"
      cat "$file" >>"$work/seeds/$name.frames"
    done
    for file in Tests/Fixtures/protocol/*.json; do
      seed "$(basename "$file")" 002 "$file"
    done
    printf '\003application/json; charset=utf-8' >"$work/seeds/content-type"
  fi

  export ASAN_OPTIONS=detect_leaks=0
  common=(-max_len="$max_len" -rss_limit_mb=2048 -timeout=10 -artifact_prefix="$work/artifacts/")
  set +e
  "$binary" "${common[@]}" -max_total_time="$seconds" -print_final_stats=1 "$@" "$work/corpus" "$kept" "$work/seeds" \
    2>&1 | tee "$work/run.log" | grep -E "^#[0-9]+ +(INITED|DONE|pulse)|^stat::|ERROR|SUMMARY|Test unit written"
  local status=${PIPESTATUS[0]}
  set -e

  # Minimize: the fewest small inputs that cover every feature the kept corpus and
  # the new finds cover, so the corpus in the repository stays a few hundred KB.
  mkdir -p "$work/small"
  find "$kept" "$work/corpus" -type f -size -$((keep_bytes + 1))c -exec cp {} "$work/small/" \;
  "$binary" "${common[@]}" -set_cover_merge=1 "$work/merged" "$work/small" >"$work/merge.log" 2>&1
  rm -f "$kept"/*
  cp "$work/merged"/* "$kept"/ 2>/dev/null || true
  echo "corpus $kept: $(find "$kept" -type f | wc -l) files, $(du -sh --apparent-size "$kept" | cut -f1)"
  if [ "$status" -ne 0 ]; then
    echo "the fuzzer stopped with status $status; see $work/run.log and $work/artifacts" >&2
  fi
  exit "$status"
}

main "$@"
