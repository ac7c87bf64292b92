#!/usr/bin/env bash
# Prints the built-in taxonomy's quality on the labelled corpus kept outside
# the repository (../shared/classification-dev): cross-validated figures on
# the dev split (nested: each fold's L2 and thresholds chosen inside its training part,
# pooled over NEWSWIRE_FIT_NESTED_ROUNDS outer fold deals, default 3, misses from the first;
# a fresh fit with the same settings as the committed one), every dev miss
# listed, and the committed taxonomy's figures on the held-out test split.
# Test misses are deliberately not printed: test is measured and reported,
# never looked into or tuned on (issue #17), so only its figures are shown.
#
#   bash scripts/classification-quality.sh [CORPUS]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-../shared/classification-dev}"
if [ ! -d "$corpus" ]; then
    echo "classification-quality: the labelled corpus is absent ($corpus not found; it lives in ../shared, outside the repository)." >&2
    echo "classification-quality: no figures measured. The figures last measured are in BENCHMARKS.md (Classification quality)." >&2
    exit 2
fi
# NEWSWIRE=path/to/newswire skips the build (use a binary you already built).
newswire="${NEWSWIRE:-}"
if [ -z "$newswire" ]; then
    swift build --product newswire >&2
    newswire="$(swift build --show-bin-path)/newswire"
fi
echo "== dev split, 5-fold nested cross-validation pooled over ${NEWSWIRE_FIT_NESTED_ROUNDS:-3} outer deals (a fresh fit of deploy/taxonomy.yaml's phrases, settings as scripts/fit-default-taxonomy.sh) =="
"$newswire" taxonomy fit --topics deploy/taxonomy.yaml --examples "$corpus" --split dev \
    --train-also Tests/Fixtures --train-also-labels Tests/Fixtures/classification-training.tsv --terms 30 --nested --nested-rounds "${NEWSWIRE_FIT_NESTED_ROUNDS:-3}" --misses --output /dev/null 2>&1
echo
echo "== test split, the built-in taxonomy (figures only: test misses are never listed) =="
"$newswire" taxonomy evaluate --examples "$corpus" --split test --quiet
