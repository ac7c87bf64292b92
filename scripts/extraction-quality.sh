#!/usr/bin/env bash
# Body-extraction quality on ../shared/extraction-dev (HTML and text dumps), in one release process
# per mode, and optionally trafilatura's figure on the same pages (TRAFILATURA_PYTHON=venv/bin/python).
#   bash scripts/extraction-quality.sh [--show-worst N] [--mode html|text]
set -euo pipefail
cd "$(dirname "$0")/.."
data="${NEWSWIRE_EXTRACTION_DEV:-../shared/extraction-dev}"
if [ ! -f "$data/evaldata.json" ]; then
    echo "extraction quality: the development set is absent ($data/evaldata.json not found); it lives in" \
         "../shared/extraction-dev beside the clone (or set NEWSWIRE_EXTRACTION_DEV). Nothing measured." >&2
    exit 2
fi
swift build -c release --product newswire >&2
if [ "$#" -gt 0 ]; then
    exec python3 scripts/extraction_quality.py --data "$data" "$@"
fi
python3 scripts/extraction_quality.py --data "$data" --mode html
python3 scripts/extraction_quality.py --data "$data" --mode text
if [ -n "${TRAFILATURA_PYTHON:-}" ]; then
    echo "trafilatura, $("$TRAFILATURA_PYTHON" -c 'import trafilatura; print(trafilatura.__version__)'):"
    "$TRAFILATURA_PYTHON" "$data/score.py" --engine trafilatura
fi
