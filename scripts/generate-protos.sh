#!/usr/bin/env bash
# Regenerates the code generated from proto-docs/**/*.proto, all committed:
#   swift   Sources/NewsModels/Generated/*.pb.swift (the services' messages)
#   python  proto-docs/examples/newswire/v1/newswire_pb2.py (for Python clients)
#
#   bash scripts/generate-protos.sh               # both
#   bash scripts/generate-protos.sh python [DIR]  # Python only, into DIR (default proto-docs/examples)
#   bash scripts/generate-protos.sh swift         # Swift only
#
# Run it after editing a .proto and commit the results.
#
# Swift: needs protoc (apt: protobuf-compiler). Builds protoc-gen-swift from the
# same swift-protobuf version the package depends on, once, into .build-protoc/
# (minutes, so CI never does it).
#
# Python: generated with a PINNED compiler, so the committed file is
# reproducible byte for byte (IntegrationTests' "Generated Python module" test
# regenerates it and compares): grpcio-tools 1.85.1 from PyPI, which bundles
# libprotoc 35.1. Its output needs the protobuf runtime 7.35.1 or newer (7.x)
# at run time (proto-docs/examples/requirements.txt). scripts/test.sh installs it.
set -euo pipefail
cd "$(dirname "$0")/.."

SWIFT_PROTOBUF_VERSION=1.39.0
PYTHON_GRPCIO_TOOLS_VERSION=1.85.1
PYTHON_LIBPROTOC_VERSION=35.1

generate_swift() {
  local plugin_dir=.build-protoc
  local plugin="$plugin_dir/swift-protobuf/.build/release/protoc-gen-swift"
  if ! command -v protoc >/dev/null; then
    echo "protoc not found: apt-get install -y protobuf-compiler" >&2
    exit 1
  fi
  if [ ! -x "$plugin" ]; then
    mkdir -p "$plugin_dir"
    [ -d "$plugin_dir/swift-protobuf" ] || git clone --quiet --branch "$SWIFT_PROTOBUF_VERSION" \
        https://github.com/apple/swift-protobuf.git "$plugin_dir/swift-protobuf"
    swift build -c release --package-path "$plugin_dir/swift-protobuf" --product protoc-gen-swift
  fi
  local out=Sources/NewsModels/Generated
  rm -f "$out"/*.pb.swift
  protoc \
    --plugin=protoc-gen-swift="$plugin" \
    --proto_path=proto-docs \
    --swift_opt=Visibility=Public \
    --swift_opt=FileNaming=DropPath \
    --swift_opt=UseAccessLevelOnImports=true \
    --swift_out="$out" \
    $(find proto-docs -name '*.proto' | sort)
  echo "generated: $(ls "$out")"
}

generate_python() {
  local out="${1:-proto-docs/examples}"
  local python="${PYTHON:-python3}"
  local installed
  installed=$("$python" -c 'import importlib.metadata as m; print(m.version("grpcio-tools"))' 2>/dev/null || true)
  if [ "$installed" != "$PYTHON_GRPCIO_TOOLS_VERSION" ]; then
    echo "grpcio-tools $PYTHON_GRPCIO_TOOLS_VERSION is needed (found: ${installed:-none}):" \
         "$python -m pip install grpcio-tools==$PYTHON_GRPCIO_TOOLS_VERSION" >&2
    exit 1
  fi
  local compiler
  compiler=$("$python" -m grpc_tools.protoc --version)
  if [ "$compiler" != "libprotoc $PYTHON_LIBPROTOC_VERSION" ]; then
    echo "grpcio-tools $PYTHON_GRPCIO_TOOLS_VERSION reports '$compiler', expected 'libprotoc $PYTHON_LIBPROTOC_VERSION'" >&2
    exit 1
  fi
  mkdir -p "$out"
  # Only the protocol's own files: the well-known types (timestamp.proto) come with the protobuf package.
  "$python" -m grpc_tools.protoc --proto_path=proto-docs --python_out="$out" \
    $(cd proto-docs && find newswire -name '*.proto' | sort)
  echo "generated: $(cd "$out" && find newswire -name '*_pb2.py' | sort | tr '\n' ' ')"
}

case "${1:-all}" in
  python) generate_python "${2:-}" ;;
  swift) generate_swift ;;
  all) generate_swift; generate_python ;;
  *) echo "usage: $0 [all | swift | python [DIR]]" >&2; exit 2 ;;
esac
