#!/bin/sh
# Runs probe.lua in a headless Neovim 0.7+ against a scratch copy of examples/broken.
# Usage: e2e/neovim/run.sh [path/to/strata.jar]   (default: server/target/strata.jar)
#   With STRATA_CLASSPATH set (and no argument), the server runs from that class path instead of a jar.
# Exit status: 0 when every step passed, 1 when a step failed (printed), 2 when something is missing.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
command -v nvim >/dev/null 2>&1 || { echo "run.sh: nvim is not on PATH (apt-get install -y neovim)" >&2; exit 2; }
if [ $# -gt 0 ] || [ -z "${STRATA_CLASSPATH:-}" ]; then
  jar=${1:-$top/server/target/strata.jar}
  [ -f "$jar" ] || { echo "run.sh: $jar not found; build it with: cd server && mvn -DskipTests package" >&2; exit 2; }
  STRATA_JAR=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")
  export STRATA_JAR
  unset STRATA_CLASSPATH
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT INT TERM
cp -R "$top/examples/broken" "$scratch/repo"
STRATA_REPO=$(cd "$scratch/repo" && pwd -P)
export STRATA_REPO

cd "$STRATA_REPO"
timeout 180 nvim --headless -u NONE -i NONE -n -c "luafile $here/probe.lua" \
  "$STRATA_REPO/kubernetes/apps/storage/ceph-csi/ks.yaml"
