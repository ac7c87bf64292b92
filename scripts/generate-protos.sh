#!/usr/bin/env bash
# Regenerates Sources/NewsModels/Generated/*.pb.swift from proto-docs/**/*.proto.
#
# The generated Swift is committed: building protoc-gen-swift takes minutes, so
# CI never does it. Run this after editing a .proto and commit both.
#
# Needs protoc (apt: protobuf-compiler). Builds protoc-gen-swift from the same
# swift-protobuf version the package depends on, once, into .build-protoc/.
set -euo pipefail
cd "$(dirname "$0")/.."

SWIFT_PROTOBUF_VERSION=1.39.0
PLUGIN_DIR=.build-protoc
PLUGIN="$PLUGIN_DIR/swift-protobuf/.build/release/protoc-gen-swift"

if ! command -v protoc >/dev/null; then
  echo "protoc not found: apt-get install -y protobuf-compiler" >&2
  exit 1
fi
if [ ! -x "$PLUGIN" ]; then
  mkdir -p "$PLUGIN_DIR"
  [ -d "$PLUGIN_DIR/swift-protobuf" ] || git clone --quiet --branch "$SWIFT_PROTOBUF_VERSION" \
      https://github.com/apple/swift-protobuf.git "$PLUGIN_DIR/swift-protobuf"
  swift build -c release --package-path "$PLUGIN_DIR/swift-protobuf" --product protoc-gen-swift
fi

OUT=Sources/NewsModels/Generated
rm -f "$OUT"/*.pb.swift
protoc \
  --plugin=protoc-gen-swift="$PLUGIN" \
  --proto_path=proto-docs \
  --swift_opt=Visibility=Public \
  --swift_opt=FileNaming=DropPath \
  --swift_opt=UseAccessLevelOnImports=true \
  --swift_out="$OUT" \
  $(find proto-docs -name '*.proto' | sort)
echo "generated: $(ls "$OUT")"
