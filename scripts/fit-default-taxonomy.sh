#!/usr/bin/env bash
# Refits the built-in taxonomy's decisions on the dev split of the labelled
# corpus (plus the project's own fixtures and seeds, trained on but never scored)
# and writes them to deploy/taxonomy.yaml and the copy compiled into the
# binary (Sources/NewsClassification/DefaultTaxonomy.swift). The fit is
# deterministic: run on the same corpus it reproduces the committed files byte
# for byte (git diff shows nothing).
#
#   bash scripts/fit-default-taxonomy.sh [CORPUS]   # default ../shared/classification-dev
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-../shared/classification-dev}"
if [ ! -d "$corpus" ]; then
    echo "fit-default-taxonomy: no labelled corpus at $corpus (it lives outside the repository, in ../shared); nothing refitted" >&2
    exit 2
fi
# NEWSWIRE=path/to/newswire skips the build (use a binary you already built).
newswire="${NEWSWIRE:-}"
if [ -z "$newswire" ]; then
    swift build --product newswire >&2
    newswire="$(swift build --show-bin-path)/newswire"
fi
"$newswire" taxonomy fit --topics deploy/taxonomy.yaml --examples "$corpus" --split dev \
    --train-also Tests/Fixtures --train-also-labels Tests/Fixtures/classification-training.tsv --terms 30 --output deploy/taxonomy.yaml
{
    cat <<'SWIFT'
/// The built-in taxonomy as YAML text, so it ships inside the binary
/// (SwiftPM resources need `Bundle.module`, which breaks when the executable
/// is copied into a container without its bundle). Generated from
/// deploy/taxonomy.yaml by scripts/fit-default-taxonomy.sh: edit the YAML
/// (phrases, subject and action terms) and rerun the script.
extension Taxonomy {
    /// YAML of the built-in taxonomy; see ``Taxonomy`` for the format.
    public static let defaultYAML: String = #"""
SWIFT
    cat deploy/taxonomy.yaml
    cat <<'SWIFT'
"""#

    /// The built-in taxonomy, parsed from ``defaultYAML`` once, on first use.
    public static var `default`: Taxonomy { parsedDefault }

    private static let parsedDefault: Taxonomy = {
        do {
            return try Taxonomy(yaml: defaultYAML, source: "DefaultTaxonomy.swift")
        } catch {
            fatalError("the built-in taxonomy is invalid: \(error)")
        }
    }()
}
SWIFT
} > Sources/NewsClassification/DefaultTaxonomy.swift
echo "wrote deploy/taxonomy.yaml and Sources/NewsClassification/DefaultTaxonomy.swift" >&2
