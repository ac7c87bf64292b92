#!/usr/bin/env bash
# Checks that two builds of the parser give the same output: runs `newswire parse --json` of
# each on every file under a folder (default: Tests/Fixtures) and compares stdout and exit status
# byte for byte. Prints the files that differ and exits 1 if any do. For parser changes meant
# to keep the output (see ArticleParser.version), e.g. with main's build copied aside first:
#
#   swift build --product newswire && cp .build/debug/newswire /tmp/newswire-main   # on main
#   bash scripts/compare-parse-output.sh /tmp/newswire-main .build/debug/newswire    # on the change
set -euo pipefail
baseline=$1
candidate=$2
folder=${3:-"$(dirname "$0")/../Tests/Fixtures"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

compare_one() {
    local file=$1 baseline=$2 candidate=$3 work=$4
    local key a=0 b=0
    key=$(printf '%s' "$file" | md5sum | cut -c1-16)
    "$baseline" parse "$file" --json >"$work/$key.a" 2>/dev/null || a=$?
    "$candidate" parse "$file" --json >"$work/$key.b" 2>/dev/null || b=$?
    if [[ $a != "$b" ]] || ! cmp -s "$work/$key.a" "$work/$key.b"; then
        echo "differs: $file (exit status $a vs $b)"
    fi
    rm -f "$work/$key.a" "$work/$key.b"
}
export -f compare_one

count=$(find "$folder" -type f | wc -l)
differences=$(find "$folder" -type f -print0 | sort -z \
    | xargs -0 -P "$(nproc)" -I{} bash -c 'compare_one "$@"' _ {} "$baseline" "$candidate" "$work")
if [[ -n $differences ]]; then
    echo "$differences"
    echo "$(echo "$differences" | wc -l) of $count files give different output"
    exit 1
fi
echo "all $count files give identical output"
