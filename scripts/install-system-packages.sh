#!/usr/bin/env bash
# Installs the Debian packages Newswire builds against, when they are missing:
# libzmq3-dev (ZeroMQ), libsqlite3-dev (SQLite, for GRDB), pkg-config.
# Optional extras for the Python example clients: python3 with pyzmq.
set -euo pipefail

packages=(libzmq3-dev libsqlite3-dev pkg-config)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v swift >/dev/null; then
  echo "swift not found: install the Swift 6 toolchain (https://www.swift.org/install/linux/)" >&2
  exit 1
fi
