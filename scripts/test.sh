#!/usr/bin/env bash
# The test suite: unit tests plus integration tests that start the real
# executables on loopback TCP with real SQLite files.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-packages.sh

# The Python example clients are tested when python3 and pyzmq are available;
# the shipped newswire_pb2 is regenerated and compared with the pinned
# grpcio-tools (scripts/generate-protos.sh), which also brings protobuf.
if command -v python3 >/dev/null && ! python3 -c 'import zmq' 2>/dev/null; then
  python3 -m pip install --quiet --disable-pip-version-check pyzmq 2>/dev/null \
    || echo "pyzmq not installed: the Python example tests will be skipped" >&2
fi
GRPCIO_TOOLS_VERSION=$(sed -n 's/^PYTHON_GRPCIO_TOOLS_VERSION=//p' scripts/generate-protos.sh)
if command -v python3 >/dev/null \
    && [ "$(python3 -c 'import importlib.metadata as m; print(m.version("grpcio-tools"))' 2>/dev/null)" != "$GRPCIO_TOOLS_VERSION" ]; then
  python3 -m pip install --quiet --disable-pip-version-check "grpcio-tools==$GRPCIO_TOOLS_VERSION" 2>/dev/null \
    || echo "grpcio-tools $GRPCIO_TOOLS_VERSION not installed: the generated Python module test will be skipped" >&2
fi

# Build everything first (the integration tests run the executables), and fail on warnings.
swift build --build-tests 2>&1 | tee .build-warnings.log
if grep -q "warning:" .build-warnings.log; then
  echo "the build printed warnings (see above); the project builds warning-free" >&2
  rm -f .build-warnings.log
  exit 1
fi
rm -f .build-warnings.log
swift test --skip-build "$@"
